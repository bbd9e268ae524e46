"""The candidate-facing phrases of the project week's day itself, per language (merged into
``phrasebook_texts.PHRASES``, kept apart for the module size): the pick-up (``transport_pickup``, and ``_off`` for a
candidate no longer on a run) and a freed interview slot offered to a reserve (``reserve_offer``). Written by us,
awaiting a native speaker's check like the rest (``phrasebook.AWAITING_CHECK``)."""

DAY_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "transport_pickup_subject": "Pick-up on {day} at {start}",
        "transport_pickup_body": (
            "On {day} you are picked up at {start}. Please be there on time. This replaces any earlier pick-up time "
            "you were given."
        ),
        "transport_pickup_sms": "JobRoad: pick-up {day} at {start}. Please be there on time.",
        "transport_pickup_off_subject": "No pick-up on {day}",
        "transport_pickup_off_body": (
            "You are no longer on the pick-up from {centre} on {day}. JobRoad will tell you how to get to your "
            "appointments."
        ),
        "transport_pickup_off_sms": "JobRoad: no pick-up for you on {day} from {centre}. JobRoad will tell you more.",
        "reserve_offer_subject": "A place for you: job interview at {company} on {day}",
        "reserve_offer_body": (
            "A place has come free: you can have a job interview at {company} on {day} at {interview}. The "
            "organisation that registered you will help you get there in time."
        ),
        "reserve_offer_sms": (
            "JobRoad: a place came free for you. Job interview at {company}, {day} at {interview}. Your "
            "organisation will help you get there."
        ),
    },
    "ar": {
        "transport_pickup_subject": "موعد اصطحابك يوم {day} الساعة {start}",
        "transport_pickup_body": (
            "يوم {day} سيتم اصطحابك الساعة {start}. يُرجى الحضور في الوقت المحدد. هذا الموعد يحل محل أي موعد "
            "اصطحاب سابق أُعطي لك."
        ),
        "transport_pickup_sms": "JobRoad: الاصطحاب {day} الساعة {start}. يُرجى الحضور في الوقت المحدد.",
        "transport_pickup_off_subject": "لا يوجد اصطحاب يوم {day}",
        "transport_pickup_off_body": (
            "لم تعد ضمن رحلة الاصطحاب من {centre} يوم {day}. سيخبرك JobRoad كيف تصل إلى مواعيدك."
        ),
        "transport_pickup_off_sms": "JobRoad: لا يوجد اصطحاب لك يوم {day} من {centre}. سيخبرك JobRoad بالمزيد.",
        "reserve_offer_subject": "مكان لك: مقابلة عمل في {company} يوم {day}",
        "reserve_offer_body": (
            "أصبح هناك مكان شاغر: يمكنك إجراء مقابلة عمل في {company} يوم {day} الساعة {interview}. ستساعدك "
            "الجهة التي سجّلتك على الوصول في الوقت المحدد."
        ),
        "reserve_offer_sms": (
            "JobRoad: أصبح هناك مكان شاغر لك. مقابلة عمل في {company}، {day} الساعة {interview}. ستساعدك الجهة "
            "التي سجّلتك على الوصول."
        ),
    },
    "fa": {
        "transport_pickup_subject": "سوار شدن روز {day} ساعت {start}",
        "transport_pickup_body": (
            "روز {day} ساعت {start} شما را سوار می‌کنیم. لطفاً سر وقت آنجا باشید. این زمان جایگزین هر زمان "
            "قبلی است که به شما داده شده بود."
        ),
        "transport_pickup_sms": "JobRoad: سوار شدن {day} ساعت {start}. لطفاً سر وقت آنجا باشید.",
        "transport_pickup_off_subject": "روز {day} سرویس رفت‌وآمد ندارید",
        "transport_pickup_off_body": (
            "شما دیگر در سرویس رفت‌وآمد {centre} در روز {day} نیستید. JobRoad به شما خواهد گفت چگونه به "
            "قرارهایتان برسید."
        ),
        "transport_pickup_off_sms": "JobRoad: روز {day} سرویس {centre} برای شما نیست. JobRoad بیشتر خواهد گفت.",
        "reserve_offer_subject": "یک جا برای شما: مصاحبهٔ کاری در {company}، روز {day}",
        "reserve_offer_body": (
            "یک جای خالی پیدا شد: می‌توانید روز {day} ساعت {interview} در {company} مصاحبهٔ کاری داشته باشید. "
            "سازمانی که شما را ثبت‌نام کرده کمک می‌کند سر وقت برسید."
        ),
        "reserve_offer_sms": (
            "JobRoad: یک جای خالی برای شما. مصاحبهٔ کاری در {company}، {day} ساعت {interview}. سازمان شما کمک "
            "می‌کند برسید."
        ),
    },
    "prs": {
        "transport_pickup_subject": "سوار شدن روز {day} ساعت {start}",
        "transport_pickup_body": (
            "روز {day} ساعت {start} شما را با موتر می‌بریم. لطفاً سر وقت آنجا باشید. این وقت جای هر وقت "
            "قبلی را می‌گیرد که به شما داده شده بود."
        ),
        "transport_pickup_sms": "JobRoad: سوار شدن {day} ساعت {start}. لطفاً سر وقت آنجا باشید.",
        "transport_pickup_off_subject": "روز {day} موتر برای شما نیست",
        "transport_pickup_off_body": (
            "شما دیگر در موتر {centre} در روز {day} نیستید. JobRoad به شما خواهد گفت چطور به ملاقات‌های تان برسید."
        ),
        "transport_pickup_off_sms": "JobRoad: روز {day} موتر {centre} برای شما نیست. JobRoad بیشتر خواهد گفت.",
        "reserve_offer_subject": "یک جا برای شما: مصاحبهٔ کاری در {company}، روز {day}",
        "reserve_offer_body": (
            "یک جای خالی پیدا شد: می‌توانید روز {day} ساعت {interview} در {company} مصاحبهٔ کاری داشته باشید. "
            "اداره‌ای که شما را ثبت کرده کمک می‌کند سر وقت برسید."
        ),
        "reserve_offer_sms": (
            "JobRoad: یک جای خالی برای شما. مصاحبهٔ کاری در {company}، {day} ساعت {interview}. ادارهٔ شما کمک "
            "می‌کند برسید."
        ),
    },
    "ps": {
        "transport_pickup_subject": "ستاسو د بوتلو وخت: {day}، ساعت {start}",
        "transport_pickup_body": (
            "په {day} ساعت {start} به تاسو له ځانه سره بوځو. مهرباني وکړئ په وخت هلته اوسئ. دا وخت د هر هغه "
            "پخواني وخت ځای نیسي چې تاسو ته درکړل شوی و."
        ),
        "transport_pickup_sms": "JobRoad: د بوتلو وخت {day} ساعت {start}. مهرباني وکړئ په وخت اوسئ.",
        "transport_pickup_off_subject": "په {day} بوتلل نشته",
        "transport_pickup_off_body": (
            "تاسو نور د {centre} څخه د {day} په بوتلو کې نه یاست. JobRoad به تاسو ته ووايي چې خپلو ملاقاتونو "
            "ته څنګه ورسېږئ."
        ),
        "transport_pickup_off_sms": "JobRoad: په {day} له {centre} څخه ستاسو لپاره بوتلل نشته. JobRoad به نور ووايي.",
        "reserve_offer_subject": "ستاسو لپاره ځای: په {company} کې د دندې مرکه، {day}",
        "reserve_offer_body": (
            "یو ځای خالي شو: تاسو کولی شئ په {day} ساعت {interview} په {company} کې د دندې مرکه ولرئ. هغه اداره "
            "چې تاسو یې ثبت کړي یاست مرسته کوي چې په وخت ورسېږئ."
        ),
        "reserve_offer_sms": (
            "JobRoad: ستاسو لپاره یو ځای خالي شو. په {company} کې د دندې مرکه، {day} ساعت {interview}. ستاسو "
            "اداره به مرسته وکړي چې ورسېږئ."
        ),
    },
    "ti": {
        "transport_pickup_subject": "ምውሳድ፡ {day} ሰዓት {start}",
        "transport_pickup_body": (
            "ኣብ {day} ሰዓት {start} ክንወስደኩም ኢና። በጃኹም ብሰዓቱ ኣብኡ ተረኸቡ። እዚ ግዜ ነቲ ቅድሚ ሕጂ ዝተዋህበኩም ግዜ ይትክኦ።"
        ),
        "transport_pickup_sms": "JobRoad: ምውሳድ {day} ሰዓት {start}። በጃኹም ብሰዓቱ ተረኸቡ።",
        "transport_pickup_off_subject": "ኣብ {day} ምውሳድ የለን",
        "transport_pickup_off_body": (
            "ካብ {centre} ኣብ {day} ኣብቲ ምውሳድ ድሕሪ ሕጂ የለኹምን። JobRoad ናብ ቆጸራታትኩም ከመይ ከም እትበጽሑ ክሕብረኩም እዩ።"
        ),
        "transport_pickup_off_sms": "JobRoad: ኣብ {day} ካብ {centre} ምውሳድ የለኩምን። JobRoad ክሕብረኩም እዩ።",
        "reserve_offer_subject": "ቦታ ንዓኹም፡ ቃለ-መሕትት ስራሕ ኣብ {company}፡ {day}",
        "reserve_offer_body": (
            "ባዶ ቦታ ተረኺቡ፡ ኣብ {day} ሰዓት {interview} ኣብ {company} ቃለ-መሕትት ስራሕ ክህልወኩም ይኽእል። እቲ "
            "ዘመዝገበኩም ትካል ብሰዓቱ ክትበጽሑ ክሕግዘኩም እዩ።"
        ),
        "reserve_offer_sms": (
            "JobRoad: ባዶ ቦታ ንዓኹም። ቃለ-መሕትት ስራሕ ኣብ {company}፡ {day} ሰዓት {interview}። ዘመዝገበኩም ትካል ክሕግዘኩም እዩ።"
        ),
    },
    "so": {
        "transport_pickup_subject": "Qaadista {day} saacadda {start}",
        "transport_pickup_body": (
            "{day} waxaa lagu qaadayaa saacadda {start}. Fadlan waqtiga ku joog. Tani waxay beddeshaa waqti kasta "
            "oo qaadis ah oo hore laguu siiyay."
        ),
        "transport_pickup_sms": "JobRoad: qaadista {day} saacadda {start}. Fadlan waqtiga ku joog.",
        "transport_pickup_off_subject": "Qaadis ma jiro {day}",
        "transport_pickup_off_body": (
            "Hadda kuma jirtid qaadista {centre} ee {day}. JobRoad ayaa kuu sheegi doonta sida aad u gaari lahayd "
            "ballamahaaga."
        ),
        "transport_pickup_off_sms": "JobRoad: qaadis kuma jiro {day} ee {centre}. JobRoad ayaa kuu sheegi doonta.",
        "reserve_offer_subject": "Meel adiga kuu bannaan: wareysi shaqo {company}, {day}",
        "reserve_offer_body": (
            "Meel ayaa bannaanaatay: waxaad wareysi shaqo ku yeelan kartaa {company} {day} saacadda {interview}. "
            "Hay'adda ku diiwaangelisay ayaa kaa caawin doonta inaad waqtiga ku gaarto."
        ),
        "reserve_offer_sms": (
            "JobRoad: meel ayaa kuu bannaanaatay. Wareysi shaqo {company}, {day} saacadda {interview}. Hay'addaadu "
            "way ku caawin doontaa."
        ),
    },
    "uk": {
        "transport_pickup_subject": "Трансфер {day} о {start}",
        "transport_pickup_body": (
            "{day} вас заберуть о {start}. Будь ласка, приходьте вчасно. Цей час замінює будь-який попередній час, "
            "який вам повідомили."
        ),
        "transport_pickup_sms": "JobRoad: трансфер {day} о {start}. Будь ласка, приходьте вчасно.",
        "transport_pickup_off_subject": "{day} трансферу немає",
        "transport_pickup_off_body": (
            "Вас більше немає в трансфері з {centre} {day}. JobRoad повідомить вам, як дістатися на ваші зустрічі."
        ),
        "transport_pickup_off_sms": "JobRoad: {day} трансферу з {centre} для вас немає. JobRoad повідомить більше.",
        "reserve_offer_subject": "Місце для вас: співбесіда в {company}, {day}",
        "reserve_offer_body": (
            "Звільнилося місце: ви можете пройти співбесіду в {company} {day} о {interview}. Організація, яка вас "
            "зареєструвала, допоможе вам вчасно дістатися."
        ),
        "reserve_offer_sms": (
            "JobRoad: для вас звільнилося місце. Співбесіда в {company}, {day} о {interview}. Ваша організація "
            "допоможе дістатися."
        ),
    },
    "ru": {
        "transport_pickup_subject": "Трансфер {day} в {start}",
        "transport_pickup_body": (
            "{day} вас заберут в {start}. Пожалуйста, приходите вовремя. Это время заменяет любое время, "
            "сообщённое вам ранее."
        ),
        "transport_pickup_sms": "JobRoad: трансфер {day} в {start}. Пожалуйста, приходите вовремя.",
        "transport_pickup_off_subject": "{day} трансфера нет",
        "transport_pickup_off_body": (
            "Вас больше нет в трансфере из {centre} {day}. JobRoad сообщит вам, как добраться на ваши встречи."
        ),
        "transport_pickup_off_sms": "JobRoad: {day} трансфера из {centre} для вас нет. JobRoad сообщит больше.",
        "reserve_offer_subject": "Место для вас: собеседование в {company}, {day}",
        "reserve_offer_body": (
            "Освободилось место: вы можете пройти собеседование в {company} {day} в {interview}. Организация, "
            "которая вас зарегистрировала, поможет вам вовремя добраться."
        ),
        "reserve_offer_sms": (
            "JobRoad: для вас освободилось место. Собеседование в {company}, {day} в {interview}. Ваша организация "
            "поможет добраться."
        ),
    },
    "tr": {
        "transport_pickup_subject": "Servis: {day}, saat {start}",
        "transport_pickup_body": (
            "{day} günü saat {start} sizi servisle alacağız. Lütfen zamanında orada olun. Bu saat, size daha önce "
            "verilen tüm servis saatlerinin yerine geçer."
        ),
        "transport_pickup_sms": "JobRoad: servis {day}, saat {start}. Lütfen zamanında orada olun.",
        "transport_pickup_off_subject": "{day} günü servis yok",
        "transport_pickup_off_body": (
            "{day} günü {centre} servisinde artık yoksunuz. Randevularınıza nasıl gideceğinizi JobRoad size bildirecek."
        ),
        "transport_pickup_off_sms": "JobRoad: {day} günü {centre} servisinde yeriniz yok. JobRoad size bildirecek.",
        "reserve_offer_subject": "Size bir yer: {company} şirketinde iş görüşmesi, {day}",
        "reserve_offer_body": (
            "Bir yer boşaldı: {day} günü saat {interview} {company} şirketinde iş görüşmesi yapabilirsiniz. Sizi "
            "kaydeden kuruluş zamanında varmanıza yardım edecek."
        ),
        "reserve_offer_sms": (
            "JobRoad: size bir yer boşaldı. {company} şirketinde iş görüşmesi, {day}, saat {interview}. "
            "Kuruluşunuz varmanıza yardım edecek."
        ),
    },
}

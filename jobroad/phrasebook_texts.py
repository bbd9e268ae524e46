"""The candidate-facing message phrases per language, for languages without a UI catalogue; a native speaker checks them
before real use (see jobroad.phrasebook)."""

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "hello": "Hello {name},",
        "hello_anonymous": "Hello,",
        "where": "Where:",
        "goodbye": "Kind regards,",
        "calendar": "The attached calendar invitation adds it to your agenda.",
        "replaces": "This replaces any earlier time you were given.",
        "interview_scheduled_subject": "Job interview at {company} on {day}",
        "interview_scheduled_body": (
            "You have a job interview at {company} on {day}. The guided visit of the company starts at "
            "{start}; your interview is at {interview}."
        ),
        "interview_scheduled_sms": "JobRoad: job interview at {company}, {day}. Visit {start}, interview {interview}.",
        "interview_reminder_subject": "Reminder: {company} on {day} at {start}",
        "interview_reminder_body": (
            "A reminder: your visit and job interview at {company} on {day}, from {start} to {end}."
        ),
        "interview_reminder_sms": "JobRoad reminder: {company}, {day} at {start}.",
        "interview_cancelled_subject": "Cancelled: {company} on {day}",
        "interview_cancelled_body": (
            "Your appointment at {company} on {day} (interview at {interview}) is cancelled. Please do not go "
            "there. JobRoad will contact you if there is a new time."
        ),
        "interview_cancelled_sms": "JobRoad: {company} on {day} ({interview}) is cancelled. Do not go there.",
        "workshop_reminder_subject": "Reminder: workshop {title} on {day}",
        "workshop_reminder_body": "You are expected at the workshop {title} on {day}, from {start} to {end}.",
        "workshop_reminder_sms": "JobRoad reminder: workshop {title}, {day} at {start}.",
        "workshop_cancelled_subject": "Cancelled: workshop {title} on {day}",
        "workshop_cancelled_body": (
            "The workshop {title} on {day} at {start} is cancelled. "
            "Please do not go there. JobRoad will tell you when there is a new date."
        ),
        "workshop_cancelled_sms": "JobRoad: workshop {title}, {day} {start} is cancelled. Do not go there.",
    },
    "ar": {
        "hello": "مرحبًا {name}،",
        "hello_anonymous": "مرحبًا،",
        "where": "المكان:",
        "goodbye": "مع أطيب التحيات،",
        "calendar": "الدعوة المرفقة تضيف هذا الموعد إلى تقويمك.",
        "replaces": "هذا الموعد يحل محل أي موعد سابق أُعطي لك.",
        "interview_scheduled_subject": "مقابلة عمل في {company} يوم {day}",
        "interview_scheduled_body": (
            "لديك مقابلة عمل في {company} يوم {day}. تبدأ زيارة الشركة مع مرشد الساعة {start}، ومقابلتك الساعة "
            "{interview}."
        ),
        "interview_scheduled_sms": "JobRoad: مقابلة عمل في {company}، {day}. الزيارة {start}، المقابلة {interview}.",
        "interview_reminder_subject": "تذكير: {company} يوم {day} الساعة {start}",
        "interview_reminder_body": "تذكير: زيارتك ومقابلة العمل في {company} يوم {day}، من {start} إلى {end}.",
        "interview_reminder_sms": "تذكير من JobRoad: {company}، {day} الساعة {start}.",
        "interview_cancelled_subject": "تم الإلغاء: {company} يوم {day}",
        "interview_cancelled_body": (
            "تم إلغاء موعدك في {company} يوم {day} (المقابلة الساعة {interview}). يُرجى عدم الذهاب إلى هناك. "
            "سيتواصل معك JobRoad إذا تحدد موعد جديد."
        ),
        "interview_cancelled_sms": "JobRoad: تم إلغاء {company} يوم {day} ({interview}). يُرجى عدم الذهاب.",
        "workshop_reminder_subject": "تذكير: ورشة {title} يوم {day}",
        "workshop_reminder_body": "ننتظرك في ورشة {title} يوم {day}، من {start} إلى {end}.",
        "workshop_reminder_sms": "تذكير من JobRoad: ورشة {title}، {day} الساعة {start}.",
        "workshop_cancelled_subject": "أُلغيت: ورشة {title} يوم {day}",
        "workshop_cancelled_body": (
            "أُلغيت ورشة {title} يوم {day} الساعة {start}. "
            "يُرجى عدم الذهاب إلى هناك. ستخبرك JobRoad عندما يكون هناك موعد جديد."
        ),
        "workshop_cancelled_sms": "JobRoad: أُلغيت ورشة {title}، {day} {start}. يُرجى عدم الذهاب.",
    },
    "fa": {
        "hello": "سلام {name}،",
        "hello_anonymous": "سلام،",
        "where": "مکان:",
        "goodbye": "با احترام،",
        "calendar": "با دعوت‌نامهٔ تقویم پیوست، این قرار به تقویم شما اضافه می‌شود.",
        "replaces": "این زمان جایگزین هر زمانی است که قبلاً به شما داده شده بود.",
        "interview_scheduled_subject": "مصاحبهٔ کاری در {company}، روز {day}",
        "interview_scheduled_body": (
            "شما روز {day} در {company} مصاحبهٔ کاری دارید. بازدید از شرکت همراه با راهنما ساعت {start} شروع "
            "می‌شود؛ مصاحبهٔ شما ساعت {interview} است."
        ),
        "interview_scheduled_sms": "JobRoad: مصاحبهٔ کاری در {company}، {day}. بازدید {start}، مصاحبه {interview}.",
        "interview_reminder_subject": "یادآوری: {company}، روز {day} ساعت {start}",
        "interview_reminder_body": (
            "یادآوری: بازدید و مصاحبهٔ کاری شما در {company}، روز {day}، از ساعت {start} تا {end}."
        ),
        "interview_reminder_sms": "یادآوری JobRoad: {company}، {day} ساعت {start}.",
        "interview_cancelled_subject": "لغو شد: {company}، روز {day}",
        "interview_cancelled_body": (
            "قرار شما در {company} روز {day} (مصاحبه ساعت {interview}) لغو شده است. لطفاً به آنجا نروید. اگر "
            "زمان جدیدی تعیین شود، JobRoad با شما تماس می‌گیرد."
        ),
        "interview_cancelled_sms": "JobRoad: {company} روز {day} ({interview}) لغو شد. به آنجا نروید.",
        "workshop_reminder_subject": "یادآوری: کارگاه {title}، روز {day}",
        "workshop_reminder_body": "ما روز {day} از ساعت {start} تا {end} در کارگاه {title} منتظر شما هستیم.",
        "workshop_reminder_sms": "یادآوری JobRoad: کارگاه {title}، {day} ساعت {start}.",
        "workshop_cancelled_subject": "لغو شد: کارگاه {title} در {day}",
        "workshop_cancelled_body": (
            "کارگاه {title} در روز {day} ساعت {start} لغو شد. لطفاً به آنجا نروید. "
            "JobRoad وقتی تاریخ جدیدی باشد به شما خبر می‌دهد."
        ),
        "workshop_cancelled_sms": "JobRoad: کارگاه {title}، {day} {start} لغو شد. به آنجا نروید.",
    },
    "prs": {
        "hello": "سلام {name}،",
        "hello_anonymous": "سلام،",
        "where": "محل:",
        "goodbye": "با احترام،",
        "calendar": "دعوت‌نامهٔ تقویم که ضمیمه است، این ملاقات را به تقویم شما اضافه می‌کند.",
        "replaces": "این وقت، جای هر وقتی را که قبلاً به شما داده شده بود، می‌گیرد.",
        "interview_scheduled_subject": "مصاحبهٔ کاری در {company}، روز {day}",
        "interview_scheduled_body": (
            "شما روز {day} در {company} مصاحبهٔ کاری دارید. بازدید از شرکت همراه با رهنما ساعت {start} شروع "
            "می‌شود؛ مصاحبهٔ شما ساعت {interview} است."
        ),
        "interview_scheduled_sms": "JobRoad: مصاحبهٔ کاری در {company}، {day}. بازدید {start}، مصاحبه {interview}.",
        "interview_reminder_subject": "یادآوری: {company}، روز {day} ساعت {start}",
        "interview_reminder_body": (
            "یادآوری: بازدید و مصاحبهٔ کاری شما در {company}، روز {day}، از ساعت {start} تا {end}."
        ),
        "interview_reminder_sms": "یادآوری JobRoad: {company}، {day} ساعت {start}.",
        "interview_cancelled_subject": "لغو شد: {company}، روز {day}",
        "interview_cancelled_body": (
            "ملاقات شما در {company} روز {day} (مصاحبه ساعت {interview}) لغو شده است. لطفاً به آنجا نروید. اگر "
            "وقت نو تعیین شود، JobRoad با شما تماس می‌گیرد."
        ),
        "interview_cancelled_sms": "JobRoad: {company} روز {day} ({interview}) لغو شد. به آنجا نروید.",
        "workshop_reminder_subject": "یادآوری: ورکشاپ {title}، روز {day}",
        "workshop_reminder_body": "ما روز {day} از ساعت {start} تا {end} در ورکشاپ {title} منتظر شما هستیم.",
        "workshop_reminder_sms": "یادآوری JobRoad: ورکشاپ {title}، {day} ساعت {start}.",
        "workshop_cancelled_subject": "لغو شد: ورکشاپ {title} در {day}",
        "workshop_cancelled_body": (
            "ورکشاپ {title} به تاریخ {day} ساعت {start} لغو شد. "
            "لطفاً به آنجا نروید. JobRoad وقتی تاریخ نو باشد برایتان خبر می‌دهد."
        ),
        "workshop_cancelled_sms": "JobRoad: ورکشاپ {title}، {day} {start} لغو شد. آنجا نروید.",
    },
    "ps": {
        "hello": "سلام {name}،",
        "hello_anonymous": "سلام،",
        "where": "ځای:",
        "goodbye": "په درنښت،",
        "calendar": "ضمیمه شوې د جنترۍ بلنه دا وخت ستاسو جنتري ته ورزیاتوي.",
        "replaces": "دا وخت د هر هغه وخت ځای نیسي چې مخکې درکړل شوی و.",
        "interview_scheduled_subject": "په {company} کې د دندې مرکه، {day}",
        "interview_scheduled_body": (
            "تاسو په {day} په {company} کې د دندې مرکه لرئ. له لارښود سره د شرکت لیدنه په {start} بجو پیلیږي؛ "
            "ستاسو مرکه په {interview} بجو ده."
        ),
        "interview_scheduled_sms": "JobRoad: په {company} کې د دندې مرکه، {day}. لیدنه {start}، مرکه {interview}.",
        "interview_reminder_subject": "یادونه: {company}، {day} په {start} بجو",
        "interview_reminder_body": (
            "یادونه: په {company} کې ستاسو لیدنه او د دندې مرکه، {day}، له {start} څخه تر {end} پورې."
        ),
        "interview_reminder_sms": "د JobRoad یادونه: {company}، {day} په {start} بجو.",
        "interview_cancelled_subject": "لغوه شو: {company}، {day}",
        "interview_cancelled_body": (
            "په {company} کې ستاسو ملاقات په {day} (مرکه په {interview} بجو) لغوه شو. مهرباني وکړئ هلته مه ځئ. "
            "که نوی وخت وټاکل شي، JobRoad به له تاسو سره اړیکه ونیسي."
        ),
        "interview_cancelled_sms": "JobRoad: {company}، {day} ({interview}) لغوه شو. هلته مه ځئ.",
        "workshop_reminder_subject": "یادونه: ورکشاپ {title}، {day}",
        "workshop_reminder_body": "موږ په {day} له {start} څخه تر {end} پورې د {title} ورکشاپ کې ستاسو انتظار کوو.",
        "workshop_reminder_sms": "د JobRoad یادونه: ورکشاپ {title}، {day} په {start} بجو.",
        "workshop_cancelled_subject": "لغوه شوه: ورکشاپ {title} په {day}",
        "workshop_cancelled_body": (
            "د {title} ورکشاپ چې په {day} د {start} بجو و، لغوه شو. "
            "مهرباني وکړئ هلته مه ځئ. JobRoad به تاسو ته خبر درکړي کله چې نوې نېټه وي."
        ),
        "workshop_cancelled_sms": "JobRoad: ورکشاپ {title}، {day} {start} لغوه شو. هلته مه ځئ.",
    },
    "ti": {
        "hello": "ሰላም {name}፣",
        "hello_anonymous": "ሰላም፣",
        "where": "ቦታ፦",
        "goodbye": "ምስ ሰላምታ፣",
        "calendar": "እቲ ተተሓሒዙ ዘሎ ዕድመ ዓውደ ኣዋርሕ ነዚ ቆጸራ ናብ መደብኩም ይውስኾ።",
        "replaces": "እዚ ግዜ ንዝኾነ ቅድሚ ሕጂ ዝተዋህበኩም ግዜ ይትክኦ።",
        "interview_scheduled_subject": "ቃለ-መሕትት ስራሕ ኣብ {company}፣ {day}",
        "interview_scheduled_body": (
            "ኣብ {company} {day} ቃለ-መሕትት ስራሕ ኣለኩም። ምስ መራሒ ዝግበር ምብጻሕ ናይቲ ትካል ሰዓት {start} ይጅምር፤ ቃለ-መሕትትኩም ሰዓት "
            "{interview} እዩ።"
        ),
        "interview_scheduled_sms": "JobRoad፦ ቃለ-መሕትት ስራሕ ኣብ {company}፣ {day}። ምብጻሕ {start}፣ ቃለ-መሕትት {interview}።",
        "interview_reminder_subject": "መዘኻኸሪ፦ {company}፣ {day} ሰዓት {start}",
        "interview_reminder_body": "መዘኻኸሪ፦ ምብጻሕኩምን ቃለ-መሕትት ስራሕኩምን ኣብ {company}፣ {day}፣ ካብ {start} ክሳብ {end}።",
        "interview_reminder_sms": "መዘኻኸሪ JobRoad፦ {company}፣ {day} ሰዓት {start}።",
        "interview_cancelled_subject": "ተሰሪዙ፦ {company}፣ {day}",
        "interview_cancelled_body": (
            "ኣብ {company} {day} ዝነበረኩም ቆጸራ (ቃለ-መሕትት ሰዓት {interview}) ተሰሪዙ ኣሎ። በጃኹም ናብቲ ቦታ ኣይትኺዱ። ሓድሽ ግዜ እንተሎ "
            "JobRoad ክራኸበኩም እዩ።"
        ),
        "interview_cancelled_sms": "JobRoad፦ {company}፣ {day} ({interview}) ተሰሪዙ። ናብቲ ቦታ ኣይትኺዱ።",
        "workshop_reminder_subject": "መዘኻኸሪ፦ ዓውደ-ስራሕ {title}፣ {day}",
        "workshop_reminder_body": "{day} ካብ {start} ክሳብ {end} ኣብ ዓውደ-ስራሕ {title} ንጽበየኩም ኣለና።",
        "workshop_reminder_sms": "መዘኻኸሪ JobRoad፦ ዓውደ-ስራሕ {title}፣ {day} ሰዓት {start}።",
        "workshop_cancelled_subject": "ተሰሪዙ፦ ዓውደ-ስራሕ {title}፣ {day}",
        "workshop_cancelled_body": (
            "ዓውደ-ስራሕ {title}፣ {day} ሰዓት {start}፣ ተሰሪዙ እዩ። በጃኹም ናብቲ ቦታ ኣይትኺዱ። ሓድሽ ዕለት ምስ ዝህሉ JobRoad ክሕብረኩም እዩ።"
        ),
        "workshop_cancelled_sms": "JobRoad፦ ዓውደ-ስራሕ {title}፣ {day} {start} ተሰሪዙ። ኣይትኺዱ።",
    },
    "so": {
        "hello": "Salaan {name},",
        "hello_anonymous": "Salaan,",
        "where": "Goobta:",
        "goodbye": "Salaan diirran,",
        "calendar": "Casuumaadda kalandarka ee ku lifaaqan ayaa ballantan ku daraysa jadwalkaaga.",
        "replaces": "Tani waxay beddeshaa waqti kasta oo hore laguu siiyay.",
        "interview_scheduled_subject": "Wareysi shaqo: {company}, {day}",
        "interview_scheduled_body": (
            "Waxaad wareysi shaqo ku leedahay {company}, {day}. Booqashada shirkadda oo hage la socdo waxay "
            "bilaabanaysaa saacadda {start}; wareysigaagu waa saacadda {interview}."
        ),
        "interview_scheduled_sms": "JobRoad: wareysi shaqo {company}, {day}. Booqasho {start}, wareysi {interview}.",
        "interview_reminder_subject": "Xusuusin: {company}, {day} saacadda {start}",
        "interview_reminder_body": (
            "Xusuusin: booqashadaada iyo wareysigaaga shaqo ee {company}, {day}, laga bilaabo {start} ilaa {end}."
        ),
        "interview_reminder_sms": "Xusuusin JobRoad: {company}, {day} saacadda {start}.",
        "interview_cancelled_subject": "Waa la baajiyay: {company}, {day}",
        "interview_cancelled_body": (
            "Ballantaada {company}, {day} (wareysiga saacadda {interview}) waa la baajiyay. Fadlan halkaas ha "
            "tagin. JobRoad ayaa kula soo xiriiri doonta haddii waqti cusub la helo."
        ),
        "interview_cancelled_sms": "JobRoad: {company}, {day} ({interview}) waa la baajiyay. Halkaas ha tagin.",
        "workshop_reminder_subject": "Xusuusin: aqoon is-weydaarsi {title}, {day}",
        "workshop_reminder_body": (
            "Waxaan kaa sugaynaa aqoon is-weydaarsiga {title}, {day}, laga bilaabo {start} ilaa {end}."
        ),
        "workshop_reminder_sms": "Xusuusin JobRoad: aqoon is-weydaarsi {title}, {day} saacadda {start}.",
        "workshop_cancelled_subject": "Waa la baajiyay: aqoon is-weydaarsiga {title}, {day}",
        "workshop_cancelled_body": (
            "Aqoon is-weydaarsiga {title} ee {day} saacadda {start} waa la baajiyay. "
            "Fadlan halkaas ha tagin. JobRoad ayaa kuu sheegi doonta marka taariikh cusub la helo."
        ),
        "workshop_cancelled_sms": "JobRoad: aqoon is-weydaarsiga {title}, {day} {start} waa la baajiyay. Ha tagin.",
    },
    "uk": {
        "hello": "Добрий день, {name}!",
        "hello_anonymous": "Добрий день!",
        "where": "Місце:",
        "goodbye": "З повагою,",
        "calendar": "Додане запрошення додасть цю зустріч до вашого календаря.",
        "replaces": "Цей час замінює будь-який час, який вам повідомили раніше.",
        "interview_scheduled_subject": "Співбесіда в {company}, {day}",
        "interview_scheduled_body": (
            "У вас співбесіда щодо роботи в {company}, {day}. Екскурсія компанією з гідом починається о "
            "{start}; ваша співбесіда — о {interview}."
        ),
        "interview_scheduled_sms": (
            "JobRoad: співбесіда в {company}, {day}. Екскурсія о {start}, співбесіда о {interview}."
        ),
        "interview_reminder_subject": "Нагадування: {company}, {day} о {start}",
        "interview_reminder_body": "Нагадуємо: ваш візит і співбесіда в {company}, {day}, з {start} до {end}.",
        "interview_reminder_sms": "JobRoad нагадує: {company}, {day} о {start}.",
        "interview_cancelled_subject": "Скасовано: {company}, {day}",
        "interview_cancelled_body": (
            "Вашу зустріч у {company}, {day} (співбесіда о {interview}) скасовано. Будь ласка, не йдіть туди. "
            "JobRoad зв’яжеться з вами, якщо буде новий час."
        ),
        "interview_cancelled_sms": "JobRoad: {company}, {day} ({interview}) скасовано. Не йдіть туди.",
        "workshop_reminder_subject": "Нагадування: семінар {title}, {day}",
        "workshop_reminder_body": "Чекаємо на вас на семінарі {title}, {day}, з {start} до {end}.",
        "workshop_reminder_sms": "JobRoad нагадує: семінар {title}, {day} о {start}.",
        "workshop_cancelled_subject": "Скасовано: семінар {title}, {day}",
        "workshop_cancelled_body": (
            "Семінар {title} {day} о {start} скасовано. Будь ласка, не йдіть туди. "
            "JobRoad повідомить вам, коли буде нова дата."
        ),
        "workshop_cancelled_sms": "JobRoad: семінар {title}, {day} {start} скасовано. Не йдіть туди.",
    },
    "ru": {
        "hello": "Здравствуйте, {name}!",
        "hello_anonymous": "Здравствуйте!",
        "where": "Место:",
        "goodbye": "С уважением,",
        "calendar": "Приложенное приглашение добавит эту встречу в ваш календарь.",
        "replaces": "Это время заменяет любое время, которое вам сообщили раньше.",
        "interview_scheduled_subject": "Собеседование в {company}, {day}",
        "interview_scheduled_body": (
            "У вас собеседование о работе в {company}, {day}. Экскурсия по компании с гидом начинается в "
            "{start}; ваше собеседование — в {interview}."
        ),
        "interview_scheduled_sms": (
            "JobRoad: собеседование в {company}, {day}. Экскурсия в {start}, собеседование в {interview}."
        ),
        "interview_reminder_subject": "Напоминание: {company}, {day} в {start}",
        "interview_reminder_body": "Напоминаем: ваш визит и собеседование в {company}, {day}, с {start} до {end}.",
        "interview_reminder_sms": "JobRoad напоминает: {company}, {day} в {start}.",
        "interview_cancelled_subject": "Отменено: {company}, {day}",
        "interview_cancelled_body": (
            "Ваша встреча в {company}, {day} (собеседование в {interview}) отменена. Пожалуйста, не ходите "
            "туда. JobRoad свяжется с вами, если будет новое время."
        ),
        "interview_cancelled_sms": "JobRoad: {company}, {day} ({interview}) отменено. Не ходите туда.",
        "workshop_reminder_subject": "Напоминание: семинар {title}, {day}",
        "workshop_reminder_body": "Ждём вас на семинаре {title}, {day}, с {start} до {end}.",
        "workshop_reminder_sms": "JobRoad напоминает: семинар {title}, {day} в {start}.",
        "workshop_cancelled_subject": "Отменено: семинар {title}, {day}",
        "workshop_cancelled_body": (
            "Семинар {title} {day} в {start} отменён. Пожалуйста, не ходите туда. "
            "JobRoad сообщит вам, когда будет новая дата."
        ),
        "workshop_cancelled_sms": "JobRoad: семинар {title}, {day} {start} отменён. Не ходите туда.",
    },
    "tr": {
        "hello": "Merhaba {name},",
        "hello_anonymous": "Merhaba,",
        "where": "Yer:",
        "goodbye": "Saygılarımızla,",
        "calendar": "Ekteki takvim daveti bu randevuyu takviminize ekler.",
        "replaces": "Bu saat, size daha önce verilen tüm saatlerin yerine geçer.",
        "interview_scheduled_subject": "İş görüşmesi: {company}, {day}",
        "interview_scheduled_body": (
            "{day} günü {company} şirketinde iş görüşmeniz var. Rehberli şirket ziyaretinin başlama saati: "
            "{start}. Görüşme saatiniz: {interview}."
        ),
        "interview_scheduled_sms": (
            "JobRoad: {company} şirketinde iş görüşmesi, {day}. Ziyaret {start}, görüşme {interview}."
        ),
        "interview_reminder_subject": "Hatırlatma: {company}, {day}, saat {start}",
        "interview_reminder_body": (
            "Hatırlatma: {company} şirketindeki ziyaretiniz ve iş görüşmeniz {day} günü, saat {start} ile "
            "{end} arasında."
        ),
        "interview_reminder_sms": "JobRoad hatırlatma: {company}, {day}, saat {start}.",
        "interview_cancelled_subject": "İptal edildi: {company}, {day}",
        "interview_cancelled_body": (
            "{day} günü {company} şirketindeki randevunuz (görüşme saati: {interview}) iptal edildi. Lütfen "
            "oraya gitmeyin. Yeni bir saat belirlenirse JobRoad sizinle iletişime geçecek."
        ),
        "interview_cancelled_sms": "JobRoad: {company}, {day} ({interview}) iptal edildi. Lütfen oraya gitmeyin.",
        "workshop_reminder_subject": "Hatırlatma: {title} atölyesi, {day}",
        "workshop_reminder_body": "{day} günü, saat {start} ile {end} arasında {title} atölyesinde sizi bekliyoruz.",
        "workshop_reminder_sms": "JobRoad hatırlatma: {title} atölyesi, {day}, saat {start}.",
        "workshop_cancelled_subject": "İptal edildi: atölye {title}, {day}",
        "workshop_cancelled_body": (
            "{day} günü saat {start} için planlanan atölye ({title}) iptal edildi. "
            "Lütfen oraya gitmeyin. Yeni bir tarih olduğunda JobRoad size haber verecek."
        ),
        "workshop_cancelled_sms": "JobRoad: atölye {title}, {day} {start} iptal edildi. Lütfen gitmeyin.",
    },
}

# The day itself (the pick-up, a reserve's offer): kept in their own module for its size.
from .phrasebook_texts_day import DAY_PHRASES  # noqa: E402

for _language, _phrases in DAY_PHRASES.items():
    PHRASES[_language] |= _phrases

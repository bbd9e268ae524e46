"""Messages a coordinator sends to a selection of candidates (the candidate and placement lists' "send a message"),
composed whole in one language: never a greeting in one language around a text in another (DESIGN §10).

* Ready-made texts (``READY_TEXTS``), chosen by the coordinator by their label in the interface language and written
  in every document language, so that each candidate gets the message in their own.
* A coordinator's own text, in the language the coordinator says it is written in: the greeting and the closing are
  put around it in that same language (``GREETINGS``, then the phrase tables of ``phrasebook_texts``).

The message's every word travels in its context (``candidate_note`` is one of ``phrasebook.WORDS_IN_CONTEXT``): names
are isolated and right-to-left text carries its direction mark, as ``phrasebook.compose`` does. The ready-made
texts were written by us and await a native speaker's check like the rest (``phrasebook.AWAITING_CHECK``).
"""

from django.utils.translation import gettext_lazy as _

from .pdf import RTL_LANGUAGES
from .phrasebook import ISOLATE, POP, RLM
from .phrasebook_texts import PHRASES

TEMPLATE = "candidate_note"

# The greeting and closing of the interface languages, which the phrase tables leave to the gettext catalogues.
GREETINGS = {
    "nl": {"hello": "Hallo {name},", "hello_anonymous": "Hallo,", "goodbye": "Met vriendelijke groeten,"},
    "fr": {"hello": "Bonjour {name},", "hello_anonymous": "Bonjour,", "goodbye": "Cordialement,"},
}

# What the coordinator chooses from, in the interface language.
READY_TEXT_LABELS = {
    "contact_intermediary": _("Please contact the organisation that registered you: they have news for you."),
    "bring_documents": _("Please bring your identity document or residence card to your next appointment."),
    "schedule_follows": _("You take part in JobRoad: your personal schedule follows soon."),
}

# key -> language -> (subject, text)
READY_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "contact_intermediary": {
        "nl": ("Neem contact met ons op", "Neem contact op met de organisatie die je bij JobRoad heeft ingeschreven. "
               "Ze hebben nieuws voor je."),
        "fr": ("Contactez-nous", "Veuillez contacter l'organisation qui vous a inscrit chez JobRoad. "
               "Elle a des nouvelles pour vous."),
        "en": ("Please contact us", "Please contact the organisation that registered you with JobRoad. "
               "They have news for you."),
        "ar": ("يُرجى التواصل معنا", "يُرجى التواصل مع المنظمة التي سجّلتك في JobRoad. لديها أخبار لك."),
        "prs": ("لطفاً با ما به تماس شوید", "لطفاً با مؤسسه‌ای که شما را در JobRoad ثبت نام کرده است به تماس "
                "شوید. آن‌ها برای شما خبر دارند."),
        "fa": ("لطفاً با ما تماس بگیرید", "لطفاً با سازمانی که شما را در JobRoad ثبت‌نام کرده است تماس بگیرید. "
               "آن‌ها خبری برای شما دارند."),
        "ps": ("مهرباني وکړئ له موږ سره اړیکه ونیسئ", "مهرباني وکړئ له هغې ادارې سره اړیکه ونیسئ چې تاسو یې په "
               "JobRoad کې نوم لیکنه کړې یاست. هغوی تاسو ته خبر لري."),
        "ti": ("በጃኹም ተራኸቡና", "በጃኹም ነቲ ኣብ JobRoad ዘመዝገበኩም ትካል ተራኸብዎ። ንዓኹም ሓድሽ ሓበሬታ ኣለዎ።"),
        "so": ("Fadlan nala soo xiriir", "Fadlan la xiriir hay'adda kuu diiwaangelisay JobRoad. "
               "Waxay hayaan war adiga kuu socda."),
        "uk": ("Будь ласка, зв'яжіться з нами", "Будь ласка, зв'яжіться з організацією, яка зареєструвала вас у "
               "JobRoad. Вона має для вас новини."),
        "ru": ("Пожалуйста, свяжитесь с нами", "Пожалуйста, свяжитесь с организацией, которая зарегистрировала вас "
               "в JobRoad. У неё есть для вас новости."),
        "tr": ("Lütfen bizimle iletişime geçin", "Lütfen sizi JobRoad'a kaydeden kuruluşla iletişime geçin. "
               "Sizin için haberleri var."),
    },
    "bring_documents": {
        "nl": ("Breng je documenten mee", "Breng je identiteitsdocument of verblijfskaart mee naar je volgende "
               "afspraak met JobRoad."),
        "fr": ("Apportez vos documents", "Veuillez apporter votre document d'identité ou votre titre de séjour à "
               "votre prochain rendez-vous JobRoad."),
        "en": ("Bring your documents", "Please bring your identity document or residence card to your next JobRoad "
               "appointment."),
        "ar": ("أحضر وثائقك", "يُرجى إحضار وثيقة هويتك أو بطاقة الإقامة إلى موعدك القادم مع JobRoad."),
        "prs": ("اسناد خود را بیاورید", "لطفاً تذکره یا کارت اقامت خود را به ملاقات بعدی‌تان با JobRoad "
                "بیاورید."),
        "fa": ("مدارک خود را بیاورید", "لطفاً مدرک هویتی یا کارت اقامت خود را به قرار بعدی‌تان با JobRoad "
               "بیاورید."),
        "ps": ("خپل اسناد راوړئ", "مهرباني وکړئ خپله پېژندپاڼه یا د اوسېدو کارت د JobRoad راتلونکې ناستې ته "
               "راوړئ."),
        "ti": ("ሰነዳትኩም ኣምጽኡ", "በጃኹም ናይ መንነት ሰነድኩም ወይ ናይ መንበሪ ካርድኩም ናብቲ ዝቕጽል ቆጸራኹም ምስ "
               "JobRoad ኣምጽእዎ።"),
        "so": ("Keen dukumentiyadaada", "Fadlan keen dukumentiga aqoonsigaaga ama kaarka deganaanshaha "
               "ballantaada xigta ee JobRoad."),
        "uk": ("Візьміть свої документи", "Будь ласка, візьміть посвідчення особи або посвідку на проживання на "
               "наступну зустріч із JobRoad."),
        "ru": ("Возьмите свои документы", "Пожалуйста, возьмите удостоверение личности или вид на жительство на "
               "следующую встречу с JobRoad."),
        "tr": ("Belgelerinizi getirin", "Lütfen kimlik belgenizi veya oturma kartınızı bir sonraki JobRoad "
               "randevunuza getirin."),
    },
    "schedule_follows": {
        "nl": ("Je planning bij JobRoad", "Je neemt deel aan JobRoad. Je persoonlijke planning met data en plaatsen "
               "volgt binnenkort."),
        "fr": ("Votre planning JobRoad", "Vous participez à JobRoad. Votre planning personnel, avec les dates et "
               "les lieux, suivra bientôt."),
        "en": ("Your JobRoad schedule", "You take part in JobRoad. Your personal schedule, with dates and places, "
               "follows soon."),
        "ar": ("جدولك في JobRoad", "أنت مشارك في JobRoad. سيصلك قريبًا جدولك الشخصي مع المواعيد والأماكن."),
        "prs": ("تقسیم اوقات شما در JobRoad", "شما در JobRoad اشتراک می‌کنید. تقسیم اوقات شخصی شما با تاریخ‌ها و "
                "جاها به زودی می‌رسد."),
        "fa": ("برنامهٔ شما در JobRoad", "شما در JobRoad شرکت می‌کنید. برنامهٔ شخصی شما با تاریخ‌ها و مکان‌ها "
               "به‌زودی می‌رسد."),
        "ps": ("ستاسو د JobRoad مهالوېش", "تاسو په JobRoad کې ګډون کوئ. ستاسو شخصي مهالوېش د نېټو او ځایونو سره "
               "ژر درته رالېږل کېږي."),
        "ti": ("ናይ JobRoad መደብኩም", "ኣብ JobRoad ትሳተፉ ኣለኹም። ዕለታትን ቦታታትን ዘለዎ ውልቃዊ መደብኩም ቀልጢፉ "
               "ክመጽኣኩም እዩ።"),
        "so": ("Jadwalkaaga JobRoad", "Waxaad ka qayb qaadanaysaa JobRoad. Jadwalkaaga gaarka ah oo leh "
               "taariikhaha iyo goobaha ayaa dhowaan imaan doona."),
        "uk": ("Ваш розклад у JobRoad", "Ви берете участь у JobRoad. Ваш особистий розклад із датами та місцями "
               "надійде незабаром."),
        "ru": ("Ваше расписание в JobRoad", "Вы участвуете в JobRoad. Ваше личное расписание с датами и местами "
               "придёт в ближайшее время."),
        "tr": ("JobRoad programınız", "JobRoad'a katılıyorsunuz. Tarihleri ve yerleri içeren kişisel programınız "
               "yakında gelecek."),
    },
}  # fmt: skip


def ready_text_choices() -> list[tuple[str, str]]:
    return list(READY_TEXT_LABELS.items())


def ready_text_in(key: str, languages) -> str:
    """The first of ``languages`` (the reader's, best first) ``key`` is written in, or "" when none."""
    return next((language for language in languages if language in READY_TEXTS[key]), "")


def greetings(language: str) -> dict[str, str]:
    return GREETINGS.get(language) or PHRASES[language]


def can_greet_in(language: str) -> bool:
    return language in GREETINGS or language in PHRASES


def compose_note(language: str, *, name: str, subject: str, text: str, sms: bool) -> tuple[str, str]:
    """The subject (empty for an SMS) and the whole text of a candidate's message in ``language``, around ``text``
    written in that language: a greeting with the candidate's name, the text, the closing."""
    words = greetings(language)
    if sms:
        lines, subject = [f"JobRoad: {' '.join(text.split())}"], ""
    else:
        greeting = words["hello"].format(name=f"{ISOLATE}{name}{POP}") if name else words["hello_anonymous"]
        lines = [greeting, "", *text.strip().splitlines(), "", words["goodbye"], "JobRoad"]
    if language in RTL_LANGUAGES:
        lines = [f"{RLM}{line}" if line else line for line in lines]
        subject = f"{RLM}{subject}" if subject else subject
    return subject, "\n".join(lines) + ("" if sms else "\n")


def compose_ready_text(key: str, language: str, *, name: str, sms: bool) -> tuple[str, str]:
    subject, text = READY_TEXTS[key][language]
    return compose_note(language, name=name, subject=subject, text=text, sms=sms)

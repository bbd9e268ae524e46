"""A vacancy's required language becomes a choice of the platform's language codes. It was free text, so a row may
hold a name ("Nederlands", "Dutch", "NL "): those are turned into their code. A value no language goes by is
cleared (the level stays, and the vacancy form asks for the language when the vacancy is next edited): matching
read such a value as a language nobody speaks and excluded every candidate.

The names it knows are frozen below (a copy of what ``jobroad.languages.language_code`` read when this migration was
written: CLDR names in Dutch, French, English and the document languages, autonyms, codes), so a later change of
the app's code or of Babel cannot change what this migration did."""

import re
import unicodedata

from django.db import migrations, models

import jobroad.languages

# Every spelling it took (folded by name_key below) → its code, as jobroad.languages read them in December 2026.
NAMES = {
    'am': (
        'am', 'amhaars', 'amhaars አማርኛ', 'amharca', 'amharca አማርኛ', 'amharic', 'amharic አማርኛ', 'amharique',
        'amharique አማርኛ', 'axmaar', 'axmaar አማርኛ', 'амхарскии', 'амхарскии አማርኛ', 'амхарська', 'амхарська አማርኛ',
        'الامهریة', 'الامهریة አማርኛ', 'امهاری', 'امهاری አማርኛ', 'امهری', 'امهری አማርኛ', 'አማርኛ', 'ኣምሓርኛ', 'ኣምሓርኛ አማርኛ',
    ),
    'ar': (
        'ar', 'arabe', 'arabe standard moderne', 'arabe العربیة', 'arabic', 'arabic العربیة', 'arabisch',
        'arabisch العربیة', 'arapca', 'arapca العربیة', 'carabi', 'carabi العربیة', 'carabiga rasmiga ah',
        'modern standaard arabisch', 'modern standard arabic', 'modern standart arapca', 'арабскии',
        'арабскии литературныи', 'арабскии العربیة', 'арабська', 'арабська العربیة', 'сучасна стандартна арабська',
        'العربیة', 'العربیة العربیة', 'العربیة الفصحی الحدیثة', 'عربی', 'عربی العربیة', 'عربی رسمی', 'نوې معیاری عربی',
        'ዓረብኛ', 'ዓረብኛ العربیة', 'ዘመናዊ ምዱብ ዓረብኛ',
    ),
    'bg': (
        'bg', 'bulgaars', 'bulgaars български', 'bulgarca', 'bulgarca български', 'bulgare', 'bulgare български',
        'bulgarian', 'bulgarian български', 'bulgeeriyaan', 'bulgeeriyaan български', 'болгарскии',
        'болгарскии български', 'болгарська', 'болгарська български', 'български', 'البلغاریة', 'البلغاریة български',
        'بلغاری', 'بلغاری български', 'ቡልጋርኛ', 'ቡልጋርኛ български',
    ),
    'bm': (
        'bamanakan', 'bambaara', 'bambaara bamanakan', 'bambara', 'bambara bamanakan', 'bm', 'бамбара',
        'бамбара bamanakan', 'البامبارا', 'البامبارا bamanakan', 'بامبارایی', 'بامبارایی bamanakan', 'بمبارا',
        'بمبارا bamanakan', 'ባምባራ', 'ባምባራ bamanakan',
    ),
    'bn': (
        'bangla', 'bangla ব ল', 'bangladesh', 'bangladesh ব ল', 'bengaals', 'bengaals ব ল', 'bengalce', 'bengalce ব ল',
        'bengali', 'bengali ব ল', 'bn', 'бенгальскии', 'бенгальскии ব ল', 'бенгальська', 'бенгальська ব ল', 'البنغالیة',
        'البنغالیة ব ল', 'بنگالی', 'بنگالی ব ল', 'ব ল', 'በንጋሊ', 'በንጋሊ ব ল',
    ),
    'ckb': (
        'bartamaha kurdish', 'bartamaha kurdish کوردیی ناوەندی', 'central kurdish', 'central kurdish کوردیی ناوەندی',
        'ckb', 'orta kurtce', 'orta kurtce کوردیی ناوەندی', 'sorani', 'sorani کوردیی ناوەندی', 'центральнокурдскии',
        'центральнокурдскии کوردیی ناوەندی', 'центральнокурдська', 'центральнокурдська کوردیی ناوەندی',
        'السورانیة الکردیة', 'السورانیة الکردیة کوردیی ناوەندی', 'منځنۍ کوردی', 'منځنۍ کوردی کوردیی ناوەندی',
        'کردی مرکزی', 'کردی مرکزی کوردیی ناوەندی', 'کوردیی ناوەندی', 'ማእከላይ ኩርዲሽ', 'ማእከላይ ኩርዲሽ کوردیی ناوەندی',
    ),
    'de': (
        'allemand', 'allemand autrichien', 'allemand deutsch', 'allemand suisse', 'almanca', 'almanca deutsch',
        'austrian german', 'avusturya almancası', 'de', 'deutsch', 'duits', 'duits deutsch', 'german', 'german deutsch',
        'isvicre yuksek almancası', 'iswiiska sare ee jarmal', 'jarmal', 'jarmal awsteeriya', 'jarmal deutsch',
        'swiss high german', 'австриискии немецкии', 'верхньонімецька швеицарія', 'литературныи швеицарскии немецкии',
        'немецкии', 'немецкии deutsch', 'німецька', 'німецька deutsch', 'اتریشی المانی', 'الالمانیة',
        'الالمانیة deutsch', 'الالمانیة النمساویة', 'المانی', 'المانی deutsch', 'المانی اتریش', 'المانی معیار سويیس',
        'سویس های جرمن', 'ጀርመን', 'ጀርመን deutsch',
    ),
    'en': (
        'american english', 'amerikan ingilizcesi', 'anglais', 'anglais americain', 'anglais australien',
        'anglais britannique', 'anglais canadien', 'anglais english', 'australian english', 'avustralya ingilizcesi',
        'british english', 'canadian english', 'en', 'engels', 'engels english', 'english', 'english english',
        'ingiliz ingilizcesi', 'ingilizce', 'ingilizce english', 'ingiriis austaraaliyaan', 'ingiriis biritish',
        'ingiriis kanadiyaan', 'ingiriis maraykan', 'ingiriisi', 'ingiriisi english', 'kanada ingilizcesi',
        'австралиискии англиискии', 'американскии англиискии', 'англиискии', 'англиискии english', 'англіиська',
        'англіиська english', 'англіиська брит', 'британскии англиискии', 'канадскии англиискии', 'اسټرالیاوی انګلیسی',
        'الانجلیزیة', 'الانجلیزیة english', 'الانجلیزیة المملکة المتحدة', 'الانجلیزیة الولایات المتحدة', 'انګلیسی',
        'انګلیسی english', 'انگلیسی', 'انگلیسی english', 'انگلیسی استرالیا', 'انگلیسی امریکا', 'انگلیسی بریتانیا',
        'انگلیسی کانادا', 'بریتانوی انګلیسی', 'د متحده ایالاتو انګلیسی', 'کاناډایی انګلیسی', 'እንግሊዝኛ', 'እንግሊዝኛ english',
        'እንግሊዝኛ ሕ መ',
    ),
    'es': (
        'avrupa ispanyolcası', 'es', 'espagnol', 'espagnol d amerique latine', 'espagnol d espagne',
        'espagnol du mexique', 'espagnol espanol', 'espanol', 'european spanish', 'isbaanish', 'isbaanish espanol',
        'isbaanish yurub', 'isbaanishka laatiin ameerika', 'isbaanishka mexico', 'ispanyolca', 'ispanyolca espanol',
        'latin american spanish', 'latin amerika ispanyolcası', 'meksika ispanyolcası', 'mexican spanish', 'spaans',
        'spaans espanol', 'spanish', 'spanish espanol', 'европеискии испанскии', 'испанскии', 'испанскии espanol',
        'латиноамериканскии испанскии', 'мексиканскии испанскии', 'іспанська', 'іспанська espanol', 'اروپایی هسپانوی',
        'اسپانیایی', 'اسپانیایی espanol', 'اسپانیایی اروپا', 'اسپانیایی امریکای لاتین', 'اسپانیایی مکزیک', 'الاسبانیة',
        'الاسبانیة espanol', 'الاسبانیة الاوروبیة', 'الاسبانیة المکسیکیة', 'الاسبانیة امریکا اللاتینیة',
        'لاتینی امریکایی هسپانوی', 'میکسیکی هسپانوی', 'هسپانوی', 'هسپانوی espanol', 'ስጳንኛ', 'ስጳንኛ espanol',
        'ስጳንኛ ኤውሮጳዊ',
    ),
    'fa': (
        'fa', 'faarisi', 'faarisi فارسی', 'farsca', 'farsca فارسی', 'farsi', 'persan', 'persan فارسی', 'persian',
        'persian فارسی', 'perzisch', 'perzisch فارسی', 'персидскии', 'персидскии فارسی', 'перська', 'перська فارسی',
        'الفارسیة', 'الفارسیة فارسی', 'فارسی', 'فارسی فارسی', 'ፋርስኛ', 'ፋርስኛ فارسی',
    ),
    'ff': (
        'ff', 'fula', 'fula dili', 'fula dili pulaar', 'fula pulaar', 'fulah', 'fulah pulaar', 'fuulah',
        'fuulah pulaar', 'peul', 'peul pulaar', 'pulaar', 'фула', 'фула pulaar', 'фулах', 'фулах pulaar', 'الفولانیة',
        'الفولانیة pulaar', 'فولاح', 'فولاح pulaar', 'فولانی', 'فولانی pulaar', 'ፉላ', 'ፉላ pulaar',
    ),
    'fr': (
        'canadian french', 'faransiis', 'faransiis francais', 'faransiis iswiiserlaand', 'faransiiska kanada', 'fr',
        'francais', 'francais canadien', 'francais francais', 'francais suisse', 'frans', 'frans francais', 'fransızca',
        'fransızca francais', 'french', 'french francais', 'isvicre fransızcası', 'kanada fransızcası', 'swiss french',
        'канадскии французскии', 'французскии', 'французскии francais', 'французька', 'французька francais',
        'швеицарскии французскии', 'الفرنسیة', 'الفرنسیة francais', 'سویسی فرانسوی', 'فرانسوی', 'فرانسوی francais',
        'فرانسوی سويیس', 'فرانسوی کانادا', 'کاناډایی فرانسوی', 'ፈረንሳይኛ', 'ፈረንሳይኛ francais',
    ),
    'ha': (
        'ha', 'haoussa', 'haoussa hausa', 'hausa', 'hausa dili', 'hausa dili hausa', 'hausa hausa', 'hawsa',
        'hawsa hausa', 'хауса', 'хауса hausa', 'الهوسا', 'الهوسا hausa', 'هوسا', 'هوسا hausa', 'هوسایی', 'هوسایی hausa',
        'ሃውሳ', 'ሃውሳ hausa',
    ),
    'hi': (
        'hi', 'hindi', 'hindi latin', 'hindi ह नद', 'hindilizce', 'hinglish', 'hintce', 'hintce ह नद', 'гінгліш',
        'гінді', 'гінді ह नद', 'хинглиш', 'хинди', 'хинди ह नद', 'الهنجلیزیة', 'الهندیة', 'الهندیة ह नद', 'هندی',
        'هندی انگلیسی', 'هندی لاتینی', 'هندی ह नद', 'ह नद', 'ሂንዲ', 'ሂንዲ ह नद', 'ሂንግሊሽ',
    ),
    'hy': (
        'armeeniyaan', 'armeeniyaan հայերեն', 'armeens', 'armeens հայերեն', 'armenian', 'armenian հայերեն', 'armenien',
        'armenien հայերեն', 'ermenice', 'ermenice հայերեն', 'hy', 'армянскии', 'армянскии հայերեն', 'вірменська',
        'вірменська հայերեն', 'հայերեն', 'ارمنی', 'ارمنی հայերեն', 'ارمینیایی', 'ارمینیایی հայերեն', 'الارمنیة',
        'الارمنیة հայերեն', 'ኣርሜንኛ', 'ኣርሜንኛ հայերեն',
    ),
    'it': (
        'it', 'italiaans', 'italiaans italiano', 'italian', 'italian italiano', 'italiano', 'italien',
        'italien italiano', 'italyanca', 'italyanca italiano', 'talyaani', 'talyaani italiano', 'итальянскии',
        'итальянскии italiano', 'італіиська', 'італіиська italiano', 'الایطالیة', 'الایطالیة italiano', 'ایتالوی',
        'ایتالوی italiano', 'ایتالیایی', 'ایتالیایی italiano', 'ایټالوی', 'ایټالوی italiano', 'ጥልያን', 'ጥልያን italiano',
    ),
    'ka': (
        'georgian', 'georgian ქართული', 'georgien', 'georgien ქართული', 'georgisch', 'georgisch ქართული', 'gurcuce',
        'gurcuce ქართული', 'joorijiyaan', 'joorijiyaan ქართული', 'ka', 'грузинскии', 'грузинскии ქართული', 'грузинська',
        'грузинська ქართული', 'الجورجیة', 'الجورجیة ქართული', 'جورجیايی', 'جورجیايی ქართული', 'گرجی', 'گرجی ქართული',
        'ქართული', 'ጆርጅያንኛ', 'ጆርጅያንኛ ქართული',
    ),
    'ku': (
        'koerdisch', 'koerdisch kurdi kurmanci', 'ku', 'kurde', 'kurde kurdi kurmanci', 'kurdi kurmanci', 'kurdish',
        'kurdish kurdi kurmanci', 'kurdishka', 'kurdishka kurdi kurmanci', 'kurmanji', 'kurtce',
        'kurtce kurdi kurmanci', 'курдскии', 'курдскии kurdi kurmanci', 'курдська', 'курдська kurdi kurmanci',
        'الکردیة', 'الکردیة kurdi kurmanci', 'کردی', 'کردی kurdi kurmanci', 'ኩርዲሽ', 'ኩርዲሽ kurdi kurmanci',
    ),
    'ln': (
        'lingala', 'lingala lingala', 'ln', 'лингала', 'лингала lingala', 'лінгала', 'лінгала lingala', 'اللینجالا',
        'اللینجالا lingala', 'لنګالا', 'لنګالا lingala', 'لینگالا', 'لینگالا lingala', 'ሊንጋላ', 'ሊንጋላ lingala',
    ),
    'ne': (
        'ne', 'nebaali', 'nebaali न प ल', 'nepalais', 'nepalais न प ल', 'nepalce', 'nepalce न प ल', 'nepalees',
        'nepalees न प ल', 'nepali', 'nepali न प ल', 'непальскии', 'непальскии न प ल', 'непальська', 'непальська न प ल',
        'النیبالیة', 'النیبالیة न प ल', 'نپالی', 'نپالی न प ल', 'نیپالی', 'نیپالی न प ल', 'نېپالی', 'نېپالی न प ल',
        'न प ल', 'ኔፓሊ', 'ኔፓሊ न प ल',
    ),
    'nl': (
        'af faleemi', 'dutch', 'dutch nederlands', 'felemenkce', 'felemenkce nederlands', 'flamanca', 'flamand',
        'flemish', 'holandays', 'holandays nederlands', 'nederlands', 'nederlands nederlands', 'neerlandais',
        'neerlandais nederlands', 'nl', 'vlaams', 'нидерландскии', 'нидерландскии nederlands', 'нідерландська',
        'нідерландська nederlands', 'фламандскии', 'фламандська', 'الهولندیة', 'الهولندیة nederlands', 'فلمنگی',
        'فلېمېشی', 'هالندی', 'هالندی nederlands', 'هالېنډی', 'هالېنډی nederlands', 'هلندی', 'هلندی nederlands', 'ዳች',
        'ዳች nederlands', 'ፍላሚሽ',
    ),
    'om': (
        'afaan oromo', 'afaan oromo oromoo', 'om', 'oromo', 'oromo dili', 'oromo dili oromoo', 'oromo oromoo', 'oromoo',
        'оромо', 'оромо oromoo', 'الاورومیة', 'الاورومیة oromoo', 'اورومو', 'اورومو oromoo', 'اورومویی',
        'اورومویی oromoo', 'ኦሮሞ', 'ኦሮሞ oromoo',
    ),
    'pa': (
        'bunjaabi', 'bunjaabi ਪ ਜ ਬ', 'pa', 'pencapca', 'pencapca ਪ ਜ ਬ', 'pendjabi', 'pendjabi ਪ ਜ ਬ', 'punjabi',
        'punjabi ਪ ਜ ਬ', 'панджаби', 'панджаби ਪ ਜ ਬ', 'панджабі', 'панджабі ਪ ਜ ਬ', 'البنجابیة', 'البنجابیة ਪ ਜ ਬ',
        'پنجابی', 'پنجابی ਪ ਜ ਬ', 'ਪ ਜ ਬ', 'ፑንጃቢ', 'ፑንጃቢ ਪ ਜ ਬ',
    ),
    'pl': (
        'boolish', 'boolish polski', 'lehce', 'lehce polski', 'pl', 'polish', 'polish polski', 'polonais',
        'polonais polski', 'polski', 'pools', 'pools polski', 'польскии', 'польскии polski', 'польська',
        'польська polski', 'البولندیة', 'البولندیة polski', 'لهستانی', 'لهستانی polski', 'پولندی', 'پولندی polski',
        'پولنډی', 'پولنډی polski', 'ፖሊሽ', 'ፖሊሽ polski',
    ),
    'prs': (
        'dari', 'dari دری', 'darice', 'darice دری', 'fa_af', 'faarsi', 'faarsi دری', 'prs', 'дари', 'дари دری', 'дарі',
        'дарі دری', 'الداریة', 'الداریة دری', 'دری', 'دری افغانستان', 'دری افغانستان دری', 'دری دری', 'ዳሪ', 'ዳሪ دری',
    ),
    'ps': (
        'bashtuu', 'bashtuu پښتو', 'pachto', 'pachto پښتو', 'pashto', 'pashto پښتو', 'pashtu', 'pasjtoe',
        'pasjtoe پښتو', 'pestuca', 'pestuca پښتو', 'ps', 'pushto', 'пушту', 'пушту پښتو', 'البشتو', 'البشتو پښتو',
        'پشتو', 'پشتو پښتو', 'پښتو', 'پښتو پښتو', 'ፓሽቶ', 'ፓሽቶ پښتو',
    ),
    'pt': (
        'avrupa portekizcesi', 'boortaqiis', 'boortaqiis portugues', 'boortaqiiska baraasiil', 'boortaqiiska yurub',
        'brazilian portuguese', 'brezilya portekizcesi', 'european portuguese', 'portekizce', 'portekizce portugues',
        'portugais', 'portugais bresilien', 'portugais europeen', 'portugais portugues', 'portugees',
        'portugees portugues', 'portugues', 'portuguese', 'portuguese portugues', 'pt', 'бразильскии португальскии',
        'европеискии португальскии', 'португальскии', 'португальскии portugues', 'португальська',
        'португальська portugues', 'اروپایی پرتګالی', 'البرتغالیة', 'البرتغالیة portugues', 'البرتغالیة الاوروبیة',
        'البرتغالیة البرازیلیة', 'برازیلی پرتګالی', 'پرتغالی', 'پرتغالی portugues', 'پرتغالی اروپا', 'پرتغالی برزیل',
        'پرتگالی', 'پرتگالی portugues', 'پورتګالی', 'پورتګالی portugues', 'ፖርቱጊዝኛ', 'ፖርቱጊዝኛ portugues',
    ),
    'rn': (
        'ikirundi', 'kirundi', 'kirundi ikirundi', 'rn', 'roundi', 'roundi ikirundi', 'rundhi', 'rundhi ikirundi',
        'rundi', 'rundi ikirundi', 'рунди', 'рунди ikirundi', 'рунді', 'рунді ikirundi', 'الرندی', 'الرندی ikirundi',
        'روندیایی', 'روندیایی ikirundi', 'رونډی', 'رونډی ikirundi', 'ኪሩንዲ', 'ኪሩንዲ ikirundi',
    ),
    'ro': (
        'moldave', 'moldavian', 'moldovaca', 'ro', 'roemeens', 'roemeens romana', 'romana', 'romanian',
        'romanian romana', 'romanka', 'romanka romana', 'roumain', 'roumain romana', 'rumence', 'rumence romana',
        'молдавскии', 'молдавська', 'румунська', 'румунська romana', 'румынскии', 'румынскии romana', 'الرومانیة',
        'الرومانیة romana', 'المولدوفیة', 'رومانیایی', 'رومانیایی romana', 'مولداویایی', 'ሞልዶቨኛ', 'ሩማንኛ', 'ሩማንኛ romana',
    ),
    'ru': (
        'ru', 'rusca', 'rusca русскии', 'russe', 'russe русскии', 'russian', 'russian русскии', 'russisch',
        'russisch русскии', 'ruush', 'ruush русскии', 'росіиська', 'росіиська русскии', 'русскии', 'русскии русскии',
        'الروسیة', 'الروسیة русскии', 'روسی', 'روسی русскии', 'ሩስኛ', 'ሩስኛ русскии',
    ),
    'rw': (
        'ikinyarwanda', 'kinyarwanda', 'kinyarwanda ikinyarwanda', 'ruwaandha', 'ruwaandha ikinyarwanda', 'rw',
        'киньяруанда', 'киньяруанда ikinyarwanda', 'кіньяруанда', 'кіньяруанда ikinyarwanda', 'الکینیارواندا',
        'الکینیارواندا ikinyarwanda', 'کینیارواندایی', 'کینیارواندایی ikinyarwanda', 'کینیارونډا',
        'کینیارونډا ikinyarwanda', 'ኪንያርዋንዳ', 'ኪንያርዋንዳ ikinyarwanda',
    ),
    'so': (
        'so', 'somali', 'somali soomaali', 'somalice', 'somalice soomaali', 'somalisch', 'somalisch soomaali',
        'soomaali', 'soomaali soomaali', 'сомали', 'сомали soomaali', 'сомалі', 'сомалі soomaali', 'الصومالیة',
        'الصومالیة soomaali', 'سومالی', 'سومالی soomaali', 'سومالیایی', 'سومالیایی soomaali', 'ሶማሊ', 'ሶማሊ soomaali',
    ),
    'sq': (
        'albanais', 'albanais shqip', 'albanees', 'albanees shqip', 'albanian', 'albanian shqip', 'albeeniyaan',
        'albeeniyaan shqip', 'arnavutca', 'arnavutca shqip', 'shqip', 'sq', 'албанскии', 'албанскии shqip', 'албанська',
        'албанська shqip', 'الالبانیة', 'الالبانیة shqip', 'البانی', 'البانی shqip', 'البانیایی', 'البانیایی shqip',
        'ኣልባንኛ', 'ኣልባንኛ shqip',
    ),
    'sw': (
        'congo swahili', 'kiswahili', 'kongo svahili', 'sawaaxili', 'sawaaxili kiswahili', 'svahili dili',
        'svahili dili kiswahili', 'sw', 'swahili', 'swahili du congo', 'swahili kiswahili', 'конголезскии суахили',
        'суахили', 'суахили kiswahili', 'суахілі', 'суахілі kiswahili', 'суахілі конго', 'السواحلیة',
        'السواحلیة kiswahili', 'الکونغو السواحلیة', 'سواحیلی', 'سواحیلی kiswahili', 'سواحیلی کنگو', 'سواهېلی',
        'سواهېلی kiswahili', 'کانګو سواهلی', 'ስዋሂሊ', 'ስዋሂሊ kiswahili', 'ስዋሂሊ ኮንጎ',
    ),
    'ta': (
        'ta', 'tamiil', 'tamiil தம ழ', 'tamil', 'tamil தம ழ', 'tamilce', 'tamilce தம ழ', 'tamoul', 'tamoul தம ழ',
        'тамильскии', 'тамильскии தம ழ', 'тамільська', 'тамільська தம ழ', 'التامیلیة', 'التامیلیة தம ழ', 'تامل',
        'تامل தம ழ', 'تامیلی', 'تامیلی தம ழ', 'தம ழ', 'ታሚል', 'ታሚል தம ழ',
    ),
    'tg': (
        'taajik', 'taajik тоҷики', 'tacikce', 'tacikce тоҷики', 'tadjik', 'tadjik тоҷики', 'tadzjieks',
        'tadzjieks тоҷики', 'tajik', 'tajik тоҷики', 'tg', 'таджикскии', 'таджикскии тоҷики', 'таджицька',
        'таджицька тоҷики', 'тоҷики', 'الطاجیکیة', 'الطاجیکیة тоҷики', 'تاجکی', 'تاجکی тоҷики', 'تاجیکی',
        'تاجیکی тоҷики', 'ታጂክኛ', 'ታጂክኛ тоҷики',
    ),
    'ti': (
        'ti', 'tigrigna', 'tigrigna ትግርኛ', 'tigrinya', 'tigrinya dili', 'tigrinya dili ትግርኛ', 'tigrinya ትግርኛ',
        'тигринья', 'тигринья ትግርኛ', 'التغرینیة', 'التغرینیة ትግርኛ', 'تیګرینی', 'تیګرینی ትግርኛ', 'تیگرینیایی',
        'تیگرینیایی ትግርኛ', 'ትግርኛ', 'ትግርኛ ትግርኛ',
    ),
    'tr': (
        'tr', 'turc', 'turc turkce', 'turkce', 'turkce turkce', 'turkish', 'turkish turkce', 'turks', 'turks turkce',
        'турецкии', 'турецкии turkce', 'турецька', 'турецька turkce', 'الترکیة', 'الترکیة turkce', 'ترکی',
        'ترکی turkce', 'ترکی استانبولی', 'ترکی استانبولی turkce', 'ቱርክኛ', 'ቱርክኛ turkce',
    ),
    'uk': (
        'oekraiens', 'oekraiens украінська', 'uk', 'ukrainian', 'ukrainian украінська', 'ukrainien',
        'ukrainien украінська', 'ukraynaca', 'ukraynaca украінська', 'yukreeniyaan', 'yukreeniyaan украінська',
        'украинскии', 'украинскии украінська', 'украінська', 'украінська украінська', 'الاوکرانیة',
        'الاوکرانیة украінська', 'اوکراینی', 'اوکراینی украінська', 'ዩክረይንኛ', 'ዩክረይንኛ украінська',
    ),
    'ur': (
        'ourdou', 'ourdou اردو', 'ur', 'urdu', 'urdu اردو', 'urduca', 'urduca اردو', 'urduu', 'urduu اردو', 'урду',
        'урду اردو', 'اردو', 'اردو اردو', 'الاوردیة', 'الاوردیة اردو', 'ኡርዱ', 'ኡርዱ اردو',
    ),
    'uz': (
        'o zbek', 'oezbeeks', 'oezbeeks o zbek', 'ouzbek', 'ouzbek o zbek', 'ozbekce', 'ozbekce o zbek', 'usbakis',
        'usbakis o zbek', 'uz', 'uzbek', 'uzbek o zbek', 'узбекскии', 'узбекскии o zbek', 'узбецька', 'узбецька o zbek',
        'ازبکی', 'ازبکی o zbek', 'الاوزبکیة', 'الاوزبکیة o zbek', 'اوزبکی', 'اوزبکی o zbek', 'ኡዝበክኛ', 'ኡዝበክኛ o zbek',
    ),
    'vi': (
        'fiitnaamays', 'fiitnaamays tieng viet', 'tieng viet', 'vi', 'vietnamca', 'vietnamca tieng viet', 'vietnamees',
        'vietnamees tieng viet', 'vietnamese', 'vietnamese tieng viet', 'vietnamien', 'vietnamien tieng viet',
        'вʼєтнамська', 'вʼєтнамська tieng viet', 'вьетнамскии', 'вьетнамскии tieng viet', 'الفیتنامیة',
        'الفیتنامیة tieng viet', 'ویتنامی', 'ویتنامی tieng viet', 'وېتنامی', 'وېتنامی tieng viet', 'ቬትናምኛ',
        'ቬትናምኛ tieng viet',
    ),
    'wo': (
        'volofca', 'volofca wolof', 'wo', 'wolof', 'wolof wolof', 'woolof', 'woolof wolof', 'волоф', 'волоф wolof',
        'الولوفیة', 'الولوفیة wolof', 'ولوف', 'ولوف wolof', 'ولوفی', 'ولوفی wolof', 'ዎሎፍ', 'ዎሎፍ wolof',
    ),
    'yo': (
        'ede yoruba', 'yo', 'yoruba', 'yoruba ede yoruba', 'yorubaca', 'yorubaca ede yoruba', 'yoruuba',
        'yoruuba ede yoruba', 'иоруба', 'иоруба ede yoruba', 'الیوروبا', 'الیوروبا ede yoruba', 'یوروبا',
        'یوروبا ede yoruba', 'یوروبایی', 'یوروبایی ede yoruba', 'ዮሩባ', 'ዮሩባ ede yoruba',
    ),
    'zh': (
        'af shiineeska qadiimiga ah', 'basitlestirilmis cince', 'chinees', 'chinees 中文', 'chinese', 'chinese 中文',
        'chinois', 'chinois simplifie', 'chinois traditionnel', 'chinois 中文', 'cince', 'cince 中文', 'geleneksel cince',
        'mandarijn traditioneel', 'mandarijn vereenvoudigd', 'shiinaha rasmiga ah', 'shinees', 'shinees 中文',
        'simplified chinese', 'traditional chinese', 'zh', 'китаискии', 'китаискии традиционное письмо',
        'китаискии упрощенное письмо', 'китаискии 中文', 'китаиська', 'китаиська спрощене письмо',
        'китаиська традиціине письмо', 'китаиська 中文', 'الصینیة', 'الصینیة التقلیدیة', 'الصینیة المبسطة', 'الصینیة 中文',
        'دودیزه چینی', 'چینی', 'چینی سادهشده', 'چینی سنتی', 'چینی ماندرین چینی', 'چینی 中文', 'ቀሊል ቻይንኛ', 'ባህላዊ ቻይንኛ',
        'ቻይንኛ', 'ቻይንኛ 中文', '中文',
    ),
}

SCRIPT_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u0640": None, "\u200c": None, "\u200d": None})
LANGUAGE_TAG = re.compile(r"(?P<language>[a-z]{2,3})[-_][a-z0-9]{2,8}", re.IGNORECASE)
CODE_BY_NAME = {name: code for code, names in NAMES.items() for name in names}


def name_key(text):
    decomposed = unicodedata.normalize("NFKD", str(text).translate(SCRIPT_VARIANTS))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(re.findall(r"\w+", letters))


def language_code(text):
    """The code a name stands for, or "" when it names no language."""
    code = CODE_BY_NAME.get(name_key(text), "")
    if not code and (tag := LANGUAGE_TAG.fullmatch(text.strip())):
        code = CODE_BY_NAME.get(name_key(tag["language"]), "")
    return code


def language_names_to_codes(apps, schema_editor):
    Vacancy = apps.get_model("companies", "Vacancy")
    for vacancy in Vacancy.objects.exclude(language="").only("language"):
        code = language_code(vacancy.language)
        if code != vacancy.language:
            Vacancy.objects.filter(pk=vacancy.pk).update(language=code)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0007_drop_free_text_competences"),
    ]

    operations = [
        migrations.RunPython(language_names_to_codes, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="vacancy",
            name="language",
            field=models.CharField(
                blank=True,
                choices=jobroad.languages.spoken_language_choices,
                max_length=10,
                verbose_name="required language",
            ),
        ),
    ]

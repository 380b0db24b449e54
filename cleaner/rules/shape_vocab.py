"""Closed vocabularies the edge shapes use, kept as data (cleaner.rules.shapes).

These are not wordings of one page: each set is a *family* whose members are fixed by the world, not
by a site — the names languages give themselves (what a language switcher lists), weekday and month
names (what a date widget prints), the minute unit (what a reading-time chip counts in), the words that
make a time a timestamp rather than a duration ("5 min ago"), and the word a logo's alt text adds to a site's
name. Everything is matched casefolded. Adding a language means adding its words here.
"""

from __future__ import annotations

import re
import unicodedata

# The line patterns every shape module reads (one definition, here).
# A line that ends as a sentence: its full stop in the scripts the shapes read, with a closing quote or bracket.
SENTENCE_END = re.compile(r"[.!?。！？;؛۔।]['\"”’»)\]]*$")
_SENTENCE_STOPS = frozenset(".!?。！？;؛۔।")
_SENTENCE_CLOSERS = "'\"”’»)]"


def ends_sentence(line: str) -> bool:
    """``SENTENCE_END.search(line) is not None``, read off the line's end instead of a search that tries
    every position (the shapes ask it of every short line, several times a pass). The closers are no
    stops, so the regex can only match the stop before all the closers that end the line; ``$`` also
    matches before a final newline (and a newline is neither)."""
    t = (line[:-1] if line.endswith("\n") else line).rstrip(_SENTENCE_CLOSERS)
    return t[-1:] in _SENTENCE_STOPS  # ("" for an empty rest: not a stop)


# A numbered entry of a list or an outline ("3. …", "IV) …").
NUMBERED_ENTRY = re.compile(r"^\s*(?:\d{1,2}|[IVXivx]{1,4})[.)]\s")
# The bullet or arrow that leads a list item or a menu entry.
BULLET = re.compile(r"^[\s•·\-–—*▪►▶■●◦○‣⁃→»›✓✔☞※]+")
# A letter of a script written without spaces between words (Thai, Chinese, Japanese) or in blocks (Korean):
# its lines are measured in characters, not words.
SPACELESS = re.compile("[\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]")


def spaceless_long(line: str) -> bool:
    """Whether a word of ``line`` in a script without spaces is longer than a menu's label: over 7 Han, kana or
    Thai letters (vowel and tone marks apart), over 10 Hangul syllables (Korean spaces its words, but glues a
    compound: "공인전자문서센터"). A menu's label is a few ("账号登录", "ติดต่อเรา"); a lyric's line is longer."""
    for w in line.split():
        hangul = sum(1 for c in w if _HANGUL <= c <= _HANGUL_END)
        han = sum(1 for c in w if SPACELESS.match(c) and unicodedata.category(c) != "Mn") - hangul
        if han > 7 or hangul > 10:
            return True
    return False


_HANGUL, _HANGUL_END = "\uac00", "\ud7af"

# A link or an address on a line ("https://", "www.", an "@" handle or e-mail).
LINK_MARK = re.compile(r"https?://|www\.|@")
# A year of the last two centuries alone: a date, never a counter or a count.
YEAR = re.compile(r"^(?:19|20)\d\d$")

# What a language switcher lists: each language's own name for itself (ISO 639-1 languages a web site
# commonly offers), in the spellings sites use, with the script variants of Chinese.
ENDONYMS = frozenset(
    s.casefold()
    for s in (
        "English", "Español", "Français", "Deutsch", "Italiano", "Português", "Português (Brasil)",
        "Nederlands", "Polski", "Türkçe", "Русский", "Українська", "Беларуская", "Български", "Српски",
        "Srpski", "Hrvatski", "Slovenščina", "Slovenčina", "Čeština", "Magyar", "Română", "Ελληνικά",
        "Svenska", "Norsk", "Norsk bokmål", "Dansk", "Suomi", "Eesti", "Latviešu", "Lietuvių", "Íslenska",
        "Català", "Euskara", "Galego", "Gaeilge", "Cymraeg", "Shqip", "Македонски", "Қазақша", "Қазақ тілі",
        "Oʻzbekcha", "O'zbek", "Azərbaycan", "Azərbaycanca", "ქართული", "Հայերեն", "עברית", "العربية", "فارسی",
        "اردو", "हिन्दी", "हिंदी", "বাংলা", "ਪੰਜਾਬੀ", "தமிழ்", "తెలుగు", "ಕನ್ನಡ", "മലയാളം", "मराठी", "ગુજરાતી",
        "සිංහල", "नेपाली", "ภาษาไทย", "ไทย", "ລາວ", "ខ្មែរ", "မြန်မာ", "Tiếng Việt", "Bahasa Indonesia",
        "Indonesia", "Bahasa Melayu", "Melayu", "Filipino", "Tagalog", "Kiswahili", "Swahili", "Afrikaans",
        "አማርኛ", "Hausa", "Yorùbá", "日本語", "한국어", "简体中文", "繁體中文", "繁体中文", "中文",
        "中文(简体)", "中文(繁體)", "中文（简体）", "中文（繁體）", "汉语", "漢語", "Монгол",
        "Español (LatAm)", "Español (España)", "Français (Canada)", "English (UK)", "English (US)",
    )
)

# Lines that label or open a language switcher ("lang", a globe icon) and go with its run.
SWITCHER_MARKS = frozenset(s.casefold() for s in ("lang", "language", "languages", "🌐", "🌍", "🌎", "#", "EN", "CN"))

WEEKDAYS = frozenset(
    s.casefold()
    for s in (
        # en de fr es pt it nl
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Tues",
        "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Montag", "Dienstag", "Mittwoch", "Donnerstag",
        "Freitag", "Samstag", "Sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "segunda-feira",
        "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "lunedì", "martedì", "mercoledì",
        "giovedì", "venerdì", "sabato", "domenica", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
        "zaterdag", "zondag",
        # pl tr id vi
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "Pazartesi", "Salı",
        "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar", "Senin", "Selasa", "Rabu", "Kamis", "Jumat",
        "Sabtu", "Minggu", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật",
        # ru uk
        "Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье", "Понеділок",
        "Вівторок", "Середа", "Четвер", "П'ятниця", "П’ятниця", "Субота", "Неділя",
        # ja zh ko ar fa hi
        "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日", "星期一", "星期二", "星期三",
        "星期四", "星期五", "星期六", "星期日", "星期天", "周一", "周二", "周三", "周四", "周五", "周六",
        "周日", "週一", "週二", "週三", "週四", "週五", "週六", "週日", "월요일", "화요일", "수요일", "목요일",
        "금요일", "토요일", "일요일", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "السبت", "الأحد", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه", "सोमवार",
        "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार",
    )
)

MONTHS = frozenset(
    s.casefold()
    for s in (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember", "janvier", "février",
        "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro",
        "outubro", "novembro", "dezembro", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
        "settembre", "ottobre", "dicembre", "januari", "februari", "maart", "mei", "augustus", "stycznia",
        "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
        "listopada", "grudnia", "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
        "Eylül", "Ekim", "Kasım", "Aralık", "Maret", "Agustus", "Desember", "Januari", "Februari", "Juni",
        "Juli", "Oktober", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
        "сентября", "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "січня", "лютого", "березня", "квітня",
        "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
    )
)

# The minute, the unit a reading-time chip counts in ("83 Dakika", "5 мин", "3 分钟").
MINUTE_UNITS = frozenset(
    s.casefold()
    for s in (
        "min", "min.", "mins", "minute", "minutes", "Minute", "Minuten", "Min", "minuto", "minutos", "minuti",
        "minut", "minuty", "minuten", "Dakika", "dk", "dk.", "мин", "мин.", "минут", "минуты", "минута",
        "хвилин", "хвилини", "хв", "menit", "phút", "นาที", "分", "分钟", "分鐘", "분", "मिनट", "دقيقة",
        "دقائق", "دقیقه", "λεπτά", "perc", "minuter",
        # more of the ~45 languages the label families cover (nl sv no da fi is sk ro bg sr hr lt lv et el be
        # he ur bn ta ms tl sw ja)
        "minutter", "minuuttia", "min.", "mínútur", "mín", "minút", "minúty", "minúta", "minute",
        "минути", "minuta", "минута", "minučių",
        "minutės", "minūtes", "minutit", "λεπτό", "хвілін", "хвіліны", "דקות", "דק'", "منٹ", "মিনিট", "நிமிடம்",
        "நிமிடங்கள்", "minit", "dakika", "分間",
    )
)

# Words that make "5 min" a timestamp ("5 min ago", "5 分钟前"), which the policy keeps (D1).
AGO_WORDS = frozenset(
    s.casefold()
    for s in (
        "ago", "назад", "тому", "önce", "lalu", "trước", "前", "전", "पहले", "منذ", "پیش", "geleden", "fa",
        "hace", "há", "vor", "il", "temu",
    )
)

# The word a logo image's alt text adds to the site's name ("Gazete Vatan Logo").
LOGO_WORDS = frozenset(s.casefold() for s in ("logo", "лого", "логотип", "로고", "ロゴ", "标志", "標誌", "شعار"))

# What a local authority's site calls itself beside the place's name ("Obec Svrčinovec", "Gemeinde Reilingen",
# "Comune di Capoliveri", "Gmina Łączna"): a closed class of the words for municipality, town, city and
# council. Beside the host's name another word is as often a title's ("Berlin Marathon", "Wikipedia Zero",
# "Contoso Solutions": stop 20's review), so the site-name shape takes only these and LOGO_WORDS there.
SITE_KIND_WORDS = frozenset(
    s.casefold()
    for s in (
        "obec", "mesto", "město", "gemeinde", "stadt", "markt", "marktgemeinde", "stadtgemeinde", "gmina",
        "miasto", "powiat", "comune", "commune", "ville", "mairie", "municipio", "município", "ayuntamiento",
        "concello", "ajuntament", "prefeitura", "câmara", "gemeente", "kommune", "kommun", "kunta", "kaupunki",
        "község", "önkormányzat", "općina", "opcina", "grad", "občina", "opština", "opstina", "община", "общината",
        "місто", "громада", "город", "администрация", "primăria", "primaria", "comuna", "oraș", "oras",
        "savivaldybė", "pagasts", "novads", "vald", "municipality", "city", "town", "council", "borough",
        "village", "township", "county", "dhimos", "δήμος", "belediyesi", "kabupaten", "kota", "desa",
    )
)  # fmt: skip

# The names newsrooms give their sections (a closed class: news, sport, economy, politics, world, local,
# culture, science, technology, health, society, opinion, lifestyle, entertainment, press releases …), in
# the languages the label families cover and more. A section label above the title is page furniture
# (POLICY B2); a title is not told from it by shape when it is one or two words as well, so
# ``structure.section-label`` looks the word up here before it widens its search for the lede past a byline
# (cleaner.rules.head_shapes). Matched casefolded on a line of at most two words, every word a section's:
# a word equal to a stem or starting with it and inflected by at most three letters ("sports"), or, for the
# compounding languages, ending with one of SECTION_COMPOUND_HEADS ("bedrijfsnieuws"); the spaceless
# scripts in a line of four characters at most. As a tail cue only the exact word counts.
SECTION_STEMS = tuple(
    dict.fromkeys(
        s.casefold()
        for s in (
            # en
            "news", "sport", "sports", "business", "economy", "finance", "markets", "politics", "world",
            "local", "national", "culture", "science", "tech", "technology", "health", "lifestyle",
            "entertainment", "opinion", "society", "education", "travel", "crypto", "press release",
            "weather", "environment", "regional", "metro", "domestic", "international", "breaking",
            # de nl
            "nachrichten", "neuigkeiten", "aktuelles", "wirtschaft", "politik", "kultur", "wissenschaft",
            "technik", "gesundheit", "gesellschaft", "panorama", "reise", "pressemitteilung", "meldungen",
            "lokales", "regionales", "nieuws", "economie", "binnenland", "buitenland", "wetenschap",
            "gezondheid", "samenleving", "regio", "persbericht",
            # fr es pt it ca ro
            "actualité", "actualités", "économie", "politique", "monde", "société", "santé", "régions",
            "noticias", "actualidad", "economía", "política", "deportes", "sociedad", "cultura", "ciencia",
            "salud", "tecnología", "internacional", "nacional", "mundo", "notícias", "economia", "esportes",
            "desporto", "ciência", "saúde", "cidades", "tecnologia", "notizie", "cronaca", "attualità",
            "politica", "esteri", "scienza", "salute", "spettacoli", "notícies", "esports", "societat",
            "știri", "stiri", "actualitate", "economie", "politică", "sănătate", "externe", "societate",
            # sv no da fi is
            "nyheter", "nyhende", "nyheder", "inrikes", "utrikes", "ekonomi", "økonomi", "næringsliv",
            "innenriks", "utenriks", "indland", "udland", "samfund", "samhälle", "kultur", "uutiset",
            "kotimaa", "ulkomaat", "talous", "urheilu", "politiikka", "fréttir", "íþróttir",
            # pl cs sk hu sl hr sr bs
            "wiadomości", "aktualności", "gospodarka", "polityka", "sport", "świat", "zdrowie",
            "zprávy", "domácí", "zahraničí", "ekonomika", "politika", "správy", "zahraničie",
            "sportovi", "sporty", "hírek", "belföld", "külföld", "gazdaság", "politika", "kultúra", "egészség",
            "novice",
            "gospodarstvo", "vijesti", "vesti", "novosti", "svijet", "regija", "zdravlje",
            # ru uk bg mk be sr-cyrl
            "новости", "политика", "экономика", "общество", "культура", "спорт", "происшествия", "в мире",
            "новини", "політика", "економіка", "суспільство", "світ", "здоров'я", "икономика", "общество",
            "вести", "вијести", "економија", "навіны",
            # el tr az kk uz ka hy lt lv et sq
            "ειδήσεις", "κόσμος", "οικονομία", "πολιτική", "αθλητικά", "πολιτισμός", "κοινωνία",
            "haberler", "gündem", "ekonomi", "siyaset", "dünya", "spor", "yaşam", "sağlık", "kültür",
            "xəbərlər", "gündəm", "iqtisadiyyat", "siyasət", "dünya", "idman", "cəmiyyət", "жаңалықтар", "саясат",
            "янгиликлар", "yangiliklar", "siyosat", "ახალი ამბები", "პოლიტიკა", "ეკონომიკა", "საზოგადოება",
            "լուրեր", "քաղաքականություն", "տնտեսություն", "naujienos", "ekonomika",
            "ziņas", "uudised", "majandus", "lajme", "politikë", "ekonomi",
            "kulturë",
            # ar fa ur he hi bn ta
            "أخبار", "اخبار", "محليات", "اقتصاد", "سياسة", "رياضة", "ثقافة", "منوعات", "عربي ودولي", "صحة",
            "سیاسی", "اقتصادی", "ورزشی", "فرهنگی", "اجتماعی", "بین الملل", "خبریں", "کھیل", "חדשות",
            "כלכלה", "ספורט", "תרבות", "בריאות", "समाचार", "खेल", "राजनीति", "व्यापार", "देश", "विदेश",
            "মনোরঞ্জন", "খেলা", "রাজনীতি", "অর্থনীতি", "செய்திகள்", "அரசியல்", "விளையாட்டு",
            # id ms tl vi sw
            "berita", "nasional", "ekonomi", "olahraga", "politik", "daerah", "internasional", "gaya hidup",
            "sukan", "semasa", "balita", "palakasan", "thời sự", "kinh tế", "thể thao", "xã hội", "thế giới",
            "pháp luật", "giải trí", "habari", "michezo", "siasa", "uchumi", "kitaifa",
        )
    )
)
# The section names of the compounding languages (de nl sv no da fi hu is et) that also head a compound
# ("Bedrijfsnieuws", "Wirtschaftsnachrichten", "Lokalnyheter"); other stems match whole ("Passport" is no
# sport section, "Conscience" no science one).
SECTION_COMPOUND_HEADS = tuple(
    s.casefold()
    for s in (
        "nachrichten", "meldungen", "wirtschaft", "politik", "kultur", "nieuws", "economie", "nyheter",
        "nyheder", "nyhende", "uutiset", "talous", "urheilu", "hírek", "gazdaság", "fréttir", "uudised",
        "majandus",
    )
)
# The same class in scripts written without spaces between words, matched anywhere in a short line.
SECTION_INFIXES = tuple(
    s.casefold()
    for s in (
        "新闻", "新聞", "要闻", "要聞", "财经", "財經", "体育", "體育", "国际", "國際", "国内", "國內", "社会",
        "社會", "科技", "娱乐", "娛樂", "健康", "政治", "経済", "経済", "スポーツ", "ニュース", "国内", "海外",
        "社会", "뉴스", "경제", "정치", "사회", "스포츠", "국제", "문화", "연예", "ข่าว", "เศรษฐกิจ", "การเมือง",
        "กีฬา", "บันเทิง",
    )
)

# Social and messaging platforms a site asks its readers to follow it on, and the words for the channel or
# group it has there: brand names, the same in every language ("dobivaj vesti na viber", "Cek Berita … di
# Google News", "Folge uns auf Facebook"). Casefolded; "X", "LINE" and "Signal" are left out, being words.
PLATFORMS = tuple(
    s.casefold()
    for s in (
        "Google News", "Google Noticias", "Google Notícias", "Google Actualités", "Telegram", "Телеграм",
        "Телеграмм", "WhatsApp", "Viber", "Facebook", "Фейсбук", "Instagram", "Инстаграм", "YouTube", "Ютуб",
        "TikTok", "Twitter", "Твиттер", "LinkedIn", "Threads", "Discord", "KakaoTalk", "WeChat", "Weibo",
        "Zalo", "VK", "ВКонтакте", "ВК", "Дзен", "Яндекс.Дзен", "Одноклассники", "Pinterest", "Reddit",
        "Spotify", "Apple Podcasts", "Google Podcasts", "Bluesky", "Mastodon", "Flipboard", "MSN",
    )
)
PLATFORM_PLACES = frozenset(
    s.casefold()
    for s in (
        "channel", "channels", "group", "page", "kanal", "kanalı", "kanalu", "kanale", "канал", "канале",
        "каналі", "grup", "grupo", "gruppo", "gruppe", "saluran", "canal", "chaîne", "app", "sayfamız",
    )
)

# The share verb of each language, as a stem at a word's start ("partag-": partager, partagez; "podel-":
# podeli, podelite) or, for the scripts without spaces, anywhere in the word ("공유하기", "分享至").
# English "share" is left out (a company's shares are news), and so are the words that also mean "part"
# (Dutch "deel", Swedish/Norwegian "del": "Deel 2") unless a second word makes them the verb ("deel dit").
SHARE_STEMS = tuple(
    s.casefold()
    for s in (
        "teilen", "partag", "compart", "condivid", "deel dit", "deel via", "deel op", "delen", "dela med",
        "del med", "del på", "deila", "udostępn", "sdílej", "sdílet", "zdieľ", "megoszt", "distribui",
        "partaj", "podel", "podijel", "spodel", "подели", "поделит", "поширит", "поділит", "сподел", "paylaş",
        "bagikan", "kongsi", "ibahagi", "shiriki", "chia sẻ", "شارك", "مشارك", "اشتراک", "שתפ", "שתף", "שיתוף",
        "शेयर", "साझा", "শেয়ার", "பகிர்", "κοινοποί", "μοιραστ", "dalint", "pasidal", "dalīt", "shpërnda",
        "бөліс", "გაზიარ",
    )
)
SHARE_INFIXES = tuple(s.casefold() for s in ("分享", "シェア", "공유", "แชร์"))

# The word for "today" a header's date widget prints before the date ("Այսօր` Շաբաթ, 20 ապրիլի, 2024 թ.",
# "Today: …", "Heute, …"): with a weekday, what tells the current date from an article's dateline.
_TODAY = """today heute aujourd'hui hoy hoje oggi vandaag idag tänään dzisiaj dziś dnes ma astăzi azi днес сегодня
сьогодні σήμερα bugün 今日 今天 오늘 اليوم امروز היום आज আজ Այսօր დღეს täna šodien šiandien danas данас денес sot leo
ngayon"""
TODAY_WORDS = frozenset(w.casefold() for w in _TODAY.split())  # one word each: a header prints it as one

"""Cue vocabularies of the edge notices and tail labels (cleaner.rules.edge_shapes), kept as data.

Each set is a *family* of words a site uses for one kind of furniture, in the ~45 languages the label
families of rules/generic.yaml cover — not the wording of one page. Matched casefolded: the word cues at
a word's start ("recomand" is "recomandate", "recommended", "recommandés"), the cues of scripts written
without spaces (CJK, Thai, Korean compounds) anywhere in the line. Adding a language means adding its
words here, with a case (id, URL) in the YAML tests of the rule that uses them.
"""

from __future__ import annotations

import re

# A stem ending in "$" matches a whole word only ("više$": "Pogledajte više", not "Višegrad"; "mest$": the
# Nordic "most", not "mesta"); the others match at a word's start.
# Words of a recommendation / cross-link widget's label ("Ştiri video recomandate", "Τυχαία Θέματα",
# "Keywords", "Must See", "More in", "Još vijesti"): what the widget lists (news, stories, videos,
# topics, tags) or how it picks them (recommended, popular, most read, random, related, latest).
LABEL_STEMS = tuple(
    s.casefold()
    for s in (
        # en
        "recommend", "related", "popular", "trending", "most read", "most viewed", "must see", "must read",
        "more in", "more from", "more on", "more news", "more stories", "keywords", "tags", "topics", "comments",
        "videos", "latest", "top stories", "read next", "don't miss", "editor's pick", "random", "you may",
        "you might",
        # ro de fr es pt it nl
        "recomand", "ştiri", "știri", "stiri", "cele mai", "articole", "empfehl", "empfohlen", "beliebt",
        "meistgelesen", "verwandt", "weitere", "schlagw", "themen", "kommentare", "recommand", "populaire",
        "les plus", "mots-clés", "mots clés", "à lire", "commentaires", "vidéos", "recomend", "relacionad",
        "más leíd", "mais lid", "lo más", "etiquetas", "temas", "comentarios", "vídeos", "consigliat",
        "correlat", "più lett", "notizie", "notícias", "noticias", "ultime", "aanbevol", "gerelateerd",
        "populair", "meest", "reacties",
        # el ru uk bg sr be
        "θέματα", "τυχαία", "δημοφιλ", "σχετικ", "ειδήσεις", "περισσότερ", "βίντεο", "популярн", "рекоменд",
        "комментари", "коментар", "заинтерес", "зацікав", "обсуждают", "обговорюють",
        "новости", "новини", "вести", "вијести", "похожи", "схожі", "другие", "інші", "видео", "відео",
        "читайте", "самое", "найпопуляр", "още", "най-",
        # pl cs sk hu hr sl
        "polecan", "popularn", "najczęściej", "powiązan", "komentarz", "tagi", "wideo", "doporuč", "nejčten",
        "súvisiac", "najčítanejš", "ajánl", "népszerű", "legolvasott", "kapcsolód", "preporuč", "najčitanij",
        "vijesti", "vesti", "još", "povezan", "novice", "priporoč",
        # tr fi sv no da
        "önerilen", "ilgili", "popüler", "en çok", "çok okunan", "etiketler", "yorumlar", "benzer", "haberler",
        "suosit", "luetuim", "rekommend", "mest$", "populär", "relater", "anbefal", "nyheter", "nyheder",
        "uutiset",
        # id ms tl sw vi
        "terkait", "populer", "terpopuler", "rekomendasi", "berita", "paling", "kaugnay", "pinakabago",
        "habari", "zaidi", "maarufu", "liên quan", "đọc nhiều", "xem nhiều", "tin mới", "tin khác", "nổi bật",
        # ar fa he ur hi bn
        "ذات صلة", "الأكثر", "مقالات", "أخبار", "اخبار", "مرتبط", "پربازدید", "פופולרי", "כתבות", "ویڈیو",
        "خبریں", "लोकप्रिय", "संबंधित", "खबरें", "ख़बरें", "জনপ্রিয়", "সম্পর্কিত", "খবর",
        # From here by concept, per language: news; related / other articles; popular / most read; recommended;
        # latest; more (news) / see more / read more; read also; don't miss; tags / keywords; comments; videos;
        # previous / next article. Inflected words by their stem; a common word of prose only inside its phrase
        # ("vairāk ziņu", not "vairāk" = more) or not at all ("lotutako" is any "related to": the label "Lotutako
        # albisteak" is caught by its noun). A trailing space ends a word the match would otherwise prolong
        # ("pogledaj$" is not "pogledaju", they look).
        # lv lt et
        "ziņas$", "saistītie", "saistītās", "līdzīgi raksti", "citi raksti", "populārāk", "lasītākie",
        "lasītākās", "visvairāk lasīt", "ieteiktie", "iesakām", "jaunākās ziņas", "jaunākie raksti",
        "vairāk ziņu", "lasīt vairāk", "skatīt vairāk", "lasi arī", "lasiet arī", "nepalaid garām", "birkas$",
        "atslēgvārdi", "komentāri", "iepriekšējais raksts", "nākamais raksts",
        "naujienos", "susiję straipsn", "panašūs straipsn", "kiti straipsn", "populiariaus", "skaitomiaus",
        "daugiausiai skaityt", "rekomenduojame", "naujausi", "daugiau naujienų", "skaityti daugiau",
        "skaitykite", "nepraleiskite", "žymės", "raktažodžiai", "komentarai", "vaizdo įraš",
        "ankstesnis straipsnis", "kitas straipsnis",
        "uudised", "seotud artikl", "seotud uudis", "seotud lood", "sarnased artikl", "loetuim", "enim loetud",
        "populaarseim", "soovitame", "soovitatud", "värskeim", "rohkem uudiseid", "veel uudiseid", "loe veel",
        "loe ka", "vaata veel", "ära jäta vahele", "märksõnad", "sildid$", "kommentaarid",
        "eelmine artikkel", "järgmine artikkel",
        # sq mk, sr in Cyrillic
        "lajme$", "artikuj", "më të lexuar", "më të shikuar", "më të komentuar", "më të fundit", "popullor",
        "rekomanduar", "rekomandojmë", "lexo edhe", "lexoni edhe", "lexo gjithashtu", "lexo më shumë", "shiko më shumë",
        "mos humb", "etiketa", "komente", "artikulli i mëparshëm", "artikulli pasardhës", "artikulli tjetër",
        "најчитан", "најнови", "најгледан", "популарн", "препорачан", "препорачуваме", "повеќе вести", "прочитај$",
        "прочитајте", "погледни$",
        "погледнете", "тагови", "клучни зборови", "не пропуштајте",
        "препоручен", "препоручујемо", "најновиј", "повезан", "погледајте",
        # bs hr sr sl (Latin): more, see, read
        "više$", "pogledaj$", "pogledajte", "pročitaj$", "pročitajte", "procitaj$", "procitajte", "najnovij",
        "najgledanij", "izdvojeno", "ne propusti",
        "komentari", "oznake$", "tagovi$", "sorodni član", "najbolj bran", "preberite še", "več novic",
        "komentarji",
        # az kk (Cyrillic, and the Latin alphabets of 2018 and 2021) uz (Latin, Cyrillic) ky tg mn
        "xəbərlər", "əlaqəli", "ən çox oxun", "ən çox baxıl", "populyar", "tövsiyə edirik", "həmçinin oxu",
        "ardını oxu", "daha çox oxu", "teqlər", "etiketlər", "açar sözlər", "şərhlər", "videolar", "mövzular",
        "жаңалықтар", "көп оқылған", "көп қаралған", "ең танымал", "ұсынамыз", "толығырақ", "оқыңыз",
        "тегтер", "кілт сөздер", "пікірлер", "бейнежазба",
        "jańalyqtar", "jañalyqtar", "kóp oqylǵan", "köp oqylğan", "tolyǵyraq", "tolyğyraq", "oqyńyz",
        "oqyñyz", "usynamyz", "ūsynamyz", "pikirler", "tegter$",
        "yangiliklar", "xabarlar", "maqolalar", "ko'p o'qilgan", "koʻp oʻqilgan", "ko‘p o‘qilgan",
        "tavsiya etamiz", "batafsil", "o'qing$", "oʻqing", "o‘qing", "izohlar", "teglar$",
        "янгиликлар", "мақолалар", "кўп ўқилган", "тавсия этамиз", "батафсил", "ўқинг", "изоҳлар",
        "жаңылыктар", "көп окулган", "эң көп окул", "популярдуу", "сунуштайбыз", "толугураак", "окуңуз",
        "тегдер",
        "хабарҳо", "мақолаҳо", "навтарин", "бештар хонда", "серхонанда", "хонед", "шарҳҳо", "назарҳо",
        "калидвожаҳо",
        "мэдээнүүд", "холбоотой мэдээ", "шинэ мэдээ", "сүүлийн мэдээ", "бусад мэдээ", "төстэй мэдээ",
        "онцлох мэдээ", "их уншсан", "их уншигдсан", "их үзсэн", "сэтгэгдэл бичих", "сэтгэгдлүүд", "шошго",
        "түлхүүр үг",
        # ka hy
        "სიახლეები", "ახალი ამბები", "სტატიები", "პოპულარული", "ყველაზე კითხვადი", "ყველაზე ნანახი",
        "გირჩევთ", "მეტი სიახლე", "წაიკითხეთ", "ტეგები", "თეგები", "კომენტარები", "ვიდეოები",
        "լուրեր", "նորություններ", "առնչվող", "ամենաընթերցված", "ամենադիտված", "ամենաշատ կարդաց",
        "խորհուրդ ենք տալիս", "կարդացեք", "պիտակներ", "թեգեր", "բանալի բառեր", "մեկնաբանություններ",
        "տեսանյութեր",
        # is ga cy mt eu
        "fréttir", "tengt efni", "vinsæl", "mest lesið", "nýjast", "nýjustu", "lesa meira",
        "sjá meira", "lestu einnig", "lestu líka", "ekki missa af", "þú gætir", "efnisorð", "athugasemdir",
        "myndbönd",
        "nuacht$", "scéalta eile", "gaolmhar", "ghaolmhar", "ailt eile", "is mó léite", "is déanaí",
        "is deireanaí", "léigh tuilleadh", "léigh freisin", "tráchtanna", "clibeanna", "físeáin",
        "newyddion", "erthyglau", "poblogaidd", "mwyaf darllen", "diweddaraf", "darllen rhagor", "darllenwch",
        "straeon eraill", "straeon perthnasol", "peidiwch â cholli", "sylwadau", "tagiau$", "pynciau",
        "stori flaenorol", "stori nesaf", "erthygl flaenorol", "erthygl nesaf",
        "aħbarijiet", "artikli", "relatati", "l-aktar popolari", "l-aktar moqri", "rakkomandat", "aqra wkoll",
        "aqra aktar", "kummenti", "tikketti", "vidjows",
        "albisteak", "albiste gehiago", "azken berriak", "irakurrienak", "ikusienak", "ezagunenak",
        "gomendatuak", "gehiago irakurri", "irakurri gehiago", "irakurri ere", "etiketak", "iruzkinak",
        "bideoak",
        # gl ca
        "últimas novas", "máis lid", "máis vist", "máis coment", "le tamén", "lea tamén", "che pode interesar",
        "notícies", "relacionats", "més llegi", "més vist", "més comentat", "populars", "recomanem",
        "recomanat", "llegeix també", "llegiu també", "et pot interessar", "us pot interessar", "no et perdis",
        "etiquetes", "article anterior", "article següent",
        # af sw am so ha
        "nuus$", "verwante", "gewildste", "mees gelees", "meeste gelees", "nuutste", "lewer kommentaar",
        "lees meer", "lees ook", "etikette", "video's",
        "zinazohusiana", "zilizosomwa", "soma pia", "toa maoni", "usikose",
        "ዜናዎች", "ተዛማጅ", "በብዛት የተነበቡ", "በጣም ተወዳጅ", "ተጨማሪ ዜና", "ተጨማሪ ያንብቡ", "ያንብቡ", "አስተያየቶች",
        "መለያዎች", "ቪዲዮዎች",
        "wararka kale", "warar kale", "wararka ugu", "wararka la xiriira", "ugu akhris", "ugu daawasho",
        "akhri sidoo kale", "akhri wax badan", "faallooyinka", "muuqaallo",
        "maqaallo",
        "masu alaka", "masu alaƙa", "karin labarai", "ƙarin labarai", "sauran labarai", "labarai masu",
        "mafi karanta", "mafi shahara", "kara karantawa", "ƙara karantawa",
        # si ta te ml kn mr gu pa ne, hi
        "තවත් පුවත්", "අදාළ පුවත්", "නවතම", "ජනප්‍රිය", "ජනප්රිය", "වැඩියෙන්ම කියව",
        "செய்திகள்", "அதிகம் படி", "அதிகம் பார்க்க", "மேலும் படிக்க", "இதையும் படி", "கருத்துகள்",
        "கருத்துக்கள்", "வீடியோக்கள்", "குறிச்சொற்கள்",
        "వార్తలు", "ఎక్కువగా చదివిన", "చదవండి", "వీడియోలు", "వ్యాఖ్యలు",
        "വാർത്തകൾ", "വാര്‍ത്തകള്‍", "വാര്ത്തകള്", "ബന്ധപ്പെട്ട വാർത്ത", "ബന്ധപ്പെട്ട വാര്‍ത്ത", "കൂടുതൽ വായിക്കുക",
        "കൂടുതല്‍ വായിക്കുക", "വായിക്കൂ", "ജനപ്രിയ", "വീഡിയോകൾ", "അഭിപ്രായങ്ങൾ",
        "ಸುದ್ದಿಗಳು", "ಇತ್ತೀಚಿನ ಸುದ್ದಿ", "ಸಂಬಂಧಿತ ಸುದ್ದಿ", "ಮತ್ತಷ್ಟು ಸುದ್ದಿ", "ಜನಪ್ರಿಯ", "ಹೆಚ್ಚು ಓದಿದ", "ಇದನ್ನೂ ಓದಿ",
        "ವಿಡಿಯೋಗಳು",
        "बातम्या", "हेही वाचा", "अधिक वाचा", "सर्वाधिक वाच",
        "તાજા સમાચાર", "વધુ સમાચાર", "અન્ય સમાચાર", "સંબંધિત", "લોકપ્રિય", "વધુ વાંચો", "પણ વાંચો",
        "સૌથી વધુ વંચા",
        "ਖ਼ਬਰਾਂ", "ਖਬਰਾਂ", "ਸਬੰਧਿਤ", "ਸੰਬੰਧਿਤ", "ਤਾਜ਼ਾ ਖ਼ਬਰ", "ਤਾਜ਼ਾ ਖਬਰ", "ਵੀ ਪੜ੍ਹੋ", "ਹੋਰ ਪੜ੍ਹੋ",
        "ताजा समाचार", "थप समाचार", "अन्य समाचार", "सम्बन्धित", "धेरै पढिएको", "पढ्नुहोस्",
        "यह भी पढ़ें", "ये भी पढ़ें", "और पढ़ें",
        # ps ku (Kurmanji, Sorani)
        "خبرونه", "ډېر لوستل", "ډیر لوستل", "ولولئ", "نظرونه",
        "nûçeyên", "herî zêde xwend", "bixwîne", "şîroveyên", "şîroveyan",
        "هەواڵەکان", "زۆرترین خوێنراو", "نوێترین", "بخوێنەوە", "ڤیدیۆکان", "لێدوانەکان",
    )
)

# The same family in scripts written without spaces between words: matched anywhere in the line.
LABEL_INFIXES = tuple(
    s.casefold()
    for s in (
        "추천", "인기", "관련", "주요뉴스", "뉴스", "랭킹", "영상", "포토", "많이 본", "相关", "相關", "推荐",
        "推薦", "热门", "熱門", "热点", "熱點", "最新", "阅读", "閱讀", "新闻", "新聞", "视频", "視頻", "関連",
        "おすすめ", "人気", "ランキング", "注目", "บทความ", "ข่าว", "แนะนำ", "ยอดนิยม", "สนใจ", "เกี่ยวข้อง",
        "วิดีโอ",
        # my km lo
        "ဆက်စပ်သတင်း", "ဆက်စပ်ပို့စ်", "ဆက်စပ်ဆောင်းပါး", "နောက်ဆုံးရသတင်း", "လူကြိုက်အများဆုံး", "အများဆုံးဖတ်",
        "ထပ်မံဖတ်ရှု", "မှတ်ချက်များ", "ဗီဒီယိုများ",
        "ព័ត៌មានពាក់ព័ន្ធ", "អត្ថបទពាក់ព័ន្ធ", "ព័ត៌មានថ្មី", "ពេញនិយម", "អានបន្ថែម", "អានច្រើនជាងគេ",
        "ຂ່າວທີ່ກ່ຽວຂ້ອງ", "ບົດຄວາມທີ່ກ່ຽວຂ້ອງ", "ຂ່າວລ່າສຸດ", "ຂ່າວອື່ນ", "ຍອດນິຍົມ", "ອ່ານເພີ່ມເຕີມ",
    )
)

# What makes a line a copyright / no-reproduction notice besides the sign: the rights phrase or a ban on
# reposting ("All rights reserved", "무단전재·재배포 금지", "不提供二次转载", "Riproduzione riservata").
RIGHTS_CUES = re.compile(
    "|".join(
        (
            r"all rights reserved", r"rights reserved", r"alle rechte vorbehalten", r"nachdruck",
            r"tous droits réservés", r"reproduction (?:interdite|réservée)", r"derechos reservados",
            r"prohibida (?:su|la) reproducción", r"direitos reservados", r"proibida a reprodução",
            r"diritti riservati", r"riproduzione (?:riservata|vietata)", r"vietata la riproduzione",
            r"права защищены", r"перепечатка", r"копирование", r"права захищені", r"передрук",
            r"права (?:са )?запазени", r"prava (?:pridržana|zadržana)", r"prawa zastrzeżone", r"przedruk",
            r"práva vyhrazena", r"práva vyhradené", r"hakları saklıdır", r"alle rechten voorbehouden",
            r"rättigheter förbehållna", r"rettigheder forbeholdes", r"rettigheter reservert",
            r"oikeudet pidätetään", r"hak cipta", r"quyền được bảo lưu", r"bảo lưu mọi quyền",
            r"الحقوق محفوظة", r"حقوق محفوظ", r"הזכויות שמורות", r"सर्वाधिकार", r"अधिकार सुरक्षित",
            r"সর্বস্বত্ব", r"สงวนลิขสิทธิ์", r"무단\s*(?:전재|복제|배포|사용)", r"재배포\s*금지", r"転載",
            r"複製", r"版权所有", r"版權所有", r"(?:禁止|不得|请勿|請勿|不提供|未经|未經)[^\n]{0,8}(?:转载|轉載)",
            r"(?:转载|轉載)[^\n]{0,8}(?:注明|註明|联系|聯繫|授权|授權)",
        )
    ),
    re.IGNORECASE,
)

# The word for copyright ("Copyright", "Testi ed immagini Copyright Repubblica.it"), and the signs.
# A sign needs no word boundary: "저작권자(c) YTN" (ko) glues the holder's word to "(c)"; a Latin letter
# before "(c)" makes it a clause or a function ("Section(c)", "f(c)").
COPYRIGHT_WORD = re.compile(
    r"(?<![^\W\d_])copyrights?(?![^\W\d_])|[ⓒ©Ⓒ℗]|(?<![A-Za-z])\([cC]\)(?=\s*\S)", re.IGNORECASE
)
COPYRIGHT_SIGN = re.compile(r"[©ⓒⒸ℗]|\([cC]\)")

# A substring of every rights cue and of the copyright word, casefolded: the cheap test a line must pass
# before the regexes run (cleaner.rules.edge_shapes.EDGE_CANDIDATES). Keep it in step with RIGHTS_CUES.
RIGHTS_KEYS = tuple(
    dict.fromkeys(
        k.casefold()
        for k in (
        "©", "ⓒ", "Ⓒ", "℗", "(c)", "copyright", "reserv", "rechte", "nachdruck", "réservé", "reprodu",
        "riservat", "riprodu", "права", "перепечат", "копирован", "передрук", "prava", "prawa", "przedruk",
        "práva", "hakları", "rechten", "rättigheter", "rettighed", "rettigheter", "oikeudet", "hak cipta",
        "quyền", "الحقوق", "حقوق", "הזכויות", "सर्वाधिकार", "अधिकार", "সর্বস্বত্ব", "สงวนลิขสิทธิ์", "무단",
        "재배포", "転載", "複製", "版权", "版權", "转载", "轉載",
        )
    )
)


def _cues(stems: str, infixes: str) -> re.Pattern[str]:
    """One casefolded pattern: each stem at a word's start, each infix (a script without spaces) anywhere."""
    start = "|".join(re.escape(s.casefold()) for s in stems.split("|"))
    inside = "|".join(re.escape(s.casefold()) for s in infixes.split("|"))
    return re.compile(rf"(?<![^\W\d_])(?:{start})|{inside}")


# The page-feedback widget's words (cleaner.rules.feedback_shapes): "helpful" / "useful", "feedback",
# "thanks", in the languages of the label families; stems at a word's start ("pomocn": pomocny, pomocna).
HELPFUL_CUES = _cues(
    "helpful|useful|hilfreich|nützlich|utile|útil|nuttig|behulpzaam|pomocn|przydatn|užitečn|užitočn|pomohl"
    "|hasznos|segített|korisn|koristn|folositor|полезн|помогл|корисн|допомогл|χρήσιμ|faydalı|yararlı|yardımcı"
    "|مفيد|مفید|מועיל|उपयोगी|सहायक|मददगार|berguna|membantu|bermanfaat|hữu ích|có ích|hjälpsam|användbar"
    "|nyttig|hjælpsom|hjelpsom|hyödyll|auttoiko|naudinga|noderīg|kasulik|hjälpte|hjalp|geholfen|geholpen|aidé"
    "|ayudó|ajudou|aiutato|pomógł|pomogł|giúp",
    "有帮助|有幫助|有用吗|有用嗎|役に立|参考にな|도움이|도움 되|มีประโยชน์|เป็นประโยชน์",
)
FEEDBACK_CUES = _cues(
    "feedback|rückmeldung|retour|votre avis|comentario|opinión|opinião|parere|terugkoppeling|opinię|opinii"
    "|zpětn|spätn|visszajelz|geri bildirim|обратн|зворотн|повратн|σχόλι|ملاحظات|بازخورد|משוב|प्रतिक्रिया"
    "|umpan balik|masukan|phản hồi|återkoppling|tilbakemeld|palaute|atsiliep|atsauksm|tagasisid",
    "反馈|反饋|フィードバック|ご意見|피드백|의견|ความคิดเห็น",
)
THANKS_CUES = _cues(
    "thank|danke|vielen dank|merci|gracias|obrigad|grazie|bedankt|dank je|dank u|dziękuj|děkuj|ďakuj|köszön"
    "|hvala|teşekkür|спасибо|благодар|дякую|дякуєм|ευχαριστ|شكر|متشکر|ممنون|תודה|धन्यवाद|terima kasih"
    "|cảm ơn|tack|takk|tak for|kiitos|ačiū|paldies|aitäh|mulțumim|multumim",
    "谢谢|謝謝|感谢|感謝|ありがとう|감사|고맙|ขอบคุณ",
)

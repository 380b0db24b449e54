"""Cue vocabularies of the edge notices and tail labels (cleaner.rules.edge_shapes), kept as data.

Each set is a *family* of words a site uses for one kind of furniture, in the ~45 languages the label
families of rules/generic.yaml cover — not the wording of one page. Matched casefolded: the word cues at
a word's start ("recomand" is "recomandate", "recommended", "recommandés"), the cues of scripts written
without spaces (CJK, Thai, Korean compounds) anywhere in the line. Adding a language means adding its
words here, with a case (id, URL) in the YAML tests of the rule that uses them.
"""

from __future__ import annotations

import re

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
        "suosit", "luetuim", "rekommend", "mest ", "populär", "relater", "anbefal", "nyheter", "nyheder",
        "uutiset",
        # id ms tl sw vi
        "terkait", "populer", "terpopuler", "rekomendasi", "berita", "paling", "kaugnay", "pinakabago",
        "habari", "zaidi", "maarufu", "liên quan", "đọc nhiều", "xem nhiều", "tin mới", "tin khác", "nổi bật",
        # ar fa he ur hi bn
        "ذات صلة", "الأكثر", "مقالات", "أخبار", "اخبار", "مرتبط", "پربازدید", "פופולרי", "כתבות", "ویڈیو",
        "خبریں", "लोकप्रिय", "संबंधित", "खबरें", "ख़बरें", "জনপ্রিয়", "সম্পর্কিত", "খবর",
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
            r"права запазени", r"prava (?:pridržana|zadržana)", r"prawa zastrzeżone", r"przedruk",
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

"""Which languages each label family covers: one typical line per family and language, cleaned.

For each family of page furniture whose wording the packs hold (cross-link labels, ad labels, share,
follow/subscribe, comment widgets, reading time, table-of-contents labels, "read more" feed markers, tag
lines, copyright lines, view counters, interface controls such as a back-to-top button) and each of 46
languages (Chinese in both scripts), the probe is the line a site in that language typically prints,
placed after a sentence of prose at the end of a short text (so tail-scoped rules can see it; a
cross-link label is followed by one headline). A family covers a language when the bundled packs remove
the probe line.

The probes are the standard web wording of each language (written for this yardstick, not taken from
any labelled case); they measure coverage, not precision — `eval_shapes_clean.py` and `eval_cases.py`
measure what the rules take from real article text.

    python benchmarks/family_coverage.py              # table: family x languages covered
    python benchmarks/family_coverage.py --missing    # and the probes each family misses
    PYTHONPATH=/path/to/other/checkout python benchmarks/family_coverage.py   # the same for another tree
"""

from __future__ import annotations

import argparse
import json

from cleaner import clean, load_rules

FAMILIES = ("crosslink", "ads", "share", "follow", "comments", "reading-time", "toc", "read-more", "tags",
            "copyright", "views", "ui-controls")

# language: (crosslink label, ad label, share, follow/subscribe, comment widget, reading time, TOC label,
#            read more, tags line, copyright line, view counter; the ui-controls probe is added below)
PROBES: dict[str, tuple[str, ...]] = {
    "en": ("Read also", "Advertisement", "Share this article", "Subscribe", "No comments yet", "Reading time: 4 min",
           "Table of Contents", "Read more", "Tags: Bitcoin, ETF", "© 2024 Example Media", "1,234 views"),
    "de": ("Lesen Sie auch", "Anzeige", "Artikel teilen", "Folgen Sie uns", "Keine Kommentare", "Lesezeit: 4 Min.",
           "Inhaltsverzeichnis", "Weiterlesen", "Schlagwörter: Bitcoin, EZB", "Alle Rechte vorbehalten",
           "1.234 Aufrufe"),
    "fr": ("À lire aussi", "Publicité", "Partager cet article", "Suivez-nous", "Aucun commentaire",
           "Temps de lecture : 4 min",
           "Sommaire", "Lire la suite", "Mots-clés : Bitcoin, BCE", "Tous droits réservés", "1 234 vues"),
    "es": ("Lee también", "Publicidad", "Compartir", "Síguenos", "Sin comentarios", "Tiempo de lectura: 4 minutos",
           "Índice", "Leer más", "Etiquetas: Bitcoin, BCE", "Todos los derechos reservados", "1.234 visualizaciones"),
    "pt": ("Leia também", "Publicidade", "Compartilhe", "Siga-nos", "Sem comentários", "Tempo de leitura: 4 min",
           "Índice", "Leia mais", "Palavras-chave: Bitcoin, BCE", "Todos os direitos reservados",
           "1.234 visualizações"),
    "it": ("Leggi anche", "Pubblicità", "Condividi", "Seguici", "Nessun commento", "Tempo di lettura: 4 minuti",
           "Indice", "Leggi tutto", "Tag: Bitcoin, BCE", "Tutti i diritti riservati", "1.234 visualizzazioni"),
    "nl": ("Lees ook", "Advertentie", "Delen", "Volg ons", "Geen reacties", "Leestijd: 4 minuten",
           "Inhoudsopgave", "Lees meer", "Trefwoorden: Bitcoin, ECB", "Alle rechten voorbehouden", "1.234 weergaven"),
    "sv": ("Läs också", "Annons", "Dela", "Följ oss", "Inga kommentarer", "Lästid: 4 minuter",
           "Innehåll", "Läs mer", "Taggar: Bitcoin, ECB", "Alla rättigheter förbehållna", "1 234 visningar"),
    "no": ("Les også", "Annonse", "Del", "Følg oss", "Ingen kommentarer", "Lesetid: 4 minutter",
           "Innhold", "Les mer", "Stikkord: Bitcoin, ECB", "Alle rettigheter reservert", "1 234 visninger"),
    "da": ("Læs også", "Annonce", "Del", "Følg os", "Ingen kommentarer", "Læsetid: 4 minutter",
           "Indhold", "Læs mere", "Emneord: Bitcoin, ECB", "Alle rettigheder forbeholdes", "1.234 visninger"),
    "fi": ("Lue myös", "Mainos", "Jaa", "Seuraa meitä", "Ei kommentteja", "Lukuaika: 4 min",
           "Sisällys", "Lue lisää", "Avainsanat: Bitcoin, EKP", "Kaikki oikeudet pidätetään", "1 234 katselukertaa"),
    "is": ("Lestu einnig", "Auglýsing", "Deila", "Fylgdu okkur", "Engar athugasemdir", "Lestrartími: 4 mínútur",
           "Efnisyfirlit", "Lesa meira", "Efnisorð: Bitcoin, Seðlabanki", "Öll réttindi áskilin", "1.234 views"),
    "pl": ("Czytaj także", "Reklama", "Udostępnij", "Obserwuj nas", "Brak komentarzy", "Czas czytania: 4 minuty",
           "Spis treści", "Czytaj dalej", "Tagi: Bitcoin, NBP", "Wszelkie prawa zastrzeżone", "1 234 wyświetleń"),
    "cs": ("Přečtěte si také", "Reklama", "Sdílet", "Sledujte nás", "Žádné komentáře", "Doba čtení: 4 minuty",
           "Obsah", "Číst dál", "Štítky: Bitcoin, ČNB", "Všechna práva vyhrazena", "1 234 zobrazení"),
    "sk": ("Čítajte aj", "Reklama", "Zdieľať", "Sledujte nás", "Žiadne komentáre", "Čas čítania: 4 minúty",
           "Obsah", "Čítať ďalej", "Kľúčové slová: Bitcoin, NBS", "Všetky práva vyhradené", "1 234 zobrazení"),
    "hu": ("Kapcsolódó cikkek", "Hirdetés", "Megosztás", "Kövess minket", "Nincs hozzászólás", "Olvasási idő: 4 perc",
           "Tartalomjegyzék", "Tovább", "Címkék: Bitcoin, MNB", "Minden jog fenntartva", "1 234 megtekintés"),
    "ro": ("Citește și", "Publicitate", "Distribuie", "Urmărește-ne", "Niciun comentariu", "Timp de citire: 4 minute",
           "Cuprins", "Citește mai mult", "Etichete: Bitcoin, BNR", "Toate drepturile rezervate", "1.234 vizualizări"),
    "bg": ("Прочетете още", "Реклама", "Сподели", "Последвайте ни", "Няма коментари", "Време за четене: 4 минути",
           "Съдържание", "Прочети още", "Етикети: Биткойн, БНБ", "Всички права запазени", "1 234 преглеждания"),
    "sr": ("Pročitajte još", "Oglas", "Podeli", "Pratite nas", "Nema komentara", "Vreme čitanja: 4 minuta",
           "Sadržaj", "Pročitaj više", "Tagovi: Bitcoin, NBS", "Sva prava zadržana", "1.234 pregleda"),
    "hr": ("Pročitajte i", "Oglas", "Podijeli", "Pratite nas", "Nema komentara", "Vrijeme čitanja: 4 minute",
           "Sadržaj", "Opširnije", "Oznake: Bitcoin, HNB", "Sva prava pridržana", "1.234 pregleda"),
    "sl": ("Preberite tudi", "Oglas", "Deli", "Sledite nam", "Ni komentarjev", "Čas branja: 4 minute",
           "Vsebina", "Preberi več", "Oznake: Bitcoin, ECB", "Vse pravice pridržane", "1.234 ogledov"),
    "lt": ("Taip pat skaitykite", "Reklama", "Dalintis", "Sekite mus", "Komentarų nėra", "Skaitymo laikas: 4 min.",
           "Turinys", "Skaityti daugiau", "Žymės: Bitcoin, ECB", "Visos teisės saugomos", "1 234 peržiūros"),
    "lv": ("Lasi arī", "Reklāma", "Dalīties", "Sekojiet mums", "Nav komentāru", "Lasīšanas laiks: 4 minūtes",
           "Saturs", "Lasīt vairāk", "Atslēgvārdi: Bitcoin, ECB", "Visas tiesības aizsargātas", "1 234 skatījumi"),
    "et": ("Loe ka", "Reklaam", "Jaga", "Jälgi meid", "Kommentaare pole", "Lugemisaeg: 4 minutit",
           "Sisukord", "Loe edasi", "Märksõnad: Bitcoin, EKP", "Kõik õigused kaitstud", "1 234 vaatamist"),
    "el": ("Διαβάστε επίσης", "Διαφήμιση", "Κοινοποίηση", "Ακολουθήστε μας", "Δεν υπάρχουν σχόλια",
           "Χρόνος ανάγνωσης: 4 λεπτά", "Περιεχόμενα", "Διαβάστε περισσότερα", "Ετικέτες: Bitcoin, ΕΚΤ",
           "Με επιφύλαξη παντός δικαιώματος", "1.234 προβολές"),
    "tr": ("İlgili Haberler", "Reklam", "Paylaş", "Bizi takip edin", "Henüz yorum yok", "Okuma süresi: 4 dakika",
           "İçindekiler", "Devamını oku", "Etiketler: Bitcoin, TCMB", "Tüm hakları saklıdır", "8.630 Görüntüleme"),
    "ru": ("Читайте также", "Реклама", "Поделиться", "Подписаться", "Нет комментариев", "Время чтения: 4 мин",
           "Содержание", "Читать далее", "Теги: биткоин, ЦБ", "Все права защищены", "1 234 просмотров"),
    "uk": ("Читайте також", "Реклама", "Поділитися", "Підписатися", "Немає коментарів", "Час читання: 4 хв",
           "Зміст", "Читати далі", "Теги: біткоїн, НБУ", "Усі права захищені", "1 234 переглядів"),
    "be": ("Чытайце таксама", "Рэклама", "Падзяліцца", "Падпісацца", "Няма каментарыяў", "Час чытання: 4 хвіліны",
           "Змест", "Чытаць далей", "Тэгі: біткоін, НБ", "Усе правы абаронены", "1 234 праглядаў"),
    "ar": ("اقرأ أيضاً", "إعلان", "مشاركة", "تابعونا", "لا توجد تعليقات", "وقت القراءة: 4 دقائق",
           "جدول المحتويات", "اقرأ المزيد", "الوسوم: بيتكوين، المركزي", "جميع الحقوق محفوظة", "1,234 مشاهدة"),
    "fa": ("بیشتر بخوانید", "تبلیغات", "اشتراک گذاری", "ما را دنبال کنید", "بدون نظر", "زمان مطالعه: 4 دقیقه",
           "فهرست مطالب", "ادامه مطلب", "برچسب ها: بیت کوین، بانک مرکزی", "کلیه حقوق محفوظ است", "1,234 بازدید"),
    "he": ("קראו גם", "פרסומת", "שתפו", "עקבו אחרינו", "אין תגובות", "זמן קריאה: 4 דקות",
           "תוכן עניינים", "קרא עוד", "תגיות: ביטקוין, בנק ישראל", "כל הזכויות שמורות", "1,234 צפיות"),
    "ur": ("یہ بھی پڑھیں", "اشتہار", "شیئر کریں", "ہمیں فالو کریں", "کوئی تبصرہ نہیں", "پڑھنے کا وقت: 4 منٹ",
           "فہرست", "مزید پڑھیں", "ٹیگز: بٹ کوائن، اسٹیٹ بینک", "جملہ حقوق محفوظ ہیں", "1,234 ویوز"),
    "hi": ("यह भी पढ़ें", "विज्ञापन", "शेयर करें", "हमें फॉलो करें", "कोई टिप्पणी नहीं", "पढ़ने का समय: 4 मिनट",
           "विषय सूची", "और पढ़ें", "टैग: बिटकॉइन, आरबीआई", "सर्वाधिकार सुरक्षित", "1,234 व्यूज"),
    "bn": ("আরও পড়ুন", "বিজ্ঞাপন", "শেয়ার করুন", "আমাদের ফলো করুন", "কোনো মন্তব্য নেই", "পড়ার সময়: ৪ মিনিট",
           "সূচিপত্র", "বিস্তারিত", "ট্যাগ: বিটকয়েন, বাংলাদেশ ব্যাংক", "সর্বস্বত্ব সংরক্ষিত", "1,234 বার দেখা হয়েছে"),
    "ta": ("இதையும் படிக்க", "விளம்பரம்", "பகிர்", "எங்களைப் பின்தொடருங்கள்", "கருத்துகள் இல்லை",
           "படிக்கும் நேரம்: 4 நிமிடங்கள்", "பொருளடக்கம்", "மேலும் படிக்க", "குறிச்சொற்கள்: பிட்காயின், ரிசர்வ் வங்கி",
           "அனைத்து உரிமைகளும் பாதுகாக்கப்பட்டவை", "1,234 பார்வைகள்"),
    "th": ("บทความที่เกี่ยวข้อง", "โฆษณา", "แชร์", "ติดตามเรา", "ยังไม่มีความคิดเห็น", "เวลาในการอ่าน 4 นาที",
           "สารบัญ", "อ่านต่อ", "แท็ก: บิทคอยน์, ธปท.", "สงวนลิขสิทธิ์", "1,234 เข้าชม"),
    "vi": ("Tin liên quan", "Quảng cáo", "Chia sẻ", "Theo dõi", "Chưa có bình luận", "Thời gian đọc: 4 phút",
           "Mục lục", "Đọc tiếp", "Từ khóa: Bitcoin, NHNN", "Bảo lưu mọi quyền", "Lượt xem: 1.234"),
    "id": ("Baca Juga", "Iklan", "Bagikan", "Ikuti kami", "Belum ada komentar", "Waktu baca: 4 menit",
           "Daftar Isi", "Baca selengkapnya", "Tag: Bitcoin, BI", "Hak cipta dilindungi undang-undang",
           "Dilihat 1.234"),
    "ms": ("Baca juga", "Iklan", "Kongsi", "Ikuti kami", "Tiada komen", "Masa membaca: 4 minit",
           "Isi Kandungan", "Baca seterusnya", "Tag: Bitcoin, BNM", "Hak cipta terpelihara", "1,234 tontonan"),
    "tl": ("Basahin din", "Patalastas", "Ibahagi", "Sundan kami", "Walang komento", "Oras ng pagbasa: 4 minuto",
           "Talaan ng Nilalaman", "Magbasa pa", "Mga tag: Bitcoin, BSP", "Nakalaan ang lahat ng karapatan",
           "1,234 views"),
    "sw": ("Soma pia", "Tangazo", "Shiriki", "Tufuate", "Hakuna maoni", "Muda wa kusoma: dakika 4",
           "Yaliyomo", "Soma zaidi", "Lebo: Bitcoin, BoT", "Haki zote zimehifadhiwa", "1,234 views"),
    "zh-hans": ("相关阅读", "广告", "分享", "关注我们", "暂无评论", "阅读时间：4分钟", "目录", "阅读全文",
                "标签：比特币、央行", "版权所有 © 2024 示例网", "阅读 1234"),
    "zh-hant": ("相關閱讀", "廣告", "分享", "關注我們", "暫無評論", "閱讀時間：4分鐘", "目錄", "閱讀全文",
                "標籤：比特幣、央行", "版權所有 © 2024 示例網", "閱讀 1234"),
    "ja": ("関連記事", "広告", "シェア", "フォローする", "コメントはまだありません", "読了時間：4分", "目次",
           "続きを読む", "タグ：ビットコイン、日銀", "無断転載禁止", "1,234 回閲覧"),
    "ko": ("관련기사", "광고", "공유하기", "구독하기", "댓글이 없습니다", "읽는 시간: 4분", "목차", "더보기",
           "태그: 비트코인, 한국은행", "무단전재 및 재배포 금지", "조회 1234"),
}

# The ui-controls family's probe: the back-to-top button (its other sub-families, skip links, text-size
# controls, search boxes and print / copy-link buttons, are probed in tests/test_family_languages.py).
UI_PROBES: dict[str, str] = {
    "en": "Back to top", "de": "Nach oben", "fr": "Retour en haut", "es": "Volver arriba", "pt": "Voltar ao topo",
    "it": "Torna su", "nl": "Naar boven", "sv": "Till toppen", "no": "Til toppen", "da": "Til toppen",
    "fi": "Takaisin ylös", "is": "Aftur efst", "pl": "Do góry", "cs": "Nahoru", "sk": "Späť hore",
    "hu": "Vissza a tetejére", "ro": "Înapoi sus", "bg": "Нагоре", "sr": "Nazad na vrh", "hr": "Natrag na vrh",
    "sl": "Nazaj na vrh", "lt": "Į viršų", "lv": "Uz augšu", "et": "Tagasi üles", "el": "Επιστροφή στην κορυφή",
    "tr": "Başa dön", "ru": "Наверх", "uk": "Нагору", "be": "Уверх", "ar": "العودة إلى الأعلى",
    "fa": "بازگشت به بالا", "he": "חזרה למעלה", "ur": "اوپر جائیں", "hi": "ऊपर जाएं", "bn": "উপরে যান",
    "ta": "மேலே செல்ல", "th": "กลับด้านบน", "vi": "Lên đầu trang", "id": "Kembali ke atas", "ms": "Kembali ke atas",
    "tl": "Bumalik sa itaas", "sw": "Rudi juu", "zh-hans": "返回顶部", "zh-hant": "回到頂部", "ja": "ページトップへ",
    "ko": "맨 위로",
}
PROBES = {lang: probes + (UI_PROBES[lang],) for lang, probes in PROBES.items()}

PROSE = "The central bank kept its key rate unchanged on Thursday, citing slowing inflation."
HEADLINE = "Bitcoin Miners Sell Reserves As Hash Price Falls To Record Low"


def covered(rules, family: str, probe: str) -> bool:
    """Does the pack remove the probe line (and keep the prose)?"""
    lines = [PROSE, probe] + ([HEADLINE] if family == "crosslink" else [])
    out = clean("\n".join(lines), rules=rules).text
    return probe.strip() not in out and PROSE in out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--missing", action="store_true", help="list the probes each family misses")
    ap.add_argument("--json", action="store_true", help="print the coverage as JSON")
    args = ap.parse_args()
    rules = load_rules()
    result: dict[str, list[str]] = {}
    for i, fam in enumerate(FAMILIES):
        result[fam] = [lang for lang, probes in PROBES.items() if not covered(rules, fam, probes[i])]
    if args.json:
        print(json.dumps({f: {"covered": len(PROBES) - len(m), "missing": m} for f, m in result.items()}, indent=1))
        return
    print(f"{'family':<14} covered / {len(PROBES)} languages")
    for fam, missing in result.items():
        line = f"{fam:<14} {len(PROBES) - len(missing):>3}"
        if args.missing and missing:
            line += "   missing: " + " ".join(missing)
        print(line)
    total = sum(len(PROBES) - len(m) for m in result.values())
    print(f"{'all':<14} {total:>3} / {len(PROBES) * len(FAMILIES)}")


if __name__ == "__main__":
    main()

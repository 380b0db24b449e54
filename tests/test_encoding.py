"""Decoding page bytes: BOM, transport hint, <meta> declaration, strict UTF-8, detection, fallback.

The pages are real text in real legacy encodings (stored as bytes in tests/data/html), so a wrong
guess shows as mojibake in the assertions, not as a passing round trip of our own encoder.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.html.encoding import decode_html, normalize_encoding

HTML = Path(__file__).parent / "data" / "html"

ARTICLE_FR = (
    "Le gouvernement a présenté mercredi un plan d’économies d’énergie : « chaque degré compte », a déclaré "
    "la ministre, qui prévoit de limiter le chauffage des bâtiments publics à 19 °C dès l’hiver prochain."
)
ARTICLE_RU = (
    "Правительство в среду представило план по экономии энергии: температура в общественных зданиях "
    "будет ограничена девятнадцатью градусами уже этой зимой, сообщила министр."
)


def test_meta_http_equiv_windows_1251() -> None:
    text, used = decode_html((HTML / "ru-windows-1251.html").read_bytes())
    assert used == "cp1251"
    assert "Третьяковской галерее" in text


def test_meta_charset_shift_jis_decodes_as_cp932() -> None:
    text, used = decode_html((HTML / "ja-shift_jis.html").read_bytes())
    assert used == "cp932"  # browsers decode Shift_JIS labels as its Microsoft superset
    assert "京都市内の寺社では" in text


def test_undeclared_cp1252_page_is_detected() -> None:
    text, used = decode_html((HTML / "fr-cp1252-undeclared.html").read_bytes())
    assert used == "cp1252"
    assert "théâtre antique" in text and "« exceptionnelle »" in text and "d’une semaine" in text


def test_hint_wins_over_markup_and_accepts_content_type_values() -> None:
    data = b'<meta charset="utf-8"><p>' + ARTICLE_RU.encode("cp1251") + b"</p>"
    text, used = decode_html(data, hint="text/html; charset=windows-1251")
    assert used == "cp1251" and ARTICLE_RU in text
    text, used = decode_html(data, hint="windows-1251")
    assert used == "cp1251"
    # a content type without a charset says nothing: the markup (utf-8) is wrong here, so detection decides
    text, used = decode_html(ARTICLE_RU.encode("cp1251"), hint="text/html")
    assert ARTICLE_RU in text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_bom_wins_over_everything(bom: bytes, codec: str) -> None:
    page = "<meta charset=windows-1251><p>" + ARTICLE_FR + "</p>"
    text, used = decode_html(bom + page.encode(codec), hint="iso-8859-5")
    assert used == codec and ARTICLE_FR in text and not text.startswith("\ufeff")


def test_legacy_labels_map_like_browsers() -> None:
    assert normalize_encoding("ISO-8859-1") == "cp1252"
    assert normalize_encoding("us-ascii") == "cp1252"
    assert normalize_encoding("GB2312") == "gb18030"
    assert normalize_encoding("x-sjis") == "cp932"
    assert normalize_encoding("EUC-KR") == "cp949"
    assert normalize_encoding("utf8") == "utf-8"
    assert normalize_encoding("no-such-charset") is None
    assert normalize_encoding("") is None


def test_latin1_declared_page_with_cp1252_quotes() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' + ARTICLE_FR.encode("cp1252")
    text, used = decode_html(data)
    assert used == "cp1252" and "d’énergie" in text and "« chaque degré compte »" in text


def test_utf8_page_with_one_damaged_byte_stays_utf8() -> None:
    data = ("<p>" + ARTICLE_FR + "</p>").encode("utf-8")
    damaged = data[:40] + b"\xff" + data[40:]
    text, used = decode_html(damaged)
    assert used == "utf-8" and text.count("\ufffd") == 1 and "« chaque degré compte »" in text


def test_mislabelled_utf8_declaration_falls_back_to_detection() -> None:
    data = b'<meta charset="utf-8"><p>' + (ARTICLE_FR * 3).encode("cp1252") + b"</p>"
    text, used = decode_html(data)
    assert used == "cp1252" and "chaque degré compte" in text


def test_rejects_text_input() -> None:
    with pytest.raises(TypeError):
        decode_html("<p>already text</p>")  # type: ignore[arg-type]


@given(st.binary(max_size=400))
def test_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    text, used = decode_html(data)
    assert isinstance(text, str) and codecs.lookup(used)


@given(st.text(max_size=300))
def test_utf8_round_trip(s: str) -> None:
    text, used = decode_html(s.encode("utf-8"))
    assert used == "utf-8" or not s.strip()
    if used == "utf-8":
        assert text == s.removeprefix("\ufeff")

"""Decode the bytes of an HTML page into text, the way a browser would pick the encoding.

Order (the WHATWG "encoding sniffing" order, simplified): a byte-order mark wins; then the transport's
hint (an HTTP ``Content-Type`` value or a bare charset name); then a ``<meta charset>`` /
``<meta http-equiv=Content-Type>`` / XML declaration in the first 4 KB; then strict UTF-8 (most of the
web, and a strict decode that succeeds is almost never wrong); then charset-normalizer's statistical
guess; finally cp1252 with replacement characters, which never fails. Pure: no I/O.

Labels are the WHATWG Encoding Standard's (via ``webencodings``): only the web's encodings are known, and
legacy labels are mapped as browsers map them (``iso-8859-1`` and ``us-ascii`` are decoded as
windows-1252, ``gb2312``/``gbk`` as gb18030, ``shift_jis`` as cp932, ``euc-kr`` as cp949) because pages
that declare the narrow charset routinely contain the wider one's characters.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html", "decode_text", "normalize_encoding", "UndecodableError"]

_SNIFF_BYTES = 4096
_DETECT_BYTES = 64 * 1024  # charset-normalizer is statistical: a sample is as good as the whole page
_PREFER_CP1252_WITHIN = 0.02  # chaos (charset-normalizer's mess ratio) margin within which cp1252 wins

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG encoding name → the Python codec that decodes it as a browser does. The labels themselves (and
# which names are web encodings at all) come from ``webencodings``, the Encoding Standard's label table;
# only where the standard's decoder is a superset of Python's same-named codec is the codec overridden.
_WEB_CODECS: dict[str, str] = {
    "gbk": "gb18030",  # the standard's GBK decoder is the gb18030 decoder
    "x-user-defined": "cp1252",  # a <meta> naming it means windows-1252 (prescan rule)
}

# Codec names that charset-normalizer reports, as WHATWG labels (the rest fold "_" to "-").
_DETECTED_LABELS: dict[str, str] = {
    "cp932": "shift_jis",
    "cp949": "euc-kr",
    "cp874": "windows-874",
    "mac_roman": "macintosh",
    "mac_cyrillic": "x-mac-cyrillic",
    "big5hkscs": "big5",
    "latin_1": "windows-1252",
    "ascii": "windows-1252",
}

_SINGLE_BYTE_RE = re.compile(r"(?:iso-8859-\d+|windows-125\d|cp125\d|latin-?1|ascii|us-ascii)$")
_NON_ASCII_BYTES_RE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_META_RE = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE)
_NON_ASCII_RE = re.compile("[^\x00-\x7f\ufffd]")
_HINT_RE = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE)


def normalize_encoding(label: str | None) -> str | None:
    """The Python codec for a WHATWG Encoding Standard label, decoded as browsers decode it; else None.

    Only the web's encodings exist here: ``utf-7``, ``base64``, ``rot13``, ``zlib``, ``punycode``,
    ``unicode_escape``, ``cp037`` … are Python codecs but no browser knows them, so they are unknown
    labels (None) and the caller falls back as a browser does (sniffing, then UTF-8/windows-1252). The
    ``replacement`` encoding (ISO-2022-KR, HZ…, labels that are unsafe to decode) is None too.
    """
    if not label:
        return None
    import webencodings

    enc = webencodings.lookup(label.strip().strip("\"'"))
    if enc is None or enc.name == "replacement":
        return None
    return codecs.lookup(_WEB_CODECS.get(enc.name, enc.codec_info.name)).name


def _web_codec_of_detected(name: str | None) -> str | None:
    """charset-normalizer's Python codec name as a web encoding, or None when it is none (e.g. cp037)."""
    if not name:
        return None
    key = name.lower()
    return normalize_encoding(_DETECTED_LABELS.get(key, key.replace("_", "-")))


def _from_hint(hint: str) -> str | None:
    """The charset of an HTTP ``Content-Type`` value (``text/html; charset=x``) or a bare label."""
    m = _HINT_RE.search(hint)
    if m:
        return normalize_encoding(m.group(1))
    if "/" in hint or ";" in hint:  # a content type without a charset says nothing
        return None
    return normalize_encoding(hint)


def _from_markup(head: bytes) -> str | None:
    """The charset declared in the first bytes of the page (XML declaration or <meta>)."""
    m = _XML_DECL_RE.search(head) or _META_RE.search(head)
    if not m:
        return None
    name = normalize_encoding(m.group(1).decode("ascii", "ignore"))
    # A page cannot really be UTF-16 if its <meta> was readable as ASCII: browsers use UTF-8 then.
    return "utf-8" if name and name.startswith("utf-16") else name


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess for bytes that are not valid UTF-8 and declare nothing."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a core dependency, but decoding must not crash without it
        return None
    results = from_bytes(data[:_DETECT_BYTES])
    best = results.best()
    name = _web_codec_of_detected(best.encoding) if best is not None else None
    if best is not None and name != "cp1252":
        # Western text fits several single-byte code pages about equally well; a browser with no
        # declaration falls back to windows-1252, by far the most common of them on the web.
        for r in results:
            if _web_codec_of_detected(r.encoding) == "cp1252" and r.chaos <= best.chaos + _PREFER_CP1252_WITHIN:
                return "cp1252"
    # UTF-16/32 without a BOM is only plausible when NUL bytes fill every other byte.
    if name and name.startswith("utf-") and name != "utf-8" and data.count(0) < len(data) // 4:
        return None
    return name


def decode_html(data: bytes, *, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, codec name used)``. Never raises on bad bytes.

    A declared encoding (hint or markup) is trusted, decoding with replacement characters where the
    bytes disagree with it. UTF-8 is the exception both ways: a page whose bytes are UTF-8 with a few
    damaged bytes stays UTF-8, but a UTF-8 label that many bytes contradict (common on mislabelled
    legacy pages) is ignored and the encoding detected as for undeclared pages.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_html() takes bytes, not {type(data).__name__}")
    data = bytes(data)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name
    declared = (_from_hint(hint) if hint else None) or _from_markup(data[:_SNIFF_BYTES])
    if declared and declared != "utf-8":
        if not _SINGLE_BYTE_RE.match(declared) or not _NON_ASCII_BYTES_RE.search(data):
            return data.decode(declared, "replace"), declared
        # A legacy single-byte label on bytes that are valid UTF-8 with multibyte characters: the
        # label is stale (a page re-saved as UTF-8 keeps its old <meta>). Text in a single-byte
        # encoding practically never forms valid UTF-8 sequences, so UTF-8 it is (else mojibake).
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return data.decode(declared, "replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # A few bad bytes in an otherwise UTF-8 page (a truncated last character, one stray byte)
        # are damage, not another encoding: decode with replacements rather than guess.
        text = data.decode("utf-8", "replace")
        bad = text.count("\ufffd")
        multibyte = len(_NON_ASCII_RE.findall(text))
        if bad <= max(3, len(data) // 2000) and (declared == "utf-8" or multibyte >= bad):
            return text, "utf-8"
    guessed = _detect(data)
    if guessed and guessed != "utf-8":
        return data.decode(guessed, "replace"), guessed
    return data.decode("cp1252", "replace"), "cp1252"



class UndecodableError(ValueError):
    """Bytes that no text encoding fits (a binary file, or a damaged one)."""


def decode_text(data: bytes, *, hint: str | None = None) -> str:
    """Decode the bytes of a *text* document, strictly; newlines are normalised to ``\\n``.

    Unlike a page, a text document has no markup to declare its encoding and no browser convention to
    fall back on, so nothing is decoded with replacement characters: a byte-order mark or ``hint`` is
    honoured, then UTF-8, then charset-normalizer's guess; bytes that fit none raise
    :class:`UndecodableError` (the caller reports it) instead of being turned into invented text.
    """
    data = bytes(data)
    text: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                why = f"starts with a {name} byte-order mark but does not decode: {exc.reason}"
                raise UndecodableError(why) from None
            break
    if text is None and hint and (declared := _from_hint(hint)):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            guessed = _detect(data)
            if guessed is None:
                raise UndecodableError(f"{where} and no other text encoding fits (binary file?)") from None
            try:
                text = data.decode(guessed)
            except UnicodeDecodeError:
                raise UndecodableError(f"{where} and no other text encoding fits (binary file?)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")

"""Word 2007+ documents: body paragraphs and tables in order, headers, footers, footnotes.

python-docx reads the body; footnotes and endnotes have no python-docx API, so their XML parts
are read from the zip with the standard library. The zip is checked first (corrupt archive,
zip bomb) so that python-docx only ever sees a sane package.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from kb.errors import ParseError
from kb.ingest.base import ParsedDocument
from kb.ingest.text import finish_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE_PARTS = {"footnotes": "word/footnotes.xml", "endnotes": "word/endnotes.xml"}
_MB = 1024 * 1024
# Titles that templates and converters leave behind.
_GENERIC = {"word document", "document", "untitled", "title", "tài liệu", "văn bản"}


def is_docx(path: Path) -> bool | None:
    """True for a zip holding word/document.xml, False for another zip, None if unreadable."""
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _check_zip(path: Path, limits: dict[str, Any]) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(str(path), f"corrupt DOCX (not a readable zip archive: {exc})",
                         "tệp DOCX bị hỏng (không đọc được cấu trúc nén zip)") from exc
    if "word/document.xml" not in names:
        raise ParseError(str(path), "zip archive without word/document.xml is not a DOCX",
                         "tệp nén không chứa word/document.xml nên không phải DOCX")
    unzipped = sum(i.file_size for i in infos)
    cap = float(limits.get("max_unzipped_mb") or 0) * _MB
    if cap and unzipped > cap:
        raise ParseError(
            str(path), f"DOCX expands to {unzipped / _MB:.1f} MB, over max_unzipped_mb "
            f"({cap / _MB:g} MB); possible zip bomb",
            f"tệp DOCX giải nén ra {unzipped / _MB:.1f} MB, vượt giới hạn {cap / _MB:g} MB")


def _paragraph_text(p_el, parent) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(p_el, parent).text


def _table_lines(tbl_el, parent) -> list[str]:
    """One line per row, cells joined by " | "; merged cells appear once."""
    lines = []
    for tr in tbl_el.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            # A vertically merged cell repeats in every row it spans: keep the first.
            if tc.vMerge == "continue":
                continue
            cells.append(" ".join(_block_texts(tc, parent)).strip())
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def _block_texts(container, parent) -> list[str]:
    """Paragraph and table texts of a body, cell or content control, in document order."""
    out: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            out.append(_paragraph_text(child, parent))
        elif tag == W + "tbl":
            out.extend(_table_lines(child, parent))
        elif tag == W + "sdt":  # content controls wrap ordinary paragraphs and tables
            content = child.find(W + "sdtContent")
            if content is not None:
                out.extend(_block_texts(content, parent))
    return out


def _header_footer_texts(document) -> tuple[list[str], list[str]]:
    """Distinct header and footer texts over all sections (linked ones are read once)."""
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for attr, bucket in (("header", headers), ("first_page_header", headers),
                             ("even_page_header", headers), ("footer", footers),
                             ("first_page_footer", footers), ("even_page_footer", footers)):
            part = getattr(section, attr)
            if part.is_linked_to_previous:
                continue
            text = "\n".join(t for t in _block_texts(part._element, part) if t.strip())
            # A PAGE field's cached value ("6") is not content.
            if text.strip() and not text.strip().isdigit() and text not in bucket:
                bucket.append(text)
    return headers, footers


def read_notes(path: Path, part: str) -> list[str]:
    """Texts of the footnotes/endnotes in ``part``, without separator notes."""
    with zipfile.ZipFile(path) as zf:
        if part not in zf.namelist():
            return []
        root = ElementTree.fromstring(zf.read(part))
    notes = []
    for note in root:
        if note.get(W + "type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        paragraphs = []
        for p in note.iter(W + "p"):
            pieces = []
            for el in p.iter():
                if el.tag == W + "t" and el.text:
                    pieces.append(el.text)
                elif el.tag == W + "tab":
                    pieces.append("\t")
                elif el.tag in (W + "br", W + "cr"):
                    pieces.append("\n")
            paragraphs.append("".join(pieces))
        text = "\n".join(paragraphs).strip()
        if text:
            notes.append(text)
    return notes


def _core_title(document) -> str | None:
    title = (document.core_properties.title or "").strip()
    # Word fills the title with the file name when printing to PDF or converting.
    if title.lower().startswith("microsoft word - "):
        title = title[len("microsoft word - "):]
    if not title or title.lower().endswith((".doc", ".docx")) or title.lower() in _GENERIC:
        return None
    return title


class DocxParser:
    """Word .docx files, recognised as zips holding word/document.xml."""

    name = "docx"

    def score(self, path: Path, head: bytes) -> float:
        """1.0 for a DOCX package, 0.3 for a broken zip named .docx (to report it), else 0."""
        if not head.startswith(b"PK\x03\x04"):
            return 0.0
        found = is_docx(path)
        if found:
            return 1.0
        if found is None and path.suffix.lower() in {".docx", ".docm", ".dotx"}:
            return 0.3
        return 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Body in document order, then headers/footers once, then footnotes and endnotes."""
        import zlib

        import docx
        from docx.opc.exceptions import PackageNotFoundError

        _check_zip(path, limits)
        try:
            document = docx.Document(str(path))
            body = _block_texts(document.element.body, document._body)
            headers, footers = _header_footer_texts(document)
            notes = {kind: read_notes(path, part) for kind, part in _NOTE_PARTS.items()}
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile,
                ElementTree.ParseError, SyntaxError, OSError, EOFError, zlib.error) as exc:
            # OSError/EOFError/zlib.error: a zip whose offsets or deflate streams are damaged.
            raise ParseError(str(path), f"unreadable DOCX: {exc}",
                             f"không đọc được nội dung tệp DOCX: {exc}") from exc
        extra: dict[str, Any] = {"headers": headers, "footers": footers,
                                 "tables": len(document.tables), **notes}
        parts = ["\n".join(body)]
        body_text = parts[0]
        # Headers and footers once at the end, unless the body already says the same.
        parts += [t for t in headers + footers if t not in body_text]
        parts += notes["footnotes"] + notes["endnotes"]
        text = finish_text("\n\n".join(p for p in parts if p.strip()), limits, extra)
        return ParsedDocument(text, _core_title(document), self.name, extra)

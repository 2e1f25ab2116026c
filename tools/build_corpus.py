"""Build the .docx and .pdf files of the sample corpus from tools/corpus_sources/*.md.

A source is plain text with a small front matter::

    ---
    format: docx            # or pdf
    target: dang/x.docx     # path under corpus/
    header: optional page header (docx only)
    footer: optional page footer (docx only)
    ---

Body lines: "# text" is a centred bold heading, "| a | b |" rows make a table (docx only;
a "|---|" row is skipped), every other non-empty line is one paragraph.

Usage: python tools/build_corpus.py [--out DIR]   (DIR defaults to corpus/)
"""

from __future__ import annotations

import argparse
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "corpus_sources"
CORPUS = ROOT / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Fixed timestamps so that rebuilding does not change the committed files for nothing.
FIXED_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)
ZIP_DATE = (2025, 1, 1, 0, 0, 0)


@dataclass
class Source:
    """One parsed source file: front-matter fields and body blocks."""

    path: Path
    meta: dict[str, str]
    blocks: list[tuple[str, object]] = field(default_factory=list)  # (kind, payload)

    @property
    def format(self) -> str:
        return self.meta["format"]

    @property
    def target(self) -> str:
        return self.meta["target"]


def parse_source(path: Path) -> Source:
    """Read a source file into front matter and blocks (heading, para, table)."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError(f"{path}: missing front matter")
    end = lines.index("---", 1)
    meta = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    if meta.get("format") not in ("docx", "pdf") or not meta.get("target"):
        raise ValueError(f"{path}: front matter needs format (docx|pdf) and target")
    src = Source(path, meta)
    table: list[list[str]] = []
    for line in lines[end + 1:]:
        line = line.strip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
            continue
        if table:
            src.blocks.append(("table", table))
            table = []
        if not line:
            continue
        if line.startswith("# "):
            src.blocks.append(("heading", line[2:].strip()))
        else:
            src.blocks.append(("para", line))
    if table:
        src.blocks.append(("table", table))
    return src


def plain_text(src: Source) -> str:
    """The text a reader should get out of the built file, one block per line."""
    out = []
    for kind, payload in src.blocks:
        if kind == "table":
            out.extend(" ".join(row) for row in payload)
        else:
            out.append(payload)
    return "\n".join(out)


def _build_docx(src: Source) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for kind, payload in src.blocks:
        if kind == "heading":
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(payload).bold = True
        elif kind == "para":
            document.add_paragraph(payload)
        else:
            rows = payload
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    section = document.sections[0]
    if src.meta.get("header"):
        section.header.paragraphs[0].text = src.meta["header"]
    if src.meta.get("footer"):
        section.footer.paragraphs[0].text = src.meta["footer"]
    props = document.core_properties
    props.author = "kb sample corpus"
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_modified_by = "kb"
    props.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps; python-docx stamps the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def _build_pdf(src: Source) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_author("kb sample corpus")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for kind, payload in src.blocks:
        if kind == "table":
            raise ValueError(f"{src.path}: tables are supported in docx only")
        if kind == "heading":
            pdf.set_font("DejaVu", "B", 13)
            pdf.multi_cell(0, 7, payload, align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, payload, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


def build(src: Source, out_dir: Path) -> Path:
    """Write the file of one source under out_dir and return its path."""
    data = _build_docx(src) if src.format == "docx" else _build_pdf(src)
    target = out_dir / src.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def all_sources() -> list[Source]:
    """Every source in tools/corpus_sources (README.md excluded)."""
    return [parse_source(p) for p in sorted(SOURCES.glob("*.md")) if p.name != "README.md"]


def main(argv: list[str] | None = None) -> int:
    """Build every source into --out (default: corpus/)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    for src in all_sources():
        print(build(src, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

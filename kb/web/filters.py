"""Jinja filters that show dates, numbers and texts the Vietnamese way."""

from __future__ import annotations

import re

from kb.service.corrections import FIELDS as CORRECTABLE

FORMAT_LABELS = {"text": "Văn bản thuần (TXT)", "markdown": "Markdown", "pdf": "PDF",
                 "docx": "Word (DOCX)", "doc": "Word (DOC)", "html": "Trang web (HTML)",
                 "json": "Dữ liệu JSON", "jsonl": "Dữ liệu JSON Lines", "csv": "Bảng CSV",
                 "tsv": "Bảng TSV", "xlsx": "Excel (XLSX)", "xls": "Excel (XLS)"}

#: Labels of the document metadata shown on the document page, in order. The fields an editor
#: may correct take their labels from the correction form's table, so both pages name them alike.
META_LABELS = tuple((key, CORRECTABLE.get(key, label)) for key, label in (
    ("kind", ""), ("number", ""), ("date", ""), ("author", "Tác giả"),
    ("work", "Tác phẩm, nguồn"),
    ("issuer", ""), ("issuer_parent", "Cơ quan cấp trên"), ("term", "Khoá"),
    ("meeting", "Hội nghị"),
    ("place", "Nơi ban hành"), ("signer", ""), ("signer_role", "Chức vụ người ký"),
    ("recipients", "Nơi nhận"), ("format", "Định dạng"), ("name", "Tệp gốc"), ("id", "Mã"),
))


def vn_date(value: str | None) -> str:
    """'2016-05-15' → '15/05/2016'; partial or odd dates are shown as they are."""
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else str(value)


def vn_number(value) -> str:
    """12345 → '12.345' (Vietnamese thousands separator)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return str(value)


def format_label(value: str | None) -> str:
    """A readable name for a stored format."""
    return FORMAT_LABELS.get(value or "", value or "")


def paragraphs(text: str | None) -> list[str]:
    """The text split at blank lines (each paragraph keeps its own line breaks)."""
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text or "") if p.strip()]


def meta_value(value) -> str:
    """A metadata value as text: lists joined, dates the Vietnamese way."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value if v)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return vn_date(value)
    return "" if value is None else str(value)


def init_app(app) -> None:
    """Register the filters and the metadata labels on ``app``."""
    app.add_template_filter(vn_date)
    app.add_template_filter(vn_number)
    app.add_template_filter(format_label)
    app.add_template_filter(paragraphs)
    app.add_template_filter(meta_value)
    app.jinja_env.globals["META_LABELS"] = META_LABELS

"""What a document is: kind, number, date, title and the rest of its metadata, from its text.

Press articles lose their page furniture and keep captions apart (kb.understand.press);
official documents are read from their printed layout (kb.understand.metadata).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.analysis.fold import fold
from kb.ingest.legacy import fix_legacy
from kb.understand.headline import clean_headline, first_headline, headline_over_date, headline_shaped
from kb.understand.metadata import extract_metadata, title_case
from kb.understand.press import parse_press
from kb.understand.pubdate import publication_date
from kb.understand.slug import name_in_text
from kb.understand.webkind import ARTICLE_KIND, article_kind, proclaimed_kind

PRESS_KIND = ARTICLE_KIND
_TITLE_MAX = 160


@dataclass
class Description:
    """The text to show and index, and the facts read from it."""

    text: str
    title: str
    kind: str | None = None
    number: str | None = None
    date: str | None = None
    meta: dict = field(default_factory=dict)
    index_extra: str = ""
    """Text indexed but not part of the body (photo captions)."""


def kind_key(kind: str | None) -> str | None:
    """The filter key of a kind: "Chỉ thị" → "chithi" (folded, no spaces)."""
    if not kind:
        return None
    return re.sub(r"[\W_]+", "", fold(kind))


def _shorten(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip(" #*|-")
    if len(title) > _TITLE_MAX:
        title = title[: _TITLE_MAX - 3].rsplit(" ", 1)[0] + "…"
    return title


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _first_line(text: str) -> str:
    return next((ln for ln in text.splitlines() if len(ln.strip()) > 3), text[:80])


def _declared(title: str | None) -> str | None:
    """A declared title as readers see it: a PDF's title set in a legacy font ("QuyÕt ®Þnh")
    decoded; a bare web address (a site stamped into the metadata) is no title."""
    if not title or re.fullmatch(r"\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\S*\s*", title):
        return None
    return fix_legacy(title)[0]


def describe(text: str, declared_title: str | None = None, name: str | None = None) -> Description:
    """Read kind, number, date, title and metadata from a document's clean text (``name``: the
    file's name without its suffix, the title of a text that prints none)."""
    declared_title = _declared(declared_title)
    press = parse_press(text)
    if press:
        captions = press.get("captions") or []
        meta = {"source": press.get("source"), "captions": captions,
                "subheadings": press.get("subheadings") or []}
        title = declared_title or press.get("title") or _first_line(press["body"])
        return Description(
            text=press["body"], title=_shorten(title), kind=PRESS_KIND,
            date=press.get("date") or publication_date(text),
            meta=meta, index_extra="\n".join([press.get("source") or ""]
                                              + [c.get("text", "") for c in captions]),
        )
    facts = extract_metadata(text)
    kind, number, subject = facts.get("kind"), facts.get("number"), facts.get("title")
    if kind and subject:
        lead = f"{kind} {number}" if number else kind
        # "Chỉ thị 07/CT-TTg về tăng cường …": the subject goes on the sentence.
        subject_after = re.sub(r"^(Về|V/v)\b", lambda m: m.group(1).lower(), subject)
        if facts.get("meeting"):  # "Nghị quyết 04-NQ/TW Hội nghị lần thứ tư … khóa XII về …"
            lead = f"{lead} {facts['meeting']}"
        title = subject if subject.lower().startswith(kind.lower()) else f"{lead} {subject_after}"
    else:
        title = ((clean_headline(declared_title) if declared_title else None) or subject
                 or first_headline(text) or _first_line(text))
        if not declared_title and not subject and not headline_shaped(title) and name:
            # A text that opens on its first sentence, kept under a name that spells its title.
            title = name_in_text(name, text) or title
        title = headline_over_date(text, title) or title
        if _is_capitals(title):  # "NHỮNG LỜI BÁC HỒ DẠY …" reads "Những lời Bác Hồ dạy …"
            title = title_case(title)
    date = facts.get("date")
    if not kind and not number:
        kind = article_kind(text, declared_title or subject) or proclaimed_kind(text, title)
        date = date or publication_date(text)  # a web page's own publication line
    meta = {k: v for k, v in facts.items() if k not in ("kind", "number", "date", "title")}
    meta["document_title"] = subject
    return Description(text=text, title=_shorten(title), kind=kind, number=number,
                       date=date, meta=meta)

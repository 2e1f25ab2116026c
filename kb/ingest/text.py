"""Plain text and Markdown: the fallback parser for anything that decodes as text.

Markdown stays text, but the syntax that would end up in the index as noise (``#`` headings,
``*`` emphasis, table pipes, ``---`` rules, ``[text](url)`` links) is stripped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kb.analysis.normalize import clean_text
from kb.ingest.base import ParsedDocument, read_file
from kb.ingest.encoding import decode_bytes, looks_like_text
from kb.ingest.legacy import fix_legacy

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".csv", ".tsv", ".log"}) | MARKDOWN_SUFFIXES

_MD_RULES = [
    (re.compile(r"^ {0,3}(```|~~~).*$", re.M), ""),  # code fences (keep the code)
    (re.compile(r"^ {0,3}([-*_])( *\1){2,} *$", re.M), ""),  # --- *** ___ rules
    (re.compile(r"^ {0,3}=+ *$", re.M), ""),  # setext underline
    (re.compile(r"^ {0,3}\[[^\]]+\]: *\S+.*$", re.M), ""),  # link reference definitions
    (re.compile(r"^ {0,3}#{1,6} +(.*?)(?: +#+)? *$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(?:> ?)+", re.M), ""),  # block quotes
    (re.compile(r"^( *)[*+-] +", re.M), r"\1"),  # bullets
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"!?\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolinks
    # Two bold spans glued ("**LUẬT****CÁN BỘ, CÔNG CHỨC**"): two lines of a header table.
    (re.compile(r"(?<=[^\s*])\*{4}(?=[^\s*])"), "\n"),
    (re.compile(r"\*+|(?<!\w)__?|__?(?!\w)|`+"), ""),  # emphasis and code marks
]
_TABLE_RULE = re.compile(r"^ *\|? *:?-{3,}:? *(\| *:?-{3,}:? *)*\|? *$", re.M)
_TABLE_ROW = re.compile(r"^ *\|(.*?)\|? *$", re.M)
_FIRST_HEADING = re.compile(r"^ {0,3}# +(.+?)(?: +#+)? *$", re.M)


def strip_markdown(text: str) -> str:
    """Remove Markdown syntax, keeping the words; table cells become tab-separated."""
    text = _TABLE_RULE.sub("", text)
    text = _TABLE_ROW.sub(lambda m: "\t".join(c.strip() for c in m.group(1).split("|")), text)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


def finish_text(text: str, limits: dict[str, Any], extra: dict[str, Any]) -> str:
    """Legacy encodings converted, clean_text, then cut to ``limits["max_text_chars"]``.

    Every parser ends here, so TCVN3/VNI/VISCII text is found in plain text, HTML and DOCX
    as in the Office formats and PDF (which convert earlier and record it already). It runs
    before clean_text, which would turn the TCVN3 byte "Ð" into "Đ".
    """
    if "legacy_encoding" not in extra:
        text, encoding = fix_legacy(text)
        if encoding:
            extra["legacy_encoding"] = encoding
    text = clean_text(text)
    cap = int(limits.get("max_text_chars") or 0)
    if cap and len(text) > cap:
        text = text[:cap]
        extra["truncated"] = True
    return text


class TextParser:
    """Plain text (.txt) and Markdown (.md) in any common encoding."""

    name = "text"

    def score(self, path: Path, head: bytes) -> float:
        """0.1 for anything that looks like text (a little more with a text suffix), 0 for binary."""
        if not looks_like_text(head):
            return 0.0
        return 0.15 if path.suffix.lower() in TEXT_SUFFIXES else 0.1

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Decode the file, strip Markdown syntax for .md, clean and cut the text."""
        data = read_file(path)
        text, encoding = decode_bytes(data)
        extra: dict[str, Any] = {"encoding": encoding}
        title, format_name = None, self.name
        if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
            heading = _FIRST_HEADING.search(text)
            title = clean_text(strip_markdown(heading.group(1))) if heading else None
            text = strip_markdown(text)
            extra["markdown"] = True
            format_name = "markdown"  # shown as "Markdown", not "Văn bản thuần (TXT)"
        return ParsedDocument(finish_text(text, limits, extra), title or None, format_name, extra)

"""HTML pages: the main text only, without menus, scripts, share buttons and footers.

Parsing is done by Lexbor (selectolax) in C; our own tree walks use parent pointers in loops,
never recursion, so a page of 100 000 nested <div> cannot raise RecursionError.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from kb.analysis.normalize import clean_text
from kb.errors import ParseError
from kb.ingest.base import ParsedDocument, read_file
from kb.ingest.encoding import bom_encoding, decode_bytes, looks_like_text
from kb.ingest.html_meta import (declared_date, declared_title, declares_article, same_site,
                                 site_names, strip_site_name)
from kb.ingest.text import finish_text

_MARKUP = re.compile(
    rb"<(!doctype\s+html|html|head|body|title|meta|p|div|article|br|table|h[1-6])[\s>/]", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}
_DROP_TAGS = "script, style, noscript, nav, aside, form, iframe, template, svg, button, " \
             "select, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]"
_BOILERPLATE = re.compile(
    r"(^|[-_\s])(menu|nav|navbar|share|sharing|social|cookies?|related|breadcrumbs?|"
    r"comments?|sidebar|banner|advert|ads|popup|modal|subscribe|newsletter|tags?)($|[-_\s\d])",
    re.I)
_KEEP = {"html", "body", "main", "article"}
_BLOCKS = ("p, div, li, dt, dd, h1, h2, h3, h4, h5, h6, br, tr, blockquote, pre, section, "
           "article, header, footer, figcaption, caption, table, ul, ol, dl, hr")
_NEWLINE = "\ue000"  # private-use mark for a block boundary, turned into "\n" after tidying


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page: BOM, then <meta charset> if it fits the bytes, else decode_bytes."""
    if not bom_encoding(data):
        found = _META_CHARSET.search(data[:4096])
        if found:
            label = found.group(1).decode("ascii").lower()
            if label in _AS_CP1252 or label in {"windows-1252", "cp1252"}:
                # Many Vietnamese sites kept a template's latin-1 label on UTF-8 pages;
                # multi-byte UTF-8 that decodes strictly is never meant as cp1252.
                if not data.isascii() and _is_utf8(data):
                    return data.decode("utf-8"), "utf-8"
                label = "cp1252"
            try:
                return data.decode(label), label
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown label; sniff instead
    return decode_bytes(data)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _inside(node, tags: set[str]) -> bool:
    node = node.parent
    while node is not None:
        if node.tag in tags:
            return True
        node = node.parent
    return False


def _strip_boilerplate(root) -> None:
    for node in root.css(_DROP_TAGS):
        node.remove()
    # A page <header>/<footer> is chrome; an article's own <header> holds its title.
    for node in root.css("header, footer"):
        if not _inside(node, {"article", "main"}):
            node.remove()
    for node in root.css("[class], [id]"):
        if node.tag in _KEEP:
            continue
        hint = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _BOILERPLATE.search(hint):
            node.remove()


def _main_node(tree):
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda n: len(n.text(strip=True)))
    return tree.css_first("main") or tree.css_first("[role=main]") or tree.body


def _block_text(node) -> str:
    for block in node.css(_BLOCKS):
        block.insert_before(_NEWLINE)
        block.insert_after(_NEWLINE)
    for cell in node.css("td, th"):
        cell.insert_after("\t")
    raw = node.text(deep=True, separator="")
    # Source line breaks inside a paragraph are just spaces, as a browser shows them.
    raw = re.sub(r"[ \t\r\n\f]+", lambda m: "\t" if "\t" in m.group() else " ", raw)
    return raw.replace(_NEWLINE, "\n")


def page_title(tree, main, names: list[str] | None = None) -> str | None:
    """<h1> of the main content (unless it is the site's name), else the headline the page
    declares (og:title, JSON-LD), else <title>; without the site's name ``names``."""
    names = names if names is not None else site_names(tree)
    h1 = main.css_first("h1") if main is not None else None
    if h1 is not None and h1.text(strip=True):
        heading = clean_text(h1.text(separator=" "))
        if not same_site(heading, names):
            return strip_site_name(heading, names)
    declared = declared_title(tree, names)
    if declared:
        return declared
    node = tree.css_first("title")
    title = clean_text(node.text()) if node is not None else ""
    return strip_site_name(title, names) or None


class HtmlParser:
    """HTML pages, recognised by their markup whatever the file is called."""

    name = "html"

    def score(self, path: Path, head: bytes) -> float:
        """0.8 when tags appear near the start of a text (0.9 with an .htm/.html suffix), else 0
        (binary bytes that happen to spell a tag are not a page)."""
        sample = head[:4096]
        enc = bom_encoding(sample)
        if enc and enc.startswith("utf-16") or enc and enc.startswith("utf-32"):
            sample = sample.decode(enc, errors="ignore").encode("ascii", errors="ignore")
        if not _MARKUP.search(sample) or not looks_like_text(head):
            return 0.0  # a tag-like run of bytes inside binary junk is no web page
        return 0.9 if path.suffix.lower() in {".html", ".htm", ".xhtml"} else 0.8

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Decode, drop boilerplate, keep the main content with its block structure."""
        data = read_file(path)
        html, encoding = decode_html(data)
        tree = LexborHTMLParser(html)
        if tree.body is None:
            raise ParseError(str(path), "HTML page has no body", "trang HTML không có phần thân")
        names, date = site_names(tree), declared_date(tree)  # before scripts are dropped
        declared, article = declared_title(tree, names), declares_article(tree)
        _strip_boilerplate(tree.body)
        main = _main_node(tree)
        title = page_title(tree, main, names)
        extra: dict[str, Any] = {"encoding": encoding,
                                 "main": main.tag if main is not None else None}
        if names:
            extra["site"] = names[0]
        if article:
            extra["article"] = True  # the page calls itself one: kind "Bài báo"
        text = _block_text(main) if main is not None else ""
        return ParsedDocument(finish_text(text, limits, extra), title or declared, self.name, extra,
                              date=date)

"""What a web page declares about itself: its headline, its site's name and its publication date.

News sites state them in the page head for search engines and social networks: Open Graph
(``og:title``, ``og:site_name``, ``article:published_time``), schema.org JSON-LD
(``headline``, ``datePublished``, ``publisher.name``), Dublin Core and ``<time datetime>``.
These are the page's own facts, unlike a date met in the story. The headline is given without
the site's name that <title> usually appends (" - Báo Nhân Dân", " | Tạp chí Cộng sản").
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from kb.analysis.fold import fold
from kb.analysis.normalize import clean_text

_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
              "publishdate", "publish-date", "publish_date", "article.published", "dc.date.issued",
              "dc.date", "dcterms.issued", "dcterms.created", "date", "sailthru.date",
              "parsely-pub-date", "cxenseparse:recs:publishtime")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site",
              "dc.publisher", "publisher")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
# " - Báo Nhân Dân", " | Tạp chí Cộng sản", " – VnExpress", " :: Cổng thông tin"
_SEPARATOR = re.compile(r"\s+(?:[-|–—»·:]{1,2})\s+")
_BAR = re.compile(r"\s(?:\||\|\||::|»)\s[^|»]+$")
_SITE_WORDS = re.compile(r"^(?:Báo|Tạp chí|Cổng thông tin|Trang thông tin|Đài|Truyền hình|Thông tấn"
                         r"|Tin tức|Kênh|Tờ)\b|\.(?:vn|com|net|org|info)\b|\b(?:Online|News|TV|Plus)$",
                         re.IGNORECASE)


def _iso(value: str) -> str | None:
    m = _ISO.match(value) or _DMY.match(value)
    if not m:
        return None
    y, mo, d = (m.groups() if m.re is _ISO else m.groups()[::-1])
    y, mo, d = int(y), int(mo), int(d)
    if 1800 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _metas(tree) -> dict[str, str]:
    """<meta> contents by lower-cased property/name/itemprop (the first one of each)."""
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = (attrs.get("content") or "").strip()
        for key in ("property", "name", "itemprop"):
            name = (attrs.get(key) or "").strip().lower()
            if name and content and name not in found:
                found[name] = content
    return found


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page, @graph members included; broken scripts are skipped."""
    objects: list[dict] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return objects


def _text(value) -> str:
    if isinstance(value, dict):
        value = value.get("name") or ""
    return clean_text(str(value)).strip() if isinstance(value, (str, int)) or value else ""


def site_names(tree, url: str | None = None) -> list[str]:
    """The names the page gives its site (og:site_name, JSON-LD publisher, the host name)."""
    metas = _metas(tree)
    names = [metas[k] for k in _SITE_META if metas.get(k)]
    for obj in _json_ld(tree):
        names += [_text(obj.get("publisher")), _text(obj.get("sourceOrganization"))]
        if str(obj.get("@type")) in ("WebSite", "Organization", "NewsMediaOrganization"):
            names.append(_text(obj.get("name")))
    host = urlsplit(url or metas.get("og:url") or "").hostname or ""
    if host:
        names.append(host.removeprefix("www."))
    return [n.lstrip("@") for n in names if n]


def same_site(part: str, names: list[str]) -> bool:
    """Whether ``part`` of a title is the site's name (one of ``names``, marks and case aside;
    "Nhân Dân điện tử" is "Báo Nhân Dân điện tử", "VnExpress" is "vnexpress.net")."""
    key = re.sub(r"\W+", "", fold(part))
    for name in names:
        other = re.sub(r"\W+", "", fold(name.split(".")[0] if "." in name and " " not in name else name))
        if not key or len(other) < 3:
            continue
        short, long_ = sorted((key, other), key=len)
        if short == long_ or (short in long_ and len(short) >= 0.7 * len(long_)):
            return True
    return False


def _strip_once(title: str, names: list[str]) -> str:
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    ends = {-1: parts[-1].strip(), 0: parts[0].strip()}
    for side, part in ends.items():
        rest = " - ".join(parts[:-1] if side == -1 else parts[1:])
        by_shape = _SITE_WORDS.search(part) and len(part.split()) <= 6 and len(part) < len(rest)
        if same_site(part, names) or by_shape:
            return _cut(title, part, side)
    # A headline may hold " - ", hardly ever " | ": after a bar comes the site's name.
    if _BAR.search(title) and len(ends[-1].split()) <= 8:
        return _cut(title, ends[-1], -1)
    return title


def _cut(title: str, part: str, side: int) -> str:
    kept = title[: title.rfind(part)] if side == -1 else title[title.find(part) + len(part):]
    return kept.strip().strip(" -|–—»·:").strip() or title


def strip_site_name(title: str, names: list[str]) -> str:
    """``title`` without the site's name before or after a separator: "Tiêu đề - Báo Nhân Dân"
    → "Tiêu đề". A part is the site's when it matches one of ``names``, has a site name's
    shape ("Báo …", "… .vn") and is the shorter side, or, with neither, follows a bar
    ("Thông báo | Văn phòng Tỉnh ủy"). A section's name left before it goes too."""
    title = clean_text(title).strip()
    for _ in range(2):
        shorter = _strip_once(title, names)
        if shorter == title:
            break
        title = shorter
    return title


def declared_title(tree, names: list[str]) -> str | None:
    """The headline the page declares for sharing (og:title, JSON-LD headline), site name off."""
    metas = _metas(tree)
    for key in _TITLE_META:
        if metas.get(key):
            return strip_site_name(metas[key], names) or None
    for obj in _json_ld(tree):
        if obj.get("headline"):
            return strip_site_name(_text(obj["headline"]), names) or None
    return None


def declared_date(tree) -> str | None:
    """The publication date the page declares: meta tags, JSON-LD datePublished, then the first
    <time datetime> of an article or of the page's head section."""
    metas = _metas(tree)
    for key in _DATE_META:
        date = _iso(metas.get(key, ""))
        if date:
            return date
    for obj in _json_ld(tree):
        date = _iso(str(obj.get("datePublished") or obj.get("dateCreated") or ""))
        if date:
            return date
    for selector in ('[itemprop="datePublished"]', "article time[datetime]", "time[pubdate]"):
        node = tree.css_first(selector)
        if node is not None:
            date = _iso(node.attributes.get("datetime") or node.attributes.get("content") or "")
            if date:
                return date
    return None


_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "blogposting", "reviewnewsarticle", "backgroundnewsarticle"}


def declares_article(tree) -> bool:
    """Whether the page calls itself an article (og:type "article", a JSON-LD NewsArticle)."""
    if _metas(tree).get("og:type", "").strip().lower() == "article":
        return True
    for obj in _json_ld(tree):
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(str(t).lower() in _ARTICLE_TYPES for t in types):
            return True
    return False

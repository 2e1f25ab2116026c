"""Shared by test_web.py and test_api.py: a small real-Vietnamese index and an app over it.

Given the bundled corpus's plain-text and Markdown files (Party directives and resolutions,
state documents, Hồ Chí Minh's sayings, reports, cell minutes) plus tests/data/web, when they
are ingested into a temporary index, then the web app can be pointed at it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from kb.config import load_config
from kb.ingest.document import document_id
from kb.ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
WEB_DATA = Path(__file__).resolve().parent / "data" / "web"
#: Results per page in the test app, small so that paging shows with few documents.
PAGE_SIZE = 3


def corpus_files() -> list[Path]:
    """Plain-text and Markdown files of the fixture index (other formats have their own tests)."""
    picked = []
    for folder in ("dang", "nha-nuoc", "ho-chi-minh", "bao-cao"):
        picked += sorted(p for p in (CORPUS / folder).iterdir() if p.suffix in (".txt", ".md"))
    picked += sorted((CORPUS / "bien-ban").glob("bien-ban-chi-bo-phong-tu-phap-2023-*.txt"))
    picked += sorted(WEB_DATA.glob("*.txt"))
    return picked


def build_index(index_dir: Path, paths: list[Path]) -> int:
    """Ingest ``paths`` into ``index_dir``; returns how many documents were added."""
    report = ingest(paths, load_config({"index": str(index_dir)}))
    assert report.ok, report.failed
    return len(report.added)


def doc_id(relative: str) -> str:
    """The id the index gives the file at ``relative`` (from the repository root)."""
    return document_id(ROOT / relative)


def make_app(index_dir: Path, **settings):
    """The web app over ``index_dir`` in testing mode."""
    from kb.web import create_app

    return create_app({"index": str(index_dir), "page_size": PAGE_SIZE, "TESTING": True,
                       **settings})


def close(app) -> None:
    """Release the index files the app opened."""
    app.extensions["kb_searchers"].close_all()


def csrf_of(client, path="/login") -> str:
    """The CSRF token of the form on ``path`` (what a browser would send back)."""
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def until(condition, seconds: float, interval: float = 0.2) -> bool:
    """Poll ``condition`` (another process's state: there is no event to wait on) until it
    holds or ``seconds`` pass; its last answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()

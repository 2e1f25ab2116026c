"""Shared fixtures: the ../shared data folder, the bundled corpus and one index per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS_DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("KB_SHARED", ROOT.parent / "shared")).resolve()
#: Settings every test index and app starts from. No time budget: on a loaded machine a search
#: may take seconds and come back partial (no snippets, no facets); tests of the budget set
#: their own (tests/test_budget.py) with a clock they control.
TEST_SETTINGS = {"progress": "never", "query_budget_ms": 0}
# Apps and CLI runs read the environment (create_app, CliRunner, subprocesses).
os.environ.setdefault("KB_QUERY_BUDGET_MS", "0")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, the real Vietnamese documents.

    Skips the test when the folder is absent, but fails under KB_REQUIRE_SHARED=1 (CI).
    """
    data = SHARED / "data"
    if not data.is_dir():
        if os.environ.get("KB_REQUIRE_SHARED") == "1":
            pytest.fail(f"KB_REQUIRE_SHARED=1 but {data} is missing")
        pytest.skip(f"{data} is not available")
    return data


@pytest.fixture(scope="session")
def seed_article(shared_data: Path) -> Path:
    """The Báo Hải Phòng article of 12/04/2018 the project started from."""
    files = sorted((shared_data.parent / "seed").glob("*.txt"))
    assert files, "shared/seed holds no article"
    return files[0]


@pytest.fixture(scope="session")
def tests_data() -> Path:
    """Small fixtures written for the tests (tests/data)."""
    return TESTS_DATA


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled sample corpus."""
    return ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory, corpus_dir, seed_article):
    """One index per session of the bundled corpus plus the seed article; shared read-only."""
    from kb.config import load_config
    from kb.ingest.pipeline import ingest

    config = load_config({"index": str(tmp_path_factory.mktemp("corpus-index")), **TEST_SETTINGS},
                         environ={})
    report = ingest([corpus_dir, seed_article], config)
    assert report.ok, report.failed
    return config


@pytest.fixture(scope="session")
def searcher(corpus_index):
    """A Searcher over the session's corpus index."""
    from kb.index.search import Searcher

    with Searcher(corpus_index) as s:
        yield s


@pytest.fixture
def make_config(tmp_path):
    """A function that builds a configuration with a fresh index under tmp_path."""
    from kb.config import load_config

    def make(**overrides):
        values = {"index": str(tmp_path / "index"), **TEST_SETTINGS, **overrides}
        return load_config(values, environ={})

    return make


def index_texts(root: Path, texts: dict[str, str], **overrides):
    """Write ``{name: text}`` under ``root``/van-ban, ingest them into ``root``/index and return
    the configuration (for module-scoped fixtures, which cannot use ``make_config``)."""
    from kb.config import load_config
    from kb.ingest.pipeline import ingest

    folder = root / "van-ban"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    config = load_config({"index": str(root / "index"), **TEST_SETTINGS, **overrides},
                         environ={})
    assert ingest([folder], config).ok
    return config


@pytest.fixture
def ranked_names(tmp_path, make_config):
    """A function: index the given files in a fresh index and return the names of the files
    a query finds, best first. Files are ``{name: text}`` written for the test, or paths
    (of ../shared, reached through ``shared_data``) copied in."""
    import shutil

    from kb.index.search import Searcher
    from kb.ingest.pipeline import ingest

    def ranked(files, query: str) -> list[str]:
        folder = tmp_path / "van-ban"
        folder.mkdir(exist_ok=True)
        items = files.items() if isinstance(files, dict) else ((f.name, f) for f in files)
        for name, body in items:
            if isinstance(body, Path):
                assert body.is_file(), f"{body} is missing from ../shared"
                shutil.copy(body, folder / name)
            else:
                (folder / name).write_text(body, encoding="utf-8")
        config = make_config()
        assert ingest([folder], config).ok
        with Searcher(config) as searcher:
            return [r.name for r in searcher.search(query, snippets=False).results]

    return ranked


@pytest.fixture(scope="module")
def client(corpus_index):
    """A Flask test client of the web app over the session's corpus index (default settings)."""
    from kb.web import create_app

    app = create_app({"index": corpus_index["index"], "TESTING": True})
    yield app.test_client()
    app.extensions["kb_searchers"].close_all()


@pytest.fixture(scope="session")
def web_index(tmp_path_factory):
    """The plain-text fixture index of the web and API tests, ingested once: (dir, count)."""
    from web_support import build_index, corpus_files

    index_dir = tmp_path_factory.mktemp("web-index")
    return index_dir, build_index(index_dir, corpus_files())


@pytest.fixture
def interrupt_after():
    """A progress callback for ingest that stops the run (as Ctrl+C does) after n files."""

    def make(n: int):
        def progress(paths):
            for i, path in enumerate(paths):
                if i == n:
                    raise KeyboardInterrupt
                yield path
        return progress

    return make


@pytest.fixture
def vietnamese_files(tmp_path, corpus_dir):
    """A function writing ``n`` small Vietnamese text files (lines of the bundled corpus, each
    file its own report number) into a folder under tmp_path; returns the folder."""
    lines = [line.strip() for path in sorted(corpus_dir.rglob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40]

    def make(n: int, name: str = "van-ban") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        for i in range(n):
            body = "\n".join(lines[(i * 7 + k) % len(lines)] for k in range(6))
            (folder / f"bao-cao-{i:03d}.txt").write_text(
                f"Báo cáo số {i + 1}/BC-CB của chi bộ\n{body}\n", encoding="utf-8")
        return folder

    return make


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (``item.report_call``...), so that a fixture's
    teardown can tell whether its test failed (the browser tests then keep a screenshot)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def saying_texts(text: str) -> list[str]:
    """The words of each saying kb extracts from ``text``, in order."""
    from kb.understand.sayings import extract_sayings

    return [s["text"] for s in extract_sayings(text)]

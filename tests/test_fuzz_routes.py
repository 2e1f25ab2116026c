"""Fuzzing every route: no request, however odd, is answered with a server error.

Given the web app over the session index of the bundled corpus, when hypothesis sends GET
requests to every route of the UI and the API with generated values for every parameter (long
runs of one syllable, a phrase repeated hundreds of times, NUL and control characters, invalid
percent-encoding and UTF-8, path traversal, markup, absurd numbers, every filter of the query
language, real and broken document ids), then each answer is a 2xx, a 404 or a 405 in the
expected content type, and no answer shows the server's folders. A longer run against a real
server lives in benchmarks/http_fuzz.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent

#: Parameters each route reads (and one it does not).
ROUTES = {
    "/": ("q", "page", "sort", "from", "to", "limit"),
    "/api/search": ("q", "page", "limit", "sort", "facets"),
    "/api/suggest": ("q",),
    "/minutes": ("unit", "q"),
    "/api/minutes": ("unit", "q"),
    "/sayings": ("sector", "q"),
    "/api/sayings": ("sector", "q"),
    "/documents/<id>": ("q",),
    "/api/documents/<id>": (),
    "/api/stats": (),
}
SYLLABLES = ["ă", "ǎ", "chỉ", "thị", "nghiêng", "Đảng", "khu", "1", "05-CT/TW", "x"]
WORDS = ["chỉ thị 05", "phụng công thủ pháp", "nghi quyet trung uong 4", "BCT", "khóa XII",
         "chi bộ khu dân cư số 3", "lương y", "y tế", "biên bản"]
FILTERS = ["kind", "year", "from", "to", "number", "issuer", "unit", "sector", "term"]
NASTY = ["\x00", "\x1b", "\r\n", "../../etc/passwd", "<script>alert(1)</script>", "{{7*7}}",
         "%s%n", "NaN", "-1", "1e309", "9" * 30, '"', "“", "-", "OR", "kind:", "\u202e", "🙂"]

runs = st.builds(lambda s, space, n: (s + " " * space) * n,
                 st.sampled_from(SYLLABLES + WORDS), st.integers(0, 1),
                 st.sampled_from([2, 50, 400, 3000]))
filters = st.builds(lambda f, v, quoted: f'{f}:"{v}"' if quoted else f"{f}:{v}",
                    st.sampled_from(FILTERS),
                    st.one_of(st.sampled_from(WORDS + NASTY), st.text(max_size=30),
                              runs.map(lambda r: r[:2000])),
                    st.booleans())
values = st.one_of(
    st.sampled_from(WORDS + NASTY),
    st.text(max_size=60),
    runs,
    st.lists(st.one_of(st.sampled_from(WORDS + SYLLABLES), filters,
                       st.sampled_from(["OR", "-", '"', "-chỉ"])), max_size=12).map(" ".join),
    st.integers(-10 ** 20, 10 ** 20).map(str),
    st.builds(lambda w, n: w + "\u0301" * n, st.sampled_from(WORDS), st.integers(1, 500)),
)


def encode(text: str, broken: bool) -> str:
    """Percent-encoded UTF-8 (lone surrogates kept as invalid bytes); optionally a bad escape."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="") + ("%ff%z" if broken else "")


@pytest.fixture(scope="module")
def app(corpus_index):
    from kb.web import create_app

    app = create_app({"index": corpus_index["index"], "TESTING": True})
    yield app
    app.extensions["kb_searchers"].close_all()


@pytest.fixture(scope="module")
def real_ids(app) -> list[str]:
    body = app.test_client().get("/api/search?q=ch%E1%BB%89%20th%E1%BB%8B&limit=20").get_json()
    assert body["results"], "the corpus holds directives"
    return [r["id"] for r in body["results"]]


@st.composite
def requests(draw, ids: list[str]) -> str:
    """A request target: a route, its document id if it takes one, and some parameters."""
    route = draw(st.sampled_from(list(ROUTES)))
    path = route
    if "<id>" in route:
        doc = draw(st.one_of(st.sampled_from(ids), values, st.sampled_from(
            ["0" * 12, ids[0] + "x", "..", ".", "a b", "\x00", "x" * 3000])))
        path = route.replace("<id>", encode(doc, draw(st.booleans()) and draw(st.booleans())))
    names = draw(st.lists(st.sampled_from(list(ROUTES[route]) + ["unknown"]), max_size=4))
    query = "&".join(f"{n}={encode(draw(values), draw(st.integers(0, 19)) == 0)}" for n in names)
    return path + ("?" + query if query else "")


FOLDERS = (str(ROOT), str(ROOT.parent))


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_request_is_a_server_error(app, real_ids, data):
    target = data.draw(requests(real_ids), label="request")
    response = app.test_client().get(target)
    assert response.status_code in (200, 404, 405), (target[:300], response.status_code)
    expected = "application/json" if target.startswith("/api/") else "text/html"
    assert response.mimetype == expected, target[:300]
    text = response.get_data(as_text=True)
    assert not [f for f in FOLDERS if f in text], target[:300]


@pytest.mark.parametrize("target", [
    "/api/search?q=" + quote("ă" * 1000), "/?q=" + quote("ǎ" * 1000),
    "/api/search?q=" + quote("chỉ thị " * 300), "/api/minutes?unit=" + quote("khu dân cư " * 500),
    "/api/suggest?q=" + quote("chỉ thị " * 300), "/api/sayings?q=" + quote("trồng người " * 300),
    "/sayings?sector=" + quote("y tế " * 1000), "/minutes?q=" + quote("NQ TW4 khóa XII " * 200),
    "/api/documents/%00", "/documents/ab%00cd", "/api/documents/" + "x" * 5000,
])
def test_the_requests_that_failed_or_ran_for_seconds_are_answered(app, target):
    response = app.test_client().get(target)
    assert response.status_code in (200, 404)

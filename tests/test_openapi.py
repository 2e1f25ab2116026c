"""The OpenAPI 3.1 document at /api/openapi.json, checked against the real answers.

Given the web app over the session index of the bundled corpus and the seed article, when the
description is read, then it is a valid OpenAPI 3.1 document (openapi-spec-validator) that
describes every /api route of the app; and every request of the table below, successes and
errors alike, gets an answer that openapi-core validates against it (status, content type and
body). Every HTML page has its JSON twin under /api.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.validation.response.exceptions import InvalidData
from openapi_spec_validator import validate

from kb.ingest.document import document_id

ROOT = Path(__file__).resolve().parent.parent
CHI_THI_05 = document_id(ROOT / "corpus" / "dang" / "chi-thi-05-ct-tw-2016.txt")
BAO_CAO = document_id(ROOT / "corpus" / "bao-cao" / "bao-cao-dang-uy-phuong-le-loi-chi-thi-05-nam-2024.docx")

#: (url, status): successes and errors of every described route.
REQUESTS = [
    ("/api/search?q=chỉ thị 05", 200),
    ("/api/search?q=chỉ thị 05&facets=1&sort=newest&from=2016-01-01&to=2024-12-31", 200),
    ("/api/search?q=phung cong thu phap&limit=2&page=2", 200),
    ("/api/search?q=xyzxyzxyz", 200),
    ("/api/search?q=", 200),
    ("/api/search?q=chỉ thị 05&page=-3&limit=abc&sort=bogus", 200),
    ("/api/facets?q=chuyển đổi số", 200),
    ("/api/facets?q=", 200),
    ("/api/suggest?q=05-", 200),
    ("/api/suggest?q=", 200),
    (f"/api/documents/{CHI_THI_05}", 200),
    (f"/api/documents/{BAO_CAO}", 200),
    ("/api/documents/000000000000", 404),
    ("/api/documents/%00", 404),
    (f"/api/documents/{CHI_THI_05}/citations", 200),
    (f"/api/documents/{BAO_CAO}/citations", 200),
    ("/api/documents/000000000000/citations", 404),
    ("/api/stats", 200),
    ("/api/minutes", 200),
    ("/api/minutes?unit=khu dan cu so 3", 200),
    ("/api/minutes?q=chỉ thị 05", 200),
    ("/api/minutes?unit=khong co chi bo nay", 200),
    ("/api/sayings", 200),
    ("/api/sayings?sector=y tế", 200),
    ("/api/sayings?q=lương y", 200),
    ("/api/sayings/sectors", 200),
    ("/api/sayings/sectors?q=lương y", 200),
    ("/api/openapi.json", 200),
    (f"/documents/{CHI_THI_05}/original", 200),
    (f"/documents/{BAO_CAO}/original", 200),
    ("/documents/000000000000/original", 404),
    (f"/documents/{CHI_THI_05}/text", 200),
    ("/documents/000000000000/text", 404),
    ("/search.csv?q=chỉ thị 05&sort=oldest", 200),
]


@pytest.fixture(scope="module")
def document(client):
    body = client.get("/api/openapi.json")
    assert body.status_code == 200 and body.mimetype == "application/json"
    return body.get_json()


@pytest.fixture(scope="module")
def openapi(document):
    return OpenAPI.from_dict(document)


def test_the_description_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"].startswith("3.1")


def test_every_api_route_is_described(client, document):
    described = set(document["paths"])
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
              for rule in client.application.url_map.iter_rules()
              if rule.rule.startswith("/api/") and "GET" in rule.methods}
    assert routes and routes <= described, routes - described
    requested = {re.sub(r"\?.*", "", url) for url, _ in REQUESTS}
    for path in described:  # and the table below asks each of them something
        pattern = re.escape(path).replace(r"\{doc_id\}", "[^/]+")
        assert any(re.fullmatch(pattern, url) for url in requested), path


@pytest.mark.parametrize("url, status", REQUESTS)
def test_real_answers_validate_against_the_description(client, openapi, url, status):
    with client.get(url) as response:
        response.get_data()
        assert response.status_code == status, response.get_data(as_text=True)[:300]
        openapi.validate_response(WerkzeugOpenAPIRequest(response.request),
                                  WerkzeugOpenAPIResponse(response))


def test_an_error_answer_that_breaks_the_shape_is_caught(client, openapi):
    # The check is real: an error body without "ok" does not pass.
    from werkzeug.wrappers import Response

    with client.get("/api/documents/000000000000") as response:
        broken = Response(json.dumps({"error": "x", "status": 404}), status=404,
                          mimetype="application/json")
        with pytest.raises(InvalidData):
            openapi.validate_response(WerkzeugOpenAPIRequest(response.request),
                                      WerkzeugOpenAPIResponse(broken))


def test_a_missing_index_is_a_described_503(tmp_path, openapi):
    from kb.web import create_app

    app = create_app({"index": str(tmp_path / "chua-co"), "TESTING": True})
    try:
        client = app.test_client()
        for url in ("/api/search?q=chỉ thị", "/api/stats", "/api/sayings", "/api/facets?q=a"):
            with client.get(url) as response:
                assert response.status_code == 503
                openapi.validate_response(WerkzeugOpenAPIRequest(response.request),
                                          WerkzeugOpenAPIResponse(response))
    finally:
        app.extensions["kb_searchers"].close_all()


#: HTML page → its JSON twin under /api (same parameters).
TWINS = [
    ("/?q=chỉ thị 05", "/api/search?q=chỉ thị 05&facets=1"),
    (f"/documents/{CHI_THI_05}", f"/api/documents/{CHI_THI_05}"),
    ("/minutes?unit=khu dan cu so 3", "/api/minutes?unit=khu dan cu so 3"),
    ("/sayings?q=lương y", "/api/sayings?q=lương y"),
]


@pytest.mark.parametrize("page, api", TWINS)
def test_every_page_has_a_json_twin_with_its_facts(client, page, api):
    html = client.get(page).get_data(as_text=True)
    body = client.get(api).get_json()
    if api.startswith("/api/search"):
        ids = [r["id"] for r in body["results"][:3]]
        facet = body["facets"]["kind"][0]["value"]
        assert all(f"/documents/{i}" in html for i in ids) and facet in html
    elif api.startswith("/api/minutes"):
        assert all(f"/documents/{m['id']}" in html for m in body["meetings"])
    elif api.startswith("/api/sayings"):
        assert all(s["text"] in html for s in body["sayings"])
        sectors = client.get("/api/sayings/sectors?q=lương y").get_json()["sectors"]
        assert sectors and all(name in html for name in sectors)
    else:
        assert body["citation"] in html
        assert all(f"/documents/{c['id']}" in html for c in body["cited_by"])

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
from kb.service import tokens, users

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
    ("/api/jobs", 401),  # editors only: signed-in answers are checked in tests/test_uploads.py
    ("/api/jobs/1", 401),
    (f"/api/documents/{CHI_THI_05}/history", 401),  # editors only: see the write test below
    ("/api/audit", 401),  # admins only: see the write test below
    ("/api/users", 401),
    ("/api/account", 401),
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
    methods = {(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
               for rule in client.application.url_map.iter_rules() if rule.rule.startswith("/api/")
               for method in rule.methods - {"HEAD", "OPTIONS"}}
    missing = {(path, m) for path, m in methods if m not in document["paths"].get(path, {})}
    assert not missing, missing  # the write endpoints too
    requested = {re.sub(r"\?.*", "", url) for url, _ in REQUESTS}
    for path in described:  # and the table below asks each of them something
        pattern = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path))
        if "get" in document["paths"][path]:
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


def test_the_write_endpoints_answers_validate_including_401_and_403(tmp_path):
    """Given a fresh index of Chỉ thị 05 and the sayings list, when an editor's token, a
    reader's token and no token call every write endpoint, then each answer (200, 202, 400,
    401, 403, 404) validates against the description."""
    import io
    import shutil
    from contextlib import closing

    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from kb.config import load_config
    from kb.ingest.pipeline import ingest
    from kb.service.db import connect, db_path
    from kb.web import create_app

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("dang/chi-thi-05-ct-tw-2016.txt", "ho-chi-minh/loi-bac-day-can-bo-dang-vien.txt"):
        shutil.copy(ROOT / "corpus" / name, folder)
    settings = {"index": str(tmp_path / "index"), "instance_dir": str(tmp_path / "inst")}
    assert ingest([folder], load_config(settings)).ok
    doc = document_id(folder / "chi-thi-05-ct-tw-2016.txt")
    sayings_doc = document_id(folder / "loi-bac-day-can-bo-dang-vien.txt")
    app = create_app({**settings, "TESTING": True})
    try:
        client = app.test_client()
        spec = OpenAPI.from_dict(client.get("/api/openapi.json").get_json())
        with closing(connect(db_path(tmp_path / "inst"))) as db:
            editor = users.add_user(db, "bien-tap", "mật khẩu đủ dài 2024", "editor")
            reader = users.add_user(db, "ban-doc", "mật khẩu đủ dài 2024", "reader")
            as_editor = {"Authorization": f"Bearer {tokens.create_token(db, editor)[1]}"}
            as_reader = {"Authorization": f"Bearer {tokens.create_token(db, reader)[1]}"}
            admin = users.add_user(db, "quan-tri", "mật khẩu đủ dài 2024", "admin")
            as_admin = {"Authorization": f"Bearer {tokens.create_token(db, admin)[1]}"}

        def call(method, url, status, headers=None, **kwargs):
            response = client.open(url, method=method, headers=headers or {}, **kwargs)
            assert response.status_code == status, (url, response.get_data(as_text=True)[:300])
            request = response.request
            if method != "GET":  # its body was read by the app: validate the answer only
                request = Request(EnvironBuilder(path=request.path, method=method).get_environ())
            spec.validate_response(WerkzeugOpenAPIRequest(request),
                                   WerkzeugOpenAPIResponse(response))
            return response.get_json()

        saying = "Cán bộ là cái gốc của mọi công việc."
        for headers, status in ((None, 401), (as_reader, 403)):
            call("PATCH", f"/api/documents/{doc}", status, headers, json={"date": "2016-11-20"})
            call("DELETE", f"/api/documents/{doc}", status, headers)
            call("POST", f"/api/documents/{sayings_doc}/sayings", status, headers,
                 json={"saying": saying, "not_saying": True})
            call("POST", f"/api/documents/{doc}/file", status, headers,
                 data={"files": [(io.BytesIO(b"x"), "x.txt")]})
            call("GET", f"/api/documents/{doc}/history", status, headers)
        refused = call("PATCH", f"/api/documents/{doc}", 400, as_editor, json={"date": "31/02/2016"})
        assert "không có thật" in refused["error"]
        call("PATCH", "/api/documents/000000000000", 404, as_editor, json={"date": "2016-11-20"})
        done = call("PATCH", f"/api/documents/{doc}", 200, as_editor,
                    json={"date": "20/11/2016", "signer": "Đinh Thế Huynh"})
        assert done["changed"]["date"] == {"old": "2016-05-15", "new": "2016-11-20"}
        assert done["corrections"]["signer"]["editor"] == "bien-tap"
        assert done["job"]["kind"] == "edit" and done["job"]["status"] == "done"
        assert call("PATCH", f"/api/documents/{doc}", 200, as_editor,
                    json={"date": "2016-11-20"})["changed"] == {}
        hidden = call("POST", f"/api/documents/{sayings_doc}/sayings", 200, as_editor,
                      json={"saying": saying, "not_saying": True})
        assert hidden["changed"]["not_saying"] == {"old": "0", "new": "1"}
        assert client.get("/api/sayings?q=cái gốc của mọi công việc").get_json()["total"] == 0
        history = call("GET", f"/api/documents/{doc}/history", 200, as_editor)
        assert [e["action"] for e in history["history"]] == ["document.correct", "document.add"]
        assert history["history"][-1]["username"] is None  # added by kb ingest, not an account
        for url in ("/api/audit", "/api/users"):  # the admins' pages as JSON
            call("GET", url, 403, as_editor)
        logged = call("GET", "/api/audit", 200, as_admin)["entries"]
        corrected = [e for e in logged if e["action"] == "document.correct"]
        assert corrected and corrected[0]["username"] == "bien-tap"
        assert corrected[0]["target"] == f"document {doc}"
        assert len(call("GET", "/api/audit?limit=1", 200, as_admin)["entries"]) == 1
        mine = call("GET", "/api/account", 200, as_reader)
        assert (mine["username"], mine["role"], len(mine["tokens"])) == ("ban-doc", "reader", 1)
        assert not {"token", "token_hash", "secret"} & set(mine["tokens"][0])
        accounts = call("GET", "/api/users", 200, as_admin)["users"]
        assert {(u["username"], u["role"]) for u in accounts} == {
            ("bien-tap", "editor"), ("ban-doc", "reader"), ("quan-tri", "admin")}
        queued = call("POST", f"/api/documents/{doc}/file", 202, as_editor,
                      data={"files": [(io.BytesIO(b"Chi thi moi."), "chi-thi-moi.txt")]})
        assert queued["kind"] == "upload" and queued["status"] == "queued"
        gone = call("DELETE", f"/api/documents/{doc}", 200, as_editor)
        assert gone["job"]["status"] == "done"
        call("GET", f"/api/documents/{doc}", 404)
    finally:
        app.extensions["kb_searchers"].close_all()

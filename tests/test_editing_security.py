"""Who may edit: readers (signed in or with a token) and anonymous visitors cannot correct,
delete, replace or touch sayings, and a forged or missing CSRF token is refused.

Given the editing fixture (real Party documents and a list of Hồ Chí Minh's sayings in a fresh
index per test), when a reader or a forged form tries every write route, then the answer is
403 (401 without any account, 400 for a bad CSRF token) and the index, the corrections, the
jobs and the audit log are exactly as before.
"""

from __future__ import annotations

import io

import pytest

from editing_support import (FILES, app, client, config, db, docs, ids_of, saying_form,  # noqa: F401
                             sign_in)
from kb.ingest.document import document_id
from kb.service import tokens, users
from web_support import csrf_of

SAYING = "Cán bộ là cái gốc của mọi công việc."


def state(client, db, docs) -> tuple:
    """What a write would change: the index's answers and the instance's tables."""
    doc = document_id(docs["chi-thi"])
    shown = client.get(f"/api/documents/{doc}").get_json()
    return (shown.get("date"), shown.get("title"), shown.get("signer"),
            tuple(ids_of(client, "/api/search?q=chỉ thị")),
            client.get("/api/sayings").get_json()["total"],
            db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM document_pins").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'document.%' "
                       "OR action LIKE 'saying.%'").fetchone()[0])


def web_writes(doc: str, saying: str) -> list[tuple[str, dict]]:
    """Every write form of the editing pages, filled as an editor would fill it."""
    return [(f"/documents/{doc}/edit", {"kind": "Nghị quyết", "number": "06-CT/TW",
                                        "issuer": "Ban Bí thư", "date": "20/11/2016",
                                        "title": "Tiêu đề giả mạo", "signer": "Không ai"}),
            (f"/documents/{doc}/delete", {}),
            (f"/documents/{doc}/replace",
             {"files": [(io.BytesIO("Văn bản thay thế giả mạo.".encode()), "gia-mao.txt")]}),
            (f"/documents/{doc}/sayings", {"saying": saying, "action": "not_saying"})]


def test_a_signed_in_reader_cannot_edit_delete_replace_or_correct_sayings(client, db, docs):
    doc = document_id(docs["chi-thi"])
    editor = client.application.test_client()
    sign_in(editor, db)
    key = saying_form(editor, document_id(docs["loi-bac"]), SAYING)["saying"]
    sign_in(client, db, "reader")
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert 'id="edit-document"' not in page and 'id="delete-document"' not in page
    before = state(client, db, docs)
    for url in (f"/documents/{doc}/edit", f"/documents/{doc}/delete", f"/documents/{doc}/replace",
                "/audit"):
        assert client.get(url).status_code == 403, url
    token = csrf_of(client, "/account")  # a valid token: the role alone refuses
    for url, data in web_writes(doc, key):
        response = client.post(url, data={**data, "csrf_token": token},
                               content_type="multipart/form-data")
        assert response.status_code == 403, url
        assert "người đọc" in response.get_data(as_text=True)
    assert state(client, db, docs) == before


def test_an_editor_cannot_read_the_audit_log(client, db):
    sign_in(client, db)
    assert client.get("/audit").status_code == 403


@pytest.mark.parametrize("token", [None, "", "gia-mao"])
def test_a_forged_or_missing_csrf_token_is_refused_on_every_form(client, db, docs, token):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    key = saying_form(client, document_id(docs["loi-bac"]), SAYING)["saying"]
    before = state(client, db, docs)
    for url, data in web_writes(doc, key):
        if token is not None:
            data["csrf_token"] = token
        response = client.post(url, data=data, content_type="multipart/form-data")
        assert response.status_code == 400, url
        assert "Biểu mẫu đã hết hạn hoặc không hợp lệ" in response.get_data(as_text=True)
    # the API from a browser session needs the token too (X-CSRFToken)
    assert client.patch(f"/api/documents/{doc}", json={"date": "2016-11-20"}).status_code == 400
    assert client.delete(f"/api/documents/{doc}").status_code == 400
    assert state(client, db, docs) == before


def _api_writes(doc: str, saying: str) -> list[tuple[str, str, dict]]:
    return [("PATCH", f"/api/documents/{doc}", {"json": {"date": "2016-11-20"}}),
            ("DELETE", f"/api/documents/{doc}", {}),
            ("POST", f"/api/documents/{doc}/sayings", {"json": {"saying": saying,
                                                                "not_saying": True}}),
            ("POST", f"/api/documents/{doc}/file",
             {"data": {"files": [(io.BytesIO("Văn bản giả mạo.".encode()), "gia-mao.txt")]}})]


def test_a_reader_token_gets_403_and_no_token_401_and_nothing_changes(client, db, docs):
    doc = document_id(docs["chi-thi"])
    reader = users.add_user(db, "ban-doc", "mật khẩu đủ dài 2024", "reader")
    _, secret = tokens.create_token(db, reader)
    before = state(client, db, docs)
    for method, url, kwargs in _api_writes(doc, SAYING):
        refused = client.open(url, method=method, headers={"Authorization": f"Bearer {secret}"},
                              **kwargs)
        assert refused.status_code == 403, url
        assert refused.get_json()["ok"] is False and "người đọc" in refused.get_json()["error"]
    for method, url, kwargs in _api_writes(doc, SAYING):
        kwargs = {k: ({"files": [(io.BytesIO(b"x"), "x.txt")]} if k == "data" else v)
                  for k, v in kwargs.items()}
        anonymous = client.open(url, method=method, **kwargs)
        assert anonymous.status_code == 401, url
        assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get(f"/api/documents/{doc}/history").status_code == 401
    assert state(client, db, docs) == before

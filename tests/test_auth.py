"""Accounts on the web: sign-in, CSRF, throttling, roles, API tokens, the session secret.

Given the web fixture index (real Vietnamese documents) and a fresh instance folder per test,
when people sign in and scripts send tokens, then what each may do follows their role, and a
forged form, a guessed password or a revoked token changes nothing.
"""

from __future__ import annotations

import re
from contextlib import closing

import pytest
from flask import g

from kb.service import tokens, users
from kb.service.db import connect, db_path
from kb.web.access import require_role
from web_support import close, csrf_of, make_app

PASSWORD = "mật khẩu đủ dài 2024"


class Clock:
    """A clock the test moves by hand (throttling waits without sleeping)."""

    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def instance(tmp_path):
    return tmp_path / "instance"


@pytest.fixture
def app(web_index, instance, clock):
    app = make_app(web_index[0], instance_dir=str(instance), KB_CLOCK=clock)
    notes = app.extensions["test_notes"] = []

    @app.post("/api/test/notes")
    @require_role("editor")
    def add_note():  # a stand-in for the editors' write routes to come
        notes.append(g.user.username)
        return {"ok": True}

    @app.post("/api/test/admin")
    @require_role("admin")
    def admin_only():
        notes.append("admin:" + g.user.username)
        return {"ok": True}

    yield app
    close(app)


@pytest.fixture
def db(app, instance):
    with closing(connect(db_path(instance))) as conn:
        yield conn


@pytest.fixture
def client(app):
    return app.test_client()


def login(client, username, password, token=None):
    token = csrf_of(client) if token is None else token
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": token})


def test_anonymous_visitors_read_by_default(client):
    assert client.get("/?q=chỉ thị 05").status_code == 200
    assert client.get("/api/search?q=phụng công thủ pháp").get_json()["total"] >= 1
    assert "Đăng nhập" in client.get("/").get_data(as_text=True)


def test_closed_reading_asks_to_sign_in(web_index, tmp_path):
    app = make_app(web_index[0], instance_dir=str(tmp_path / "inst"), public_read=False)
    try:
        c = app.test_client()
        page = c.get("/?q=chỉ thị")
        assert page.status_code == 302 and "/login" in page.headers["Location"]
        api = c.get("/api/search?q=chỉ thị")
        assert api.status_code == 401 and api.get_json()["ok"] is False
        assert "đăng nhập" in api.get_json()["error"].lower()
        assert c.get("/login").status_code == 200
        with closing(connect(db_path(tmp_path / "inst"))) as conn:
            users.add_user(conn, "doc-gia", PASSWORD, "reader")
        assert login(c, "doc-gia", PASSWORD).status_code == 302
        assert c.get("/api/search?q=chỉ thị").status_code == 200
    finally:
        close(app)


def test_sign_in_and_out(client, db):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    response = login(client, "bien-tap", PASSWORD)
    assert response.status_code == 302
    assert "bien-tap" in client.get("/").get_data(as_text=True)
    account = client.get("/account").get_data(as_text=True)
    assert "biên tập viên" in account
    client.post("/logout", data={"csrf_token": csrf_of(client, "/account")})
    assert client.get("/account").status_code == 302  # back to the sign-in page


def test_wrong_password_is_refused_in_vietnamese(client, db):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    response = login(client, "bien-tap", "sai mật khẩu rồi")
    assert response.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.get_data(as_text=True)


@pytest.mark.parametrize("token", ["", "gia-mao", None])
def test_forged_or_missing_csrf_token_changes_nothing(client, db, token):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    data = {"username": "bien-tap", "password": PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/login", data=data)
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn hoặc không hợp lệ" in response.get_data(as_text=True)
    assert users.find_user(db, "bien-tap").last_login_at is None  # not signed in


def test_csrf_protects_forms_of_signed_in_people(client, db):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    login(client, "bien-tap", PASSWORD)
    response = client.post("/account/tokens", data={"label": "giả mạo"})
    assert response.status_code == 400
    assert tokens.list_tokens(db) == []
    response = client.post("/account/password", data={"current": PASSWORD, "new": "x" * 12,
                                                      "again": "x" * 12, "csrf_token": "sai"})
    assert response.status_code == 400
    assert users.authenticate(db, "bien-tap", PASSWORD) is not None


def test_five_wrong_passwords_make_the_next_try_wait(client, db, clock):
    users.add_user(db, "quan-tri", PASSWORD, "admin")
    for _ in range(5):
        assert login(client, "quan-tri", "đoán bừa mật khẩu").status_code == 401
    refused = login(client, "quan-tri", PASSWORD)  # even the right password must wait
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "30"
    assert "thử lại sau 30 giây" in refused.get_data(as_text=True)
    clock.now += 29
    assert login(client, "quan-tri", PASSWORD).status_code == 429
    clock.now += 2
    assert login(client, "quan-tri", "vẫn sai mật khẩu").status_code == 401  # sixth wrong one
    doubled = login(client, "quan-tri", PASSWORD)
    assert doubled.status_code == 429 and doubled.headers["Retry-After"] == "60"
    clock.now += 61
    assert login(client, "quan-tri", PASSWORD).status_code == 302
    assert login(client, "quan-tri", "sai một lần nữa").status_code == 401  # count started anew


def test_throttle_is_per_account_and_address(client, db, app):
    users.add_user(db, "quan-tri", PASSWORD, "admin")
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    for _ in range(5):
        login(client, "quan-tri", "đoán bừa mật khẩu")
    assert login(client, "bien-tap", PASSWORD).status_code == 302
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.0.0.9"
    assert login(other, "quan-tri", PASSWORD).status_code == 302


def test_one_time_password_must_be_changed_first(client, db):
    password = users.ensure_first_admin(db)
    assert users.ensure_first_admin(db) is None  # only on an empty instance
    assert login(client, "admin", password).headers["Location"].endswith("/account")
    assert client.get("/?q=chỉ thị").headers["Location"].endswith("/account")
    token = csrf_of(client, "/account")
    new = "mật khẩu mới của quản trị"
    response = client.post("/account/password", data={"current": password, "new": new,
                                                      "again": new, "csrf_token": token})
    assert "Đã đổi mật khẩu" in response.get_data(as_text=True)
    assert client.get("/?q=chỉ thị").status_code == 200  # the same session goes on
    assert users.authenticate(db, "admin", password) is None


def test_password_change_ends_other_sessions(app, client, db):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    other = app.test_client()
    login(client, "bien-tap", PASSWORD)
    login(other, "bien-tap", PASSWORD)
    users.set_password(db, "bien-tap", "một mật khẩu khác hẳn")
    assert client.get("/account").status_code == 302


def test_passwords_are_never_stored_in_clear(client, db, instance):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    login(client, "bien-tap", PASSWORD)
    stored = db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("scrypt:") and PASSWORD not in stored
    for path in instance.iterdir():
        assert PASSWORD.encode("utf-8") not in path.read_bytes()


def _bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def test_roles_decide_what_tokens_may_do(client, db, app):
    reader = users.add_user(db, "doc-gia", PASSWORD, "reader")
    editor = users.add_user(db, "bien-tap", PASSWORD, "editor")
    _, reader_secret = tokens.create_token(db, reader)
    _, editor_secret = tokens.create_token(db, editor)
    notes = app.extensions["test_notes"]
    assert client.get("/api/search?q=chỉ thị", headers=_bearer(reader_secret)).status_code == 200
    for path in ("/api/test/notes", "/api/test/admin"):
        refused = client.post(path, headers=_bearer(reader_secret))
        assert refused.status_code == 403 and refused.get_json()["ok"] is False
        assert "người đọc" in refused.get_json()["error"]
    assert notes == []
    assert client.post("/api/test/notes", headers=_bearer(editor_secret)).status_code == 200
    assert client.post("/api/test/admin", headers=_bearer(editor_secret)).status_code == 403
    assert notes == ["bien-tap"]
    anonymous = client.post("/api/test/notes")
    assert anonymous.status_code in (400, 401) and notes == ["bien-tap"]


def test_revoked_or_unknown_token_is_401(client, db, app):
    editor = users.add_user(db, "bien-tap", PASSWORD, "editor")
    token, secret = tokens.create_token(db, editor, "máy chủ báo cáo")
    assert client.post("/api/test/notes", headers=_bearer(secret)).status_code == 200
    tokens.revoke_token(db, token.id)
    for presented in (secret, "kb_khong-phai-ma-that"):
        response = client.post("/api/test/notes", headers=_bearer(presented))
        assert response.status_code == 401
        assert "thu hồi" in response.get_json()["error"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert client.get("/api/stats", headers=_bearer(presented)).status_code == 401
    assert app.extensions["test_notes"] == ["bien-tap"]
    stored = db.execute("SELECT token_hash FROM api_tokens").fetchone()[0]
    assert secret not in stored and len(stored) == 64


def test_tokens_from_the_account_page(client, db):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    login(client, "bien-tap", PASSWORD)
    page = client.post("/account/tokens", data={"label": "báo cáo tuần",
                                                "csrf_token": csrf_of(client, "/account")})
    secret = re.search(r'<code class="token">(kb_[^<]+)</code>', page.get_data(as_text=True)).group(1)
    assert client.post("/api/test/notes", headers=_bearer(secret)).status_code == 200
    (token,) = tokens.list_tokens(db)
    assert token.label == "báo cáo tuần"
    client.post(f"/account/tokens/{token.id}/revoke", data={"csrf_token": csrf_of(client, "/account")})
    assert client.post("/api/test/notes", headers=_bearer(secret)).status_code == 401


def test_session_secret_persists_across_restarts(web_index, instance, db, app):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    first = app.test_client()
    login(first, "bien-tap", PASSWORD)
    cookie = first.get_cookie("session").value
    secret = (instance / "secret_key")
    assert secret.stat().st_mode & 0o777 == 0o600
    again = make_app(web_index[0], instance_dir=str(instance))  # a restarted server
    try:
        assert again.secret_key == app.secret_key
        c = again.test_client()
        c.set_cookie("session", cookie)
        assert "bien-tap" in c.get("/account").get_data(as_text=True)
    finally:
        close(again)


def test_next_never_leads_off_site(client, db):
    users.add_user(db, "bien-tap", PASSWORD, "editor")
    token = csrf_of(client)
    response = client.post("/login?next=//evil.example/", data={
        "username": "bien-tap", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/"


def test_admin_manages_accounts_on_the_web(client, db):
    users.add_user(db, "quan-tri", PASSWORD, "admin")
    login(client, "quan-tri", PASSWORD)
    token = csrf_of(client, "/admin/users")
    page = client.post("/admin/users", data={"username": "nguyen-van-an", "role": "editor",
                                             "csrf_token": token}).get_data(as_text=True)
    one_time = re.search(r'<code class="token">([^<]+)</code>', page).group(1)
    an = users.authenticate(db, "nguyen-van-an", one_time)
    assert an.role == "editor" and an.must_change_password
    client.post(f"/admin/users/{an.id}/role", data={"role": "reader", "csrf_token": token})
    assert users.find_user(db, "nguyen-van-an").role == "reader"
    me = users.find_user(db, "quan-tri")
    refused = client.post(f"/admin/users/{me.id}/role", data={"role": "reader", "csrf_token": token})
    assert refused.status_code == 400 and "quản trị viên duy nhất" in refused.get_data(as_text=True)
    client.post(f"/admin/users/{an.id}/remove", data={"csrf_token": token})
    assert [u.username for u in users.list_users(db)] == ["quan-tri"]


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_only_admins_reach_account_management(client, db, role):
    users.add_user(db, "nguoi-dung", PASSWORD, role)
    victim = users.add_user(db, "quan-tri", PASSWORD, "admin")
    login(client, "nguoi-dung", PASSWORD)
    assert client.get("/admin/users").status_code == 403
    token = csrf_of(client, "/account")
    response = client.post(f"/admin/users/{victim.id}/remove", data={"csrf_token": token})
    assert response.status_code == 403
    assert users.find_user(db, "quan-tri").role == "admin"
    _, secret = tokens.create_token(db, users.find_user(db, "nguoi-dung"))
    client.post("/logout", data={"csrf_token": token})
    by_token = client.post("/admin/users", headers=_bearer(secret),
                           data={"username": "ke-gian", "role": "admin"})
    assert by_token.status_code == 403
    assert [u.username for u in users.list_users(db)] == ["nguoi-dung", "quan-tri"]


def test_anonymous_visitors_are_sent_to_sign_in_for_admin_pages(client):
    response = client.get("/admin/users")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    sent_to = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Cần đăng nhập để mở trang này." in sent_to  # says why, not a bare form
    assert "Cần đăng nhập để mở trang này." not in client.get("/login").get_data(as_text=True)

"""`kb users ...`, `kb backup` and the first admin of `kb serve`, through click's runner."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.service import users
from kb.service.db import connect, db_path

PASSWORD = "mật khẩu đủ dài 2024"


@pytest.fixture
def kb(tmp_path):
    """Run ``kb --index <tmp>/index ARGS`` (instance folder: <tmp>/index-instance)."""
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(cli, ["--index", str(tmp_path / "index"), *args], input=input,
                             catch_exceptions=False)

    return run


def _db(tmp_path):
    return closing(connect(db_path(tmp_path / "index-instance")))


def test_add_list_passwd_remove(kb, tmp_path):
    added = kb("users", "add", "nguyen-van-an", "--role", "editor")
    assert added.exit_code == 0
    assert "Đã tạo tài khoản «nguyen-van-an» (biên tập viên)" in added.output
    one_time = re.search(r"Mật khẩu dùng một lần: (\S+)", added.output).group(1)
    with _db(tmp_path) as conn:
        assert users.authenticate(conn, "nguyen-van-an", one_time).must_change_password
    listed = kb("users", "list").output
    assert "nguyen-van-an" in listed and "phải đổi mật khẩu" in listed
    changed = kb("users", "passwd", "nguyen-van-an", "--password-stdin", input=PASSWORD + "\n")
    assert changed.exit_code == 0 and "Đã đổi mật khẩu" in changed.output
    with _db(tmp_path) as conn:
        user = users.authenticate(conn, "nguyen-van-an", PASSWORD)
        assert user is not None and not user.must_change_password
    removed = kb("users", "remove", "nguyen-van-an")
    assert removed.exit_code == 0 and "Đã xoá tài khoản" in removed.output
    assert "Chưa có tài khoản nào" in kb("users", "list").output


def test_prompted_password_and_errors_in_vietnamese(kb):
    asked = kb("users", "add", "tran-thi-binh", "--role", "admin", "--ask-password",
               input=f"{PASSWORD}\n{PASSWORD}\n")
    assert asked.exit_code == 0 and "Mật khẩu dùng một lần" not in asked.output
    again = kb("users", "add", "TRAN-THI-BINH")
    assert again.exit_code == 1 and "Tài khoản «TRAN-THI-BINH» đã có." in again.output
    missing = kb("users", "remove", "khong-co-ai")
    assert missing.exit_code == 1 and "Không có tài khoản «khong-co-ai»" in missing.output
    last = kb("users", "remove", "tran-thi-binh")
    assert last.exit_code == 1 and "quản trị viên duy nhất" in last.output
    short = kb("users", "add", "le-van-c", "--password-stdin", input="ngắn\n")
    assert short.exit_code == 1 and "ít nhất 10 ký tự" in short.output


def test_tokens_create_list_revoke(kb, tmp_path):
    kb("users", "add", "bao-cao", "--role", "reader")
    created = kb("users", "token", "create", "bao-cao", "--label", "máy chủ báo cáo")
    secret = re.search(r"(kb_\S+)", created.output).group(1)
    listed = kb("users", "token", "list").output
    assert "máy chủ báo cáo" in listed and "đang dùng được" in listed and secret not in listed
    assert kb("users", "token", "revoke", "1").output.startswith("Đã thu hồi mã truy cập số 1")
    assert "đã thu hồi" in kb("users", "token", "list", "bao-cao").output
    with _db(tmp_path) as conn:
        from kb.service.tokens import user_for_token
        assert user_for_token(conn, secret) is None


def test_backup_is_a_consistent_copy(kb, tmp_path):
    kb("users", "add", "quan-tri", "--role", "admin", "--password-stdin", input=PASSWORD + "\n")
    dest = tmp_path / "sao-luu"
    done = kb("backup", str(dest))
    assert done.exit_code == 0 and "Đã sao lưu" in done.output
    with closing(sqlite3.connect(dest / "kb.sqlite3")) as copy:
        copy.row_factory = sqlite3.Row
        assert users.authenticate(copy, "quan-tri", PASSWORD) is not None
    refused = kb("backup", str(dest))  # never over an earlier backup
    assert refused.exit_code == 1 and "không phải thư mục trống" in refused.output


def test_serve_creates_the_first_admin_once(kb, tmp_path, monkeypatch, web_index):
    import kb.analysis.segment as segment
    import kb.web.server as server

    started = []
    monkeypatch.setattr(segment, "warm_up", lambda: None)
    monkeypatch.setattr(server, "serve", lambda *args: started.append(args))
    monkeypatch.setenv("KB_INSTANCE_DIR", str(tmp_path / "index-instance"))
    first = kb("serve")
    assert started and first.exit_code == 0
    password = re.search(r"Tên đăng nhập: admin · Mật khẩu dùng một lần: (\S+)", first.output)
    with _db(tmp_path) as conn:
        admin = users.authenticate(conn, "admin", password.group(1))
        assert admin.role == "admin" and admin.must_change_password
    second = kb("serve")
    assert "Mật khẩu dùng một lần" not in second.output

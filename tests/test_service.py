"""The instance database: migrations keep rows, accounts and tokens, throttle arithmetic."""

from __future__ import annotations

import shutil
from contextlib import closing

import pytest

from kb.errors import AccountError, InstanceError
from kb.service import throttle, tokens, users
from kb.service.db import connect, db_path, open_instance
from kb.service.migrate import MIGRATIONS, migrate, statements, version

PASSWORD = "mật khẩu đủ dài 2024"


def test_new_instance_has_every_table_with_wal_and_foreign_keys(tmp_path):
    path = open_instance(tmp_path / "inst")
    with closing(connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"users", "api_tokens", "documents", "corrections", "jobs", "audit_log",
                "login_failures", "index_sync"} <= tables
        assert version(conn) == len(list(MIGRATIONS.glob("*.sql")))
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert (path.stat().st_mode & 0o777) == 0o600
    assert open_instance(tmp_path / "inst") == path  # a second start changes nothing


def test_migrating_an_old_database_keeps_its_rows(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(MIGRATIONS / "0001_initial.sql", folder)
    with closing(connect(tmp_path / "kb.sqlite3")) as conn:
        assert migrate(conn, folder) == [1]
        users.add_user(conn, "bien-tap", PASSWORD, "editor")
        conn.execute("INSERT INTO documents (id, path, original_name, stored_path, added_at, "
                     "updated_at) VALUES ('7226d5d9033b', '/vb/chi-thi-05.txt', "
                     "'chi-thi-05.txt', '/vb/chi-thi-05.txt', 'x', 'x')")
        (folder / "0002_document_language.sql").write_text(
            "-- a later release adds a column\n"
            "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'vi';\n"
            "CREATE INDEX documents_language ON documents(language);\n", encoding="utf-8")
        assert migrate(conn, folder) == [2]
        assert migrate(conn, folder) == []
        assert version(conn) == 2
        row = conn.execute("SELECT original_name, language FROM documents").fetchone()
        assert tuple(row) == ("chi-thi-05.txt", "vi")
        assert users.authenticate(conn, "bien-tap", PASSWORD) is not None


def test_the_editing_migration_keeps_jobs_and_corrections_of_a_first_release_database(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(MIGRATIONS / "0001_initial.sql", folder)
    with closing(connect(tmp_path / "kb.sqlite3")) as conn:
        assert migrate(conn, folder) == [1]
        editor = users.add_user(conn, "bien-tap", PASSWORD, "editor")
        conn.execute("INSERT INTO documents (id, path, original_name, stored_path, added_at, "
                     "updated_at) VALUES ('7226d5d9033b', '/vb/chi-thi-05.txt', "
                     "'chi-thi-05.txt', '/vb/chi-thi-05.txt', 'x', 'x')")
        conn.execute("INSERT INTO corrections (document_id, field, old_value, new_value, "
                     "editor_id, created_at) VALUES ('7226d5d9033b', 'date', '2016-05-05', "
                     "'2016-05-15', ?, 'x')", (editor.id,))
        conn.execute("INSERT INTO jobs (kind, payload, created_at) VALUES ('upload', '{}', 'x')")
        assert migrate(conn) == [2]
        row = conn.execute("SELECT document_id, saying, field, new_value, editor_id "
                           "FROM corrections").fetchone()
        assert tuple(row) == ("7226d5d9033b", "", "date", "2016-05-15", editor.id)
        assert conn.execute("SELECT kind, status FROM jobs").fetchone()[:] == ("upload", "queued")
        conn.execute("INSERT INTO jobs (kind, created_at) VALUES ('edit', 'x')")  # the new kind
        # a registry row rewritten by a re-ingest no longer takes its corrections with it
        conn.execute("DELETE FROM documents")
        assert conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 1


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(MIGRATIONS / "0001_initial.sql", folder)
    (folder / "0002_broken.sql").write_text(
        "CREATE TABLE tags (name TEXT);\nALTER TABLE khong_co ADD COLUMN x TEXT;\n",
        encoding="utf-8")
    with closing(connect(tmp_path / "kb.sqlite3")) as conn:
        with pytest.raises(Exception):
            migrate(conn, folder)
        assert version(conn) == 0
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_a_database_of_a_newer_kb_is_refused(tmp_path):
    with closing(connect(tmp_path / "kb.sqlite3")) as conn:
        conn.execute("PRAGMA user_version = 99")
        with pytest.raises(InstanceError) as err:
            migrate(conn)
    assert "phiên bản kb mới hơn" in err.value.user_message()


def test_statements_split_where_sqlite_says():
    script = "CREATE TABLE a (x TEXT DEFAULT ';');\n-- note; here\nINSERT INTO a VALUES ('b;c');\n"
    assert statements(script) == ["CREATE TABLE a (x TEXT DEFAULT ';');",
                                  "-- note; here\nINSERT INTO a VALUES ('b;c');"]


@pytest.fixture
def db(tmp_path):
    with closing(connect(open_instance(tmp_path / "inst"))) as conn:
        yield conn


def test_account_rules(db):
    users.add_user(db, "Quan-Tri", PASSWORD, "admin")
    with pytest.raises(AccountError) as err:
        users.add_user(db, "quan-tri", PASSWORD, "reader")  # names are case-blind
    assert "đã có" in err.value.user_message()
    with pytest.raises(AccountError) as err:
        users.add_user(db, "doc-gia", "ngắn", "reader")
    assert "ít nhất 10 ký tự" in err.value.user_message()
    with pytest.raises(AccountError) as err:
        users.add_user(db, "doc-gia", PASSWORD, "superuser")
    assert "Vai trò" in err.value.user_message()
    with pytest.raises(AccountError) as err:
        users.remove_user(db, "quan-tri")
    assert "quản trị viên duy nhất" in err.value.user_message()
    assert users.authenticate(db, "QUAN-TRI", PASSWORD).username == "Quan-Tri"
    assert users.authenticate(db, "khong-co-ai", PASSWORD) is None


def test_removing_an_account_removes_its_tokens(db):
    users.add_user(db, "quan-tri", PASSWORD, "admin")
    editor = users.add_user(db, "bien-tap", PASSWORD, "editor")
    _, secret = tokens.create_token(db, editor)
    users.remove_user(db, "bien-tap")
    assert tokens.user_for_token(db, secret) is None
    assert tokens.list_tokens(db) == []


@pytest.mark.parametrize("failures, wait", [(1, 0), (4, 0), (5, 30), (6, 60), (7, 120),
                                            (30, throttle.MAX_DELAY)])
def test_throttle_delay_doubles_after_the_allowed_attempts(failures, wait):
    assert throttle.delay(failures, attempts=5, base=30) == wait


def test_the_last_admin_keeps_the_role(db):
    users.add_user(db, "quan-tri", PASSWORD, "admin")
    with pytest.raises(AccountError) as err:
        users.set_role(db, "quan-tri", "editor")
    assert "quản trị viên duy nhất" in err.value.user_message()
    users.add_user(db, "pho-quan-tri", PASSWORD, "admin")
    assert users.set_role(db, "quan-tri", "editor").role == "editor"

"""Shared by the editing tests: copies of real documents in a fresh index and instance per
test, an app over them, signing in, and the edit form as a browser sends it."""

from __future__ import annotations

import io
import re
import shutil
from contextlib import closing
from pathlib import Path

import pytest

from kb.config import instance_path, load_config
from kb.ingest.pipeline import ingest
from kb.service import users
from kb.service.db import connect, db_path
from web_support import CORPUS, close, csrf_of, make_app

PASSWORD = "mật khẩu đủ dài 2024"
FILES = {"chi-thi": CORPUS / "dang" / "chi-thi-05-ct-tw-2016.txt",
         "nghi-quyet": CORPUS / "dang" / "nghi-quyet-04-nq-tw-2016.txt",
         "loi-bac": CORPUS / "ho-chi-minh" / "loi-bac-day-can-bo-dang-vien.txt"}


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    return {key: Path(shutil.copy(path, folder)) for key, path in FILES.items()}


@pytest.fixture
def config(tmp_path, docs):
    config = load_config({"index": str(tmp_path / "index"), "instance_dir": str(tmp_path / "inst")})
    assert ingest([docs["chi-thi"].parent], config).ok
    return config


@pytest.fixture
def app(tmp_path, config):
    app = make_app(tmp_path / "index", instance_dir=str(tmp_path / "inst"))
    yield app
    close(app)


@pytest.fixture
def db(app, config):
    with closing(connect(db_path(instance_path(config)))) as conn:
        yield conn


@pytest.fixture
def client(app):
    return app.test_client()


def sign_in(client, db, role="editor", name=None):
    name = name or f"tai-khoan-{role}"
    users.add_user(db, name, PASSWORD, role)
    response = client.post("/login", data={"username": name, "password": PASSWORD,
                                           "csrf_token": csrf_of(client)})
    assert response.status_code == 302


def edit(client, doc_id, token="from-page", **fields):
    """POST the edit form with the page's current values, changed by ``fields``."""
    page = client.get(f"/documents/{doc_id}/edit").get_data(as_text=True)
    values = dict(re.findall(r'<input type="text" id="field-\w+" name="(\w+)" value="([^"]*)"', page))
    data = {k: v.replace("&#34;", '"').replace("&amp;", "&") for k, v in values.items()}
    data.update(fields)
    if token == "from-page":
        data["csrf_token"] = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    elif token is not None:
        data["csrf_token"] = token
    return client.post(f"/documents/{doc_id}/edit", data=data)


def ids_of(client, url) -> list[str]:
    return [r["id"] for r in client.get(url).get_json()["results"]]


def corrected_fields(html: str) -> set[str]:
    return set(re.findall(r'class="corrected" data-field="(\w+)"', html))


def saying_form(client, doc_id: str, text: str) -> dict:
    """The CSRF token and saying key of the form of the saying ``text`` on the document page."""
    page = client.get(f"/documents/{doc_id}").get_data(as_text=True)
    item = next(li for li in page.split("<li") if text[:40] in li and 'name="saying"' in li)
    return {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', item).group(1),
            "saying": re.search(r'name="saying" value="(\w+)"', item).group(1)}


def upload_file(client, name: str, body: bytes) -> None:
    """Upload one file from the upload page."""
    response = client.post("/upload", data={"files": [(io.BytesIO(body), name)],
                                            "csrf_token": csrf_of(client, "/upload")},
                           content_type="multipart/form-data")
    assert response.status_code == 303

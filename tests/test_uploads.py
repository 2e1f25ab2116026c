"""Uploads from the web and the API, the file store, the upload runner and the jobs pages.

Given a fresh index and instance folder per test and real Vietnamese documents of the bundled
corpus (a directive in .txt, a conclusion in .md, a ward report in .docx), when an editor
uploads them (one by one or as a .zip of a folder) and the worker runs once, then they are
searchable under their original names, the jobs say what became of each file; and a reader, a
forged form, a hostile file name or an upload over the limits stores nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from kb.service import jobs, tokens, users
from kb.service.db import connect, db_path
from kb.service.filestore import store_root, stored_files
from kb.service.worker import run_worker
from web_support import CORPUS, close, csrf_of, make_app

PASSWORD = "mật khẩu đủ dài 2024"
DIRECTIVE = CORPUS / "dang" / "chi-thi-05-ct-tw-2016.txt"
CONCLUSION = CORPUS / "dang" / "ket-luan-01-kl-tw-2021.md"
REPORT = CORPUS / "bao-cao" / "bao-cao-dang-uy-phuong-le-loi-chi-thi-05-nam-2024.docx"


@pytest.fixture
def instance(tmp_path):
    return tmp_path / "instance"


@pytest.fixture
def settings():
    return {}


@pytest.fixture
def app(tmp_path, instance, settings):
    app = make_app(tmp_path / "index", instance_dir=str(instance), **settings)
    yield app
    close(app)


@pytest.fixture
def db(app, instance):
    with closing(connect(db_path(instance))) as conn:
        yield conn


@pytest.fixture
def client(app):
    return app.test_client()


def sign_in(client, db, role="editor"):
    users.add_user(db, f"tai-khoan-{role}", PASSWORD, role)
    response = client.post("/login", data={"username": f"tai-khoan-{role}", "password": PASSWORD,
                                           "csrf_token": csrf_of(client)})
    assert response.status_code == 302


def upload(client, files, token="from-page"):
    """POST /upload with (name, bytes) pairs; ``token``: the page's CSRF token, or a string."""
    data = {"files": [(io.BytesIO(body), name) for name, body in files]}
    if token == "from-page":
        data["csrf_token"] = csrf_of(client, "/upload")
    elif token is not None:
        data["csrf_token"] = token
    return client.post("/upload", data=data, content_type="multipart/form-data")


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def nothing_stored(instance, db):
    assert stored_files(instance) == []
    assert list((store_root(instance) / ".staging").glob("*")) == []
    assert jobs.recent(db) == []


def test_editor_uploads_three_files_then_finds_them_by_their_names(app, client, db, instance):
    sign_in(client, db)
    page = client.get("/upload").get_data(as_text=True)
    assert 'type="file" name="files"' in page and "multiple" in page and "Kéo và thả" in page
    response = upload(client, [("Chỉ thị 05 của Bộ Chính trị.txt", DIRECTIVE.read_bytes()),
                               ("Kết luận 01.md", CONCLUSION.read_bytes()),
                               ("Báo cáo phường Lê Lợi.docx", REPORT.read_bytes())])
    assert response.status_code == 303
    job_url = response.headers["Location"]
    kept = stored_files(instance)
    assert len(kept) == 3 and {p.suffix for p in kept} == {".txt", ".md", ".docx"}
    for path in kept:  # content-addressed: files/ab/cdef…
        assert re.fullmatch(r"[0-9a-f]{62}\.\w+", path.name) and re.fullmatch(r"[0-9a-f]{2}",
                                                                              path.parent.name)
    queued = client.get("/api/jobs").get_json()["jobs"]
    assert [j["status"] for j in queued] == ["queued"] and queued[0]["files_total"] == 3

    assert run_worker(app.config["KB"], once=True) == 1

    job = client.get(queued[0]["links"]["api"]).get_json()
    assert job["status"] == "done" and job["files_done"] == 3 and job["files_failed"] == 0
    assert {f["name"] for f in job["files"]} == {"Chỉ thị 05 của Bộ Chính trị.txt",
                                                "Kết luận 01.md", "Báo cáo phường Lê Lợi.docx"}
    assert "Chỉ thị 05 của Bộ Chính trị.txt" in client.get(job_url).get_data(as_text=True)
    hits = client.get("/api/search?q=học tập và làm theo tư tưởng Hồ Chí Minh").get_json()
    assert hits["total"] >= 1
    assert {r["name"] for r in hits["results"]} <= {f["name"] for f in job["files"]}
    found = client.get(f"/api/documents/{hits['results'][0]['id']}").get_json()
    assert found["name"] in {f["name"] for f in job["files"]}
    directive = next(r["id"] for r in client.get("/api/search?q=05-CT/TW").get_json()["results"]
                     if "Chỉ thị" in client.get(f"/api/documents/{r['id']}").get_json()["name"])
    listing = client.get("/?q=05-CT/TW").get_data(as_text=True)  # the search page names it too
    assert "Chỉ thị 05 của Bộ Chính trị.txt" in listing
    assert not re.search(r"[0-9a-f]{62}\.", listing)
    html = client.get(f"/documents/{directive}").get_data(as_text=True)
    assert "Chỉ thị 05 của Bộ Chính trị.txt" in html and "files/" not in html
    with client.get(f"/documents/{directive}/original") as original:
        assert original.status_code == 200 and original.data == DIRECTIVE.read_bytes()
        assert "filename*=UTF-8''Ch%E1%BB%89" in original.headers["Content-Disposition"]


def test_a_zip_of_a_folder_is_expanded_and_its_names_kept(app, client, db, instance, tmp_path):
    sign_in(client, db)
    archive = zipped({"ho-so/dang/chi-thi-05.txt": DIRECTIVE.read_bytes(),
                      "ho-so/bao-cao/le-loi.docx": REPORT.read_bytes(),
                      "__MACOSX/ho-so/._le-loi.docx": b"\x00\x05",
                      "ho-so/.DS_Store": b"\x00"})
    assert upload(client, [("ho-so.zip", archive)]).status_code == 303
    assert len(stored_files(instance)) == 2
    run_worker(app.config["KB"], once=True)
    job = client.get("/api/jobs").get_json()["jobs"][0]
    assert job["status"] == "done"
    assert sorted(f["name"] for f in job["files"]) == ["chi-thi-05.txt", "le-loi.docx"]
    assert all(f["status"] == "added" for f in job["files"])


TABLE = ("Số hiệu,Tiêu đề,Ngày ban hành,Nội dung\n"
         "05-CT/TW,Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh,15/05/2016,"
         "\"Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\"\n"
         "04-NQ/TW,\"Nghị quyết về tăng cường xây dựng, chỉnh đốn Đảng\",30/10/2016,"
         "\"Ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống.\"\n")


def test_a_finished_job_links_each_file_to_the_documents_it_became(app, client, db):
    sign_in(client, db)
    location = upload(client, [("Kết luận 01.md", CONCLUSION.read_bytes()),
                               ("văn bản.csv", TABLE.encode("utf-8")),
                               ("hong.pdf", b"%PDF-1.4 day khong phai tep PDF that")]
                      ).headers["Location"]
    run_worker(app.config["KB"], once=True)
    job = client.get("/api/jobs").get_json()["jobs"][0]
    became = {f["name"]: f["documents"] for f in job["files"]}
    assert became["hong.pdf"] == []
    assert len(became["Kết luận 01.md"]) == 1
    assert [d["title"] for d in became["văn bản.csv"]] == [  # one document per record, in order
        "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh",
        "Nghị quyết về tăng cường xây dựng, chỉnh đốn Đảng"]
    page = client.get(location).get_data(as_text=True)
    for doc in became["Kết luận 01.md"] + became["văn bản.csv"]:
        assert f'<a href="/documents/{doc["id"]}">' in page
        assert client.get(doc["url"]).status_code == 200
    conclusion = client.get(became["Kết luận 01.md"][0]["url"]).get_data(as_text=True)
    assert "01-KL/TW" in conclusion


def test_a_file_that_cannot_be_read_fails_alone_with_a_vietnamese_reason(app, client, db):
    sign_in(client, db)
    upload(client, [("chi-thi-05.txt", DIRECTIVE.read_bytes()),
                    ("hong.pdf", b"%PDF-1.4 day khong phai tep PDF that")])
    run_worker(app.config["KB"], once=True)
    job = client.get("/api/jobs").get_json()["jobs"][0]
    assert job["status"] == "done" and job["files_done"] == 1 and job["files_failed"] == 1
    failed = next(f for f in job["files"] if f["status"] == "failed")
    assert failed["name"] == "hong.pdf"
    assert re.search(r"[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệịọỏốồổộớờởợụủứừửựỳỵỷỹ]", failed["reason"])
    assert "lỗi" in client.get(job["links"]["page"]).get_data(as_text=True)


def test_a_reader_cannot_upload_and_nothing_changes(client, db, instance):
    sign_in(client, db, "reader")
    assert client.get("/upload").status_code == 403
    response = client.post("/upload", data={"csrf_token": csrf_of(client, "/account"),
                                            "files": [(io.BytesIO(DIRECTIVE.read_bytes()),
                                                       "chi-thi.txt")]},
                           content_type="multipart/form-data")
    assert response.status_code == 403 and "người đọc" in response.get_data(as_text=True)
    reader = users.find_user(db, "tai-khoan-reader")
    _, secret = tokens.create_token(db, reader)
    api = client.post("/api/uploads", headers={"Authorization": f"Bearer {secret}"},
                      data={"files": [(io.BytesIO(b"van ban"), "a.txt")]})
    assert api.status_code == 403 and api.get_json()["ok"] is False
    assert client.get("/api/jobs", headers={"Authorization": f"Bearer {secret}"}
                      ).status_code == 403
    nothing_stored(instance, db)


@pytest.mark.parametrize("token", [None, "", "gia-mao"])
def test_a_missing_or_forged_csrf_token_is_refused(client, db, instance, token):
    sign_in(client, db)
    response = upload(client, [("chi-thi.txt", DIRECTIVE.read_bytes())], token=token)
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn hoặc không hợp lệ" in response.get_data(as_text=True)
    nothing_stored(instance, db)


@pytest.mark.parametrize("name", ["../../x", "..\\..\\x", "/etc/x", "a/../../x"])
def test_a_name_with_a_path_lands_only_inside_the_store(app, client, db, instance, tmp_path,
                                                        name):
    sign_in(client, db)
    assert upload(client, [(name, DIRECTIVE.read_bytes())]).status_code == 303
    root = store_root(instance).resolve()
    kept = stored_files(instance)
    assert len(kept) == 1 and kept[0].resolve().is_relative_to(root)
    outside = [p for p in tmp_path.rglob("x*") if not p.resolve().is_relative_to(root)]
    assert outside == [] and not Path("/etc/x").exists()
    assert jobs.recent(db)[0].payload["files"][0]["name"] == "x"
    # and the same inside a zip
    upload(client, [("goi.zip", zipped({"../../../y.txt": CONCLUSION.read_bytes()}))])
    assert all(p.resolve().is_relative_to(root) for p in stored_files(instance))
    assert len(stored_files(instance)) == 2 and not (tmp_path / "y.txt").exists()


@pytest.mark.parametrize("settings, files", [
    ({"upload_max_mb": 0.005}, [("chi-thi.txt", DIRECTIVE.read_bytes())]),  # 6.7 KB > 5 KB
    ({"upload_max_files": 2}, [(f"van-ban-{i}.txt", DIRECTIVE.read_bytes()) for i in range(3)]),
    ({"upload_max_mb": 1}, [("bom.zip", zipped({"so-khong.txt": b"0" * (8 * 1024 * 1024)}))]),
    ({"upload_max_files": 3}, [("nhieu.zip", zipped({f"{i}.txt": b"van ban" for i in range(4)}))]),
])
def test_an_upload_over_the_limits_is_refused_before_it_is_stored(client, db, instance, settings,
                                                                  files):
    sign_in(client, db)
    response = upload(client, files)
    assert response.status_code == 413
    assert re.search(r"Quá nhiều tệp|Tải lên quá lớn", response.get_data(as_text=True))
    nothing_stored(instance, db)


@pytest.mark.parametrize("settings", [{"upload_max_mb": 0.01}])
def test_a_body_far_over_the_limit_is_refused_unread(client, db, instance, settings):
    sign_in(client, db)
    body = b"--b\r\n" + b"x" * (2 * 1024 * 1024)  # bytes, not a file: the client keeps no temp file
    response = client.post("/upload", data=body, content_type="multipart/form-data; boundary=b")
    assert response.status_code == 413 and "upload_max_mb" in response.get_data(as_text=True)
    nothing_stored(instance, db)


def test_api_upload_with_a_token_and_jobs_json_match_the_description(app, client, db):
    editor = users.add_user(db, "may-chu-bao-cao", PASSWORD, "editor")
    _, secret = tokens.create_token(db, editor)
    bearer = {"Authorization": f"Bearer {secret}"}
    openapi = OpenAPI.from_dict(client.get("/api/openapi.json").get_json())

    def check(response):
        request = response.request
        if request.method == "POST":  # its body was read by the app: validate the answer only
            request = Request(EnvironBuilder(path=request.path, method="POST",
                                             content_type="application/octet-stream",
                                             data=b"").get_environ())
        openapi.validate_response(WerkzeugOpenAPIRequest(request),
                                  WerkzeugOpenAPIResponse(response))

    sent = client.post("/api/uploads", headers=bearer,
                       data={"files": [(io.BytesIO(DIRECTIVE.read_bytes()), "chỉ thị 05.txt"),
                                       (io.BytesIO(b"%PDF-1.4 hong"), "hong.pdf")]})
    assert sent.status_code == 202 and sent.get_json()["status"] == "queued"
    check(sent)
    check(client.get("/api/jobs", headers=bearer))
    run_worker(app.config["KB"], once=True)
    for url in ("/api/jobs", sent.headers["Location"], "/api/jobs/999"):
        response = client.get(url, headers=bearer)
        assert response.status_code == (404 if url.endswith("999") else 200)
        check(response)
    job = client.get(sent.headers["Location"], headers=bearer).get_json()
    assert job["files_done"] == 1 and job["files_failed"] == 1
    refused = client.post("/api/uploads", headers=bearer, data={})
    assert refused.status_code == 413 and "Chưa chọn tệp" in refused.get_json()["error"]
    check(refused)


def test_the_job_page_follows_its_job_without_a_reload(app, client, db):
    sign_in(client, db)
    location = upload(client, [("chi-thi.txt", DIRECTIVE.read_bytes())]).headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert "đang chờ" in page and 'data-finished="no"' in page and "job.js" in page
    with client.get("/static/job.js") as script:
        assert "setTimeout(poll, 2000)" in script.get_data(as_text=True)
    assert 'data-api="/api/jobs/' in page  # the script polls the URL the page gives it
    run_worker(app.config["KB"], once=True)
    page = client.get(location).get_data(as_text=True)
    assert "xong" in page and 'data-finished="yes"' in page
    listing = client.get("/jobs").get_data(as_text=True)
    assert location in listing and "tải lên" in listing

"""Editing: editors correct a document's fields and its sayings, delete and replace documents.

Given copies of real documents of the bundled corpus (Chỉ thị 05-CT/TW of 2016, Nghị quyết
04-NQ/TW of 2016 and a list of Hồ Chí Minh's sayings for Party members) ingested into a fresh
index and instance per test, when an editor corrects them on the web, then the document page
marks each corrected field with who and when, the index searches, filters, sorts and counts by
the corrected values, the corrections and the audit log say who did what, and a re-ingest of
the same file (unchanged, edited, or a rebuild) keeps every correction.
"""

from __future__ import annotations

import io
import re
from contextlib import closing
from pathlib import Path

import pytest

from editing_support import (FILES, app, client, config, corrected_fields, db, docs,  # noqa: F401
                             edit, ids_of, saying_form, sign_in, upload_file)
from kb.config import instance_path
from kb.ingest.document import document_id
from kb.ingest.pipeline import ingest
from kb.service import audit, jobs
from kb.service.db import connect, db_path
from kb.service.worker import run_worker
from kb.service.writer_lock import WriterLock
from web_support import CORPUS, csrf_of

CONCLUSION = CORPUS / "dang" / "ket-luan-01-kl-tw-2021.md"


def test_the_edit_link_and_form_follow_the_contract(client, db, docs):
    doc = document_id(docs["chi-thi"])
    assert 'id="edit-document"' not in client.get(f"/documents/{doc}").get_data(as_text=True)
    sign_in(client, db)
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert f'<a id="edit-document" href="/documents/{doc}/edit">Sửa thông tin</a>' in page
    form = client.get(f"/documents/{doc}/edit").get_data(as_text=True)
    for name, value in [("kind", "Chỉ thị"), ("number", "05-CT/TW"), ("issuer", "Bộ Chính trị"),
                        ("date", "2016-05-15"), ("signer", "Nguyễn Phú Trọng")]:
        assert f'type="text" id="field-{name}" name="{name}" value="{value}"' in form
    assert 'name="title" value="Chỉ thị 05-CT/TW về đẩy mạnh học tập' in form
    assert '<button type="submit" id="save-corrections">Lưu</button>' in form
    assert 'name="csrf_token"' in form


def test_the_edit_form_names_each_field_as_the_document_page_does(client, db, docs):
    doc = document_id(docs["chi-thi"])
    sign_in(client, db)
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    shown = set(re.findall(r'<th scope="row">([^<]+)</th>', page))
    form = client.get(f"/documents/{doc}/edit").get_data(as_text=True)
    labels = dict(re.findall(r'<label for="field-(\w+)">([^<]+)</label>', form))
    assert set(labels) == {"kind", "number", "issuer", "date", "title", "signer"}
    # Chỉ thị 05 shows all but its title in the table; each row reads as its form label does.
    assert {labels[f] for f in ("kind", "number", "issuer", "date", "signer")} <= shown


def test_an_editor_corrects_fields_and_the_index_follows(client, db, docs):
    sign_in(client, db, name="nguyen-van-a")
    doc, other = document_id(docs["chi-thi"]), document_id(docs["nghi-quyet"])
    assert ids_of(client, "/api/search?q=chỉ thị&sort=newest")[:2] == [other, doc]
    response = edit(client, doc, date="20/11/2016", number="06-CT/TW", issuer="Ban Bí thư")
    assert response.status_code == 303 and response.headers["Location"] == f"/documents/{doc}"
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert corrected_fields(page) == {"date", "number", "issuer"}
    assert "Sửa bởi nguyen-van-a lúc" in page and "20/11/2016" in page
    assert "Đã lưu: số hiệu, cơ quan ban hành, ngày." in page
    anonymous = client.application.test_client().get(f"/documents/{doc}").get_data(as_text=True)
    assert corrected_fields(anonymous) == {"date", "number", "issuer"}  # readers see it too
    assert 'id="edit-document"' not in anonymous and "Lịch sử thay đổi" not in anonymous
    # the index: the number, a date filter, newest first and the issuer facet
    assert doc in ids_of(client, "/api/search?q=06-CT/TW")
    assert ids_of(client, "/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30") == [doc]
    assert ids_of(client, "/api/search?q=chỉ thị&sort=newest")[:2] == [doc, other]
    issuers = client.get("/api/facets?q=chỉ thị").get_json()["facets"]["issuer"]
    assert "Ban Bí thư" in {v["value"] for v in issuers}
    assert client.get(f"/api/documents/{doc}").get_json()["date"] == "2016-11-20"
    # who, when, old and new values
    rows = db.execute("SELECT field, old_value, new_value, editor_name, created_at "
                      "FROM corrections WHERE document_id = ? ORDER BY field", (doc,)).fetchall()
    assert [tuple(r)[:4] for r in rows] == [
        ("date", "2016-05-15", "2016-11-20", "nguyen-van-a"),
        ("issuer", "Bộ Chính trị", "Ban Bí thư", "nguyen-van-a"),
        ("number", "05-CT/TW", "06-CT/TW", "nguyen-van-a")]
    entry = audit.entries(db)[0]
    assert entry["action"] == "document.correct" and entry["username"] == "nguyen-van-a"
    assert entry["target"] == f"document {doc}" and entry["at"]
    assert entry["detail"]["changes"]["date"] == {"old": "2016-05-15", "new": "2016-11-20"}


@pytest.mark.parametrize("field, value, message", [
    ("date", "31/02/2016", "không có thật"),
    ("date", "ngày mai", "không phải là ngày"),
    ("date", "2016-13-01", "không có thật"),
    ("title", "   ", "Tiêu đề không được để trống"),
    ("number", "5" * 300, "quá dài"),
])
def test_invalid_values_give_the_form_back_and_change_nothing(client, db, docs, field, value,
                                                              message):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    response = edit(client, doc, **{field: value}, kind="Nghị quyết")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and message in html and 'id="save-corrections"' in html
    assert db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0
    shown = client.get(f"/api/documents/{doc}").get_json()
    assert (shown["kind"], shown["date"]) == ("Chỉ thị", "2016-05-15")
    assert corrected_fields(client.get(f"/documents/{doc}").get_data(as_text=True)) == set()


@pytest.mark.parametrize("typed, stored", [("2016-11-20", "2016-11-20"), ("20/11/2016", "2016-11-20"),
                                           ("5/6/2016", "2016-06-05"), ("2016", "2016")])
def test_dates_are_typed_either_way(client, db, docs, typed, stored):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    assert edit(client, doc, date=typed).status_code == 303
    assert client.get(f"/api/documents/{doc}").get_json()["date"] == stored


def test_corrections_survive_every_kind_of_reingest(client, db, docs, config):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    edit(client, doc, date="20/11/2016", title="Chỉ thị 05-CT/TW (bản đã hiệu đính)")

    def check():
        shown = client.get(f"/api/documents/{doc}").get_json()
        assert (shown["date"], shown["title"]) == ("2016-11-20", "Chỉ thị 05-CT/TW (bản đã hiệu đính)")
        assert ids_of(client, "/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30") == [doc]
        assert corrected_fields(client.get(f"/documents/{doc}").get_data(as_text=True)) == {
            "date", "title"}

    assert ingest([docs["chi-thi"]], config).unchanged == [str(docs["chi-thi"])]
    check()
    with open(docs["chi-thi"], "a", encoding="utf-8") as fh:  # the file itself was edited
        fh.write("\nNơi nhận: các tỉnh ủy, thành ủy.\n")
    assert ingest([docs["chi-thi"]], config).updated == [str(docs["chi-thi"])]
    check()
    assert ingest([docs["chi-thi"].parent], config, rebuild=True).rebuilt
    check()
    with closing(connect(db_path(instance_path(config)))) as conn:  # through the worker's queue
        jobs.submit(conn, "rebuild", {"paths": [str(docs["chi-thi"].parent)]})
    assert run_worker(config, once=True) == 1
    check()


def test_with_a_worker_running_the_correction_is_queued_for_it(client, db, docs, config):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    lock = WriterLock(instance_path(config), role="worker")  # what a running `kb worker` holds
    assert lock.acquire()
    try:
        assert edit(client, doc, date="20/11/2016").status_code == 303
        page = client.get(f"/documents/{doc}").get_data(as_text=True)
        assert "Chỉ mục sẽ được cập nhật khi bộ nạp chạy tới tác vụ số" in page
        assert corrected_fields(page) == {"date"} and "20/11/2016" in page  # shown at once
        assert client.get("/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30"
                          ).get_json()["total"] == 0  # the index waits for its writer
    finally:
        lock.release()
    assert run_worker(config, once=True) == 1
    assert ids_of(client, "/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30") == [doc]
    assert jobs.recent(db)[0].kind == "edit" and jobs.recent(db)[0].status == "done"
    page = client.get(f"/jobs/{jobs.recent(db)[0].id}").get_data(as_text=True)
    assert "sửa tài liệu" in page and f'href="/documents/{doc}"' in page


def _saying(client, words: str) -> dict:
    found = client.get(f"/api/sayings?q={words}").get_json()["sayings"]
    assert found, words
    return found[0]


def test_a_saying_marked_as_not_his_leaves_every_list_and_stays_out(client, db, docs, config):
    sign_in(client, db)
    doc = document_id(docs["loi-bac"])
    saying = _saying(client, "cái gốc của mọi công việc")
    assert saying["text"] == "Cán bộ là cái gốc của mọi công việc."
    before = client.get("/api/sayings").get_json()["total"]
    form = saying_form(client, doc, saying["text"])
    response = client.post(f"/documents/{doc}/sayings", data={**form, "action": "not_saying"})
    assert response.status_code == 303
    assert client.get("/api/sayings").get_json()["total"] == before - 1
    assert client.get("/api/sayings?q=cái gốc của mọi công việc").get_json()["total"] == 0
    assert "Cán bộ là cái gốc của mọi công việc" not in client.get("/sayings").get_data(as_text=True)
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert "không phải lời Bác" in page  # the editor still sees it, marked, to take it back
    with open(docs["loi-bac"], "a", encoding="utf-8") as fh:
        fh.write("\n(Tài liệu lưu hành nội bộ)\n")
    assert ingest([docs["loi-bac"]], config).updated == [str(docs["loi-bac"])]
    assert client.get("/api/sayings?q=cái gốc của mọi công việc").get_json()["total"] == 0
    entry = audit.entries(db)[0]
    assert entry["action"] == "saying.correct" and entry["detail"]["saying"] == form["saying"]
    # taken back
    form = saying_form(client, doc, saying["text"])
    client.post(f"/documents/{doc}/sayings", data={**form, "action": "restore"})
    assert client.get("/api/sayings?q=cái gốc của mọi công việc").get_json()["total"] == 1


def test_an_editor_moves_a_saying_to_another_sector(client, db, docs, config):
    sign_in(client, db)
    doc = document_id(docs["loi-bac"])
    saying = _saying(client, "lợi cho dân ta phải hết sức làm")
    assert "y tế" not in saying["sectors"]
    form = saying_form(client, doc, saying["text"])
    client.post(f"/documents/{doc}/sayings", data={**form, "action": "sectors",
                                                   "sectors": ["y tế", "dân tộc, tôn giáo"]})
    texts = {s["text"] for s in client.get("/api/sayings?sector=y te&per_page=50").get_json()["sayings"]}
    assert saying["text"] in texts
    assert client.get("/api/sayings/sectors").get_json()["sectors"]["y tế"] >= 1
    moved = next(s for s in client.get("/api/sayings?sector=dân tộc, tôn giáo&per_page=50"
                                       ).get_json()["sayings"] if s["text"] == saying["text"])
    assert moved["sectors"] == ["y tế", "dân tộc, tôn giáo"]
    assert ingest([docs["loi-bac"].parent], config, rebuild=True).rebuilt
    texts = {s["text"] for s in client.get("/api/sayings?sector=y tế&per_page=50").get_json()["sayings"]}
    assert saying["text"] in texts
    bad = client.post(f"/documents/{doc}/sayings", data={**saying_form(client, doc, saying["text"]),
                                                         "action": "sectors", "sectors": "thiên văn"})
    assert "Không có ngành, lĩnh vực «thiên văn»" in client.get(bad.headers["Location"]).get_data(as_text=True)


def _uploaded_id(client, query: str) -> str:
    return ids_of(client, f"/api/search?q={query}")[0]


def test_delete_takes_a_document_out_and_keeps_its_version(client, db, config):
    sign_in(client, db)
    upload_file(client, "Kết luận 01 của Bộ Chính trị.md", CONCLUSION.read_bytes())
    assert run_worker(config, once=True) == 1
    doc = _uploaded_id(client, "01-KL/TW")
    stored = db.execute("SELECT stored_path FROM documents WHERE id = ?", (doc,)).fetchone()[0]
    page = client.get(f"/documents/{doc}/delete").get_data(as_text=True)
    assert "Xoá tài liệu" in page and 'id="confirm-delete"' in page
    response = client.post(f"/documents/{doc}/delete",
                           data={"csrf_token": csrf_of(client, f"/documents/{doc}/delete")})
    assert response.status_code == 303
    assert "Đã xoá tài liệu" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert client.get(f"/api/documents/{doc}").status_code == 404
    assert doc not in ids_of(client, "/api/search?q=01-KL/TW")
    assert db.execute("SELECT COUNT(*) FROM documents WHERE id = ?", (doc,)).fetchone()[0] == 0
    assert Path(stored).exists()  # the file stays in the store
    entry = audit.entries(db)[0]
    assert entry["action"] == "document.delete" and entry["target"] == f"document {doc}"
    version = entry["detail"]["version"]
    assert version["original_name"] == "Kết luận 01 của Bộ Chính trị.md"
    assert version["stored_path"] == stored and version["number"] == "01-KL/TW"


def test_replace_keeps_the_id_and_corrections_and_the_old_version(client, db, config, docs):
    sign_in(client, db)
    upload_file(client, "Chỉ thị 05 (bản cũ).txt", FILES["chi-thi"].read_bytes())
    assert run_worker(config, once=True) == 1
    doc = next(i for i in ids_of(client, "/api/search?q=05-CT/TW")
               if client.get(f"/api/documents/{i}").get_json()["name"] == "Chỉ thị 05 (bản cũ).txt")
    edit(client, doc, signer="Đinh Thế Huynh")
    new = FILES["chi-thi"].read_text(encoding="utf-8") + "\nPhụ lục: kế hoạch thí điểm số hóa hồ sơ lưu trữ.\n"
    response = client.post(f"/documents/{doc}/replace",
                           data={"files": [(io.BytesIO(new.encode()), "Chỉ thị 05 (bản mới).txt")],
                                 "csrf_token": csrf_of(client, f"/documents/{doc}/replace")},
                           content_type="multipart/form-data")
    assert response.status_code == 303 and "/jobs/" in response.headers["Location"]
    assert run_worker(config, once=True) == 1
    assert doc in ids_of(client, "/api/search?q=thí điểm số hóa hồ sơ lưu trữ")
    shown = client.get(f"/api/documents/{doc}").get_json()
    assert shown["name"] == "Chỉ thị 05 (bản mới).txt" and shown["signer"] == "Đinh Thế Huynh"
    assert len([i for i in ids_of(client, "/api/search?q=05-CT/TW")
                if client.get(f"/api/documents/{i}").get_json()["name"].startswith("Chỉ thị 05 (")]) == 1
    entry = next(e for e in audit.entries(db) if e["action"] == "document.replace")
    assert entry["detail"]["version"]["original_name"] == "Chỉ thị 05 (bản cũ).txt"
    assert Path(entry["detail"]["version"]["stored_path"]).exists()
    history = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert "Lịch sử thay đổi" in history and "thay tệp" in history and "sửa thông tin" in history
    # and, last, who brought it in: the editor who uploaded it
    assert re.search(r"tai-khoan-editor · đưa vào kho: [^<]*Chỉ thị 05 \(bản", history)


def test_an_upload_without_a_title_is_named_by_its_original_name(client, db, config):
    sign_in(client, db)
    body = '{"noi_dung": "Đoàn thanh niên phường ra quân hưởng ứng tháng thanh niên năm 2024."}'
    upload_file(client, "Báo cáo tháng thanh niên.json", body.encode())
    assert run_worker(config, once=True) == 1
    found = client.get("/api/search?q=tháng thanh niên").get_json()["results"]
    assert [r["title"] for r in found] == ["Báo cáo tháng thanh niên"]


def test_the_audit_page_is_for_admins(client, db, docs, app):
    sign_in(client, db, name="bien-tap-vien")
    doc = document_id(docs["chi-thi"])
    edit(client, doc, date="20/11/2016")
    assert client.get("/audit").status_code == 403
    admin = app.test_client()
    sign_in(admin, db, "admin")
    page = admin.get("/audit").get_data(as_text=True)
    assert "Nhật ký thay đổi" in page and "bien-tap-vien" in page and "sửa thông tin" in page
    assert f'href="/documents/{doc}"' in page and "2016-05-15 → 2016-11-20" in page


def test_a_deleted_document_stays_out_when_its_folder_is_ingested_again(client, db, docs, config):
    sign_in(client, db)
    doc = document_id(docs["nghi-quyet"])
    client.post(f"/documents/{doc}/delete",
                data={"csrf_token": csrf_of(client, f"/documents/{doc}/delete")})
    with open(docs["nghi-quyet"], "a", encoding="utf-8") as fh:  # edited, so it is read again
        fh.write("\nNơi nhận: các đảng bộ trực thuộc Trung ương.\n")
    assert ingest([docs["nghi-quyet"].parent], config).ok
    assert client.get(f"/api/documents/{doc}").status_code == 404
    assert ingest([docs["nghi-quyet"].parent], config, rebuild=True).rebuilt
    assert client.get(f"/api/documents/{doc}").status_code == 404
    assert ingest([docs["nghi-quyet"]], config).added == [str(docs["nghi-quyet"])]  # on purpose
    assert client.get(f"/api/documents/{doc}").status_code == 200
    assert ingest([docs["nghi-quyet"].parent], config).ok
    assert client.get(f"/api/documents/{doc}").status_code == 200


def test_a_replaced_file_of_a_folder_does_not_come_back_over_its_replacement(client, db, docs,
                                                                             config):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    new = docs["chi-thi"].read_text(encoding="utf-8") + "\nPhụ lục: lộ trình chuyển đổi số hồ sơ đảng viên.\n"
    client.post(f"/documents/{doc}/replace",
                data={"files": [(io.BytesIO(new.encode()), "Chỉ thị 05 (bản mới).txt")],
                      "csrf_token": csrf_of(client, f"/documents/{doc}/replace")},
                content_type="multipart/form-data")
    assert run_worker(config, once=True) == 1
    with open(docs["chi-thi"], "a", encoding="utf-8") as fh:
        fh.write("\n(bản lưu cũ)\n")
    assert ingest([docs["chi-thi"].parent], config).ok
    shown = client.get(f"/api/documents/{doc}").get_json()
    assert shown["name"] == "Chỉ thị 05 (bản mới).txt"
    assert "lộ trình chuyển đổi số hồ sơ đảng viên" in shown["text"] and "bản lưu cũ" not in shown["text"]


def test_the_next_edit_runs_the_edits_a_busy_writer_left_queued(client, db, docs, config):
    sign_in(client, db)
    doc, other = document_id(docs["chi-thi"]), document_id(docs["nghi-quyet"])
    lock = WriterLock(instance_path(config), role="worker")
    assert lock.acquire()
    try:
        edit(client, doc, date="20/11/2016")
    finally:
        lock.release()  # the worker stopped before taking the job
    edit(client, other, signer="Lê Hồng Anh")
    assert [j.status for j in jobs.recent(db)] == ["done", "done"]
    assert ids_of(client, "/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30") == [doc]
    assert client.get(f"/api/documents/{other}").get_json()["signer"] == "Lê Hồng Anh"


def test_a_corrected_kind_and_title_are_what_the_filters_and_the_search_find(client, db, docs):
    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    edit(client, doc, kind="Kết luận", title="Kết luận về học tập và làm theo gương Bác ở cơ sở")
    assert doc in ids_of(client, "/api/search?q=học tập kind:kết-luận")
    assert doc not in ids_of(client, "/api/search?q=học tập kind:chỉ-thị")
    kinds = client.get("/api/facets?q=học tập").get_json()["facets"]["kind"]
    assert "Kết luận" in {v["value"] for v in kinds}
    assert ids_of(client, "/api/search?q=gương Bác ở cơ sở")[0] == doc
    assert client.get(f"/api/documents/{doc}").get_json()["citation"].startswith("Kết luận")


def test_an_index_held_by_another_tool_keeps_the_correction_and_says_so(client, db, docs, config):
    from kb.index.lock import IndexLock
    from kb.index.store import open_index
    from kb.service import tokens, users

    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    ix = open_index(Path(config["index"]))
    held = IndexLock(ix, Path(config["index"]))  # as `kb doctor --repair` holds it
    assert held.acquire()
    try:
        edit(client, doc, date="20/11/2016")
        page = client.get(f"/documents/{doc}").get_data(as_text=True)
        assert "chưa cập nhật được chỉ mục" in page and corrected_fields(page) == {"date"}
        editor = users.find_user(db, "tai-khoan-editor")
        bearer = {"Authorization": f"Bearer {tokens.create_token(db, editor)[1]}"}
        refused = client.patch(f"/api/documents/{doc}", json={"signer": "Đinh Thế Huynh"},
                               headers=bearer)
        assert refused.status_code == 503 and "chưa cập nhật được chỉ mục" in refused.get_json()["error"]
    finally:
        held.release()
        ix.close()
    edit(client, doc, title="Chỉ thị 05-CT/TW (bản hiệu đính)")  # the next edit brings all along
    assert ids_of(client, "/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30") == [doc]
    hits = client.get("/api/search?q=05-CT/TW").get_json()["results"]
    assert any(r["id"] == doc and r["title"] == "Chỉ thị 05-CT/TW (bản hiệu đính)" for r in hits)


def test_kb_ingest_without_a_worker_runs_the_edits_left_queued(client, db, docs, config,
                                                               monkeypatch):
    from click.testing import CliRunner

    from kb.cli import cli

    sign_in(client, db)
    doc = document_id(docs["chi-thi"])
    lock = WriterLock(instance_path(config), role="worker")
    assert lock.acquire()
    try:
        edit(client, doc, date="20/11/2016")
    finally:
        lock.release()  # the worker stopped; nobody edits after
    assert jobs.recent(db)[0].status == "queued"
    monkeypatch.setenv("KB_INSTANCE_DIR", str(instance_path(config)))
    result = CliRunner().invoke(cli, ["--index", config["index"], "ingest", str(docs["chi-thi"])],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert jobs.recent(db)[0].status == "done"
    assert ids_of(client, "/api/search?q=chỉ thị&from=2016-11-01&to=2016-11-30") == [doc]
    assert corrected_fields(client.get(f"/documents/{doc}").get_data(as_text=True)) == {"date"}

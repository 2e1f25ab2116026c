"""Structured data files read as records: one document per quotation, row or object.

Given the real quotation collections of ../shared/data/hcm (91 sayings in a .jsonl, 12 with year
and source in a .json), when the folder is ingested, then every quotation is a document of its
own (``<file>#<key>``) whose saying reaches the sayings view with its work and year, and the
folder's SOURCE.txt is not indexed. Tables with a header row read the same way; broken records
fail alone; a record removed from its file leaves the index.
"""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.index.sayings_view import collect_sayings, copy_text
from kb.index.search import Searcher
from kb.ingest.document import record_id
from kb.ingest.pipeline import ingest
from kb.ingest.records import RecordsParser

pytestmark = pytest.mark.shared

JSONL = "hcm_quotes_danh-ngon.jsonl"
JSON = "hcm_quotes_HCM202-Assignment.json"
LIMITS = {"max_text_chars": 5_000_000}


@pytest.fixture(scope="module")
def hcm(shared_data) -> Path:
    return shared_data / "hcm"


@pytest.fixture(scope="module")
def hcm_index(tmp_path_factory, hcm):
    """An index of ../shared/data/hcm as it is, with the report of its ingestion."""
    from kb.config import load_config

    from conftest import TEST_SETTINGS

    config = load_config({"index": str(tmp_path_factory.mktemp("hcm") / "index"),
                          **TEST_SETTINGS}, environ={})
    report = ingest([hcm], config)
    with Searcher(config) as searcher:
        docs = {d["path"]: d for d in searcher.all_documents()}
    return config, report, docs


def test_every_quotation_is_a_document_and_source_txt_is_skipped(hcm_index, hcm):
    config, report, docs = hcm_index
    assert report.ok, report.failed
    files = [p.split("#")[0] for p in docs]
    jsonl, json_ = str((hcm / JSONL).resolve()), str((hcm / JSON).resolve())
    assert files.count(jsonl) == 91 and files.count(json_) == 12
    assert len(docs) == 91 + 12 + 2  # and the Tuyên ngôn độc lập and the Di chúc
    assert str((hcm / "SOURCE.txt").resolve()) in {str(Path(p).resolve()) for p in report.excluded}
    assert not any(Path(p).name == "SOURCE.txt" for p in docs)
    # No title or text shows JSON syntax: every record is read through its fields.
    assert not [d["title"] for d in docs.values() if d["title"][:1] in "{[" or '":' in d["title"]]
    assert not [p for p, d in docs.items() if '"author"' in d["text"] or '{"' in d["text"]]


def test_record_paths_and_ids_follow_the_data_conventions(hcm_index, hcm):
    _, _, docs = hcm_index
    first = docs[f"{(hcm / JSONL).resolve()}#hcm-dn-001"]
    assert first["id"] == record_id(hcm / JSONL, "hcm-dn-001")
    assert first["title"].startswith("Trung với nước, hiếu với dân")
    assert first["format"] == "jsonl"
    third = docs[f"{(hcm / JSON).resolve()}#3"]  # no id field: its 1-based position
    assert third["text"].startswith("Nước Việt Nam có quyền hưởng tự do và độc lập")
    assert third["date"] == "1945"
    fields = third["meta"]["fields"]
    assert fields["source"] == "Tuyên ngôn độc lập" and fields["author"] == "Hồ Chí Minh"
    # The English machine translation is kept with the record but not searched as its text.
    assert "en_machine_translation" in first["meta"]["fields"]
    assert "China to the country" not in first["text"]


def test_quotations_reach_the_sayings_view_with_their_work_and_year(hcm_index, hcm):
    config, _, _ = hcm_index
    with Searcher(config) as searcher:
        data = collect_sayings(searcher, query="Tất cả các dân tộc trên thế giới đều sinh ra bình đẳng")
        every = collect_sayings(searcher)["sayings"]
    saying = data["sayings"][0]
    assert saying["text"].startswith("Tất cả các dân tộc trên thế giới đều sinh ra bình đẳng")
    assert saying["work"] == "Tuyên ngôn độc lập" and saying["year"] == "1945"
    assert saying["sources"][0]["name"] == f"{JSON}#2"
    assert copy_text(saying).endswith("(Hồ Chí Minh, Tuyên ngôn độc lập, 1945; nguồn: "
                                      f"{saying['sources'][0]['title']})")
    # The same saying in both collections is one entry with both records as sources.
    twice = next(s for s in every if s["text"].startswith("Không có gì quý hơn độc lập"))
    assert len(twice["sources"]) == 2 and twice["year"] == "1965"
    # Every one of the 103 quotations is there (the view merges the repeated ones).
    assert sum(len(s["sources"]) for s in every) >= 103


def test_kb_sayings_finds_a_quotation_of_the_jsonl(hcm_index, hcm):
    config, _, _ = hcm_index
    runner = CliRunner()
    result = runner.invoke(cli, ["--index", config["index"], "sayings", "thà hy sinh tất cả"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Tác phẩm: Lời kêu gọi toàn quốc kháng chiến, 1946" in result.output
    result = runner.invoke(cli, ["--index", config["index"], "sayings", "Trung với nước, hiếu với dân"],
                           catch_exceptions=False)
    assert "“Trung với nước, hiếu với dân, nhiệm vụ nào cũng hoàn thành" in result.output
    assert f"{(hcm / JSONL).resolve()}#hcm-dn-001" in result.output
    result = runner.invoke(cli, ["--index", config["index"], "sayings", "Không có gì quý hơn độc lập"],
                           catch_exceptions=False)
    assert "Năm: 1965" in result.output  # no work is given for it: the year alone


def test_quotation_records_are_found_by_search_with_their_author(hcm_index):
    config, _, _ = hcm_index
    with Searcher(config) as searcher:
        hits = searcher.search("Lời kêu gọi toàn quốc kháng chiến", limit=3).results
    assert hits[0].path.endswith(f"{JSON}#5")


# --- files written for the tests --------------------------------------------------------------

def _csv(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_a_header_is_read_as_records(tmp_path, make_config):
    table = _csv(tmp_path / "vb" / "van-ban.csv",
                 "Số hiệu,Tiêu đề,Ngày ban hành,Nội dung\n"
                 "05-CT/TW,Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh,15/05/2016,"
                 "\"Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
                 "trong toàn Đảng, toàn dân.\"\n"
                 "04-NQ/TW,\"Nghị quyết về tăng cường xây dựng, chỉnh đốn Đảng\",30/10/2016,"
                 "\"Ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống.\"\n")
    config = make_config()
    report = ingest([table.parent], config)
    assert report.ok, report.failed
    with Searcher(config) as searcher:
        docs = {d["path"]: d for d in searcher.all_documents()}
        hit = searcher.search("suy thoái tư tưởng chính trị").results[0]
    assert set(docs) == {f"{table.resolve()}#1", f"{table.resolve()}#2"}
    second = docs[f"{table.resolve()}#2"]
    assert second["title"] == "Nghị quyết về tăng cường xây dựng, chỉnh đốn Đảng"
    assert second["date"] == "2016-10-30" and second["format"] == "csv"
    assert second["meta"]["fields"]["Số hiệu"] == "04-NQ/TW"
    assert hit.path == f"{table.resolve()}#2"


def test_headerless_csv_stays_one_document(tmp_path, make_config):
    table = _csv(tmp_path / "t" / "so-lieu.csv", "Hải Phòng,2023,1250\nHà Nội,2023,3400\n")
    assert RecordsParser().score(table, table.read_bytes()) == 0.0
    config = make_config()
    assert ingest([table.parent], config).added == [str(table.resolve())]


def test_quotation_table_with_vietnamese_field_names_gives_sayings(tmp_path, make_config):
    table = _csv(tmp_path / "q" / "loi-bac.tsv",
                 "cau_noi\ttac_gia\ttac_pham\tnam\n"
                 "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người\t"
                 "Hồ Chí Minh\tBài nói chuyện tại lớp học chính trị của giáo viên\t1958\n"
                 "Học, học nữa, học mãi\tLênin\t\t\n")
    config = make_config()
    assert ingest([table.parent], config).ok
    with Searcher(config) as searcher:
        sayings = collect_sayings(searcher)["sayings"]
    assert [(s["text"][:30], s["work"], s["year"]) for s in sayings] == [
        ("Vì lợi ích mười năm thì phải t", "Bài nói chuyện tại lớp học chính trị của giáo viên", "1958")]


def test_nested_json_and_json_that_holds_no_records(tmp_path, shared_data):
    nested = tmp_path / "tap-san.json"
    nested.write_text(json.dumps({"nguon": "Tạp chí Cộng sản", "so": 12, "du_lieu": {"bai": [
        {"tieu_de": "Phát huy vai trò của Mặt trận Tổ quốc", "noi_dung": "Mặt trận Tổ quốc Việt Nam "
         "là tổ chức liên minh chính trị, liên hiệp tự nguyện của các tổ chức chính trị - xã hội."},
        {"tieu_de": "Xây dựng nông thôn mới", "noi_dung": "Chương trình mục tiêu quốc gia về xây dựng "
         "nông thôn mới đã đạt được nhiều kết quả quan trọng trong giai đoạn vừa qua."}]}},
        ensure_ascii=False), encoding="utf-8")
    parsed = RecordsParser().parse(nested, LIMITS)
    assert [(r.key, r.title) for r in parsed.records] == [
        ("1", "Phát huy vai trò của Mặt trận Tổ quốc"), ("2", "Xây dựng nông thôn mới")]
    # A package manifest and a list of words are one document each, of their string values.
    package = RecordsParser().parse(
        shared_data / "stopwords" / "stopwords_vietnamese-stopwords" / "package.json", LIMITS)
    assert package.title == "vietnamese-stopwords" and "Vietnamese stopwords" in package.text
    words = RecordsParser().parse(
        shared_data / "stopwords" / "stopwords-iso_stopwords-vi" / "stopwords-vi.json", LIMITS)
    assert "bao giờ" in words.text.splitlines() and not any(c in words.text for c in '[]{}"')


def test_a_malformed_jsonl_line_fails_alone_with_its_line_number(tmp_path, hcm, make_config):
    lines = (hcm / JSONL).read_text(encoding="utf-8").splitlines()[:5]
    lines[2] = lines[2][:40]  # cut in the middle of its text
    broken = tmp_path / "d" / "quotes.jsonl"
    broken.parent.mkdir()
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "d" / "bad.json").write_text('{"text": "Đoàn kết, đoàn kết, đại đoàn kết",\n  "author" }',
                                             encoding="utf-8")
    shutil.copy(hcm / "hcm_texts" / "tuyen_ngon_doc_lap_1945__tnt305_32dcc95ba34c555b.md",
                tmp_path / "d" / "tuyen-ngon.md")
    config = make_config()
    report = ingest([broken.parent], config)
    failed = dict(report.failed)
    assert failed[str(broken.resolve())].startswith("dòng 3: JSON không hợp lệ")
    assert failed[str((tmp_path / "d" / "bad.json").resolve())] == "JSON không hợp lệ ở dòng 2, cột 12"
    assert sorted(p.rsplit("#", 1)[1] for p in report.added if "#" in p) == [
        "hcm-dn-001", "hcm-dn-002", "hcm-dn-004", "hcm-dn-005"]
    assert str((tmp_path / "d" / "tuyen-ngon.md").resolve()) in report.added


def test_reingest_removes_a_record_gone_from_its_file_and_skips_unchanged(tmp_path, hcm, make_config):
    folder = tmp_path / "hcm"
    folder.mkdir()
    quotes = folder / JSONL
    shutil.copy(hcm / JSONL, quotes)
    config = make_config()
    assert len(ingest([folder], config).added) == 91
    with Searcher(config) as searcher:
        assert [s for s in collect_sayings(searcher)["sayings"] if s["text"].startswith("Không có việc gì khó")]
    again = ingest([folder], config)
    assert again.unchanged == [str(quotes.resolve())] and not again.added and not again.updated
    lines = quotes.read_text(encoding="utf-8").splitlines()
    quotes.write_text("\n".join(line for line in lines if '"hcm-dn-002"' not in line) + "\n",
                      encoding="utf-8")
    report = ingest([quotes], config)  # named explicitly: no folder sweep does the removal
    assert report.removed == [f"{quotes.resolve()}#hcm-dn-002"] and len(report.updated) == 90
    with Searcher(config) as searcher:
        assert searcher.doc_count == 90
        texts = [s["text"] for s in collect_sayings(searcher)["sayings"]]
    assert not [t for t in texts if t.startswith("Không có việc gì khó")]
    assert [t for t in texts if t.startswith("Trung với nước")]


def test_a_broken_line_keeps_the_records_it_may_hold(tmp_path, hcm, make_config):
    quotes = tmp_path / "q" / JSONL
    quotes.parent.mkdir()
    lines = (hcm / JSONL).read_text(encoding="utf-8").splitlines()[:4]
    quotes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = make_config()
    ingest([quotes.parent], config)
    lines[1] = lines[1].replace('"vi":', '"vi"')  # hcm-dn-002 breaks
    quotes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([quotes.parent], config)
    assert not report.removed and len(report.failed) == 1
    with Searcher(config) as searcher:
        assert searcher.doc_count == 4


def test_repeated_ids_fail_the_repeat_only(tmp_path):
    data = tmp_path / "lap.jsonl"
    data.write_text('{"id": "a", "text": "Cần, kiệm, liêm, chính, chí công vô tư"}\n'
                    '{"id": "a", "text": "Đoàn kết, đoàn kết, đại đoàn kết"}\n', encoding="utf-8")
    parsed = RecordsParser().parse(data, LIMITS)
    assert [r.key for r in parsed.records] == ["a"]
    assert parsed.failures[0].user_reason == "dòng 2: mã «a» trùng với dòng 1"


def test_files_read_by_older_parsers_are_read_again(tmp_path, hcm, make_config, monkeypatch):
    import kb.ingest.known

    folder = tmp_path / "hcm"
    folder.mkdir()
    shutil.copy(hcm / JSON, folder / JSON)
    config = make_config()
    ingest([folder], config)
    monkeypatch.setattr(kb.ingest.known, "READERS_VERSION", "next")  # parsers changed since
    report = ingest([folder], config)
    assert not report.unchanged and len(report.updated) == 12


def test_spreadsheet_table_with_a_header_is_read_as_records(tmp_path, make_config):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Tên văn bản", "Trích yếu nội dung", None])
    sheet.append([1, "Quy định 08-QĐi/TW", "Trách nhiệm nêu gương của cán bộ, đảng viên, trước hết "
                  "là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương", None])
    sheet.append([2, "Chỉ thị 05-CT/TW", "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
                  "Hồ Chí Minh", None])
    target = tmp_path / "x" / "danh-muc.xlsx"
    target.parent.mkdir()
    book.save(target)
    config = make_config()
    report = ingest([target.parent], config)
    assert report.ok and sorted(report.added) == [f"{target.resolve()}#1", f"{target.resolve()}#2"]
    with Searcher(config) as searcher:
        hit = searcher.search("nêu gương").results[0]
    assert hit.title == "Quy định 08-QĐi/TW" and hit.path.endswith("#1")


def test_record_page_and_sayings_page_show_the_record(hcm_index, hcm):
    from kb.web import create_app

    config, _, docs = hcm_index
    client = create_app({"index": config["index"], "TESTING": True}).test_client()
    record = docs[f"{(hcm / JSON).resolve()}#5"]
    page = client.get(f"/documents/{record['id']}").get_data(as_text=True)
    assert "Không! Chúng ta thà hy sinh tất cả" in page
    assert "Lời kêu gọi toàn quốc kháng chiến" in page and "Dữ liệu JSON" in page
    assert "Các trường của bản ghi" in page
    sayings = client.get("/sayings", query_string={"q": "thà hy sinh tất cả"}).get_data(as_text=True)
    assert "Lời kêu gọi toàn quốc kháng chiến, 1946" in sayings
    assert f"/documents/{record['id']}" in sayings

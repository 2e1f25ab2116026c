"""The command line, through click's runner: messages in Vietnamese and the pinned JSON contract."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli

#: The CLI is the server's operator: its results say where each file is, besides its name.
RESULT_KEYS = {"id", "path", "name", "title", "kind", "date", "score", "snippet", "section"}


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, corpus_index, *args):
    return runner.invoke(cli, ["--index", corpus_index["index"], *args], catch_exceptions=False)


def test_search_json_contract(runner, corpus_index):
    result = run(runner, corpus_index, "search", "phụng công thủ pháp", "--json", "--limit", "3")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert {"query", "total", "results"} <= set(data)
    assert data["query"] == "phụng công thủ pháp" and data["total"] >= 1
    for hit in data["results"]:
        assert set(hit) == RESULT_KEYS
        assert Path(hit["path"]).is_absolute() and Path(hit["path"]).exists()
    assert "<mark>" in data["results"][0]["snippet"]


def test_queries_file_prints_one_object_per_line_in_order(runner, corpus_index, tmp_path):
    queries = ["05-CT/TW", "phung cong thu phap", '"unbalanced', "lương y phải như từ mẫu"]
    qfile = tmp_path / "q.txt"
    qfile.write_text("\n".join(queries) + "\n", encoding="utf-8")
    result = run(runner, corpus_index, "search", "--json", "--queries-file", str(qfile))
    lines = result.output.strip().splitlines()
    assert [json.loads(line)["query"] for line in lines] == queries


def test_human_output_and_no_results_message(runner, corpus_index):
    found = run(runner, corpus_index, "search", "chỉ thị 05")
    assert "kết quả" in found.output and "id:" in found.output
    none = run(runner, corpus_index, "search", "xyzzyqwerty")
    assert "Không tìm thấy tài liệu nào" in none.output


def test_show_json_has_metadata_and_clean_text(runner, corpus_index, corpus_dir):
    path = corpus_dir / "dang/chi-thi-05-ct-tw-2016.txt"
    result = run(runner, corpus_index, "show", str(path), "--json")
    view = json.loads(result.output)
    assert view["kind"] == "Chỉ thị" and view["number"] == "05-CT/TW" and view["date"] == "2016-05-15"
    assert "học tập và làm theo tư tưởng" in view["text"]
    by_id = json.loads(run(runner, corpus_index, "show", view["id"], "--json").output)
    assert by_id["path"] == view["path"]


def test_show_unknown_document_fails_in_vietnamese(runner, corpus_index):
    result = runner.invoke(cli, ["--index", corpus_index["index"], "show", "khong-co-id"])
    assert result.exit_code != 0 and "Không tìm thấy tài liệu" in result.output


def test_stats_counts_kinds(runner, corpus_index):
    data = json.loads(run(runner, corpus_index, "stats", "--json").output)
    assert data["documents"] >= 40 and data["kinds"]["Biên bản"] >= 24


def test_ingest_reports_and_exits_non_zero_on_failure(runner, tmp_path, corpus_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "chi-thi.txt").write_text((corpus_dir / "dang/chi-thi-05-ct-tw-2016.txt")
                                      .read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    result = runner.invoke(cli, ["--index", str(tmp_path / "ix"), "ingest", str(docs)])
    assert result.exit_code == 1
    assert "Thêm mới: 1" in result.output and "Lỗi: 1" in result.output
    assert "hong.pdf" in result.output


def test_search_without_index_says_what_to_run(runner, tmp_path):
    result = runner.invoke(cli, ["--index", str(tmp_path / "none"), "search", "chỉ thị"])
    assert result.exit_code != 0 and "kb ingest" in result.output


def test_index_location_from_environment(runner, corpus_index, monkeypatch):
    monkeypatch.setenv("KB_INDEX", corpus_index["index"])
    result = runner.invoke(cli, ["search", "05-CT/TW", "--json"])
    assert json.loads(result.output)["total"] >= 1


def test_python_dash_m_kb_runs(corpus_index):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "kb", "--index", corpus_index["index"], "stats"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "Số tài liệu" in out.stdout

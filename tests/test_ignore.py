"""Files left out of ingested folders: kb's default list, .kbignore files and --exclude.

Given a folder of real documents beside the files that describe it (SOURCE.txt, README.md,
LICENSE, index.jsonl), when it is ingested, then only the documents are indexed, the others are
counted as skipped by rule, and users can change the rules with .kbignore or --exclude.
"""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.errors import ConfigError
from kb.index.search import Searcher
from kb.ingest.ignore import IgnoreRules
from kb.ingest.pipeline import ingest, iter_files

DIRECTIVE = "dang/chi-thi-05-ct-tw-2016.txt"
RESOLUTION = "dang/nghi-quyet-04-nq-tw-2016.txt"
ABOUT = ("SOURCE.txt", "README.md", "LICENSE", "index.jsonl", "Readme.TXT", "CHANGELOG.md")


@pytest.fixture
def folder(tmp_path, corpus_dir):
    """Two real documents, a draft folder, and the files that describe the collection."""
    target = tmp_path / "kho"
    (target / "nhap").mkdir(parents=True)
    shutil.copy(corpus_dir / DIRECTIVE, target / "chi-thi.txt")
    shutil.copy(corpus_dir / RESOLUTION, target / "nhap" / "nghi-quyet.txt")
    for name in ABOUT:
        (target / name).write_text('{"file": "chi-thi.txt", "nguồn": "Văn phòng Trung ương Đảng"}\n'
                                   if name.endswith("jsonl") else "Nguồn: Văn phòng Trung ương Đảng.\n",
                                   encoding="utf-8")
    return target


def names(config) -> set[str]:
    with Searcher(config) as searcher:
        return {Path(d["path"]).name for d in searcher.all_documents()}


def test_files_about_the_collection_are_skipped_by_default(folder, make_config):
    config = make_config()
    report = ingest([folder], config)
    assert report.ok, report.failed
    assert names(config) == {"chi-thi.txt", "nghi-quyet.txt"}
    assert sorted(Path(p).name for p in report.excluded) == sorted(ABOUT)


def test_a_file_named_on_the_command_line_is_ingested_anyway(folder, make_config):
    config = make_config()
    report = ingest([folder / "SOURCE.txt"], config)
    assert report.added == [str((folder / "SOURCE.txt").resolve())] and not report.excluded


def test_kbignore_skips_and_brings_back_files(folder, make_config):
    (folder / ".kbignore").write_text("# bản nháp\nnhap/\n!README.md\n", encoding="utf-8")
    config = make_config()
    ingest([folder], config)
    assert names(config) == {"chi-thi.txt", "README.md"}
    # A .kbignore deeper down applies to its own folder, relative to it.
    (folder / ".kbignore").write_text("!README.md\n", encoding="utf-8")
    (folder / "nhap" / ".kbignore").write_text("nghi-*.txt\n", encoding="utf-8")
    shutil.copy(folder / "chi-thi.txt", folder / "nhap" / "chi-thi-ban-sao.txt")
    report = ingest([folder], config)
    assert names(config) == {"chi-thi.txt", "README.md", "chi-thi-ban-sao.txt"}
    assert str((folder / "nhap" / "nghi-quyet.txt")) in report.excluded


def test_exclude_patterns_skip_files_and_remove_them_from_the_index(folder, make_config):
    config = make_config()
    ingest([folder], config)
    report = ingest([folder], config, exclude=["nhap/", "*.md"])
    assert names(config) == {"chi-thi.txt"}
    assert report.removed == [str((folder / "nhap" / "nghi-quyet.txt").resolve())]


def test_cli_exclude_is_repeatable_and_the_count_is_reported(folder, tmp_path):
    result = CliRunner().invoke(cli, ["--index", str(tmp_path / "ix"), "ingest", str(folder),
                                      "--exclude", "nhap/", "--exclude", "README.md"])
    assert result.exit_code == 0, result.output
    assert "Thêm mới: 1 " in result.output
    assert f"Bỏ qua {len(ABOUT) + 1} tệp theo quy tắc loại trừ" in result.output


def test_a_bad_pattern_is_a_clear_error(folder, make_config):
    with pytest.raises(ConfigError, match="--exclude"):
        list(iter_files(folder, ["!"]))
    (folder / ".kbignore").write_text("!\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.kbignore"):
        list(iter_files(folder))


def test_default_rules_match_names_in_any_case_at_any_depth(tmp_path):
    rules = IgnoreRules(tmp_path)
    for name in ("SOURCE.txt", "source.TXT", "docs/README.md", "LICENSE", "a/b/index.json",
                 "data/source_paths.txt", "MANIFEST.in"):
        assert rules.skips(tmp_path / name), name
    for name in ("chi-thi-05.txt", "source-code.txt", "bao-cao-index.txt", "hcm_quotes.jsonl"):
        assert not rules.skips(tmp_path / name), name

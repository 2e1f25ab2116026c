"""Broken and hostile files end in a clear per-file error, in bounded time and memory.

Given a folder of good Vietnamese documents already in the index, when hostile files are added
(truncated, corrupt, encrypted, zip bombs, huge, mislabelled, empty, junk, nested past reason,
too slow to parse, too hungry for memory), then each fails alone with a Vietnamese reason, the
rest of the batch is ingested and nothing already in the index is lost.
"""

import os
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from kb.errors import IngestError, ParseError, UnsupportedFormat
from kb.ingest import sandbox
from kb.ingest.pipeline import ingest, read_document

PARSERS = Path(__file__).parent / "data" / "parsers"


def _bomb(path: Path, megabytes: int) -> Path:
    """A DOCX whose document.xml inflates from ~1 KB per MB to ``megabytes`` MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as out:
            block = b"<w:t>" + b"a" * (1 << 20)
            for _ in range(megabytes):
                out.write(block)
    return path


def _nested_html(path: Path, depth: int) -> Path:
    path.write_text("<html><body>" + "<div>" * depth + "Văn bản lồng nhau" + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    return path


def _hostile(folder: Path) -> dict[str, Path]:
    pdf = (PARSERS / "quyet-dinh.pdf").read_bytes()
    files = {
        "truncated.pdf": pdf[: len(pdf) // 2],
        "corrupt.docx": (PARSERS / "ke-hoach.docx").read_bytes()[:3000],
        "encrypted-secret.pdf": (PARSERS / "encrypted-secret.pdf").read_bytes(),
        "empty.pdf": b"",
        "junk.docx": bytes(range(256)) * 40,
    }
    made = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        made[name] = folder / name
    made["bomb.docx"] = _bomb(folder / "bomb.docx", 300)
    huge = folder / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # sparse: 60 MB on paper, no disk used
    made["huge.txt"] = huge
    return made


EXPECTED_REASONS = {
    "truncated.pdf": "tệp PDF bị hỏng hoặc không đầy đủ",
    "corrupt.docx": "tệp DOCX bị hỏng",
    "encrypted-secret.pdf": "tệp PDF được mã hoá, cần mật khẩu",
    "empty.pdf": "tệp rỗng",
    "bomb.docx": "vượt giới hạn 200 MB",
    "huge.txt": "tệp lớn hơn giới hạn 50 MB",
}


def test_hostile_files_fail_alone_and_the_index_keeps_its_documents(tmp_path, make_config):
    from kb.index.search import Searcher

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(PARSERS / "quyet-dinh.pdf", folder / "quyet-dinh.pdf")
    shutil.copy(PARSERS / "ke-hoach.docx", folder / "ke-hoach.docx")
    config = make_config()
    assert ingest([folder], config).ok
    with Searcher(config) as searcher:
        assert searcher.search("quản lý khoáng sản").total == 1
        assert searcher.search("quy hoạch cụm công nghiệp").total == 1

    made = _hostile(folder)
    shutil.copy(PARSERS / "quyet-dinh.pdf", folder / "pdf-goi-nham.docx")  # a PDF named .docx
    shutil.copy(PARSERS / "encrypted-empty.pdf", folder / "mat-khau-rong.pdf")
    report = ingest([folder], config)

    reasons = dict(report.failed)
    for name, expected in EXPECTED_REASONS.items():
        assert expected in reasons[str(made[name].resolve())], name
    # Unrecognised junk in a folder is skipped (reported as such), not an error.
    assert str(made["junk.docx"].resolve()) in report.skipped
    good = {str((folder / n).resolve()) for n in ("pdf-goi-nham.docx", "mat-khau-rong.pdf")}
    assert good <= set(report.added)
    with Searcher(config) as searcher:
        assert searcher.search("quản lý khoáng sản").total == 1  # nothing was lost
        # The original PDF, its copy named .docx (read as a PDF all the same) and the
        # copy encrypted with an empty user password (opened without asking).
        assert searcher.search("quy hoạch cụm công nghiệp").total == 3
        for path in good:
            assert searcher.document_at(path)["path"] == path


def test_a_parser_that_runs_too_long_is_stopped_and_the_worker_recovers(tmp_path, make_config):
    # A named pipe nobody writes to: the worker blocks opening it until it is killed, however
    # fast or slow the machine is, so the outcome does not depend on its speed.
    never = tmp_path / "khong-bao-gio-xong.html"
    os.mkfifo(never)
    with pytest.raises(ParseError) as err:
        read_document(never, make_config(parse_timeout=0.5))
    assert "đọc tệp quá 0.5 giây" in err.value.user_reason
    # The next file is served by a fresh worker (given the default, generous time).
    doc = read_document(PARSERS / "quyet-dinh.pdf", make_config())
    assert "phê duyệt quy hoạch cụm công nghiệp" in doc.text


def test_deeply_nested_html_ends_in_its_own_outcome(tmp_path, make_config):
    # 60,000 nested elements: read or refused with a reason, never a crash of the batch.
    nested = _nested_html(tmp_path / "long-nhau.html", 60_000)
    try:
        doc = read_document(nested, make_config())
    except ParseError as exc:
        assert exc.user_reason and exc.path == str(nested)
    else:
        assert "Văn bản lồng nhau" in doc.text


def test_a_parser_that_needs_too_much_memory_is_stopped(tmp_path, make_config):
    big = tmp_path / "lon.txt"
    line = "Ủy ban nhân dân tỉnh chỉ đạo các sở, ban, ngành triển khai thực hiện.\n"
    big.write_text(line * 400_000, encoding="utf-8")  # ~30 MB of text
    config = make_config(max_parse_memory_mb=150, max_file_mb=100)
    with pytest.raises(ParseError) as err:
        read_document(big, config)
    assert err.value.user_reason == "tệp cần quá nhiều bộ nhớ để đọc (có thể là tệp độc hại)"
    # The next file, under the same cap, is read by a fresh worker.
    doc = read_document(PARSERS / "ke-hoach.docx", config)
    assert "quản lý khoáng sản" in doc.text


def _junk(seed: int) -> bytes:
    """4 KiB of fixed random bytes (a random draw spells "<p " or "<br>" about once in 260)."""
    return random.Random(seed).randbytes(4096).replace(b"%PDF-", b"xxxxx")


def test_errors_keep_their_class_across_the_process_boundary(tmp_path, make_config):
    junk = tmp_path / "rac.bin"
    junk.write_bytes(_junk(1))
    with pytest.raises(UnsupportedFormat) as err:
        sandbox.parse(junk, make_config())
    assert err.value.path == str(junk)
    assert isinstance(err.value, IngestError)


def test_a_crashed_worker_is_replaced(make_config):
    config = make_config()
    sandbox.parse(PARSERS / "ke-hoach.docx", config)
    worker = sandbox._WORKER
    worker._process.kill()
    worker._process.wait()
    doc = sandbox.parse(PARSERS / "ke-hoach.docx", config)
    assert "quản lý khoáng sản" in doc.text


def test_binary_junk_that_spells_a_tag_is_no_web_page(tmp_path, make_config):
    # Binary bytes holding "<p " or "<br>" by chance were read as an HTML page.
    for n, tag in enumerate([b"<p class=x>", b"<br>", b"<div>", b"<title>"]):
        junk = tmp_path / f"rac-{n}.bin"
        data = _junk(n)
        junk.write_bytes(data[:2000] + tag + data[2000:])
        with pytest.raises(UnsupportedFormat) as err:
            sandbox.parse(junk, make_config())
        assert err.value.path == str(junk)

"""Ids are ids, and readers never see where files are on the server.

Given the session index of the bundled corpus (with minutes and sayings) and the web app over
it, when a document route gets an id that is no id (a NUL byte, a file name, a path, far too
long), then it answers 404 in Vietnamese (HTML page or JSON error) without looking at the file
system; and no page or JSON answer of any route holds the server's folders. The CLI, run by the
server's operator, still finds a document by its path and shows it.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from kb.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CHI_THI_05 = ROOT / "corpus" / "dang" / "chi-thi-05-ct-tw-2016.txt"


def chi_thi_id() -> str:
    from kb.ingest.document import document_id

    return document_id(CHI_THI_05)


@pytest.mark.parametrize("bad", ["ab\x00cd", "\x00", "000000000000\x00", "x" * 5000,
                                 "..", "chỉ thị 05", "<script>", "a b"])
@pytest.mark.parametrize("prefix", ["/api/documents/", "/documents/"])
def test_a_malformed_id_is_a_404_in_vietnamese(client, prefix, bad):
    response = client.get(prefix + quote(bad, safe=""))
    assert response.status_code == 404
    said = "không phải là mã tài liệu"
    if prefix.startswith("/api/"):
        body = response.get_json()
        assert body["ok"] is False and body["status"] == 404
        assert said in body["error"] and "\x00" not in body["error"]
    else:
        page = response.get_data(as_text=True)
        assert response.mimetype == "text/html" and "\x00" not in page
        assert said in page


def test_a_file_name_is_not_an_id_even_beside_the_file(client, monkeypatch):
    # Read as a path, "chi-thi-05-ct-tw-2016.txt" named the directive when the server ran in
    # its folder; an id is only ever looked up as an id.
    monkeypatch.chdir(CHI_THI_05.parent)

    def no_file_system(*_, **__):
        raise AssertionError("a document route looked at the file system")

    monkeypatch.setattr(Path, "resolve", no_file_system)
    for prefix in ("/api/documents/", "/documents/"):
        assert client.get(prefix + CHI_THI_05.name).status_code == 404
    monkeypatch.undo()
    assert client.get("/api/documents/" + chi_thi_id()).status_code == 200


def test_no_answer_shows_the_servers_folders(client, corpus_index):
    doc = chi_thi_id()
    urls = ["/?q=chỉ thị 05", "/?q=lương y", "/api/search?q=chỉ thị 05&facets=1",
            f"/documents/{doc}", f"/api/documents/{doc}", "/api/stats",
            "/minutes", "/minutes?unit=khu dan cu so 3", "/api/minutes?unit=khu dan cu so 3",
            "/api/minutes?q=chỉ thị 05", "/sayings", "/api/sayings?q=lương y",
            "/api/suggest?q=05-", "/api/documents/khong-co", "/documents/khong-co"]
    folders = {str(ROOT), str(Path(corpus_index["index"]).resolve()), str(ROOT.parent)}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = response.get_data(as_text=True)
        assert not [f for f in folders if f in text], url
        if response.mimetype == "application/json":
            assert '"path":' not in json.dumps(response.get_json()), url


def test_the_document_json_names_its_file(client):
    body = client.get("/api/documents/" + chi_thi_id()).get_json()
    assert body["name"] == "chi-thi-05-ct-tw-2016.txt" and "path" not in body


def test_the_cli_still_shows_a_document_by_its_path(corpus_index):
    out = CliRunner().invoke(cli, ["--index", corpus_index["index"], "show", str(CHI_THI_05),
                                   "--json"])
    assert out.exit_code == 0, out.output
    view = json.loads(out.output)
    assert view["id"] == chi_thi_id() and view["path"] == str(CHI_THI_05)
    assert view["name"] == CHI_THI_05.name


def test_the_cli_gives_a_vietnamese_error_for_a_path_with_a_nul_byte(corpus_index):
    out = CliRunner().invoke(cli, ["--index", corpus_index["index"], "show", "corpus/\x00x.txt"])
    assert out.exit_code != 0 and "Không tìm thấy tài liệu" in out.output
    assert "Traceback" not in out.output

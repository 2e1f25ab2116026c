"""A non-editable install carries the data the code reads (stopwords, vocabulary, sectors)."""

import subprocess
import sys
import zipfile

import pytest


@pytest.mark.slow
def test_wheel_ships_stopwords_and_data(tmp_path):
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                          str(root)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    wheel = next(tmp_path.glob("kb-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kb/data/stopwords/vi.txt" in names
    assert "kb/data/aliases.toml" in names and "kb/data/sectors.toml" in names
    assert "kb/data/default.kbignore" in names
    assert "kb/web/templates/search.html" in names
    assert "kb/web/templates/auth/login.html" in names
    assert "kb/service/migrations/0001_initial.sql" in names
    assert "kb/service/migrations/0002_editing.sql" in names
    assert "kb/web/templates/edit.html" in names
    assert any(n.endswith("entry_points.txt") for n in names)

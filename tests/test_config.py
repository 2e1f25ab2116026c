"""The settings table: load order, errors, and the README kept in step with it."""

import re
from pathlib import Path

import pytest

from kb.config import SETTINGS, load_config
from kb.errors import ConfigError

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_settings_table_matches_the_code():
    rows = re.findall(r"^\| `(\w+)` \| `(KB_\w+)` \| `([^`]*)` \|", README.read_text(encoding="utf-8"), re.M)
    assert rows == [(s.name, s.env, str(s.default)) for s in SETTINGS]


def test_order_defaults_file_environment_override(tmp_path):
    toml = tmp_path / "kb.toml"
    toml.write_text('page_size = 20\nport = 6000\nindex = "/tmp/tu-tep"\n', encoding="utf-8")
    env = {"KB_CONFIG": str(toml), "KB_PORT": "7000", "KB_INDEX": "/tmp/tu-moi-truong"}
    config = load_config({"index": "/tmp/tu-tham-so"}, environ=env)
    assert config["page_size"] == 20  # file
    assert config["port"] == 7000  # environment beats file
    assert config["index"] == "/tmp/tu-tham-so"  # override beats environment
    assert load_config(environ={})["port"] == 5000  # default


@pytest.mark.parametrize("env", [{"KB_PORT": "năm nghìn"}, {"KB_CONFIG": "__toml__"}])
def test_bad_values_are_clear_errors(tmp_path, env):
    if env.get("KB_CONFIG") == "__toml__":
        bad = tmp_path / "kb.toml"
        bad.write_text("khong_co_thiet_lap = 1\n", encoding="utf-8")
        env = {"KB_CONFIG": str(bad)}
    with pytest.raises(ConfigError) as err:
        load_config(environ=env)
    assert "Cấu hình" in err.value.user_message()

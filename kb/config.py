"""Configuration in one place: a table of (name, default, help) read from
defaults, then a TOML file, then ``KB_*`` environment variables, then a test override.

The README's settings table is checked against :data:`SETTINGS` by a test.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from kb.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One configurable value."""

    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        """The environment variable that overrides this setting."""
        return "KB_" + self.name.upper()


def _bool(value: str) -> bool:
    word = str(value).strip().lower()
    if word in {"1", "true", "yes", "on"}:
        return True
    if word in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")


SETTINGS: tuple[Setting, ...] = (
    Setting("index", ".kb-index", "Directory of the search index.", str),
    Setting("config", "kb.toml", "TOML file read for settings (only via KB_CONFIG).", str),
    Setting("host", "127.0.0.1", "Address `kb serve` listens on.", str),
    Setting("port", 5000, "Port `kb serve` listens on.", int),
    Setting("serve_processes", 0, "Processes `kb serve` answers requests in: 0 = one per core, "
            "at most 4 (searches are CPU-bound Python: one process uses one core).", int),
    Setting("serve_threads", 4, "Threads per `kb serve` process.", int),
    Setting("page_size", 10, "Results per page in the web UI and the default `--limit`.", int),
    Setting("max_page_size", 100, "Largest page size the API accepts.", int),
    Setting("max_export_rows", 1000, "Most results a CSV export of a search holds (the first ones, "
            "in the order shown).", int),
    Setting("max_query_chars", 1000, "Longer queries are cut to this many characters.", int),
    Setting("query_budget_ms", 2000, "Time (ms) one search may take; past it the results ranked so "
            "far are returned, marked partial (0: no limit).", float),
    Setting("postings_cache_mb", 256, "Memory (MB) kept for decoded posting lists of the searched index.", float),
    Setting("snippet_chars", 240, "Approximate length of a result snippet.", int),
    Setting("max_file_mb", 50, "Files larger than this (MB) are refused.", float),
    Setting("max_text_chars", 5_000_000, "Extracted text longer than this is cut.", int),
    Setting("max_unzipped_mb", 200, "Largest uncompressed size of a DOCX/XLSX (zip bomb guard).", float),
    Setting("parse_timeout", 120, "Seconds a parser may spend on one file.", float),
    Setting("max_parse_memory_mb", 2048, "Memory (MB) the parser's child process may use.", float),
    Setting("ocr", "auto", "OCR of scanned PDF pages: `auto` (when Tesseract is installed) or `never`.", str),
    Setting("ocr_timeout", 120, "Seconds OCR may spend on one page.", float),
    Setting("ocr_max_pages", 50, "Most pages OCR'd in one document; later pages stay unread (listed by `kb ingest` and on the document page).", int),
    Setting("title_boost", 3.0, "BM25F weight of the title field.", float),
    Setting("stopwords", "kb", "Stopword list: `kb` (curated for Party writing) or `none`.", str),
    Setting("workers", 0, "Processes analysing and indexing documents during ingestion: "
            "0 = automatic (one per core, at most 4; none for small batches), 1 = none.", int),
    Setting("checkpoint_docs", 500, "Ingestion commits after this many new or changed documents "
            "(0 = no limit), so a killed run keeps them and servers see them; "
            "`--rebuild` too.", int),
    Setting("checkpoint_seconds", 120, "Ingestion commits at least this often (seconds; "
            "0 = no limit) while it has uncommitted documents.", float),
    Setting("progress", "auto", "Progress bar during ingestion: auto, always or never.", str),
    Setting("log_level", "WARNING", "Python logging level.", str),
    Setting("instance_dir", "", "Folder of the service's own data (accounts, document registry, "
            "jobs, audit log, session secret); empty: `<index>-instance` beside the index.", str),
    Setting("public_read", True, "Anonymous visitors may search and read (`false`: only "
            "signed-in accounts and API tokens).", _bool),
    Setting("login_attempts", 5, "Wrong passwords in a row (per account and address) before "
            "each further try must wait.", int),
    Setting("login_delay_seconds", 30, "First wait after `login_attempts` wrong passwords; it "
            "doubles with each further wrong one (at most an hour).", float),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class Config(dict):
    """A mapping of setting name to value, with attribute access."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:  # pragma: no cover - programming error
            raise AttributeError(name) from exc


def instance_path(config: Mapping[str, Any]) -> Path:
    """The instance folder: ``instance_dir``, else ``<index>-instance`` beside the index.

    One folder per index: the document registry mirrors that index's documents.
    """
    if config.get("instance_dir"):
        return Path(config["instance_dir"])
    index = Path(config["index"])
    return index.parent / f"{index.name}-instance"


def load_config(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Build the configuration: defaults → TOML file → ``KB_*`` environment → overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    config_file = Path(env.get("KB_CONFIG", values["config"]))
    if config_file.is_file():
        try:
            data = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_file}: {exc}") from exc
        for key, raw in data.items():
            _set(values, key, raw, str(config_file))
    for setting in SETTINGS:
        if setting.env in env:
            _set(values, setting.name, env[setting.env], setting.env)
    for key, raw in (overrides or {}).items():
        if raw is not None:
            _set(values, key, raw, "override")
    return Config(values)


def _set(values: dict[str, Any], key: str, raw: Any, origin: str) -> None:
    setting = _BY_NAME.get(key)
    if setting is None:
        raise ConfigError(f"{origin}: unknown setting {key!r}")
    try:
        values[key] = raw if not isinstance(raw, str) else setting.parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{origin}: bad value {raw!r} for {key}: {exc}") from exc

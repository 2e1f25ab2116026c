"""The vocabulary of Party writing: abbreviations, term numbers and well-known document names.

Used at query time to add alternative phrasings ("NQ TW4 khoá 12" → "Nghị quyết Trung ương 4
khóa XII") and by :mod:`kb.understand.citations` to resolve well-known names. The data lives in
``kb/data/aliases.toml``; users extend it with their own TOML file of the same shape.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kb.errors import ConfigError

_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n: int) -> str:
    """Roman numeral of ``n`` (1..39 is all Party terms and plenums need)."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


_FROM_ROMAN = {to_roman(n): n for n in range(1, 40)}


def from_roman(text: str) -> int | None:
    """Integer of a Roman numeral between I and XXXIX, else None."""
    return _FROM_ROMAN.get(text.upper())


def term_number(text: str) -> int | None:
    """Number of a term written "XII", "12" or "thứ 12"; None when it is neither."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    return from_roman(text)


@dataclass
class Vocabulary:
    """Abbreviations (abbr → expansions) and well-known document names (name → number)."""

    abbreviations: dict[str, list[str]] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)
    famous_numbers: dict[str, str] = field(default_factory=dict)
    _abbr_re: re.Pattern | None = None

    def merge(self, data: dict, source: str) -> None:
        """Add the tables of one parsed TOML file."""
        for abbr, value in data.get("abbreviations", {}).items():
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(f"{source}: abbreviation {abbr!r} must map to text or a list")
            known = self.abbreviations.setdefault(abbr, [])
            known.extend(v for v in values if v not in known)
        for table in ("documents", "famous_numbers"):
            for name, number in data.get(table, {}).items():
                if not isinstance(number, str):
                    raise ConfigError(f"{source}: {table}.{name!r} must be a document number")
                getattr(self, table)[name] = number
        self._abbr_re = None

    @property
    def abbr_re(self) -> re.Pattern:
        """One regex for every abbreviation, longest first, as whole words."""
        if self._abbr_re is None:
            keys = sorted(self.abbreviations, key=len, reverse=True)
            alternation = "|".join(re.escape(k) for k in keys) or r"(?!x)x"
            self._abbr_re = re.compile(rf"(?<![\w&./-])(?:{alternation})(?![\w&/-])")
        return self._abbr_re


def _read_toml(path: Path | str, source: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read vocabulary file ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc})") from exc


@lru_cache(maxsize=8)
def load_vocabulary(extra_path: str | Path | None = None) -> Vocabulary:
    """The built-in vocabulary, plus the entries of ``extra_path`` when given (cached)."""
    vocab = Vocabulary()
    builtin = resources.files("kb.data").joinpath("aliases.toml")
    vocab.merge(tomllib.loads(builtin.read_text(encoding="utf-8")), "kb/data/aliases.toml")
    if extra_path is not None:
        vocab.merge(_read_toml(extra_path, str(extra_path)), str(extra_path))
    return vocab


# "khóa XII", "khoá 12", "Khóa thứ XIII", "Đại hội XIII", "Đại hội lần thứ 13"
_TERM_RE = re.compile(
    r"(?P<head>\b(?:[Kk]hóa|[Kk]hoá|KHÓA|KHOÁ|[Đđ]ại hội|ĐẠI HỘI)(?: lần)?(?: thứ)?\s+)"
    r"(?P<num>[IVXivx]{1,6}|\d{1,2})\b"
)
# "TW4", "TW 4", "T.Ư 4", "HNTW 4" → "Trung ương 4"
_PLENUM_RE = re.compile(r"(?<![\w.])(?:HNTW|TW|T\.Ư|TƯ)\s?(\d{1,2})\b")
_NQ_PLENUM_RE = re.compile(r"(?<!\w)NQ\s+(?:HNTW|TW|T\.Ư|TƯ)\s?(\d{1,2})\b")


def _switch_terms(text: str) -> str:
    """``text`` with every term number written the other way (XII ↔ 12)."""

    def repl(m: re.Match) -> str:
        n = term_number(m["num"])
        if n is None or not 1 <= n <= 39:
            return m[0]
        other = str(n) if not m["num"].isdigit() else to_roman(n)
        return m["head"] + other

    return _TERM_RE.sub(repl, text)


def _expand_abbreviations(text: str, vocab: Vocabulary, choice: int = 0) -> str:
    """``text`` with each abbreviation replaced by its ``choice``-th expansion (or first)."""

    def repl(m: re.Match) -> str:
        values = vocab.abbreviations[m[0]]
        return values[min(choice, len(values) - 1)]

    text = _NQ_PLENUM_RE.sub(r"Nghị quyết Trung ương \1", text)
    text = _PLENUM_RE.sub(r"Trung ương \1", text)
    return vocab.abbr_re.sub(repl, text)


def expand_query_terms(text: str, extra_path: str | Path | None = None) -> list[str]:
    """Alternative phrasings of ``text``: the text itself first, then expansions.

    "khóa XII" → ["khóa XII", "khóa 12"]; "NQ TW4" → ["NQ TW4", "Nghị quyết Trung ương 4"];
    "BCT" → ["BCT", "Bộ Chính trị"]. Abbreviations with two meanings ("QĐ") give one phrasing
    per meaning.
    """
    vocab = load_vocabulary(extra_path)
    out = [text]
    widest = max((len(v) for k, v in vocab.abbreviations.items() if k in text), default=1)
    for choice in range(widest):
        expanded = _expand_abbreviations(text, vocab, choice)
        out += [expanded, _switch_terms(expanded)]
    out.append(_switch_terms(text))
    seen: list[str] = []
    for phrase in out:
        phrase = re.sub(r"\s+", " ", phrase).strip()
        if phrase and phrase not in seen:
            seen.append(phrase)
    return seen

"""Sectors a saying speaks to: kb/data/sectors.toml (plus a user's file), matched on words.

Matching is on whole words, ignoring case and tone-mark placement (hoà = hòa), not diacritics.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kb.analysis.tones import canonical_tones
from kb.errors import ConfigError
from kb.understand.hcm_vocab import UPPER

# Names of organisations that hold a sector's word without speaking to that sector: the
# Communist International ("Quốc tế Cộng sản", "Quốc tế thứ ba", "Đệ tam Quốc tế") is no
# foreign affairs.
# A heritage site's rank ("di tích lịch sử văn hóa quốc gia") is no culture either, nor a
# campaign's name schooling.
_ORGANISATION = re.compile(r"(?:đệ (?:nhất|nhị|tam|tứ) )quốc tế|quốc tế (?:cộng sản|công hội|nông dân"
                           r"|thanh niên|thứ (?:nhất|hai|ba|tư|[1-4i]+))"
                           # (spelt with canonical tone marks, "hoá", as the text is matched)
                           r"|di tích (?:lịch sử,? ?-? ?văn hoá|văn hoá|lịch sử và văn hoá|lịch sử)"
                           # The campaign "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí
                           # Minh" (its name, whoever it is about) is no schooling.
                           r"|(?:đẩy mạnh |thực hiện )?(?:việc )?học tập và làm theo")


# A trade or rank written before a person's name names the person, not whom a saying speaks to:
# "thư chia buồn với bác sĩ Vũ Đình Tụng", "bài phỏng vấn của nhà báo Liên Xô Osip Mandelstam".
_PERSON_TITLE = re.compile(rf"(?<!\w)(?:[Bb]ác sĩ|[Nn]hà báo|[Nn]hà thơ|[Nn]hà văn|[Nn]ghệ sĩ|[Gg]iáo sư|[Tt]hầy giáo"
                           rf"|[Cc]ô giáo|[Ll]uật sư|[Kk]ỹ sư|[Dd]ược sĩ|[Yy] sĩ|[Yy] tá|[Ll]iệt sĩ)(?=\s+[{UPPER}])")


def _norm(text: str) -> str:
    """Lower case, NFC, canonical tone placement, organisations' names, heritage ranks and the
    trades written before a person's name blanked: what sector keywords are matched on."""
    text = unicodedata.normalize("NFC", text)
    text = _PERSON_TITLE.sub(lambda m: " " * len(m[0]), text).lower()
    text = canonical_tones(re.sub(r"\s+", " ", text))
    return _ORGANISATION.sub(lambda m: " " * len(m[0]), text)


@lru_cache(maxsize=8)
def load_sectors(extra_path: str | Path | None = None) -> dict[str, re.Pattern]:
    """Sector → keyword regex, from kb/data/sectors.toml plus ``extra_path`` when given (cached)."""
    data = tomllib.loads(resources.files("kb.data").joinpath("sectors.toml").read_text("utf-8"))
    merged = {name: list(words) for name, words in data.items()}
    if extra_path is not None:
        try:
            with open(extra_path, "rb") as fh:
                extra = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{extra_path}: cannot read sector lexicon ({exc})") from exc
        for name, words in extra.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ConfigError(f"{extra_path}: sector {name!r} must map to a list of keywords")
            merged.setdefault(name, []).extend(words)
    return {
        name: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(_norm(w)) for w in words) + r")(?!\w)")
        for name, words in merged.items() if words
    }


def match_sectors(text: str, sectors: Mapping[str, re.Pattern] | None = None) -> list[str]:
    """Names of the sectors whose keywords occur in ``text``, in lexicon order."""
    sectors = load_sectors() if sectors is None else sectors
    normed = _norm(text)
    return [name for name, pattern in sectors.items() if pattern.search(normed)]


def mentions(text: str, sectors: Mapping[str, re.Pattern] | None = None) -> dict[str, int]:
    """How many times ``text`` names each sector (its keywords' occurrences), sectors named only."""
    sectors = load_sectors() if sectors is None else sectors
    normed = _norm(text)
    counts = {name: len(pattern.findall(normed)) for name, pattern in sectors.items()}
    return {name: n for name, n in counts.items() if n}


OPENING_WORDS = 6  # "Cán bộ phải ...", "Thanh niên là ...": the words that say whom it is about


def quote_sectors(lead: str, quote: str, work: str | None, heading: str,
                  sectors: Mapping[str, re.Pattern] | None = None) -> list[str]:
    """Sectors of a quoted saying: those its introduction names (the leading words, the cited
    work, the section heading), its opening words name (whom it is about or addresses), or it
    comes back to (two mentions or more); one word in passing deep in the saying decides none."""
    sectors = load_sectors() if sectors is None else sectors
    found = match_sectors(" \n ".join([lead, work or "", heading, " ".join(quote.split()[:OPENING_WORDS])]), sectors)
    found += [name for name, n in mentions(quote, sectors).items() if n >= 2 and name not in found]
    return [name for name in sectors if name in found]  # lexicon order

"""The stopword list, read from the files shipped with kb (top-level ``stopwords/``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


def stopwords_dir() -> Path:
    """Where the stopword files are: inside the installed package, or the source checkout."""
    packaged = resources.files("kb") / "data" / "stopwords"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent.parent / "stopwords"


@lru_cache(maxsize=4)
def load_stopwords(name: str = "kb") -> frozenset[str]:
    """Stopwords as a set of lower-case words (syllables joined by a space); ``none`` = empty."""
    if name == "none":
        return frozenset()
    path = stopwords_dir() / "vi.txt" if name == "kb" else Path(name)
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)

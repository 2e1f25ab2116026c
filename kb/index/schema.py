"""The Whoosh schema and its version stamp.

Bump :data:`SCHEMA_VERSION` whenever fields or analysis change: an index built with another
version is detected on open and rebuilt by ``kb ingest`` (search asks the user to run it).
"""

from __future__ import annotations

from whoosh.analysis import Analyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from kb.index.analyzers import StreamTokenizer

SCHEMA_VERSION = "3"

#: Fields searched by free text, with the analysis stream that feeds them.
CONTENT_FIELDS = {"words": "words", "syl": "syllables", "fold": "folded", "pairs": "pairs"}


def _analyzer(stream: str) -> Analyzer:
    return StreamTokenizer(stream)


def build_schema(title_boost: float = 3.0) -> Schema:
    """The schema of a kb index."""
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        content_hash=ID(stored=True),
        mtime=STORED,
        size=STORED,
        format=ID(stored=True),
        title=TEXT(analyzer=_analyzer("syllables"), stored=True, phrase=True,
                   field_boost=title_boost),
        title_fold=TEXT(analyzer=_analyzer("folded"), phrase=False, field_boost=title_boost),
        kind=ID(stored=True, sortable=True),
        kind_key=ID,
        issuer=ID(stored=True, sortable=True),
        term=ID(stored=True),
        unit=ID(stored=True, sortable=True),
        sectors=KEYWORD(stored=True, commas=True),
        cites=KEYWORD(commas=True, lowercase=True, scorable=True),
        number=KEYWORD(commas=True, lowercase=True, scorable=True),
        date=ID(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),
        words=TEXT(analyzer=_analyzer("words"), phrase=False),
        syl=TEXT(analyzer=_analyzer("syllables"), phrase=True),
        fold=TEXT(analyzer=_analyzer("folded"), phrase=True),
        pairs=TEXT(analyzer=_analyzer("pairs"), phrase=False),
        text=STORED,
        meta=STORED,
    )

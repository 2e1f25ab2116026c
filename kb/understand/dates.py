"""Vietnamese dates (day before month) as ISO strings."""

from __future__ import annotations


def iso_date(day: str, month: str, year: str) -> str | None:
    """"15", "5", "2016" → "2016-05-15"; None when it is not a plausible calendar date."""
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1800 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None

"""Unclosed quotation marks never stop a document from being read (kb.understand.quotes)."""

from kb.understand.quotes import MAX_CHARS, quote_spans


def test_an_opening_mark_exactly_at_the_length_limit_does_not_crash():
    # A news record of the vietnews set opened a second quote right where the first one's
    # longest allowed run ended: the whole file of records failed with StopIteration.
    text = "Ông nói: “" + "a" * (MAX_CHARS - 1) + "“Bác dặn phải giữ gìn" + " và" * 10 + "“ hết"
    spans = quote_spans(text)
    assert spans and all(start < end <= len(text) for start, end in spans)

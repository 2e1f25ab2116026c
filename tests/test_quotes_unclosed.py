"""Unclosed quotation marks never stop a document from being read (kb.understand.quotes)."""

from kb.understand.quotes import MAX_CHARS, quote_spans


def test_an_opening_mark_exactly_at_the_length_limit_does_not_crash():
    # A news record of the vietnews set opened a second quote right where the first one's
    # longest allowed run ended: the whole file of records failed with StopIteration.
    text = "Ông nói: “" + "a" * (MAX_CHARS - 1) + "“Bác dặn phải giữ gìn" + " và" * 10 + "“ hết"
    spans = quote_spans(text)
    assert spans and all(start < end <= len(text) for start, end in spans)


def test_quote_running_over_paragraphs_to_its_closing_mark():
    """Given a quote opened inline whose closing mark is in the next paragraph, then it is one
    saying; given a quote left open before a narrative paragraph, then it ends at its paragraph."""
    from kb.understand.sayings import extract_sayings

    text = ("Người căn dặn “Đảng ta là một Đảng cầm quyền. Mỗi đảng viên và cán bộ phải thật sự thấm "
            "nhuần đạo đức cách mạng.\n\nPhải giữ gìn Đảng ta thật trong sạch, phải xứng đáng là người "
            "đầy tớ thật trung thành của nhân dân”.")
    assert [s["text"] for s in extract_sayings(text)] == [
        "Đảng ta là một Đảng cầm quyền. Mỗi đảng viên và cán bộ phải thật sự thấm nhuần đạo đức cách "
        "mạng. Phải giữ gìn Đảng ta thật trong sạch, phải xứng đáng là người đầy tớ thật trung thành "
        "của nhân dân"]
    left_open = ("Bác nói: “Chúng ta phải thi đua học tập. Chúng ta nhất định thắng lợi.\n\nSau buổi nói "
                 "chuyện, mọi người ra về phấn khởi.")
    assert [s["text"] for s in extract_sayings(left_open)] == [
        "Chúng ta phải thi đua học tập. Chúng ta nhất định thắng lợi."]


def test_poem_set_off_ends_before_the_comment_on_it():
    from kb.understand.sayings import extract_sayings

    text = ("Bác viết bài thơ Cảnh khuya:\n\nTiếng suối trong như tiếng hát xa,\nTrăng lồng cổ thụ bóng lồng "
            "hoa.\nCảnh khuya như vẽ người chưa ngủ,\nChưa ngủ vì lo nỗi nước nhà.\n\nBài thơ được viết "
            "năm 1947 ở chiến khu Việt Bắc.")
    [poem] = extract_sayings(text)
    assert poem["text"].endswith("Chưa ngủ vì lo nỗi nước nhà.") and poem["text"].count("\n") == 3

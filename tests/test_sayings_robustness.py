"""His sayings punctuated, named and introduced the other ways pages do (issue 9, point 5).

The classes benchmarks/sayings_probe.py writes by rule around the development pages' sayings:
single quotation marks, emphasis for quotation marks, a bare "Chủ tịch" for him, other speakers
named by title, trade or body, blocks whose own introducing sentence names him. Each case is a
sentence as real pages write it and fails without its mechanism.
"""

from __future__ import annotations

from kb.config import load_config
from kb.ingest.pipeline import read_document
from conftest import saying_texts as texts


def test_single_quotes_closed_before_a_footnote_mark():
    text = ("Chuyên nghĩa là dẻo dai, bền bỉ. Người còn dạy: ‘Lười biếng là kẻ địch của chữ Cần. Vì "
            "vậy, lười biếng cũng là kẻ địch của dân tộc’(2). Cần phải đi đôi với Kiệm.")
    assert texts(text) == ["Lười biếng là kẻ địch của chữ Cần. Vì vậy, lười biếng cũng là kẻ địch của dân tộc"]


def test_single_quotes_leave_an_apostrophe_inside_a_word():
    text = "Năm 1960, Bác Hồ tiếp đoàn đại biểu Côte d’Ivoire tại Phủ Chủ tịch."
    assert texts(text) == []


def test_italics_after_a_colon_are_the_quotation_marks():
    text = ("Liêm phải đi đôi với Kiệm. Người căn dặn: *Trước nhất là cán bộ các cơ quan, các đoàn thể, "
            "cấp cao thì quyền to, cấp thấp thì quyền nhỏ.* Đó là lời dạy về chữ Liêm.")
    assert texts(text) == ["Trước nhất là cán bộ các cơ quan, các đoàn thể, cấp cao thì quyền to, "
                           "cấp thấp thì quyền nhỏ."]


def test_bold_lines_under_a_colon_line_stay_a_list():
    # Emphasis on lines of their own is a block, not quotation marks: each line one saying.
    text = ("Ở Miền Nam những binh đoàn chủ lực đang bí mật áp sát các bàn đạp tiến công. Chỉ thị cụ "
            "thể của Bác cho các chiến trường là:\n\n**Kế hoạch phải thật tỉ mỉ**\n\n**Hợp đồng phải "
            "thật ăn khớp**\n\n**Bí mật phải thật tuyệt đối**\n\n")
    assert texts(text) == ["Kế hoạch phải thật tỉ mỉ", "Hợp đồng phải thật ăn khớp", "Bí mật phải thật tuyệt đối"]


def test_bare_chairman_after_his_name_is_him():
    text = ("Năm 1957, Chủ tịch Hồ Chí Minh về thăm Nghệ An. Gặp cán bộ tỉnh, Chủ tịch nói: “Cán bộ "
            "phải gần dân, hiểu dân, học dân và giúp dân”.")
    assert texts(text) == ["Cán bộ phải gần dân, hiểu dân, học dân và giúp dân"]


def test_bare_chairman_after_another_chairman_is_not_him():
    text = ("Chủ tịch Hồ Chí Minh đã đi xa. Năm 1970, Chủ tịch nước Tôn Đức Thắng về thăm Nghệ An. Gặp "
            "cán bộ tỉnh, Chủ tịch nói: “Cán bộ phải gần dân, hiểu dân, học dân và giúp dân”.")
    assert texts(text) == []


def test_a_general_named_by_rank_speaks_his_own_words():
    text = ("Chiến sĩ Giải phóng quân là tên gọi thân thương của Nhân dân dành cho bộ đội chủ lực. "
            "Đại tướng Võ Nguyên Giáp khẳng định: “Đánh cho Mỹ cút, đánh cho ngụy nhào” để Bắc - Nam "
            "sum họp một nhà như mong ước của Bác Hồ kính yêu.")
    assert texts(text) == []


def test_a_body_by_its_name_speaks_its_own_words():
    text = ("Chủ tịch Hồ Chí Minh luôn quan tâm đến phụ nữ. Hội Liên hiệp Phụ nữ Việt Nam khẳng định: "
            "“Phụ nữ Việt Nam anh hùng, bất khuất, trung hậu, đảm đang” như lời khen của Bác Hồ.")
    assert texts(text) == []


def test_he_after_a_journalist_named_by_trade_is_the_journalist():
    text = ("Chủ tịch Hồ Chí Minh đã đi xa hơn năm mươi năm. Nhà báo Trần Văn Hải về thăm quê Nam Đàn. "
            "Ông nói: “Quê hương bao giờ cũng là nơi con người ta nhớ về nhiều nhất”.")
    assert texts(text) == []


def test_block_introduced_by_his_own_sentence_after_another_speaker():
    text = ("Đại diện Tổng bộ Việt Minh là Nguyễn Lương Bằng sau đó phát biểu rằng đánh Pháp là chuyện "
            "cần thiết. Cuối cùng, trước khi kết thúc buổi lễ, Chủ tịch Hồ Chí Minh tuyên bố:\n\n"
            "Chúng ta sẽ phải trải qua nhiều khốn khó và đau khổ hơn nhiều. Đồng bào phải ủng hộ Chính phủ.\n\n"
            "Buổi lễ kết thúc lúc chiều tối.")
    assert texts(text) == ["Chúng ta sẽ phải trải qua nhiều khốn khó và đau khổ hơn nhiều. Đồng bào "
                           "phải ủng hộ Chính phủ."]


def test_block_holding_a_short_quote_is_still_his():
    text = ("Liêm phải đi đôi với Kiệm. Người căn dặn:\n\n"
            "Trước nhất là cán bộ các cơ quan, các đoàn thể, cấp cao thì quyền to, cấp thấp thì quyền nhỏ. "
            "Dù to hay nhỏ, có quyền mà thiếu lương tâm là có dịp “dĩ công vi tư”.\n\nChữ Liêm là thế.")
    assert texts(text) == ["Trước nhất là cán bộ các cơ quan, các đoàn thể, cấp cao thì quyền to, cấp "
                           "thấp thì quyền nhỏ. Dù to hay nhỏ, có quyền mà thiếu lương tâm là có dịp "
                           "“dĩ công vi tư”."]


def test_block_after_a_pronoun_that_continues_another_speaker(shared_data):
    # "Lê Duẩn đã khóc và bác bỏ: “…”. Ông nói:" — his words about Hồ Chí Minh's body, not his.
    doc = read_document(shared_data / "party-docs/docs/2ac257003ea93b70.md", load_config())
    assert not any(s["text"].startswith("Nếu Liên Xô nói phải đưa thi thể Bác") for s in doc.meta["sayings"])


def test_an_aside_naming_someone_is_no_author_of_his_work(shared_data):
    # "Trong bài nói chuyện này có đoạn (tổng thống Mỹ John F. Kennedy sau này cũng có ý tưởng
    # tương tự ...):" — the speech is his, the aside only compares.
    doc = read_document(shared_data / "party-docs/docs/529f96669f3f8b85.md", load_config())
    assert any(s["text"].startswith("Nhiệm vụ của thanh niên không phải là hỏi nước nhà")
               for s in doc.meta["sayings"])

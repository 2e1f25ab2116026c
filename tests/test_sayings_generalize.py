"""Attribution mechanisms that carry to pages kb has not been tuned on (issue 9, point 5).

Each case is a sentence as real pages write it (encyclopedia, press, essays); each would pass
or fail on its own mechanism.
"""

from __future__ import annotations

import pytest

from kb.config import load_config
from kb.ingest.pipeline import read_document
from kb.understand.footnotes import is_citation
from kb.understand.sayings import extract_sayings
from conftest import saying_texts as texts


def test_pronoun_subject_with_any_speech_verb_before_a_colon():
    # "ông cho biết:" stands for him when he is the last person named.
    text = ("Năm 1947, Chính phủ được cải tổ với sự tham gia thêm của một số trí thức. Hồ Chí Minh "
            "giữ chức Chủ tịch. Về sau này ông cho biết: \"Khi tổ chức Chính phủ lâm thời, có những "
            "đồng chí đáng lẽ tham gia Chính phủ, song các đồng chí ấy đã tự động xin lui\".")
    assert texts(text) == ["Khi tổ chức Chính phủ lâm thời, có những đồng chí đáng lẽ tham gia "
                           "Chính phủ, song các đồng chí ấy đã tự động xin lui"]


def test_pronoun_of_another_person_is_not_him():
    text = ("Hồ Chí Minh tiếp ông Nguyễn Văn Tố tại Bắc Bộ phủ. Về sau này ông cho biết: \"Hôm ấy "
            "chúng tôi bàn rất lâu về việc lập Chính phủ\".")
    assert texts(text) == []


def test_speech_verb_with_an_object_is_not_speech():
    # "nói thành thạo các thứ tiếng gồm:" lists languages, no words said.
    text = ("Hồ Chí Minh có năng khiếu ngôn ngữ, ông nói thành thạo các thứ tiếng gồm: Nga, Pháp, "
            "Trung Quốc, Anh, Ý.")
    assert texts(text) == []


def test_speech_verb_to_an_addressee_is_speech():
    text = "Bác bảo tôi: Chú mở cái băng gì vui vui cho Bác nghe với."
    assert texts(text) == ["Chú mở cái băng gì vui vui cho Bác nghe với."]


@pytest.mark.parametrize("text", [
    # His name inside a phrase that describes another subject.
    "Giữa lúc đó, Ủy ban khởi nghĩa toàn quốc do Chủ tịch Hồ Chí Minh đứng đầu đã ra lời kêu gọi "
    "đồng bào toàn quốc: \"Giờ quyết định cho vận mệnh dân tộc đã đến, toàn quốc đồng bào hãy đứng dậy\".",
    "Chính viên tướng Claire Chennault, người mà sau này Hồ Chí Minh có nhiều quan hệ, đã từng công "
    "khai nói tới việc \"Chính phủ Mỹ mong muốn thấy Pháp bị loại khỏi Đông Dương\".",
])
def test_his_name_in_a_modifier_is_not_the_speaker(text):
    assert texts(text) == []


def test_fragment_completing_a_noun_phrase_is_the_writers():
    text = ("Hồ Chí Minh nhấn mạnh vai trò của thanh niên trong \"sự nghiệp cách mạng, xây dựng và bảo "
            "vệ Tổ quốc\"; yêu cầu Đảng phải chăm lo \"bồi dưỡng đạo đức cách mạng\" cho họ.")
    assert "sự nghiệp cách mạng, xây dựng và bảo vệ Tổ quốc" not in texts(text)


def test_bibliography_lines_are_no_turns():
    text = ("## Tham khảo\n\nHồ Chí Minh: Tiểu sử. Hà Nội: Nhà xuất bản Chính trị quốc gia. - "
            "Bartholomew-Feis, Dixee R. (2006).\n")
    assert texts(text) == []
    assert is_citation("Tiểu sử. Hà Nội: Nhà xuất bản Chính trị quốc gia.")
    assert not is_citation("Không có gì quý hơn độc lập, tự do.")


def test_footnote_marks_are_not_words_of_a_set_off_line(shared_data):
    # The Đội's page: its slogan ends "Vì lý tưởng của Bác Hồ vĩ đại:", and the heading
    # "## Đội viên[3]" after it is no line of his (two words and a footnote mark).
    doc = read_document(shared_data / "party-docs/docs/a3595c5a5d60ef0c.md", load_config())
    assert not any(s["text"].startswith("Đội viên") for s in doc.meta["sayings"])


def test_passage_of_his_letter_named_in_the_sentence_before():
    text = ("Tháng 8 năm 1945, Hồ Chí Minh đã gửi thư chúc mừng vị Giám mục này. Trong thư có đoạn: "
            "\"Có một nhà lãnh đạo mới của người Công giáo đi theo chân Đức Giê-su, hầu giúp giáo dân "
            "biết hy sinh và chiến đấu bảo vệ tự do và độc lập của đất nước\".")
    assert texts(text) == ["Có một nhà lãnh đạo mới của người Công giáo đi theo chân Đức Giê-su, hầu "
                           "giúp giáo dân biết hy sinh và chiến đấu bảo vệ tự do và độc lập của đất nước"]


def test_the_content_of_his_letter_set_off_as_a_list():
    # vi.wikipedia on the Pioneers: the sentence before the list names the letter's content, the
    # one before it makes him its author.
    text = ("Năm 1961, nhân kỷ niệm 20 năm thành lập Đội, Chủ tịch Hồ Chí Minh đã gửi một bức thư cho "
            "thiếu niên, nhi đồng. Nội dung trong thư đã trở thành một trong các nội dung của điều lệ "
            "hoạt động của Đội:\n\n- Yêu Tổ quốc, yêu đồng bào.\n- Học tập tốt, lao động tốt.\n"
            "- Khiêm tốn, thật thà, dũng cảm.\n")
    assert [t.rstrip(".") for t in texts(text)] == ["Yêu Tổ quốc, yêu đồng bào", "Học tập tốt, lao động tốt",
                                                    "Khiêm tốn, thật thà, dũng cảm"]


def test_the_content_of_a_letter_someone_else_sent_is_not_his():
    text = ("Năm 1961, Trung ương Đoàn đã gửi một bức thư cho các chi đội. Nội dung trong thư đã trở "
            "thành một trong các nội dung của điều lệ hoạt động của Đội:\n\n- Yêu Tổ quốc, yêu đồng bào.\n"
            "- Học tập tốt, lao động tốt.\n")
    assert texts(text) == []


def test_passage_of_a_letter_by_someone_else_is_not_his():
    text = ("Năm 1935, Nguyễn Ái Quốc bị phê phán nặng nề. Quốc tế Cộng sản đã gửi thư cho Đảng. Trong "
            "thư có đoạn: \"Những tàn dư ấy rất mạnh và tạo thành một chướng ngại nghiêm trọng cho sự "
            "phát triển chủ nghĩa cộng sản\".")
    assert texts(text) == []


def test_passage_of_the_testament_of_the_page_s_person():
    text = ("Hồ Chí Minh bắt đầu viết di chúc vào dịp sinh nhật lần thứ 75. Mở đầu bản di chúc năm 1965 "
            "có đoạn: \"Năm nay tôi 75 tuổi, tinh thần vẫn sáng suốt, thân thể vẫn mạnh khỏe\".")
    assert texts(text) == ["Năm nay tôi 75 tuổi, tinh thần vẫn sáng suốt, thân thể vẫn mạnh khỏe"]


def test_his_words_named_as_a_charge_he_gave():
    text = ("Trước khi sang Pháp năm 1946, Hồ Chí Minh bàn giao quyền lãnh đạo đất nước cho Huỳnh Thúc "
            "Kháng với lời dặn \"Dĩ bất biến, ứng vạn biến\".")
    assert texts(text) == ["Dĩ bất biến, ứng vạn biến"]
    other = ("Trước khi qua đời, cụ Huỳnh Thúc Kháng gửi thư cho các đồng chí với lời dặn \"Hãy đoàn "
             "kết chặt chẽ quanh Chính phủ\".")
    assert texts(other) == []


def test_pronoun_with_a_verb_of_writing_and_no_colon():
    text = ("Tài liệu huấn luyện của Hồ Chí Minh chủ yếu là sách do chính tay soạn. Tại cuối một cuốn "
            "sách như vậy ông ghi \"Việt Nam độc lập năm 1945\".")
    assert texts(text) == ["Việt Nam độc lập năm 1945"]


def test_fragment_inside_the_clause_he_reports():
    text = ("Hòa vào bối cảnh đó, Hồ Chí Minh tuyên bố rằng thanh kiếm, trước đây được dùng để đàn áp dân "
            "chúng, giờ đây sẽ được dùng để \"chặt đầu kẻ phản bội\".")
    assert texts(text) == ["chặt đầu kẻ phản bội"]


def test_fragment_reported_by_someone_else_is_not_his():
    text = ("Hồ Chí Minh đọc bản Tuyên ngôn tại Ba Đình. Báo chí phương Tây sau đó cho rằng ông Sainteny "
            "tuyên bố rằng nước Pháp sẽ \"không bao giờ rời bỏ Đông Dương\".")
    assert texts(text) == []


def test_a_speaker_going_on_after_quoting_him_is_not_him():
    text = ("Phát biểu tại hội nghị, Tổng Bí thư nhấn mạnh lời dạy của Bác: “Đảng ta là đạo đức, là văn "
            "minh”, đồng thời yêu cầu: “Mỗi cán bộ, đảng viên phải gương mẫu đi đầu trong mọi công việc”.")
    assert texts(text) == ["Đảng ta là đạo đức, là văn minh"]


def test_he_going_on_speaking_is_still_him():
    text = ("Chủ tịch Hồ Chí Minh khẳng định: “Đảng ta là đạo đức, là văn minh”, đồng thời yêu cầu: “Mỗi "
            "cán bộ, đảng viên phải gương mẫu đi đầu trong mọi công việc”.")
    assert len(texts(text)) == 2


@pytest.mark.parametrize("opening, closing", [("‘", "’"), ("'", "'")])
def test_single_quotation_marks_as_outer_marks(opening, closing):
    text = (f"Về thăm trường năm 1958, Bác dạy: {opening}Các cháu phải thi đua học tập tốt, lao động tốt"
            f"{closing}. Sau đó Bác đi thăm các lớp học.")
    assert texts(text) == ["Các cháu phải thi đua học tập tốt, lao động tốt"]


def test_single_marks_inside_his_quote_stay_nested():
    text = "Bác viết: “Tôi năm nay đã 79 tuổi, đã là lớp người ‘xưa nay hiếm’ nhưng tinh thần vẫn sáng suốt”."
    assert texts(text) == ["Tôi năm nay đã 79 tuổi, đã là lớp người ‘xưa nay hiếm’ nhưng tinh thần vẫn sáng suốt"]


def test_block_quote_after_his_colon():
    text = ("Nói chuyện với cán bộ tỉnh Thanh Hóa năm 1947, Bác dạy:\n\n> Cán bộ phải là người đầy tớ "
            "trung thành của nhân dân.\n\nSau đó Bác đi thăm đồng bào.")
    assert texts(text) == ["Cán bộ phải là người đầy tớ trung thành của nhân dân."]


def test_a_comma_does_not_join_a_noun_to_his_name_as_a_namesake():
    # "khai trường, Chủ tịch Hồ Chí Minh" is no school named after him.
    text = ("Hơn 70 năm trước, trong Thư gửi các cháu học sinh nhân ngày khai trường, Chủ tịch Hồ Chí Minh "
            "mong muốn: “Non sông Việt Nam có trở nên tươi đẹp hay không, chính là nhờ một phần lớn ở công "
            "học tập của các em”.")
    assert len(texts(text)) == 1
    school = "Thầy hiệu trưởng Trường THPT Hồ Chí Minh nói: “Các em phải chăm chỉ học tập mỗi ngày”."
    assert texts(school) == []


@pytest.mark.parametrize("text", [
    "“Thi đua là yêu nước, yêu nước thì phải thi đua”, lời dạy của Chủ tịch Hồ Chí Minh vẫn còn nguyên giá trị.",
    "“Thi đua là yêu nước, yêu nước thì phải thi đua” - lời kêu gọi của Bác Hồ năm 1948 vẫn còn nguyên giá trị.",
])
def test_his_words_named_after_the_quote(text):
    assert texts(text) == ["Thi đua là yêu nước, yêu nước thì phải thi đua"]


def test_words_named_after_the_quote_as_another_s():
    text = "“Chúng tôi luôn ghi nhớ công ơn của Bác”, lời của cụ Nguyễn Văn Ba, người từng gặp Bác."
    assert texts(text) == []


def sectors(text: str) -> list[list[str]]:
    return [s["sectors"] for s in extract_sayings(text)]


def test_sector_from_the_introduction_or_the_saying_s_subject():
    assert sectors("Trong Thư gửi ngành y tế năm 1955, Bác viết: “Người bệnh phó thác tính mệnh của họ "
                   "nơi các cô, các chú”.") == [["y tế"]]
    assert sectors("Bác dạy: “Cán bộ là cái gốc của mọi công việc, muôn việc thành công hoặc thất bại đều "
                   "do cán bộ tốt hoặc kém”.") == [["cán bộ đảng viên"]]


def test_a_word_in_passing_decides_no_sector():
    # "hòa bình" once, deep in a saying about independence, is no saying on diplomacy.
    assert sectors("Bác khẳng định: “Dân tộc Việt Nam quyết đem tất cả tinh thần và lực lượng, tính mạng "
                   "và của cải để giữ vững quyền tự do, độc lập và hòa bình”.") == [[]]


def test_dash_turn_answering_a_turn_put_to_him_is_his():
    text = ("Bác ngồi nhìn ra cửa sổ và đọc:\n\n– Đã lâu không làm bài thơ nào, phẩy xuống dòng\n\n"
            "Tôi ngừng bút hỏi:\n\n–Thưa Bác, thơ à?\n\n– Chú cứ viết tiếp: Nay lại thử làm thơ xem sao?, "
            "phẩy, xuống dòng\n\nTôi nghĩ đúng là thơ rồi.\n\nBác đọc tiếp: Lục khắp giấy tờ vẫn chẳng thấy, "
            "phẩy xuống dòng.\n")
    found = texts(text)
    assert "Thưa Bác, thơ à?" not in found
    assert any(s.startswith("Chú cứ viết tiếp") for s in found)
    assert any(s.startswith("Lục khắp giấy tờ") for s in found)


def test_dash_turn_after_a_turn_to_someone_else_is_not_his():
    text = ("Anh Ba hỏi chị Tư:\n\n– Thưa chị, hôm nay đoàn có về không?\n\n– Chắc chiều nay đoàn mới về "
            "đến làng mình.\n")
    assert texts(text) == []


def test_answers_of_an_interview_he_gives_are_his_questions_not():
    text = ("Ngày 14-9-1946, Chủ tịch Hồ Chí Minh trả lời phỏng vấn của các nhà báo nước ngoài.\n\n"
            "Hỏi: Thưa Chủ tịch, Chính phủ có chính sách gì đối với người Pháp ở Việt Nam?\n\n"
            "Trả lời: Chính phủ Việt Nam bảo đảm tính mạng và tài sản của kiều dân Pháp làm ăn lương thiện.\n")
    assert texts(text) == ["Chính phủ Việt Nam bảo đảm tính mạng và tài sản của kiều dân Pháp làm ăn lương thiện."]


def test_answers_of_an_interview_someone_else_gives_are_not_his():
    text = ("Học tập tư tưởng Hồ Chí Minh, Bộ trưởng Nguyễn Văn An trả lời phỏng vấn báo chí về năm 2020.\n\n"
            "Hỏi: Thưa Bộ trưởng, ngành đã đạt được những kết quả gì?\n\n"
            "Trả lời: Chúng tôi đã hoàn thành vượt mức mọi kế hoạch đề ra.\n")
    assert texts(text) == []


def test_quote_over_paragraphs_each_opened_again_is_one_saying():
    text = ("Trong bài Sửa đổi lối làm việc, Bác viết:\n\n“Cán bộ là những người đem chính sách của Đảng giải "
            "thích cho dân chúng hiểu rõ và thi hành.\n\n“Đồng thời đem tình hình của dân chúng báo cáo cho "
            "Đảng, để đặt chính sách cho đúng.”\n\nSau đó Bác đi thăm đồng bào.")
    assert texts(text) == ["Cán bộ là những người đem chính sách của Đảng giải thích cho dân chúng hiểu rõ và "
                           "thi hành. Đồng thời đem tình hình của dân chúng báo cáo cho Đảng, để đặt chính sách "
                           "cho đúng."]


def test_two_closed_quotes_in_two_paragraphs_stay_two():
    text = ("Bác viết: “Cán bộ phải là người đầy tớ trung thành của nhân dân.”\n\n“Chúng tôi luôn nhớ lời "
            "Bác dạy về cán bộ.” - ông Nguyễn Văn An nói.")
    assert texts(text) == ["Cán bộ phải là người đầy tớ trung thành của nhân dân."]


# --- session 8: the biography's crawl (vi.wikipedia 529f9666, a development page) ----------

def test_a_quotation_box_rendered_as_a_table_is_a_quotation():
    # The crawl renders a quotation template as table cells: "| “ | ... |\n” |". The clause that
    # introduces it holds an aside in parentheses and a note mark before its colon.
    text = ("Hồ Chí Minh rất quan tâm đến thanh niên. Năm 1955, trong Lễ Khai mạc Trường Đại học Nhân "
            "dân Việt Nam vào ngày 19 tháng 1, ông có bài nói chuyện với những sinh viên cũng như "
            "thanh niên. Trong bài nói chuyện này có đoạn (tổng thống Mỹ John F. Kennedy sau này cũng "
            "có ý tưởng tương tự trong diễn văn nhậm chức năm 1961):[191]\n\n"
            "| “ | Nhiệm vụ của thanh niên không phải là hỏi nước nhà đã cho mình những gì. Mà phải tự "
            "hỏi mình đã làm gì cho nước nhà?\n|\n” |\n\nTheo Hồ Chí Minh, đồng bào lương hay giáo đều "
            "là người Việt Nam.")
    assert texts(text) == ["Nhiệm vụ của thanh niên không phải là hỏi nước nhà đã cho mình những "
                           "gì. Mà phải tự hỏi mình đã làm gì cho nước nhà?"]


def test_a_box_signed_by_another_stays_theirs():
    text = ("Điếu văn truy điệu ông do Bí thư thứ nhất Lê Duẩn đọc có những dòng sau:\n\n"
            "| “ | Suốt đời Người chiến đấu cho độc lập, tự do của dân tộc.\n|\n” |\n— Lê Duẩn[156]\n|")
    assert texts(text) == []


@pytest.mark.parametrize("lead", [
    # As crawled (emphasis kept) and as kb's reader gives it (emphasis dropped).
    "Ông tiếp nhận tư tưởng của Lenin. Ông viết trên tạp chí\n\n*Các vấn đề phương Đông*(Liên Xô), "
    "dẫn lại trên báo Nhân dân ngày 22 tháng 4 năm 1960:\n\n*",
    "Ông tiếp nhận tư tưởng của Lenin. Ông viết trên tạp chí\n\nCác vấn đề phương Đông(Liên Xô), "
    "dẫn lại trên báo Nhân dân ngày 22 tháng 4 năm 1960:\n\n",
])
def test_a_sentence_broken_over_two_paragraphs_still_introduces_the_quote(lead):
    text = ("Hồ Chí Minh đi theo trào lưu chủ nghĩa cộng sản. " + lead
            + "\"Chủ nghĩa Lenin đối với chúng ta, những người cách mạng và nhân dân Việt Nam, không "
              "những là cái kim chỉ nam, mà còn là mặt trời soi sáng chúng ta\"*.")
    assert texts(text) == ["Chủ nghĩa Lenin đối với chúng ta, những người cách mạng và nhân dân Việt "
                           "Nam, không những là cái kim chỉ nam, mà còn là mặt trời soi sáng chúng ta"]


def test_a_heading_is_not_joined_to_the_paragraph_under_it():
    from kb.understand.quotes import join_broken_sentences
    text = "Trở về Việt Nam\n\nĐầu tháng 1 năm 1941, Hoàng Văn Thụ nói: \"Hôm nay chúng tôi về nước\"."
    assert join_broken_sentences(text) == text
    assert texts(text) == []


def test_a_note_mark_after_a_full_stop_ends_the_sentence():
    # The sentence with him as subject ended at "dập tắt.[135]"; the editorial's words are not his.
    text = ("Hồ Chí Minh dùng bút danh Trần Lực, đăng một bài trên báo Nhân dân, sau đó Phong trào Nhân "
            "Văn - Giai Phẩm bị dập tắt.[135] Trước đó, một xã luận của báo Nhân dân ở Việt Nam "
            "viết: \"Chúng ta không thể cho phép bất kỳ ai lợi dụng tự do dân chủ để tách rời nhân dân khỏi Đảng.\"")
    assert texts(text) == []


def test_a_sentence_opened_by_ong_is_his_when_he_was_named_last():
    text = ("Hồ Chí Minh bắt đầu viết di chúc vào dịp sinh nhật lần thứ 75 của ông. Ông mang di "
            "chúc ra viết và dặn lại Vũ Kỳ: *\"Chú cất giữ cẩn thận, sang năm, mồng 10 tháng 5 nhớ đưa "
            "lại cho Bác\"*.")
    assert texts(text) == ["Chú cất giữ cẩn thận, sang năm, mồng 10 tháng 5 nhớ đưa lại cho Bác"]
    other = ("Hồ Chí Minh tiếp ông Nguyễn Văn Tố tại Bắc Bộ phủ. Ông mang thư ra và dặn lại thư ký: "
             "\"Chú cất giữ cẩn thận, sang năm nhớ đưa lại\".")
    assert texts(other) == []


def test_rang_with_a_colon_and_duoc_meaning_able_to():
    # "không biết được" is "could not know", not a passive; "rằng:" introduces the question.
    text = ("Hồ Chí Minh không biết được hết tình hình chính trị mới diễn ra và có hỏi ông Vũ Đình "
            "Huỳnh (bố của Vũ Thư Hiên) rằng: \"nghe nói cụ Huỳnh (Huỳnh Thúc Kháng) đầu Tây rồi phải không?\".")
    assert texts(text) == ["nghe nói cụ Huỳnh (Huỳnh Thúc Kháng) đầu Tây rồi phải không?"]
    passive = ("Hồ Chí Minh được nhiều người cho rằng: \"ông là một người theo chủ nghĩa dân tộc trước hết\".")
    assert texts(passive) == []


def test_a_verb_of_saying_then_whom_he_says_it_to():
    text = ("Để diệt giặc đói, Hồ Chí Minh kêu gọi tăng gia sản xuất, ông đề nghị đồng bào "
            "\"cứ 10 ngày nhịn ăn 1 bữa, mỗi tháng nhịn 3 bữa\" để đem số gạo tiết kiệm được cứu dân nghèo.")
    assert texts(text) == ["cứ 10 ngày nhịn ăn 1 bữa, mỗi tháng nhịn 3 bữa"]


def test_a_sentence_opened_by_theo_him_is_his_view_throughout():
    text = ("Theo Hồ Chí Minh, chủ nghĩa dân tộc ở các xứ lạc hậu có hạn chế như là tính hiếu chiến, "
            "bài ngoại, tâm lý tiểu nông (nông dân chiếm hầu hết dân số), quần chúng \"không có quá khứ "
            "cách mạng, quen thói nô lệ, ở những nước có chế độ chuyên chế độc đoán\".")
    assert texts(text) == ["không có quá khứ cách mạng, quen thói nô lệ, ở những nước có chế độ "
                           "chuyên chế độc đoán"]
    # "Theo" of someone else frames nothing of his.
    other = ("Theo Trần Phú, chủ nghĩa dân tộc ở các xứ lạc hậu có hạn chế như là tính hiếu chiến, "
             "bài ngoại, tâm lý tiểu nông, quần chúng \"không có quá khứ cách mạng, quen thói nô lệ\".")
    assert texts(other) == []


def test_a_poem_he_made_and_a_letter_he_sent():
    poem = ("Nguyễn Ái Quốc tới ở tại hang Cốc Bó. Ông đã làm một bài thơ (nay đã được tạc vào vách "
            "núi) thể hiện chí hướng:[63]\n\nNon xa xa nước xa xa,Nào phải thênh thang mới gọi là.Đây "
            "suối Lê-nin, kia núi Mác,Hai tay gây dựng một sơn hà.\n\nTại đây, ông mở lớp huấn luyện.")
    assert [t.split(",")[0] for t in texts(poem)] == ["Non xa xa nước xa xa"]
    letter = ("Chính phủ ra huấn lệnh, bản thân Hồ Chí Minh gửi thư khen ngợi *\"lòng kiên cường ái "
              "quốc của đồng bào Nam Bộ\".*[95]")
    assert texts(letter) == ["lòng kiên cường ái quốc của đồng bào Nam Bộ"]
    # Another poet's verse about him stays the poet's.
    other = ("Ông trở về Việt Nam năm 1941. Nhà thơ Tố Hữu đã viết về sự kiện này qua bốn câu thơ:\n\n"
             "Bác đã về đây, Tổ quốc ơi! Nhớ thương hòn đất ấm hơi Người.")
    assert texts(other) == []


def test_a_reference_to_his_collected_works_that_quotes_them():
    # Wikipedia's notes as kb's reader gives them, entries joined by "^".
    text = ("việc nước quên việc nhà\".^Hồ Chí Minh: Toàn tập, T. 5, Nhà Xuất bản Chính trị Quốc gia, "
            "Hà Nội, 1995, tr. 40, Trích thư Hồ Chí Minh chia buồn với bác sĩ Vũ Đình Tụng:\"Ngài biết "
            "rằng tôi không có gia đình, cũng không có con cái...\"^Vũ Đình Hòa, Pháp quyền nhân nghĩa "
            "Hồ Chí Minh, Nhà Xuất bản Văn hóa Thông tin, 2001, tr. 151, Trích: \"Trong những buổi vui "
            "vẻ như vậy, nhiều người đề nghị Hồ Chí Minh lấy vợ.\"")
    assert texts(text) == ["Ngài biết rằng tôi không có gia đình, cũng không có con cái..."]


def test_the_communist_international_is_no_foreign_affairs():
    from kb.understand.sector_lexicon import match_sectors
    # "Quốc tế Cộng sản", "Quốc tế thứ 3": an organisation's name, not the field's word "quốc tế".
    text = ("Nguyễn Ái Quốc nói với các đại biểu của Đảng Xã hội Pháp: \"Tôi không hiểu bất cứ điều gì "
            "về chiến lược, nhưng tôi hiểu một điều rất đơn giản: Quốc tế thứ 3 quan tâm rất nhiều tới "
            "vấn đề thuộc địa\".")
    assert [s["sectors"] for s in extract_sayings(text)] == [[]]
    assert match_sectors("Bác luôn coi trọng quan hệ quốc tế") == ["ngoại giao"]


def test_a_work_of_his_cited_by_his_pen_name_and_page():
    # Trần Dân Tiên is a pen name he wrote his memoir under; another author cited the same way
    # stays that author's.
    text = ("Truy cập ngày 4 tháng 1 năm 2021.^Nhiều tác giả 1995, tr. 477.^Trần Dân Tiên (1994), tr. "
            "12: \"Tôi muốn đi ra ngoài, xem nước Pháp và các nước khác. Sau khi xem xét họ làm như thế "
            "nào, tôi sẽ trở về giúp đồng bào chúng ta\"^Duiker (2000), tr. 12: \"Ông là một người rất "
            "kiên nhẫn và khéo léo trong đàm phán\"^")
    assert texts(text) == ["Tôi muốn đi ra ngoài, xem nước Pháp và các nước khác. Sau khi xem xét họ "
                           "làm như thế nào, tôi sẽ trở về giúp đồng bào chúng ta"]


def test_a_letter_to_catholics_speaks_to_religion():
    text = ("Ngay sau khi được tin Tađêô Lê Hữu Từ trở thành Giám mục, Hồ Chí Minh đã gửi thư chúc "
            "mừng vị Giám mục này. Trong thư có đoạn: *\"Có một nhà lãnh đạo mới của người Công giáo "
            "đi theo chân Đức Giê-su, chịu đóng đinh hầu giúp giáo dân biết hy sinh\"*.")
    assert [s["sectors"] for s in extract_sayings(text)] == [["dân tộc, tôn giáo"]]


def test_an_encyclopedia_block_quote_after_a_verb_without_its_colon():
    # vi.wikipedia sets a quotation off as its own paragraph after "Ông xác định" (no colon),
    # a lone reference mark after it.
    text = ("Hồ Chí Minh đọc Luận cương của Lenin năm 1920. Ông tiếp nhận tư tưởng của Lenin, và xem "
            "đó làm kim chỉ nam cho các hoạt động của mình sau này.\n\n[182]Ông xác định\n\nChỉ có chủ "
            "nghĩa cộng sản mới cứu nhân loại, đem lại cho mọi người không phân biệt chủng tộc và nguồn "
            "gốc sự tự do, bình đẳng, bác ái, đoàn kết, ấm no trên quả đất\n\n[183]\n")
    assert texts(text) == ["Chỉ có chủ nghĩa cộng sản mới cứu nhân loại, đem lại cho mọi người không "
                           "phân biệt chủng tộc và nguồn gốc sự tự do, bình đẳng, bác ái, đoàn kết, ấm "
                           "no trên quả đất"]
    # The same layout after someone else's verb stays theirs.
    other = ("Hồ Chí Minh đọc Luận cương của Lenin năm 1920. Nhà sử học Trần Văn Giàu nhận định\n\n"
             "Đó là bước ngoặt lớn nhất trong cuộc đời hoạt động cách mạng của Nguyễn Ái Quốc\n\n[183]\n")
    assert texts(other) == []


def test_his_charge_named_in_a_sentence_about_his_letter():
    # The sentence's subject is his letter's content, not a person: "lời căn dặn" is his when he
    # is the last person named; after another person is named it is not.
    text = ("Vào ngày 15 tháng 5 năm 1961, Hồ Chí Minh đã gửi một lá thư chúc mừng thiếu niên và nhi "
            "đồng. Cụ thể lá thư đã kể về những thời kỳ gian khó của Việt Nam. Sau đó là lời kêu gọi "
            "thế hệ thiếu niên, nhi đồng miền Bắc hướng về miền Nam kèm lời căn dặn \"Yêu tổ quốc, yêu "
            "đồng bào / Học tập tốt, lao động tốt / Đoàn kết tốt, kỷ luật tốt\".")
    assert texts(text) == ["Yêu tổ quốc, yêu đồng bào / Học tập tốt, lao động tốt / Đoàn kết tốt, kỷ "
                           "luật tốt"]
    other = text.replace("Cụ thể lá thư", "Ông Vũ Kỳ kể lại rằng lá thư")
    assert texts(other) == []


def test_a_fragment_after_his_verb_of_judging_and_its_object():
    # "xác định <object> “là ...”": his judgement, woven into the writer's sentence.
    text = ("Do đó, Người hướng tới nghiên cứu chủ nghĩa Mác - Lênin, tìm hiểu Cách mạng Tháng Mười "
            "Nga và xác định chủ nghĩa Mác - Lênin “là chủ nghĩa chân chính nhất, chắc chắn nhất, cách "
            "mệnh nhất”.")
    assert texts(text) == ["là chủ nghĩa chân chính nhất, chắc chắn nhất, cách mệnh nhất"]
    # The object ends on a preposition: the marks are the writer's ("vai trò của thanh niên trong").
    writer = ("Hồ Chí Minh nhấn mạnh vai trò của thanh niên trong “sự nghiệp cách mạng, xây dựng và "
              "bảo vệ Tổ quốc”.")
    assert texts(writer) == []
    # Someone else's judgement stays theirs.
    other = ("Nhà sử học Trần Văn Giàu xác định chủ nghĩa yêu nước “là sợi chỉ đỏ xuyên suốt lịch sử "
             "dân tộc”.")
    assert texts(other) == []


def test_a_fragment_cut_at_its_start_is_woven_in():
    text = ("Trước khi đi, ông bàn giao quyền lãnh đạo đất nước cho Huỳnh Thúc Kháng. Tại Việt Nam, "
            "Hồ Chí Minh dự đoán thời gian ở Pháp là \"...có khi một tháng, có khi hơn\" [119] nhưng "
            "cuối cùng ông đã ở Pháp gần 4 tháng.")
    assert texts(text) == ["...có khi một tháng, có khi hơn"]


def test_his_teaching_set_off_by_a_colon_only():
    # "Bác dạy: ..." — no quotation marks, the sentence after the colon is his.
    text = ("Về thăm trường, Bác dạy: Các cháu phải thi đua học tập thật giỏi để mai sau xây dựng đất "
            "nước. Rồi Bác chia kẹo cho các cháu.")
    assert texts(text) == ["Các cháu phải thi đua học tập thật giỏi để mai sau xây dựng đất nước."]
    # The writer's own summary of his view after "quan niệm:" or "khẳng định:" is not read as
    # his words.
    summary = ("Đi vào thực trạng cách mạng XHCN, Hồ Chí Minh lại khẳng định: CNXH là sự nghiệp của "
               "toàn dân dưới sự lãnh đạo của Đảng.")
    assert texts(summary) == []
    view = ("Hồ Chí Minh quan niệm: đạo đức là gốc của người cách mạng, như sông phải có nguồn, cây "
            "phải có gốc.")
    assert texts(view) == []

def test_a_thing_of_his_that_points_to_the_writers_list_is_not_his_speaking():
    # "Mệnh đề ... của Chủ tịch Hồ Chí Minh chỉ ra bốn nội dung:" — the essay's analysis follows;
    # "Hồ Chí Minh chỉ ra" must not be read from inside "của Chủ tịch Hồ Chí Minh".
    text = ("\"Không có gì quý hơn độc lập, tự do\" là một mệnh đề đấu tranh, đấu tranh cho chân lý. "
            "Mệnh đề đấu tranh này của Chủ tịch Hồ Chí Minh chỉ ra bốn nội dung cơ bản có ý nghĩa lý "
            "luận và thực tiễn rất sâu sắc:\n\nThứ nhất có độc lập, tự do thì sẽ có tất cả; đất nước "
            "không thể phồn vinh, dân tộc không thể phát triển nếu không có được độc lập, tự do.\n")
    assert texts(text) == []
    # His own name as the subject still introduces his words.
    own = ("Năm 1966, Chủ tịch Hồ Chí Minh chỉ ra:\n\nKhông có gì quý hơn độc lập, tự do. Đến ngày "
           "thắng lợi, nhân dân ta sẽ xây dựng lại đất nước ta đàng hoàng hơn, to đẹp hơn.\n")
    assert texts(own) == ["Không có gì quý hơn độc lập, tự do. Đến ngày thắng lợi, nhân dân ta sẽ xây "
                          "dựng lại đất nước ta đàng hoàng hơn, to đẹp hơn."]


def test_a_fragment_further_on_in_the_paragraph_of_his_argument():
    # An essay quotes him, paraphrases, and quotes him again in the same paragraph.
    text = ("Bởi vậy, Hồ Chí Minh chỉ rõ: làm cách mạng XHCN thì “phải thay đổi quan hệ sản xuất cũ, "
            "xóa bỏ giai cấp bóc lột, xây dựng quan hệ sản xuất mới”… Tức là chúng ta phải xây dựng một "
            "xã hội hoàn toàn mới xưa nay chưa từng có trong lịch sử dân tộc. Nhưng ta đi lên CNXH từ "
            "một nền kinh tế nhiều thành phần thấp kém, thì đó “là một cuộc biến đổi khó khăn và sâu "
            "sắc nhất”.")
    assert texts(text)[1:] == ["là một cuộc biến đổi khó khăn và sâu sắc nhất"]


def test_the_writers_own_phrases_after_his_quote_stay_the_writers():
    # A principle the writer names ("Quán triệt quan điểm “…”"), a phrase completing the writer's
    # noun ("một bộ trang phục của “…”"), a new paragraph: not his argument going on.
    principle = ("Người viết: “Cần dùng bạo lực cách mạng chống lại bạo lực phản cách mạng, giành chính "
                 "quyền và bảo vệ chính quyền”[23]. Quán triệt quan điểm “cách mạng là sự nghiệp của "
                 "quần chúng”, Chủ tịch Hồ Chí Minh chỉ rõ, bạo lực cách mạng ở đây là bạo lực của quần "
                 "chúng.")
    assert "cách mạng là sự nghiệp của quần chúng" not in texts(principle)
    costume = ("Bác phân tích: “Vùng này có nhiều người dân tộc Nùng. Cả nhóm ăn mặc như những chàng rể "
               "người Nùng”. Bác cũng tự lo cho mình một bộ trang phục của “chàng rể già người Nùng” rất "
               "chu đáo.")
    assert texts(costume) == ["Vùng này có nhiều người dân tộc Nùng. Cả nhóm ăn mặc như những chàng rể "
                              "người Nùng"]
    paragraph = ("Bác phân tích: “Vùng này có nhiều người dân tộc Nùng, phải ăn mặc như họ”.\n\nNhiều năm "
                 "sau, nhân dân vẫn nhắc đến “những ngày đón Bác về nước năm ấy”.")
    assert texts(paragraph) == ["Vùng này có nhiều người dân tộc Nùng, phải ăn mặc như họ"]


def test_a_fragment_after_his_quote_in_someone_elses_sentence_is_not_his_argument():
    # The seed article: a Party cell follows his standard "“…”" and then leads a project "“…”".
    text = ("Đảng bộ cơ quan Sở Tư pháp thực hiện tốt chuẩn mực đạo đức Bác Hồ “Cán bộ tư pháp phải "
            "phụng công thủ pháp” để liên hệ làm theo và là đơn vị đầu tiên trong cả nước chủ trì xây "
            "dựng “đề án liên thông thủ tục công chứng đăng ký quyền sử dụng đất”.")
    assert texts(text) == ["Cán bộ tư pháp phải phụng công thủ pháp"]


def test_the_writers_comment_after_his_quote_is_not_his_argument():
    text = ("Hồ Chí Minh viết: “Muốn cứu nước và giải phóng dân tộc không có con đường nào khác con "
            "đường cách mạng vô sản”. Đó là “một cống hiến lớn về lý luận cách mạng giải phóng dân "
            "tộc”.")
    assert texts(text) == ["Muốn cứu nước và giải phóng dân tộc không có con đường nào khác con đường "
                           "cách mạng vô sản"]

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


def texts(text: str) -> list[str]:
    return [s["text"] for s in extract_sayings(text)]


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

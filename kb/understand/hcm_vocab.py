"""The words kb reads attribution with: verbs of saying, his names, adverbs, capital letters.

Shared by kb.understand.attribution (whose words a quote is) and kb.understand.voices (the
voices that are not his).
"""

from __future__ import annotations

VERBS = (
    r"(?:nói|dạy|căn dặn|dặn dò|dặn|viết|khẳng định|chỉ rõ|nhấn mạnh|yêu cầu|cho rằng|khuyên"
    r"|nhắc nhở|nhắc|huấn thị|chỉ ra|đúc kết|kêu gọi|tuyên bố|phát biểu|nêu rõ|xác định"
    r"|chỉ dẫn|răn dạy|nhận định|đòi hỏi|định nghĩa|giải thích|quan niệm|mong muốn"
    r"|nhận xét|chỉ thị|kết luận|trả lời|ví|coi|gọi|phân tích|cho biết|bảo|hỏi|hỏi thăm"
    r"|chấn chỉnh|reo lên|đọc|đáp|tâm sự|thừa nhận|lưu ý|phê bình|nhận thấy|mong|dạy bảo"
    r"|đề ra|đề nghị|nhắn|nhắn nhủ|ghi|thốt lên|cười|đi đến kết luận|đi đến luận điểm|cảnh báo"
    r"|chỉ thị|nêu|ân cần|vạch rõ|tiếp|thêm|nhận|kể|hứa|khuyến khích|động viên|biểu dương"
    r"|kiến nghị|đề xuất|tổng kết|dự báo|dự đoán|cảnh tỉnh|khuyên răn|lên án|tố cáo|vạch trần"
    r"|bày tỏ|phê phán|quán triệt|lập luận|trình bày|căn dặn)"
)
# Verbs that introduce words said or written, for the looser patterns (a name, then anything
# short, then the verb): "Người đã mừng rỡ đến trào nước mắt, đã reo lên".
SPEECH = (
    r"(?:nói|dạy|căn dặn|dặn dò|dặn|viết|khẳng định|chỉ rõ|nhấn mạnh|hỏi|trả lời|bảo|reo lên|kêu gọi"
    r"|tuyên bố|nhắc nhở|khuyên|phát biểu|cho rằng|chỉ ra|nêu rõ|phân tích|kết luận|đi đến kết luận"
    r"|đi đến luận điểm|đáp|huấn thị|chỉ thị|viết rằng|nhận định|xác định|yêu cầu)"
)
# What a capitalised "Người" does when it is him ("Người ra Lời kêu gọi", "Người thể hiện"), not a
# noun phrase ("Người giàu cũng khóc", "Người dân").
ACTS = r"(?:đã|vẫn|cũng|luôn|còn|lại|ra|gửi|có|thể hiện|đưa ra|nêu lên|đến|về|đi|bèn|liền|từng)"
ADVERBS = (r"(?:\s+(?:đã|từng|thường|luôn|luôn luôn|cũng|lại|còn|rất|hay|nhiều lần|ân cần|có lần"
            r"|đã từng|đặc biệt|sinh thời|liền|vẫn|đều|mới|bèn|cũng đã|trịnh trọng|quay sang|nghiêm khắc"
            r"|tiếp tục|hóm hỉnh|vui vẻ|chân thành|thẳng thắn))*")
# A name that is always him, then anything short within the sentence, then a verb.
FULL_NAME = (r"(?:Chủ tịch Hồ Chí Minh|Hồ Chủ tịch|Bác Hồ|Hồ Chí Minh|Nguyễn Ái Quốc|Nguyễn Tất Thành"
              r"|Chủ tịch Hồ Chí Minh|Chủ tịch nước Hồ Chí Minh|Cụ Hồ)")
# Capital letters: "Người Việt" (a newspaper), "Người Pháp" are names, not him.
UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
# Words before his name that make him the one spoken to or about, not the speaker.
OBJECT = r"(?<!của )(?<!về )(?<!với )(?<!cho )(?<!hỏi )(?<!thưa )(?<!Thưa )(?<!tặng )(?<!gửi )(?<!kính )"
# The pen names he wrote about himself under (his memoirs in the third person): as the author of
# a cited work they name him ("Trần Dân Tiên (1994), tr. 12: “…”").
PEN_NAMES = r"(?:Trần Dân Tiên|T\. Lan)"
# Titles and trades written before a person's name: whoever they name is someone else than him
# ("nhà báo Trần Văn Hải", "Đại tướng Võ Nguyên Giáp", "Giáo sư Trần Văn Giàu"). Lower case;
# matched ignoring case.
PERSON_TITLES = (r"(?:nhà báo|phóng viên|ký giả|nhà văn|nhà thơ|nhà nghiên cứu|nhà sử học|nhà giáo|nhạc sĩ|họa sĩ"
                 r"|giáo sư|phó giáo sư|gs\.?|pgs\.?|tiến sĩ|ts\.?|thạc sĩ|bác sĩ|luật sư|kỹ sư|nghệ sĩ"
                 r"|đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|trung tá|thiếu tá|đại úy|thượng úy"
                 r"|trung úy|thiếu úy|tướng|cụ|cụ ông|cụ bà|cô|thầy|thầy giáo|cô giáo|anh|chị|bà|ông|đồng chí"
                 r"|tổng bí thư|thủ tướng|phó thủ tướng|chủ tịch nước|chủ tịch quốc hội|bộ trưởng|thứ trưởng"
                 r"|bí thư|phó bí thư|chủ nhiệm|giám đốc|trưởng ban|tổng thống|hoàng đế|vua|thống chế)")
# Bodies that speak through their documents, named with a capital: "Ban Tuyên giáo Trung ương",
# "Hội Liên hiệp Phụ nữ Việt Nam", "Bộ Chính trị", "Tỉnh ủy Nghệ An".
ORGANISATIONS = (r"(?:Ban|Hội|Bộ|Ủy ban|Uỷ ban|Viện|Sở|Mặt trận|Liên đoàn|Tổng Liên đoàn|Trung ương Đoàn|Đảng ủy"
                 r"|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quốc hội|Chính phủ|Học viện|Trường"
                 r"|Báo|Tạp chí|Đài|Hãng|Tổ chức|Liên hợp quốc|Đại hội)")

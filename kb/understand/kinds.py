"""Tables of the official layout: kinds of documents and the phrases whose case is fixed."""

from __future__ import annotations

# Capitalised kind line -> display name; longest first so "BỘ LUẬT" wins over "LUẬT".
KINDS = {
    "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
    "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch",
    "HƯỚNG DẪN LIÊN NGÀNH": "Hướng dẫn",
    "NGHỊ ĐỊNH THƯ": "Nghị định thư",
    "BỘ LUẬT": "Bộ luật",
    "LUẬT": "Luật",
    "PHÁP LỆNH": "Pháp lệnh",
    "HIẾN PHÁP": "Hiến pháp",
    "SẮC LỆNH": "Sắc lệnh",
    "NGHỊ ĐỊNH": "Nghị định",
    "THÔNG TƯ": "Thông tư",
    "CHỈ THỊ": "Chỉ thị",
    "NGHỊ QUYẾT": "Nghị quyết",
    "QUYẾT ĐỊNH": "Quyết định",
    "QUY ĐỊNH": "Quy định",
    "KẾT LUẬN": "Kết luận",
    "HƯỚNG DẪN": "Hướng dẫn",
    "KẾ HOẠCH": "Kế hoạch",
    "BÁO CÁO": "Báo cáo",
    "THÔNG BÁO": "Thông báo",
    "THÔNG TRI": "Thông tri",
    "CÔNG VĂN": "Công văn",
    "TỜ TRÌNH": "Tờ trình",
    "BIÊN BẢN": "Biên bản",
    "ĐỀ CƯƠNG": "Đề cương",
    "ĐIỀU LỆ": "Điều lệ",
    "QUY CHẾ": "Quy chế",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động",
    "CHƯƠNG TRÌNH": "Chương trình",
    "ĐỀ ÁN": "Đề án",
    "LỜI KÊU GỌI": "Lời kêu gọi",
    "TUYÊN NGÔN": "Tuyên ngôn",
    "DI CHÚC": "Di chúc",
    "CƯƠNG LĨNH": "Cương lĩnh",
    # The other kinds Nghị định 30/2020/NĐ-CP (Điều 7) and Hướng dẫn 36-HD/VPTW list: without
    # them a telegram headed "Về việc …" under its number passes for a công văn.
    "CÔNG ĐIỆN": "Công điện",
    "THÔNG CÁO": "Thông cáo",
    "TUYÊN BỐ": "Tuyên bố",
    "PHƯƠNG ÁN": "Phương án",
    "DỰ ÁN": "Dự án",
    "HỢP ĐỒNG": "Hợp đồng",
    "BẢN GHI NHỚ": "Bản ghi nhớ",
    "BẢN THỎA THUẬN": "Bản thỏa thuận",
    "BẢN THOẢ THUẬN": "Bản thỏa thuận",
    "GIẤY ỦY QUYỀN": "Giấy ủy quyền",
    "GIẤY UỶ QUYỀN": "Giấy ủy quyền",
    "GIẤY MỜI": "Giấy mời",
    "GIẤY GIỚI THIỆU": "Giấy giới thiệu",
    "GIẤY NGHỈ PHÉP": "Giấy nghỉ phép",
    "THƯ CÔNG": "Thư công",
}

# Kinds of a text in its author's own voice, which its title alone names ("Tuyên ngôn độc lập",
# "Lời kêu gọi toàn quốc kháng chiến"): such texts often print no kind line above them.
PROCLAMATIONS = ("Tuyên ngôn", "Lời kêu gọi", "Di chúc")

# Canonical spelling of bodies and titles inside a capitalised line, longest first.
PHRASES = [
    "Ban Chấp hành Trung ương", "Đảng Cộng sản Việt Nam", "Ủy ban nhân dân", "Uỷ ban nhân dân",
    "Hội đồng nhân dân", "Mặt trận Tổ quốc", "Tòa án nhân dân", "Toà án nhân dân",
    "Viện kiểm sát nhân dân", "Ủy ban Thường vụ Quốc hội", "Chủ tịch nước", "Chủ tịch Quốc hội",
    "Thủ tướng Chính phủ", "Văn phòng Trung ương Đảng", "Trung ương Đảng", "Bộ Chính trị",
    "Ban Bí thư", "Tổng Bí thư", "Ban Thường vụ", "Chánh Văn phòng", "Hồ Chí Minh", "Việt Nam",
    "Quốc hội", "Chính phủ", "Thủ tướng", "Chủ tịch", "Bí thư", "Trung ương", "Văn phòng",
    "Công Thương", "Chánh án", "Viện trưởng", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ",
    "Bộ trưởng", "Thứ trưởng", "Cục trưởng", "Vụ trưởng", "Giám đốc", "Trưởng ban",
    "Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước", "Thống đốc", "Kiểm toán Nhà nước",
    "Viện kiểm sát nhân dân tối cao", "Tòa án nhân dân tối cao", "Toà án nhân dân tối cao",
    "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Quận đoàn", "Tổng Liên đoàn Lao động Việt Nam",
]

# In a summary only proper names keep capitals ("văn phòng tỉnh ủy" there is generic).
TITLE_PHRASES = [
    "Ban Chấp hành Trung ương", "Đảng Cộng sản Việt Nam", "Mặt trận Tổ quốc", "Tòa án nhân dân",
    "Toà án nhân dân", "Viện kiểm sát nhân dân", "Hội đồng nhân dân", "Ủy ban nhân dân",
    "Uỷ ban nhân dân", "Chánh Văn phòng", "Văn phòng Trung ương Đảng", "Trung ương Đảng",
    "Bộ Chính trị", "Ban Bí thư", "Tổng Bí thư", "Hồ Chí Minh", "Việt Nam", "Quốc hội",
    "Chính phủ", "Thủ tướng", "Công an nhân dân", "Quân đội nhân dân", "Bác Hồ",
]

# Words a body's name starts with in a header or a signature ("BỘ CÔNG AN", "Ngân hàng ...").
ORG_WORDS = [
    "Ban", "Bộ", "Ủy ban", "Uỷ ban", "UBND", "Đảng bộ", "Đảng ủy", "Đảng uỷ", "Đảng đoàn",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Quận ủy", "Quận uỷ",
    "Thị ủy", "Thị uỷ", "Quân ủy", "Văn phòng", "Chính phủ", "Quốc hội", "Thủ tướng", "Sở", "Cục",
    "Tổng cục", "Hội đồng", "Tòa án", "Toà án", "Viện", "Chi bộ", "Đại hội", "Chủ tịch", "Đoàn",
    "Mặt trận", "Học viện", "Trường", "Công an", "Chi cục", "Phòng", "Ngân hàng", "Kiểm toán",
    "Thanh tra", "Tổng Liên đoàn", "Liên đoàn", "Hội", "Trung tâm", "Tập đoàn", "Tổng công ty",
    "Đài", "Bộ Tư lệnh", "Liên bộ", "Liên tịch", "Công đoàn", "Tỉnh đoàn", "Thành đoàn",
    "Huyện đoàn", "Quận đoàn", "Bệnh viện", "Đại học",
]

# Titles a signer holds, without "Phó" (a deputy's title is "Phó" and one of these).
OFFICES = [
    "Tổng Bí thư", "Bí thư", "Chủ tịch", "Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Thống đốc",
    "Trưởng ban", "Chánh Văn phòng", "Giám đốc", "Tổng Giám đốc", "Cục trưởng",
    "Tổng cục trưởng", "Chi cục trưởng", "Vụ trưởng", "Viện trưởng", "Chánh án", "Chủ nhiệm",
    "Tổng Kiểm toán", "Tổng Thư ký", "Tổng Thanh tra", "Chánh Thanh tra", "Trưởng phòng",
    "Hiệu trưởng", "Thủ trưởng", "Tư lệnh", "Chính ủy", "Trưởng đoàn", "Chủ nhiệm Ủy ban",
]

# Military ranks and academic titles printed before a signer's name ("Thượng tướng Tô Lâm").
RANKS = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
    "Thiếu tá", "Đô đốc", "Phó Đô đốc", "Chuẩn Đô đốc", "GS.TSKH.", "GS.TS.", "PGS.TS.", "GS.",
    "PGS.", "TS.", "ThS.", "GS.TSKH", "GS.TS", "PGS.TS",
]

# Vietnamese family names: a signer's name begins with one of them.
# Given names that are family names too ("Văn", "Quang") are left out: a line cut inside a name
# ("… Trần / Văn Tá") must not pass for a whole one.
SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đào Lương
Mai Tô Đoàn Lâm Giàng Hà Thái Cao Chu Lưu Nông Triệu Kiều Tạ Quách Vương Từ Lại Thân La Trịnh
Khổng Âu Phùng Tống Mạc Lò Hầu Sùng Thào Vàng Châu Diệp Đàm Hứa Hàn Lã Lục Lường Mã Phí Sầm
Tăng Thạch Tôn Vi Ksor Bế Cầm Chế Đậu Đồng Giáp Khúc Khương Lỗ Mẫn Nghiêm Nhữ Tiêu Tưởng Cù Doãn
Khuất Lữ Nhâm
""".split())

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
    "DI CHÚC": "Di chúc",
    "CƯƠNG LĨNH": "Cương lĩnh",
}

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
]

# In a summary only proper names keep capitals ("văn phòng tỉnh ủy" there is generic).
TITLE_PHRASES = [
    "Ban Chấp hành Trung ương", "Đảng Cộng sản Việt Nam", "Mặt trận Tổ quốc", "Tòa án nhân dân",
    "Toà án nhân dân", "Viện kiểm sát nhân dân", "Hội đồng nhân dân", "Ủy ban nhân dân",
    "Uỷ ban nhân dân", "Chánh Văn phòng", "Văn phòng Trung ương Đảng", "Trung ương Đảng",
    "Bộ Chính trị", "Ban Bí thư", "Tổng Bí thư", "Hồ Chí Minh", "Việt Nam", "Quốc hội",
    "Chính phủ", "Thủ tướng", "Công an nhân dân", "Quân đội nhân dân", "Bác Hồ",
]

"""Issue #19 §1, §2, §6: the introduction (/gioi-thieu/), the leaders (/gioi-thieu/lanh-dao/), "last updated" and
the review-by dates."""

VI = {
    # sections and page types
    "Introduction": "Giới thiệu",
    "Organisation structure": "Cơ cấu tổ chức",
    "Functions and duties": "Chức năng, nhiệm vụ",
    "Natural conditions": "Điều kiện tự nhiên",
    "History and culture": "Lịch sử, văn hóa",
    "Administrative map": "Bản đồ hành chính",
    "Contact information": "Thông tin liên hệ",
    "Leaders": "Lãnh đạo",
    "introduction page": "trang giới thiệu",
    "organisation page": "trang cơ cấu tổ chức",
    "administrative map page": "trang bản đồ hành chính",
    "contact page": "trang thông tin liên hệ",
    "leaders page": "trang lãnh đạo",
    "standard page": "trang thông thường",
    # public pages
    "In this section": "Các mục trong phần này",
    "This content is being updated.": "Nội dung đang được cập nhật.",
    "Last updated:": "Cập nhật lần cuối:",
    "Download the map: %(title)s (%(ext)s)": "Tải bản đồ: %(title)s (%(ext)s)",
    "The organisation chart in words": "Sơ đồ tổ chức dạng văn bản",
    "Press spokesperson": "Người phát ngôn",
    "Chairman of the People's Committee": "Chủ tịch Ủy ban nhân dân",
    "Fax": "Fax",
    "E-mail": "Thư điện tử",
    "Working hours": "Thời gian làm việc",
    "Term": "Nhiệm kỳ",
    "Duties": "Nhiệm vụ đảm nhiệm",
    "Biography": "Tiểu sử",
    # review dates
    "review by": "xem lại trước ngày",
    "Review by": "Xem lại trước ngày",
    "By this date someone checks that the page is still accurate; shown only in the admin.": (
        "Đến ngày này cần kiểm tra lại nội dung trang còn chính xác; chỉ hiện trong trang quản trị."
    ),
    "Pages past their review date": "Trang quá hạn xem lại",
    (
        "%(counter)s live page should have been reviewed before %(day)s: check it is still accurate, then set its "
        "next review date (Settings tab).",
        0,
    ): (
        "%(counter)s trang đang đăng đã quá hạn xem lại (trước ngày %(day)s): kiểm tra nội dung còn chính xác, "
        "rồi đặt ngày xem lại tiếp theo (thẻ Cài đặt)."
    ),
    # page fields
    "body": "nội dung",
    "map image": "ảnh bản đồ",
    "alt text": "văn bản thay thế",
    "What the map shows, for readers who cannot see it (the villages, neighbouring units, main roads). "
    "Empty: the image's own description.": (
        "Bản đồ thể hiện gì, cho người đọc không xem được ảnh (các thôn, đơn vị giáp ranh, đường chính). "
        "Để trống: dùng mô tả của ảnh."
    ),
    "caption": "chú thích",
    "file to download": "tệp để tải về",
    "Optional: the map in full resolution (PDF or image).": "Không bắt buộc: bản đồ độ phân giải đầy đủ (PDF hoặc ảnh).",
    "Map": "Bản đồ",
    "Describe the image for readers who cannot see it (its alt text).": (
        "Hãy mô tả ảnh cho người đọc không xem được ảnh (văn bản thay thế)."
    ),
    "organisation chart": "sơ đồ tổ chức",
    "Organisation chart": "Sơ đồ tổ chức",
    "Empty: the image's own description.": "Để trống: dùng mô tả của ảnh.",
    "the chart in words": "sơ đồ dạng văn bản",
    "Required with a chart: who leads, which offices and units report to whom, one per line. Shown under the "
    "chart for readers who cannot see it.": (
        "Bắt buộc khi có sơ đồ: ai lãnh đạo, các phòng, ban, đơn vị trực thuộc ai, mỗi dòng một mục. Hiện dưới "
        "sơ đồ cho người đọc không xem được ảnh."
    ),
    "Describe the organisation chart in words for readers who cannot see it.": (
        "Hãy mô tả sơ đồ tổ chức bằng lời cho người đọc không xem được ảnh."
    ),
    "address": "địa chỉ",
    "phone": "điện thoại",
    "fax": "fax",
    "e-mail": "thư điện tử",
    "working hours": "thời gian làm việc",
    "e.g. Monday to Friday, 7:00–11:30 and 13:30–17:00.": "ví dụ: Thứ Hai đến Thứ Sáu, 7:00–11:30 và 13:30–17:00.",
    "spokesperson's name": "họ tên người phát ngôn",
    "spokesperson's position": "chức vụ người phát ngôn",
    "spokesperson's phone": "điện thoại người phát ngôn",
    "spokesperson's e-mail": "thư điện tử người phát ngôn",
    "The agency": "Cơ quan",
    "Empty fields show the unit's address, phone and e-mail from its settings.": (
        "Ô để trống sẽ hiện địa chỉ, điện thoại, thư điện tử trong cài đặt của đơn vị."
    ),
    # validation
    "Enter a phone number of 8 to 15 digits, such as 0259 3864 123 or +84 259 3864 123 (digits, spaces, dots, "
    "hyphens or brackets only).": (
        "Nhập số điện thoại từ 8 đến 15 chữ số, ví dụ 0259 3864 123 hoặc +84 259 3864 123 (chỉ gồm chữ số, "
        "dấu cách, dấu chấm, gạch nối hoặc ngoặc đơn)."
    ),
    "Enter a valid e-mail address, such as vanphong@ninhphuoc.gov.vn.": (
        "Nhập địa chỉ thư điện tử hợp lệ, ví dụ vanphong@ninhphuoc.gov.vn."
    ),
    # leaders (officials)
    "in office": "đang đương nhiệm",
    "Untick when the leader leaves: their articles stay.": "Bỏ chọn khi lãnh đạo thôi giữ chức: các tin bài vẫn giữ nguyên.",
    "sort order": "thứ tự",
    "Place on the public list (lower first). 0: from the position (Secretary, Chairman ...).": (
        "Vị trí trong danh sách công khai (số nhỏ đứng trước). 0: theo chức vụ (Bí thư, Chủ tịch ...)."
    ),
    "shown publicly": "hiện công khai",
    "Listed on the unit's leaders page with the details below.": (
        "Hiện trên trang Lãnh đạo của đơn vị với các thông tin dưới đây."
    ),
    "department": "đơn vị công tác",
    "Where the leader works (đơn vị công tác), e.g. People's Committee of the commune.": (
        "Nơi lãnh đạo công tác, ví dụ: Ủy ban nhân dân xã."
    ),
    "consent to publish photo and biography recorded": "đã có văn bản đồng ý công khai ảnh và tiểu sử",
    "Photo and biography are personal data: they are shown publicly only once the leader's written consent "
    "is on file (Decree 13/2023/ND-CP, Article 17). Name, position, department and the official phone and "
    "e-mail are shown without it.": (
        "Ảnh và tiểu sử là dữ liệu cá nhân: chỉ hiện công khai khi đã lưu văn bản đồng ý của người đó (Nghị "
        "định 13/2023/NĐ-CP, Điều 17). Họ tên, chức vụ, đơn vị công tác, điện thoại và thư điện tử công vụ được "
        "hiện mà không cần."
    ),
    "photo": "ảnh",
    "photo alt text": "văn bản thay thế của ảnh",
    "Required with a photo; empty: the image's own description.": (
        "Bắt buộc khi có ảnh; để trống: dùng mô tả của ảnh."
    ),
    "Describe the photo for readers who cannot see it (e.g. the leader's name and position).": (
        "Hãy mô tả ảnh cho người đọc không xem được ảnh (ví dụ: họ tên và chức vụ của lãnh đạo)."
    ),
    "term": "nhiệm kỳ",
    "e.g. 2021–2026": "ví dụ: 2021–2026",
    "duties": "nhiệm vụ đảm nhiệm",
    "The fields and tasks the leader is in charge of.": "Các lĩnh vực, công việc lãnh đạo phụ trách.",
    "biography": "tiểu sử",
    "office phone": "điện thoại cơ quan",
    "The official office line, not a personal mobile number.": (
        "Số điện thoại công vụ của cơ quan, không dùng số di động cá nhân."
    ),
    "office fax": "fax cơ quan",
    "office e-mail": "thư điện tử công vụ",
    "The official address (…@….gov.vn), not a personal mailbox.": (
        "Địa chỉ thư công vụ (…@….gov.vn), không dùng hộp thư cá nhân."
    ),
    "Public profile": "Thông tin công khai",
    # access to information (disclosure list)
    "Organisation structure, functions, duties and powers of the agency and its units": (
        "Cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn của cơ quan và đơn vị trực thuộc"
    ),
    "Law on Access to Information 2016, Article 17(1)(k) and Article 19(1)(đ)": (
        "Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm k và Điều 19 khoản 1 điểm đ"
    ),
    "Leaders of the agency (names, positions, duties, contacts), the agency's contacts and its press "
    "spokesperson": (
        "Lãnh đạo cơ quan (họ tên, chức vụ, nhiệm vụ, liên hệ), thông tin liên hệ của cơ quan và người phát ngôn"
    ),
    "Law on Access to Information 2016, Article 19(1)(đ); Decree 42/2022/ND-CP, Article 4(1)(e); "
    "Decree 09/2017/ND-CP (press spokesperson)": (
        "Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm đ; Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1 điểm e; "
        "Nghị định 09/2017/NĐ-CP (người phát ngôn)"
    ),
}

"""Issue #21: the restructuring and legacy apps' names, the plan's headings, the unit's new fields."""

VI = {
    "Legacy imports": "Nhập dữ liệu cổng cũ",
    "Restructuring units": "Sắp xếp đơn vị hành chính",
    "Nothing to change: this plan has already been carried out.": (
        "Không có gì để thay đổi: phương án này đã được thực hiện."
    ),
    "Units in the plan": "Đơn vị",
    "Pages in the plan": "Trang",
    "Images and files in the plan": "Ảnh và tệp",
    "Accounts in the plan": "Tài khoản",
    "Hostnames in the plan": "Tên miền",
    "Redirects in the plan": "Chuyển hướng",
    "Other records in the plan": "Dữ liệu khác",
    "former hostname": "tên miền cũ",
    "former hostnames": "tên miền cũ",
    "old address": "địa chỉ cũ",
    "moved page": "trang đã chuyển",
    "moved pages": "trang đã chuyển",
    "merged into": "đã hợp nhất vào",
    "dissolved at": "thời điểm giải thể",
    "%(name)s (merged on %(date)s)": "%(name)s (đã sáp nhập ngày %(date)s)",
    "unpublished on this portal since the import: left alone": (
        "đã bị gỡ hoặc ngừng xuất bản trên cổng này sau khi nhập: giữ nguyên"
    ),
    # legacy/landing.py: the one reader of category maps
    "The category map %(path)s cannot be read: %(error)s": "Không đọc được bảng ánh xạ chuyên mục %(path)s: %(error)s",
    "The category map %(path)s must map each source category to a category slug.": (
        "Bảng ánh xạ chuyên mục %(path)s phải gán mỗi chuyên mục nguồn với một mã chuyên mục."
    ),
}

"""Errors and headers (#16 items 10 and 11): the page answering a malformed address (portal/security.py)."""

VI = {
    "Invalid address": "Địa chỉ không hợp lệ",
    "The address holds characters that no page of the portal uses. Check the link, or start again from the "
    "home page.": "Địa chỉ có ký tự mà không trang nào của cổng thông tin sử dụng. Vui lòng kiểm tra lại "
    "đường dẫn hoặc bắt đầu lại từ trang chủ.",
}

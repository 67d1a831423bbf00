"""Vietnamese for #16 items 8, 9, 12, 13 (request body limits)."""

VI = {
    "Data sent to this page must state its length.": "Dữ liệu gửi tới trang này phải ghi rõ độ dài.",
    "The length of the data sent is not valid.": "Độ dài của dữ liệu gửi lên không hợp lệ.",
    "The data sent is too large for this page.": "Dữ liệu gửi lên quá lớn đối với trang này.",
}

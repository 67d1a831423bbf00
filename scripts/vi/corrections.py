"""Small corrections (#17): a news article's slug that one of the news list's own addresses would hide
(news/forms.py). The slug field is "Mã định danh" in the admin, so the message names it so."""

VI = {
    "The slug “%(slug)s” is already an address of “%(parent)s” itself (such as its RSS or Atom feed): a page "
    "with this slug could never be opened. Choose another slug.": "Mã định danh “%(slug)s” trùng với một địa "
    "chỉ riêng của “%(parent)s” (như bản tin RSS hoặc Atom): trang có mã định danh này sẽ không bao giờ mở "
    "được. Hãy chọn mã định danh khác.",
}

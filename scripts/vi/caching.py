"""Issue #18: an admin message the autosave of Wagtail 8 brings to the fore (a new page, autosaved while typed,
is submitted from the edit view)."""

VI = {
    "Page '%(page_title)s' has been submitted for moderation.": "Đã gửi duyệt trang “%(page_title)s”.",
}

"""Issue #21 §2 "Importing a legacy portal" by its pages (legacy/html.py, legacy/pages.py, import_pages)."""

VI = {
    # legacy/html.py (import report)
    "image missing: %(url)s": "thiếu ảnh: %(url)s",
    "file missing: %(url)s": "thiếu tệp: %(url)s",
    # legacy/pages.py: config
    "Config file not found: %(path)s": "Không tìm thấy tệp cấu hình: %(path)s",
    "Cannot read the config file %(path)s: %(error)s": "Không đọc được tệp cấu hình %(path)s: %(error)s",
    "The config file %(path)s is not valid TOML: %(error)s": (
        "Tệp cấu hình %(path)s không đúng định dạng TOML: %(error)s"
    ),
    "The config has no [source] section.": "Tệp cấu hình thiếu mục [source].",
    "The config has no [selectors] section.": "Tệp cấu hình thiếu mục [selectors].",
    "%(where)s: “%(key)s” must be a text.": "%(where)s: “%(key)s” phải là một chuỗi ký tự.",
    "[source] hosts must list the hosts pages may be fetched from.": (
        "[source] hosts phải liệt kê các máy chủ được phép lấy trang."
    ),
    "[source] urls must be a list of addresses.": "[source] urls phải là một danh sách địa chỉ.",
    "[source] needs one of urls, sitemap or rss.": "[source] cần một trong urls, sitemap hoặc rss.",
    "[source] takes only one of urls, sitemap or rss (found: %(names)s).": (
        "[source] chỉ nhận một trong urls, sitemap hoặc rss (đang có: %(names)s)."
    ),
    "Not an http(s) address: %(url)s": "Không phải địa chỉ http(s): %(url)s",
    "%(url)s is not on a host the config allows (%(hosts)s).": (
        "%(url)s không thuộc máy chủ được phép trong cấu hình (%(hosts)s)."
    ),
    "[source] kind must be “news” or “page”.": "[source] kind phải là “news” hoặc “page”.",
    "[selectors] must name %(keys)s.": "[selectors] phải khai báo %(keys)s.",
    "[selectors] remove must be a list of selectors.": "[selectors] remove phải là một danh sách bộ chọn.",
    "[selectors] date_format must be one of %(formats)s.": (
        "[selectors] date_format phải là một trong các dạng %(formats)s."
    ),
    "Not a valid CSS selector: %(selector)s": "Bộ chọn CSS không hợp lệ: %(selector)s",
    "Cannot read the category map %(path)s: %(error)s": "Không đọc được tệp ánh xạ chuyên mục %(path)s: %(error)s",
    "The category map %(path)s is not valid TOML: %(error)s": (
        "Tệp ánh xạ chuyên mục %(path)s không đúng định dạng TOML: %(error)s"
    ),
    "The category map must map each source category to a category slug.": (
        "Tệp ánh xạ phải gán mỗi chuyên mục nguồn với một mã (slug) chuyên mục."
    ),
    # legacy/pages.py: fetching and reading (import report)
    "not an http(s) address: %(url)s": "không phải địa chỉ http(s): %(url)s",
    "host not allowed by the config: %(url)s": "máy chủ không được phép trong cấu hình: %(url)s",
    "fetch failed: %(url)s (%(error)s)": "không tải được: %(url)s (%(error)s)",
    "HTTP %(status)s: %(url)s": "HTTP %(status)s: %(url)s",
    "larger than %(mb)s MB: %(url)s": "lớn hơn %(mb)s MB: %(url)s",
    "too many redirects: %(url)s": "chuyển hướng quá nhiều lần: %(url)s",
    "not an HTML page (%(type)s)": "không phải trang HTML (%(type)s)",
    "no title (selector “%(selector)s” found nothing)": "không có tiêu đề (bộ chọn “%(selector)s” không thấy gì)",
    "no body (selector “%(selector)s” found nothing)": "không có nội dung (bộ chọn “%(selector)s” không thấy gì)",
    "no date found: imported with today's date": "không thấy ngày đăng: nhập với ngày hôm nay",
    # legacy/management/commands/import_pages.py
    "--limit must be a positive number.": "--limit phải là số dương.",
    "--delay cannot be negative.": "--delay không được âm.",
    "No active unit with the slug “%(slug)s”.": "Không có đơn vị đang hoạt động với mã “%(slug)s”.",
    "The unit “%(slug)s” has no site.": "Đơn vị “%(slug)s” chưa có trang web.",
    "Unmapped categories: %(keys)s": "Chuyên mục chưa được ánh xạ: %(keys)s",
    "Imported pages into %(unit)s: %(summary)s. Report: %(path)s": (
        "Đã nhập trang vào %(unit)s: %(summary)s. Báo cáo: %(path)s"
    ),
}

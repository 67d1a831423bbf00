"""Issue #21 §2 "Importing a legacy portal" (legacy/): the import core (models, landing, files, report) and the
NukeViet 4 importer (import_nukeviet). Msgids shared with scripts/vi/legacy_pages.py carry the same text."""

VI = {
    # legacy/models.py
    "source": "nguồn",
    "kind": "loại",
    "key": "khóa",
    "old URL": "địa chỉ cũ",
    "checksum": "mã kiểm tra",
    "imported at": "nhập lúc",
    "updated at": "cập nhật lúc",
    "imported item": "mục đã nhập",
    "imported items": "các mục đã nhập",
    "options": "tùy chọn",
    "started at": "bắt đầu lúc",
    "finished at": "kết thúc lúc",
    "counts": "số lượng",
    "report": "báo cáo",
    "import run": "lần nhập",
    "import runs": "các lần nhập",
    "unit": "đơn vị",
    "page": "trang",
    # legacy/landing.py (report reasons and refusals)
    "unpublished at the source: landed as a draft": "chưa xuất bản ở nguồn: nhập thành bản nháp",
    "expired at the source: landed as a draft": "đã hết hạn ở nguồn: nhập thành bản nháp",
    "scheduled at the source: goes live on %(date)s": "hẹn giờ ở nguồn: xuất bản lúc %(date)s",
    "unmapped categories: %(keys)s": "chuyên mục chưa được ánh xạ: %(keys)s",
    "blocks left out: %(types)s": "bỏ các khối: %(types)s",
    "changed by an editor since the import: left alone": "biên tập viên đã sửa sau khi nhập: giữ nguyên",
    "no title": "không có tiêu đề",
    "the unit has no news section": "đơn vị chưa có chuyên trang tin tức",
    "file not found": "không tìm thấy tệp",
    "The file is larger than %(mb)s MB.": "Tệp lớn hơn %(mb)s MB.",
    "not an image (its content does not match its name)": "không phải ảnh (nội dung không khớp với tên tệp)",
    "a broken or oversized image": "ảnh hỏng hoặc quá lớn",
    "Categories not found for this unit: %(slugs)s.": "Không tìm thấy chuyên mục của đơn vị này: %(slugs)s.",
    "Cannot read the category map %(path)s: %(error)s": "Không đọc được tệp ánh xạ chuyên mục %(path)s: %(error)s",
    "The category map %(path)s is not valid JSON: %(error)s": (
        "Tệp ánh xạ chuyên mục %(path)s không phải JSON hợp lệ: %(error)s"
    ),
    "The category map %(path)s must be a JSON object of category slugs.": (
        "Tệp ánh xạ chuyên mục %(path)s phải là một đối tượng JSON ánh xạ tới mã chuyên mục."
    ),
    "Line %(line)s of the category map %(path)s needs two columns: source category, slug.": (
        "Dòng %(line)s của tệp ánh xạ chuyên mục %(path)s cần hai cột: chuyên mục nguồn, mã chuyên mục."
    ),
    # legacy/nukeviet.py
    "empty body": "nội dung trống",
    "The database URL must look like mysql://user:password@host:3306/database, not “%(url)s”.": (
        "Địa chỉ cơ sở dữ liệu phải có dạng mysql://user:password@host:3306/database, không phải “%(url)s”."
    ),
    "Cannot connect to the NukeViet database %(url)s: %(error)s": (
        "Không kết nối được cơ sở dữ liệu NukeViet %(url)s: %(error)s"
    ),
    "Table %(tables)s not found in the database %(db)s: check --prefix (now “%(prefix)s”).": (
        "Không tìm thấy bảng %(tables)s trong cơ sở dữ liệu %(db)s: kiểm tra --prefix (hiện là “%(prefix)s”)."
    ),
    "The uploads folder %(path)s is not a readable folder.": "Thư mục uploads %(path)s không phải thư mục đọc được.",
    "The uploads folder %(path)s cannot be read: %(error)s": "Không đọc được thư mục uploads %(path)s: %(error)s",
    # legacy/management/commands/import_nukeviet.py
    "--limit must be a positive number.": "--limit phải là số dương.",
    "--batch-size must be a positive number.": "--batch-size phải là số dương.",
    "No active unit with the slug “%(slug)s”.": "Không có đơn vị đang hoạt động với mã “%(slug)s”.",
    "The unit “%(slug)s” has no news section.": "Đơn vị “%(slug)s” chưa có chuyên trang tin tức.",
    "items": "mục",
    "Unmapped categories: %(keys)s": "Chuyên mục chưa được ánh xạ: %(keys)s",
    "Imported NukeViet %(db)s into %(unit)s: %(summary)s. Report: %(path)s": (
        "Đã nhập NukeViet %(db)s vào %(unit)s: %(summary)s. Báo cáo: %(path)s"
    ),
}

"""Backup and restore (portal/backup.py)."""

VI = {
    "Unsupported database engine “%(engine)s”.": "Không hỗ trợ hệ quản trị cơ sở dữ liệu “%(engine)s”.",
    "%(program)s is not installed.": "Chưa cài đặt %(program)s.",
    "%(what)s failed: %(error)s": "%(what)s thất bại: %(error)s",
    "The SQLite database “%(name)s” is not a file.": "Cơ sở dữ liệu SQLite “%(name)s” không phải là một tệp.",
    "The folder “%(path)s” already exists.": "Thư mục “%(path)s” đã tồn tại.",
    "Backups must not be written under “%(path)s”, which is served to the public.": (
        "Không được ghi bản sao lưu vào “%(path)s”, nơi được phục vụ công khai."
    ),
    "No %(manifest)s in “%(path)s”.": "Không có %(manifest)s trong “%(path)s”.",
    "The manifest “%(path)s” is unreadable.": "Không đọc được tệp kê khai “%(path)s”.",
    "The manifest “%(path)s” is of an unknown format.": "Tệp kê khai “%(path)s” có định dạng không xác định.",
    "%(file)s: not listed in the manifest": "%(file)s: không có trong tệp kê khai",
    "%(file)s: not a plain file name": "%(file)s: không phải tên tệp hợp lệ",
    "%(file)s: missing": "%(file)s: bị thiếu",
    "%(file)s: checksum does not match": "%(file)s: mã kiểm tra (checksum) không khớp",
    "The backup “%(path)s” is damaged; nothing was restored. %(problems)s": (
        "Bản sao lưu “%(path)s” bị hỏng; chưa khôi phục gì. %(problems)s"
    ),
    "%(what)s “%(name)s” is not empty; nothing was restored. Use --force to replace it.": (
        "%(what)s “%(name)s” đã có dữ liệu; chưa khôi phục gì. Dùng --force để thay thế."
    ),
    "The database": "Cơ sở dữ liệu",
    "The media folder": "Thư mục tệp media",
    "The backup holds a %(backup)s database but the configured database is %(configured)s.": (
        "Bản sao lưu chứa cơ sở dữ liệu %(backup)s nhưng cơ sở dữ liệu được cấu hình là %(configured)s."
    ),
    "Restored media files do not match the manifest: %(files)s": (
        "Các tệp media đã khôi phục không khớp với tệp kê khai: %(files)s"
    ),
}

"""Vietnamese for #16 items 3 and 5 (admin confinement, cross-unit media in page forms)."""

VI = {
    "Shared files": "Tệp dùng chung",
    "This image belongs to another unit. Choose one from your unit's images or the shared files.": "Ảnh này thuộc đơn vị khác. Hãy chọn ảnh của đơn vị mình hoặc trong thư mục Tệp dùng chung.",
    "This document belongs to another unit. Choose one from your unit's documents or the shared files.": "Tài liệu này thuộc đơn vị khác. Hãy chọn tài liệu của đơn vị mình hoặc trong thư mục Tệp dùng chung.",
    "This link points to a page of another unit that is not published. Link to your unit's pages or to published pages only.": "Liên kết này trỏ tới một trang của đơn vị khác chưa được đăng. Chỉ liên kết tới trang của đơn vị mình hoặc trang đã đăng.",
    "%(field)s: %(problem)s": "%(field)s: %(problem)s",
}

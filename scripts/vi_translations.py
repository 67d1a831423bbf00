"""Vietnamese translations of the portal's UI strings; applied to the .po by fill_po().

Kept as data so that `make messages` can re-extract strings and re-apply them.
"""

VI = {
    "Images and files": "Ảnh và tệp",
    "caption": "chú thích",
    "credit": "tác giả ảnh",
    "decorative": "ảnh trang trí",
    "Purely decorative images get an empty alt text.": "Ảnh chỉ để trang trí sẽ có văn bản thay thế rỗng.",
    "image": "ảnh",
    "images": "ảnh",
    "file": "tệp",
    "files": "tệp",
    "Documents": "Văn bản",
    "document index": "trang danh mục văn bản",
    "Title": "Tiêu đề",
    "Date": "Ngày",
    "File": "Tệp",
    "Download": "Tải về",
    "No documents yet.": "Chưa có văn bản.",
    "Home pages": "Trang chủ",
    "Heading": "Tiêu đề mục",
    "Level": "Cấp",
    "Image": "Ảnh",
    "Caption": "Chú thích",
    "Credit": "Tác giả ảnh",
    "Page": "Trang",
    "External link": "Liên kết ngoài",
    "Links": "Liên kết",
    "Paragraph": "Đoạn văn",
    "Quote": "Trích dẫn",
    "Notice": "Thông báo",
    "body": "nội dung",
    "home page": "trang chủ",
    "standard page": "trang nội dung",
    "Introduction": "Giới thiệu",
    "Units": "Đơn vị trực thuộc",
    "Go to the portal of %(name)s": "Đến trang thông tin %(name)s",
    "News": "Tin tức",
    "news index": "trang danh sách tin",
    "lead": "sapo",
    "date": "ngày đăng",
    "event date": "ngày diễn ra sự kiện",
    "byline": "bút danh",
    "source": "nguồn",
    "Details": "Thông tin thêm",
    "news article": "tin bài",
    "news articles": "tin bài",
    "Source": "Nguồn",
    "No news yet.": "Chưa có tin bài.",
    "Search": "Tìm kiếm",
    "Enter a word or phrase to search.": "Nhập từ hoặc cụm từ cần tìm.",
    ("%(counter)s result for “%(q)s”", 0): "%(counter)s kết quả cho “%(q)s”",
    "No results for “%(q)s”.": "Không tìm thấy kết quả cho “%(q)s”.",
    "Units and sites": "Đơn vị và trang thông tin",
    "Province": "Tỉnh",
    "District": "Huyện",
    "Commune": "Xã",
    "Ward": "Phường",
    "Town": "Thị trấn",
    "name": "tên",
    "slug": "mã định danh",
    "level": "cấp",
    "parent unit": "đơn vị cấp trên",
    "site": "trang thông tin",
    "collection": "thư mục",
    "sort order": "thứ tự",
    "unit": "đơn vị",
    "units": "đơn vị",
    "full name": "tên đầy đủ",
    "Shown in the header, e.g. the portal's full title.": "Hiển thị ở đầu trang, ví dụ tên đầy đủ của trang thông tin.",
    "short name": "tên viết tắt",
    "emblem or logo": "biểu trưng",
    "address": "địa chỉ",
    "phone": "điện thoại",
    "email": "thư điện tử",
    "managing agency": "cơ quan chủ quản",
    "licence": "giấy phép",
    "person responsible": "người chịu trách nhiệm",
    "short introduction": "giới thiệu ngắn",
    "Identity": "Nhận diện",
    "Contact": "Liên hệ",
    "Legal information": "Thông tin pháp lý",
    "unit information": "thông tin đơn vị",
    "The unit name must not be empty.": "Tên đơn vị không được để trống.",
    "Invalid slug “%(slug)s”: use lowercase letters without diacritics, digits and hyphens.": "Mã định danh “%(slug)s” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang.",
    "Invalid level “%(level)s”. Valid levels: %(levels)s.": "Cấp “%(level)s” không hợp lệ. Các cấp hợp lệ: %(levels)s.",
    "Invalid hostname “%(hostname)s”.": "Tên miền “%(hostname)s” không hợp lệ.",
    "Invalid port %(port)s.": "Cổng %(port)s không hợp lệ.",
    "Unknown parent unit “%(parent)s”.": "Không tìm thấy đơn vị cấp trên “%(parent)s”.",
    "Editorial board approval": "Ban Biên tập duyệt",
    "hostname": "tên miền",
    "A unit with slug “%(slug)s” already exists with a different %(fields)s.": "Đã có đơn vị với mã “%(slug)s” nhưng khác %(fields)s.",
    "A unit of level “%(level)s” needs a parent unit.": "Đơn vị cấp “%(level)s” phải có đơn vị cấp trên.",
    "A unit of level “%(level)s” cannot belong to a unit of level “%(parent_level)s”.": "Đơn vị cấp “%(level)s” không thể trực thuộc đơn vị cấp “%(parent_level)s”.",
    "This installation already has a top unit; give the new unit a parent.": "Hệ thống đã có đơn vị cấp cao nhất; hãy chỉ định đơn vị cấp trên cho đơn vị mới.",
    "The hostname “%(hostname)s” is already used by another site.": "Tên miền “%(hostname)s” đã được một trang thông tin khác sử dụng.",
    "Groups for slug “%(slug)s” already exist without a unit.": "Nhóm người dùng của mã “%(slug)s” đã tồn tại nhưng không gắn với đơn vị nào.",
    "editors": "Biên tập viên",
    "editorial board": "Ban Biên tập",
    "approvers": "Người duyệt",
    "Portal of %(name)s": "Cổng thông tin %(name)s",
    "Users": "Người dùng",
    "position": "chức vụ",
    "Vietnamese": "Tiếng Việt",
    "English": "Tiếng Anh",
    "Page not found": "Không tìm thấy trang",
    "The page you are looking for does not exist or has been removed.": "Trang bạn tìm không tồn tại hoặc đã bị gỡ bỏ.",
    "Back to the home page": "Về trang chủ",
    "Search the portal": "Tìm kiếm trên trang",
    "Skip to main content": "Chuyển đến nội dung chính",
    "Managing agency": "Cơ quan chủ quản",
    "Person responsible": "Chịu trách nhiệm chính",
    "Address": "Địa chỉ",
    "Phone": "Điện thoại",
    "Email": "Thư điện tử",
    "Licence": "Giấy phép",
    "Please cite the source when republishing information from this portal.": "Ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
    "Search…": "Tìm kiếm…",
    "Main navigation": "Điều hướng chính",
    "Home": "Trang chủ",
    "Pagination": "Phân trang",
    "Previous": "Trang trước",
    "Page %(number)s of %(total)s": "Trang %(number)s/%(total)s",
    "Next": "Trang sau",
    # news (issue #3)
    "Categories": "Chuyên mục",
    "featured": "tin nổi bật",
    "show on every unit's home": "hiển thị trên trang chủ mọi đơn vị",
    "Live": "Đã xuất bản",
    "News articles": "Tin bài",
    "Images": "Ảnh",
    "Link text": "Nội dung liên kết",
    "Document": "Văn bản",
    "Video": "Video",
    "Table": "Bảng",
    "Latest news from %(name)s": "Tin mới nhất của %(name)s",
    "A short summary shown under the title and in listings (at most 400 characters).": "Tóm tắt ngắn hiển thị dưới tiêu đề và trong danh sách tin (tối đa 400 ký tự).",
    "featured image": "ảnh đại diện",
    "The date shown to readers.": "Ngày hiển thị cho bạn đọc.",
    "When the reported event happened; used for timeliness figures.": "Ngày sự kiện được đưa tin diễn ra; dùng để thống kê tính kịp thời.",
    "Pen name of the author.": "Bút danh của tác giả.",
    "categories": "chuyên mục",
    "officials covered": "lãnh đạo được đưa tin",
    "Leaders whose activities this article reports.": "Các đồng chí lãnh đạo có hoạt động được phản ánh trong tin.",
    "tags": "từ khóa",
    "District news (Tin huyện): listed on the home page of every unit.": "Tin huyện: hiển thị trên trang chủ của tất cả các đơn vị.",
    "Author and source": "Tác giả và nguồn tin",
    "Content": "Nội dung",
    "Taxonomy": "Phân loại",
    "Publishing": "Xuất bản",
    "Settings": "Cài đặt",
    "The event date cannot be after the publication date.": "Ngày diễn ra sự kiện không thể sau ngày đăng tin.",
    "Empty: a shared category for every unit.": "Để trống: chuyên mục dùng chung cho mọi đơn vị.",
    "requires a source": "bắt buộc ghi nguồn",
    "Articles in this category must name their source (e.g. health and epidemics).": "Tin trong chuyên mục này phải ghi rõ nguồn (ví dụ: y tế, phòng chống dịch).",
    "category": "chuyên mục",
    "active": "đang theo dõi",
    "official": "lãnh đạo",
    "officials": "lãnh đạo",
    "Attachment": "Tệp đính kèm",
    "Breadcrumb": "Đường dẫn",
    "Share": "Chia sẻ",
    "Print": "In",
    "Other news": "Tin khác",
    "Earlier news": "Tin đã đưa",
    "month": "tháng",
    "Filters": "Bộ lọc",
    "All": "Tất cả",
    "Archive": "Lưu trữ",
    "Month": "Tháng",
    "News from %(name)s": "Tin %(name)s",
    "News from the units": "Tin từ cơ sở",
    "Latest news": "Tin mới",
    # moderation (issue #4)
    "Request changes": "Yêu cầu sửa",
    "Approve": "Duyệt",
    "Approve with comment": "Duyệt kèm ý kiến",
    "The approvers of the page's own unit approve this step": "Người duyệt của chính đơn vị sở hữu trang duyệt bước này",
    "unit approval": "đơn vị duyệt",
    "unit approvals": "đơn vị duyệt",
    "editorial board approval": "Ban Biên tập duyệt",
    "editorial board approvals": "Ban Biên tập duyệt",
    "Unit approval": "Đơn vị duyệt",
    "Article moderation": "Duyệt tin bài",
}


def fill_po(path):
    import polib

    po = polib.pofile(path)
    missing = []
    for entry in po:
        if entry.msgid_plural:
            value = VI.get((entry.msgid, 0))
            if value:
                entry.msgstr_plural = {0: value}
        else:
            value = VI.get(entry.msgid)
            if value:
                entry.msgstr = value
        if "fuzzy" in entry.flags and value:
            entry.flags.remove("fuzzy")
        if not value:
            missing.append(entry.msgid)
    po.metadata_is_fuzzy = False
    po.header = "Vietnamese translations of the portal's UI. Edit scripts/vi_translations.py."
    po.metadata.update(
        {
            "Project-Id-Version": "portal",
            "Language": "vi",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    po.save(path)
    return missing


if __name__ == "__main__":
    import sys

    missing = fill_po(sys.argv[1])
    if missing:
        print("Untranslated:", *missing, sep="\n  ")
        sys.exit(1)

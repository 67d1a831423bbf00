"""Issue #21 §1, merging units (restructuring/merge.py, forms.py, admin_views.py, wagtail_hooks.py, the
merge_units command), the archive page of a merged unit (home/models.py) and the board's "Cơ cấu đơn vị"."""

VI = {
    # home/models.py, home/templates/home/archive_page.html
    "archive of a merged unit": "lưu trữ của đơn vị đã sáp nhập",
    "Archive of %(unit)s": "Lưu trữ %(unit)s",
    "What %(unit)s published before it was merged into %(target)s.": (
        "Những nội dung %(unit)s đã đăng trước khi sáp nhập vào %(target)s."
    ),
    # restructuring/merge.py: refusals
    "Name at least one unit to merge.": "Hãy chọn ít nhất một đơn vị cần sáp nhập.",
    "Users: choose “move” or “list”.": "Người dùng: chọn “chuyển” (move) hoặc “liệt kê” (list).",
    "The new unit's slug “%(slug)s” is one of the units being merged; choose another.": (
        "Định danh “%(slug)s” của đơn vị mới trùng với một đơn vị đang được sáp nhập; hãy chọn định danh khác."
    ),
    "The slug “%(slug)s” belongs to a unit that was dissolved; choose another.": (
        "Định danh “%(slug)s” thuộc về một đơn vị đã giải thể; hãy chọn định danh khác."
    ),
    "The unit “%(unit)s” has already been merged into another unit.": (
        "Đơn vị “%(unit)s” đã được sáp nhập vào một đơn vị khác."
    ),
    "The unit “%(slug)s” already exists with a different %(fields)s.": (
        "Đơn vị “%(slug)s” đã tồn tại với %(fields)s khác."
    ),
    "The unit “%(unit)s” belongs to a unit being merged; it cannot receive it.": (
        "Đơn vị “%(unit)s” trực thuộc một đơn vị đang được sáp nhập nên không thể nhận sáp nhập."
    ),
    "Give the new unit a name.": "Hãy nhập tên đơn vị mới.",
    "Give the new unit a hostname.": "Hãy nhập tên miền của đơn vị mới.",
    "Give the new unit a parent unit.": "Hãy chọn đơn vị cấp trên của đơn vị mới.",
    "The parent unit “%(parent)s” is one of the units being merged or belongs to one.": (
        "Đơn vị cấp trên “%(parent)s” là một đơn vị đang được sáp nhập hoặc trực thuộc đơn vị đó."
    ),
    "The hostname “%(hostname)s” was used by “%(unit)s” and still redirects there.": (
        "Tên miền “%(hostname)s” từng được “%(unit)s” sử dụng và vẫn đang chuyển hướng về đó."
    ),
    "The unit “%(unit)s” (level “%(level)s”) cannot belong to a unit of level “%(parent_level)s”.": (
        "Đơn vị “%(unit)s” (cấp “%(level)s”) không thể trực thuộc đơn vị cấp “%(parent_level)s”."
    ),
    "The top unit “%(unit)s” can only be merged into an existing unit.": (
        "Đơn vị cấp cao nhất “%(unit)s” chỉ có thể sáp nhập vào một đơn vị đã có."
    ),
    "The units being merged have different levels; choose the new unit's level.": (
        "Các đơn vị được sáp nhập khác cấp nhau; hãy chọn cấp của đơn vị mới."
    ),
    # restructuring/merge.py: the plan
    "Merge %(sources)s into %(target)s": "Sáp nhập %(sources)s thành %(target)s",
    "Create the unit “%(name)s” (%(slug)s, level %(level)s) under “%(parent)s”.": (
        "Tạo đơn vị “%(name)s” (%(slug)s, cấp %(level)s) trực thuộc “%(parent)s”."
    ),
    "Dissolve “%(unit)s”: merged into “%(target)s”; its home is unpublished, its site kept for redirects.": (
        "Giải thể “%(unit)s”: sáp nhập vào “%(target)s”; trang chủ ngừng xuất bản, trang web được giữ để "
        "chuyển hướng."
    ),
    "“%(unit)s”: parent “%(old)s” → “%(target)s”.": "“%(unit)s”: cấp trên “%(old)s” → “%(target)s”.",
    "%(unit)s: “%(what)s” → %(where)s (%(count)s pages)": "%(unit)s: “%(what)s” → %(where)s (%(count)s trang)",
    "%(count)s translations (English) of these pages: moved along under the target's English pages where "
    "they exist; otherwise their old addresses lead to the Vietnamese page and they are unpublished.": (
        "%(count)s bản dịch (tiếng Anh) của các trang này: chuyển theo vào trang tiếng Anh của đơn vị mới nếu "
        "có; nếu không, địa chỉ cũ dẫn đến trang tiếng Việt và bản dịch ngừng xuất bản."
    ),
    "%(images)s images and %(documents)s documents → the collection of “%(target)s”.": (
        "%(images)s ảnh và %(documents)s tệp → thư mục của “%(target)s”."
    ),
    "%(user)s: %(role)s of “%(unit)s” → %(role)s of “%(target)s”.": (
        "%(user)s: %(role)s của “%(unit)s” → %(role)s của “%(target)s”."
    ),
    "%(user)s: %(role)s of “%(unit)s” (stays; for the board to decide).": (
        "%(user)s: %(role)s của “%(unit)s” (giữ nguyên; chờ Ban Biên tập quyết định)."
    ),
    "%(hostname)s: the site of “%(name)s”.": "%(hostname)s: trang web của “%(name)s”.",
    "%(hostname)s no longer redirects to “%(unit)s”.": "%(hostname)s không còn chuyển hướng về “%(unit)s”.",
    "%(hostname)s: kept on the site of “%(unit)s”; its addresses redirect to “%(target)s”.": (
        "%(hostname)s: giữ trên trang web của “%(unit)s”; các địa chỉ chuyển hướng đến “%(target)s”."
    ),
    "%(hostname)s: %(count)s permanent redirects (every moved page, its sections and “/”).": (
        "%(hostname)s: %(count)s chuyển hướng vĩnh viễn (mọi trang được chuyển, các chuyên mục và “/”)."
    ),
    "Category “%(name)s” of “%(unit)s”: its %(count)s articles join “%(target)s”'s category.": (
        "Chuyên mục “%(name)s” của “%(unit)s”: %(count)s tin bài chuyển sang chuyên mục cùng tên của "
        "“%(target)s”."
    ),
    "Category “%(name)s” of “%(unit)s” → “%(target)s” (%(count)s articles).": (
        "Chuyên mục “%(name)s” của “%(unit)s” → “%(target)s” (%(count)s tin bài)."
    ),
    "open citizens' questions": "câu hỏi của người dân đang xử lý",
    "current alert banners": "thông báo đang hiển thị",
    "%(count)s %(what)s → “%(target)s”.": "%(count)s %(what)s → “%(target)s”.",
    "Monthly article target of “%(target)s”: %(count)s (the sources' targets added up).": (
        "Chỉ tiêu tin bài hằng tháng của “%(target)s”: %(count)s (cộng chỉ tiêu của các đơn vị sáp nhập)."
    ),
    "Stay with their history: answered and closed questions, forwards, personal-data requests, page "
    "ratings, the sources' settings and targets.": (
        "Giữ nguyên cùng lịch sử: câu hỏi đã trả lời hoặc đã đóng, lượt chuyển câu hỏi, yêu cầu về dữ liệu "
        "cá nhân, đánh giá trang, thông tin và chỉ tiêu của các đơn vị cũ."
    ),
    # restructuring/forms.py
    "Units to merge": "Các đơn vị sáp nhập",
    "Slug of the merged unit": "Định danh của đơn vị sau sáp nhập",
    "The slug of an existing unit merges the others into it.": (
        "Nhập định danh của một đơn vị đã có để sáp nhập các đơn vị kia vào đơn vị đó."
    ),
    "Name of the new unit": "Tên đơn vị mới",
    "Hostname of the new unit": "Tên miền của đơn vị mới",
    "Parent unit": "Đơn vị cấp trên",
    "Port": "Cổng",
    "Keep each unit's pages as an archive section (“Lưu trữ …”)": (
        "Giữ nguyên trang của từng đơn vị trong mục lưu trữ (“Lưu trữ …”)"
    ),
    "Editors and approvers": "Biên tập viên và người duyệt",
    "Move them to the merged unit": "Chuyển sang đơn vị sau sáp nhập",
    "Leave them and list them for the board": "Giữ nguyên và liệt kê để Ban Biên tập quyết định",
    "The merged units' level": "Cấp của các đơn vị sáp nhập",
    # restructuring/admin_views.py, wagtail_hooks.py, templates
    "Merge units": "Sáp nhập đơn vị",
    "Rename a unit": "Đổi tên đơn vị",
    "Move units under another parent": "Chuyển đơn vị sang cấp trên khác",
    "Nothing changed: this plan had already been carried out.": "Không có thay đổi: kế hoạch này đã được thực hiện.",
    "Done: %(title)s": "Đã thực hiện: %(title)s",
    "Restructure units": "Sắp xếp đơn vị",
    "Unit structure": "Cơ cấu đơn vị",
    "Unit structure changed (%(operation)s)": "Thay đổi cơ cấu đơn vị (%(operation)s)",
    "Merge, rename or move units. Each operation shows its plan first; nothing changes until you confirm it, "
    "and every old address keeps working.": (
        "Sáp nhập, đổi tên hoặc chuyển đơn vị. Mỗi thao tác hiển thị kế hoạch trước; không có gì thay đổi cho "
        "đến khi bạn xác nhận, và mọi địa chỉ cũ vẫn hoạt động."
    ),
    "Carry out this plan": "Thực hiện kế hoạch này",
    "Show the plan again": "Xem lại kế hoạch",
    "Show the plan": "Xem kế hoạch",
    # restructuring/management/commands/merge_units.py
    "Dry run: nothing was changed.": "Chạy thử: không có gì thay đổi.",
    "Nothing to do.": "Không có gì cần làm.",
    "Merged %(count)s units into %(slug)s: %(pages)s pages, %(files)s files, %(redirects)s redirects.": (
        "Đã sáp nhập %(count)s đơn vị thành %(slug)s: %(pages)s trang, %(files)s tệp, %(redirects)s chuyển hướng."
    ),
}

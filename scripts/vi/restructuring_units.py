"""Issue #21 §1, renaming and re-parenting units (restructuring/rename.py, restructuring/reparent.py) and the
former hostnames (sites/services.py, sites/middleware.py)."""

VI = {
    # restructuring/rename.py
    "New name": "Tên mới",
    "New slug": "Mã định danh (slug) mới",
    "New hostname": "Tên miền mới",
    "New port": "Cổng mới",
    "Leave empty to keep it.": "Để trống nếu giữ nguyên.",
    "Unknown unit “%(slug)s”.": "Không có đơn vị “%(slug)s”.",
    "The unit “%(name)s” was merged into another unit and can no longer be changed.": (
        "Đơn vị “%(name)s” đã được sáp nhập vào đơn vị khác, không thể thay đổi nữa."
    ),
    "Rename the unit %(name)s (%(slug)s)": "Đổi tên đơn vị %(name)s (%(slug)s)",
    "Name: “%(old)s” → “%(new)s”": "Tên: “%(old)s” → “%(new)s”",
    "Slug: %(old)s → %(new)s": "Slug: %(old)s → %(new)s",
    "Home page slug: %(old)s → %(new)s (no public address changes: the home is the site root)": (
        "Slug của trang chủ: %(old)s → %(new)s (không địa chỉ công khai nào thay đổi: trang chủ là gốc của trang)"
    ),
    "Home page title: “%(old)s” → “%(new)s”": "Tiêu đề trang chủ: “%(old)s” → “%(new)s”",
    "Translated home page (%(language)s) title: “%(old)s” → “%(new)s”": (
        "Tiêu đề trang chủ bản dịch (%(language)s): “%(old)s” → “%(new)s”"
    ),
    "Site address: %(old)s → %(new)s": "Địa chỉ trang: %(old)s → %(new)s",
    "%(hostname)s becomes a former hostname of the unit": "%(hostname)s trở thành tên miền cũ của đơn vị",
    "Every request to %(old)s is redirected permanently to the same path and query on %(new)s": (
        "Mọi truy cập đến %(old)s được chuyển hướng vĩnh viễn đến cùng đường dẫn và tham số trên %(new)s"
    ),
    "Group “%(old)s” → “%(new)s”": "Nhóm “%(old)s” → “%(new)s”",
    "Collection “%(old)s” → “%(new)s”": "Thư mục tệp “%(old)s” → “%(new)s”",
    "Site name: “%(old)s” → “%(new)s”": "Tên trang: “%(old)s” → “%(new)s”",
    "Unit information, %(field)s: “%(old)s” → “%(new)s”": "Thông tin đơn vị, %(field)s: “%(old)s” → “%(new)s”",
    "Portal container: “%(old)s” → “%(new)s”": "Trang chứa cổng thông tin: “%(old)s” → “%(new)s”",
    "The slug “%(slug)s” is already used by another unit.": "Slug “%(slug)s” đã được đơn vị khác sử dụng.",
    "A page with the slug “%(slug)s” already sits beside the units' home pages.": (
        "Đã có một trang với slug “%(slug)s” nằm cạnh trang chủ của các đơn vị."
    ),
    "%(hostname)s, a former hostname of the unit, is its address again and no longer redirects": (
        "%(hostname)s, tên miền cũ của đơn vị, lại là địa chỉ của đơn vị và không còn chuyển hướng"
    ),
    "Warning: %(hostname)s is not in ALLOWED_HOSTS; add it there for the site to answer.": (
        "Lưu ý: %(hostname)s chưa có trong ALLOWED_HOSTS; cần thêm vào để trang hoạt động."
    ),
    # sites/services.py
    "The hostname “%(hostname)s” is a former hostname of %(unit)s and redirects there.": (
        "Tên miền “%(hostname)s” là tên miền cũ của %(unit)s và đang chuyển hướng về đó."
    ),
    # restructuring/reparent.py
    "(none: top unit)": "(không có: đơn vị cấp cao nhất)",
    "Only to make a unit that does not exist yet the top unit (leave the parent empty).": (
        "Chỉ dùng khi đưa một đơn vị chưa có lên làm đơn vị cấp cao nhất (để trống đơn vị cấp trên)."
    ),
    "Name the new parent unit: only one unit can be the top unit (make another one the top unit).": (
        "Hãy chọn đơn vị cấp trên mới: chỉ một đơn vị được là đơn vị cấp cao nhất (hoặc đưa đơn vị khác lên "
        "làm đơn vị cấp cao nhất)."
    ),
    "Name the units to move.": "Hãy chọn các đơn vị cần chuyển.",
    "No page moves: every unit's home stays where it is, so every address keeps working.": (
        "Không trang nào bị di chuyển: trang chủ của mọi đơn vị giữ nguyên chỗ, mọi địa chỉ vẫn hoạt động."
    ),
    "%(new)s becomes the top unit; %(old)s goes under it": (
        "%(new)s trở thành đơn vị cấp cao nhất; %(old)s trực thuộc đơn vị này"
    ),
    "Editorial board: the group “%(old)s” → the group “%(new)s” (rights on every unit, the board step)": (
        "Ban Biên tập: nhóm “%(old)s” → nhóm “%(new)s” (quyền trên mọi đơn vị, bước duyệt của Ban Biên tập)"
    ),
    "%(user)s, on the old board: joins the new board (and stays an approver of %(unit)s)": (
        "%(user)s, thành viên Ban Biên tập cũ: vào Ban Biên tập mới (và vẫn là người duyệt của %(unit)s)"
    ),
    "%(user)s, on the old board: stays an approver of %(unit)s, no longer on the board (keep the board members "
    "to add them to the new board)": (
        "%(user)s, thành viên Ban Biên tập cũ: vẫn là người duyệt của %(unit)s, không còn trong Ban Biên tập "
        "(chọn giữ thành viên Ban Biên tập để thêm vào Ban Biên tập mới)"
    ),
    "Moderation: the board step of the workflow goes to the new board (%(count)s pages waiting at it)": (
        "Kiểm duyệt: bước duyệt của Ban Biên tập chuyển cho Ban Biên tập mới (%(count)s trang đang chờ ở bước này)"
    ),
    "Default site: %(old)s → %(new)s": "Trang mặc định: %(old)s → %(new)s",
    "Units to move": "Các đơn vị cần chuyển",
    "New parent unit": "Đơn vị cấp trên mới",
    "Make the parent the top unit": "Đưa đơn vị cấp trên lên làm đơn vị cấp cao nhất",
    "The current top unit goes under it and its approvers become the editorial board (the district "
    "disappearing into its province).": (
        "Đơn vị cấp cao nhất hiện tại trực thuộc đơn vị này và người duyệt của đơn vị này trở thành Ban Biên tập "
        "(khi cấp huyện không còn, các đơn vị chuyển về tỉnh)."
    ),
    "Add the members of the old editorial board to the new one": "Thêm thành viên Ban Biên tập cũ vào Ban Biên tập mới",
    "New top unit: slug": "Đơn vị cấp cao nhất mới: slug",
    "New top unit: name": "Đơn vị cấp cao nhất mới: tên",
    "New top unit: hostname": "Đơn vị cấp cao nhất mới: tên miền",
    "New top unit: port": "Đơn vị cấp cao nhất mới: cổng",
    "New top unit: level": "Đơn vị cấp cao nhất mới: cấp",
    "%(unit)s (%(level)s) cannot sit under %(parent)s (%(parent_level)s).": (
        "%(unit)s (%(level)s) không thể trực thuộc %(parent)s (%(parent_level)s)."
    ),
    "A unit of level “%(level)s” cannot become the top unit.": (
        "Đơn vị cấp “%(level)s” không thể là đơn vị cấp cao nhất."
    ),
    "Move units under %(parent)s": "Chuyển đơn vị về trực thuộc %(parent)s",
    "New unit %(name)s (%(slug)s, %(level)s), provisioned with its site, groups and sections": (
        "Đơn vị mới %(name)s (%(slug)s, %(level)s), được tạo cùng trang, nhóm và các chuyên mục"
    ),
    "New site: %(address)s": "Trang mới: %(address)s",
    "%(name)s (%(slug)s): under %(old)s → under %(new)s": "%(name)s (%(slug)s): trực thuộc %(old)s → trực thuộc %(new)s",
    "%(name)s (%(slug)s): under %(old)s → no parent": "%(name)s (%(slug)s): trực thuộc %(old)s → không có cấp trên",
    "%(name)s becomes the top unit": "%(name)s trở thành đơn vị cấp cao nhất",
    "The new board has no members yet: add them to the group “%(group)s”.": (
        "Ban Biên tập mới chưa có thành viên: hãy thêm vào nhóm “%(group)s”."
    ),
    "Choose the parent unit or describe a new top unit, not both.": (
        "Chọn đơn vị cấp trên hoặc khai báo đơn vị cấp cao nhất mới, không chọn cả hai."
    ),
    "Choose the new parent unit.": "Hãy chọn đơn vị cấp trên mới.",
    "A new unit can only be created here to become the top unit.": (
        "Ở đây chỉ tạo đơn vị mới để làm đơn vị cấp cao nhất."
    ),
    "The parent unit “%(name)s” was merged into another unit.": "Đơn vị cấp trên “%(name)s” đã được sáp nhập vào đơn vị khác.",
    "The unit “%(slug)s” is named twice.": "Đơn vị “%(slug)s” được nêu hai lần.",
    "A unit cannot be its own parent: %(name)s.": "Đơn vị không thể trực thuộc chính nó: %(name)s.",
    "%(name)s is the top unit: it can only go under a unit made the new top unit.": (
        "%(name)s là đơn vị cấp cao nhất: chỉ có thể trực thuộc một đơn vị được đưa lên làm đơn vị cấp cao nhất mới."
    ),
    "%(unit)s cannot go under %(parent)s, which belongs to it.": (
        "%(unit)s không thể trực thuộc %(parent)s, vì %(parent)s thuộc %(unit)s."
    ),
}

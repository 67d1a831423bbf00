"""Issue #19 §5 "Thông tin có hữu ích không?" (feedback/) and §8 maintenance notices (sites AlertBanner)."""

VI = {
    # feedback/apps.py, models.py
    "Page feedback": "Đánh giá trang",
    "Waiting for moderation": "Chờ kiểm duyệt",
    "Approved": "Đã duyệt",
    "Rejected": "Đã từ chối",
    "Spam": "Rác",
    "page": "trang",
    "unit": "đơn vị",
    "useful": "hữu ích",
    "not useful": "không hữu ích",
    "comment": "ý kiến",
    "status": "trạng thái",
    "sent at": "gửi lúc",
    "page rating": "đánh giá trang",
    "page ratings": "đánh giá trang",
    # feedback/templates/feedback/rating_form.html, message.html
    "Was this information useful?": "Thông tin có hữu ích không?",
    "Add a comment (optional)": "Góp ý thêm (không bắt buộc)",
    "Your comment (at most 500 characters). Please do not enter personal information (name, phone number, "
    "ID number, e-mail).": (
        "Ý kiến của bạn (tối đa 500 ký tự). Vui lòng không nhập thông tin cá nhân (họ tên, số điện thoại, "
        "số căn cước, thư điện tử)."
    ),
    "Leave this field empty": "Để trống ô này",
    "Yes": "Có",
    "No": "Không",
    "Back to the page “%(title)s”": "Quay lại trang “%(title)s”",
    "Back to the home page": "Về trang chủ",
    # feedback/views.py
    "Rate a page": "Đánh giá trang",
    "Use the form “Was this information useful?” at the bottom of a page.": (
        "Vui lòng dùng mục “Thông tin có hữu ích không?” ở cuối mỗi trang."
    ),
    "Too many answers": "Gửi quá nhiều lần",
    "Too many answers were sent from your connection in a short time. Please try again later; "
    "your comment is kept below.": (
        "Có quá nhiều đánh giá được gửi từ kết nối của bạn trong thời gian ngắn. Vui lòng thử lại sau; "
        "ý kiến của bạn vẫn được giữ ở dưới."
    ),
    "Page not found": "Không tìm thấy trang",
    "The page you rated does not exist or is no longer published. Nothing was recorded.": (
        "Trang bạn đánh giá không tồn tại hoặc không còn được đăng. Đánh giá chưa được ghi nhận."
    ),
    "Please choose “Yes” or “No”.": "Vui lòng chọn “Có” hoặc “Không”.",
    "The comment is %(length)d characters long; at most %(max)d are allowed. Please shorten it.": (
        "Ý kiến dài %(length)d ký tự, vượt quá mức tối đa %(max)d ký tự. Vui lòng rút gọn."
    ),
    "Thank you for your answer": "Cảm ơn bạn đã đánh giá",
    # feedback/admin_views.py, wagtail_hooks.py, templates/feedback/admin/
    "Unit": "Đơn vị",
    "All my units": "Tất cả đơn vị của tôi",
    "All units": "Tất cả đơn vị",
    "Sent from": "Gửi từ ngày",
    "Sent until": "Gửi đến ngày",
    "Page ratings": "Đánh giá trang",
    "Page": "Trang",
    "Useful": "Hữu ích",
    "Not useful": "Không hữu ích",
    "Approved comments": "Ý kiến đã duyệt",
    "Address": "Địa chỉ",
    "Comments on pages": "Ý kiến về các trang",
    "Sent at": "Thời điểm gửi",
    "Comment": "Ý kiến",
    "Pages with the most “no”": "Trang bị đánh giá “Không” nhiều nhất",
    "Moderate page comments": "Duyệt ý kiến đánh giá trang",
    "Tick at least one comment and choose what to do with it.": "Vui lòng đánh dấu ít nhất một ý kiến và chọn thao tác.",
    ("%(count)d comment moderated.", 0): "Đã xử lý %(count)d ý kiến.",
    "Approve": "Duyệt",
    "Reject": "Từ chối",
    "Mark as spam": "Đánh dấu là rác",
    "Status": "Tình trạng",
    "Show": "Xem",
    "Choose": "Chọn",
    "Choose this comment": "Chọn ý kiến này",
    "Actions": "Thao tác",
    "With the ticked comments:": "Với các ý kiến đã đánh dấu:",
    "Previous": "Trang trước",
    "Next": "Trang sau",
    "No comment to show.": "Không có ý kiến nào.",
    # feedback/personal_data.py, templates/feedback/admin/moderation.html
    "phone number": "số điện thoại",
    "ID card number": "số CMND/căn cước",
    "e-mail address": "địa chỉ thư điện tử",
    "May contain personal information": "Có thể chứa thông tin cá nhân",
    "Comments that may contain personal information (a phone number, an ID card number, an e-mail address) "
    "are marked: reject them rather than approve them.": (
        "Ý kiến có thể chứa thông tin cá nhân (số điện thoại, số CMND/căn cước, địa chỉ thư điện tử) được đánh dấu: "
        "vui lòng từ chối thay vì duyệt các ý kiến này."
    ),
    # sites/models/alerts.py (§8)
    "Planned maintenance": "Bảo trì hệ thống",
    "Unplanned incident": "Sự cố ngoài kế hoạch",
    "Interruption": "Tạm ngừng hệ thống",
    "interruption starts at": "tạm ngừng từ",
    "expected back at": "dự kiến hoạt động lại lúc",
    "It disappears by itself then. For planned maintenance, empty: when the portal is back.": (
        "Đến lúc đó thông báo tự ẩn. Với bảo trì hệ thống, để trống: đến khi cổng hoạt động lại."
    ),
    "Planned maintenance: at least 7 working days after the banner is shown "
    "(Nghị định 64/2007/NĐ-CP, Art. 16). Unplanned incident: when it began.": (
        "Bảo trì hệ thống: ít nhất 07 ngày làm việc sau khi đăng thông báo (Nghị định 64/2007/NĐ-CP, Điều 16). "
        "Sự cố ngoài kế hoạch: lúc bắt đầu sự cố."
    ),
    "Planned maintenance and incidents: when the portal is expected to work again.": (
        "Bảo trì và sự cố: thời điểm dự kiến cổng hoạt động trở lại."
    ),
    "Say until when the banner is shown.": "Xin nhập thời điểm thông báo hết hiển thị.",
    "Planned maintenance: say when the interruption starts.": "Bảo trì hệ thống: xin nhập thời điểm bắt đầu tạm ngừng.",
    "Planned maintenance: say when the portal is expected back.": (
        "Bảo trì hệ thống: xin nhập thời điểm dự kiến hoạt động trở lại."
    ),
    "Incident: say when the portal is expected back.": "Sự cố: xin nhập thời điểm dự kiến hoạt động trở lại.",
    "The portal must be back after the interruption starts.": (
        "Thời điểm hoạt động trở lại phải sau thời điểm bắt đầu tạm ngừng."
    ),
    "A planned interruption must be announced at least %(days)d working days ahead: posted on %(posted)s, "
    "it may start on %(earliest)s at the earliest.": (
        "Việc chủ động tạm ngừng phải được thông báo trước ít nhất %(days)d ngày làm việc: thông báo đăng ngày "
        "%(posted)s thì sớm nhất được tạm ngừng từ ngày %(earliest)s."
    ),
    "The system will be unavailable from %(start)s until about %(end)s.": (
        "Hệ thống sẽ tạm ngừng từ %(start)s đến khoảng %(end)s."
    ),
    "The system is expected to work again at about %(end)s.": "Hệ thống dự kiến hoạt động trở lại vào khoảng %(end)s.",
}

"""Issue #20: the admin of citizens' questions (questions/admin_views.py, wagtail_hooks.py, panels.py,
questions/templates/questions/admin/)."""

VI = {
    # menu and viewsets
    "Q&A": "Hỏi đáp",
    "Questions": "Câu hỏi",
    "Question fields": "Lĩnh vực hỏi đáp",
    "Block list": "Danh sách chặn",
    # listing, filters, export
    "Past the due date": "Quá hạn",
    "Field": "Lĩnh vực",
    "Unit": "Đơn vị",
    "Reference": "Mã số",
    "Title": "Tiêu đề",
    "Received by": "Đơn vị nhận",
    "Received at": "Nhận lúc",
    "Received on": "Ngày nhận",
    "Due on": "Hạn trả lời",
    "Answered at": "Trả lời lúc",
    "Closed at": "Đóng lúc",
    "past due": "quá hạn",
    # closing
    "Spam": "Rác",
    "Duplicate of another question": "Trùng với câu hỏi khác",
    "Outside the unit's remit": "Không thuộc thẩm quyền của đơn vị",
    "Close without an answer": "Đóng không trả lời",
    "Why is the question closed without an answer?": "Vì sao đóng câu hỏi mà không trả lời?",
    "A closed question gets no public answer; it stays in the statistics.": (
        "Câu hỏi đã đóng không có câu trả lời công khai; vẫn được tính trong thống kê."
    ),
    "Close the question": "Đóng câu hỏi",
    "This question can no longer be closed.": "Câu hỏi này không thể đóng được nữa.",
    "Question %(reference)s closed.": "Đã đóng câu hỏi %(reference)s.",
    # forwarding
    "Forward to": "Chuyển đến",
    "Reason": "Lý do",
    "Sent to the person who asked, with the name of the unit that now handles the question.": (
        "Gửi cho người hỏi, kèm tên đơn vị sẽ xử lý câu hỏi."
    ),
    "Only a question not yet answered can be forwarded.": "Chỉ chuyển được câu hỏi chưa được trả lời.",
    "Question %(reference)s forwarded to %(unit)s.": "Đã chuyển câu hỏi %(reference)s đến %(unit)s.",
    "Forward to another unit": "Chuyển đơn vị khác",
    "After forwarding, the question leaves your unit's list: the other unit answers it.": (
        "Sau khi chuyển, câu hỏi không còn trong danh sách của đơn vị bạn: đơn vị nhận sẽ trả lời."
    ),
    "Forward": "Chuyển",
    "Cancel": "Hủy",
    "Forwarding history": "Lịch sử chuyển đơn vị",
    "Date": "Ngày",
    "From": "Từ",
    "To": "Đến",
    "By": "Người thực hiện",
    "Not forwarded.": "Chưa chuyển đơn vị nào.",
    "sent to %(unit)s": "gửi đến %(unit)s",
    # answering
    "This question is closed: it cannot be answered any more.": "Câu hỏi đã đóng: không thể trả lời nữa.",
    "Answer": "Trả lời",
    "The published answer": "Câu trả lời đã đăng",
    "The draft answer": "Bản nháp câu trả lời",
    "No answer drafted yet.": "Chưa soạn câu trả lời.",
    "Open the answer": "Mở câu trả lời",
    "Draft an answer": "Soạn trả lời",
    # the question's page
    "Question": "Câu hỏi",
    "To check before answering": "Cần kiểm tra trước khi trả lời",
    "Download the attachment": "Tải tệp đính kèm",
    "attachment": "tệp đính kèm",
    "The person who asked": "Người hỏi",
    "Full name": "Họ và tên",
    "agrees to show the name with the answer": "đồng ý hiện tên cùng câu trả lời",
    "E-mail": "Thư điện tử",
    "Phone": "Điện thoại",
    "Consent given at": "Đồng ý lúc",
    "The contact details are shown to the members of the unit that handles the question only.": (
        "Thông tin liên hệ chỉ hiển thị cho thành viên của đơn vị đang xử lý câu hỏi."
    ),
    "The contact details were erased on %(date)s.": "Thông tin liên hệ đã được xóa ngày %(date)s.",
    # block list
    "Enter an e-mail address, a phone number or an address network.": (
        "Nhập địa chỉ thư điện tử, số điện thoại hoặc dải địa chỉ mạng."
    ),
    "This sender is already blocked.": "Người gửi này đã bị chặn.",
    # dashboard panel
    "Questions waiting for an answer": "Câu hỏi chờ trả lời",
    "%(count)s question(s) waiting, %(late)s past the due date.": (
        "%(count)s câu hỏi đang chờ, %(late)s câu quá hạn."
    ),
    "All questions": "Tất cả câu hỏi",
}

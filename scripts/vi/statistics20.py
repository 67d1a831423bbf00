"""Issue #20 §2 and §5 (helper D): the statistics of citizens' questions and of the leaders' work schedule
against the news (reporting/reports.py, questions.py, schedules.py), and the questions in the daily review
digest (notifications/templates/notifications/emails/digest*.txt, questions/digest.py)."""

VI = {
    # reporting/reports.py: the "hoi-dap" tab
    "Q&A": "Hỏi đáp",
    "Citizens' questions: received, forwarded, answered": "Hỏi đáp của người dân: tiếp nhận, chuyển, trả lời",
    "Questions received": "Câu hỏi tiếp nhận",
    "Forwarded to another unit": "Chuyển đơn vị khác",
    "Questions answered": "Câu hỏi đã trả lời",
    "Answered by the deadline (%)": "Trả lời đúng hạn (%)",
    "Median working days to answer": "Số ngày làm việc để trả lời (trung vị)",
    "Overdue now": "Quá hạn hiện nay",
    "Received: questions sent to the unit in the period (a forwarded question counts where it was first sent). "
    "Forwarded: questions the unit sent on to another unit in the period. Answered: answers published in the "
    "period, at the unit that answered. Days to answer are working days (weekends and public holidays not "
    "counted) from the day the question arrived to the day its answer was published; the deadline is "
    "%(days)s working days. Waiting and overdue: today, whatever the period.": (
        "Tiếp nhận: câu hỏi gửi đến đơn vị trong kỳ (câu hỏi được chuyển đi tính ở đơn vị nhận đầu tiên). "
        "Chuyển: câu hỏi đơn vị chuyển sang đơn vị khác trong kỳ. Đã trả lời: câu trả lời được đăng trong kỳ, "
        "tính ở đơn vị trả lời. Số ngày để trả lời là ngày làm việc (không tính thứ Bảy, Chủ nhật và ngày lễ) "
        "từ ngày nhận câu hỏi đến ngày đăng câu trả lời; thời hạn trả lời là %(days)s ngày làm việc. Đang chờ "
        "và quá hạn: tính đến hôm nay, không phụ thuộc kỳ báo cáo."
    ),
    # reporting/reports.py: the "lich-cong-tac" tab
    "Schedule and articles": "Lịch công tác và tin bài",
    "Leaders' activities in the work schedule and the articles covering them": (
        "Hoạt động của lãnh đạo trong lịch công tác và tin bài phản ánh"
    ),
    "Activities in the schedule": "Hoạt động trong lịch công tác",
    "Articles covering them": "Tin bài phản ánh",
    "Activities minus articles": "Chênh lệch (hoạt động − tin bài)",
    "Articles per 100 activities": "Số tin bài trên 100 hoạt động",
    "All officials": "Tất cả lãnh đạo",
    "Activities: entries of the published weekly work schedules dated in the period that the official chairs "
    "or takes part in (once per activity). Articles: live articles published in the period that name the "
    "official under “Officials covered”, wherever they were published. Above zero, the difference shows "
    "activities that may not have been reported (an article can cover several activities).": (
        "Hoạt động: các mục của lịch công tác tuần đã đăng, diễn ra trong kỳ, do lãnh đạo chủ trì hoặc tham dự "
        "(mỗi hoạt động tính một lần). Tin bài: tin bài đang đăng, xuất bản trong kỳ, có tên lãnh đạo ở mục "
        "“Lãnh đạo được đưa tin”, ở bất kỳ trang nào. Chênh lệch lớn hơn 0 cho thấy những hoạt động có thể "
        "chưa được đưa tin (một tin bài có thể phản ánh nhiều hoạt động)."
    ),
    # the daily digest
    "Daily digest: %(count)s items waiting in your units": "Tổng hợp hằng ngày: %(count)s việc đang chờ ở đơn vị",
    "Citizens' questions waiting for an answer:": "Câu hỏi của người dân đang chờ trả lời:",
    "Overdue questions in the other units:": "Câu hỏi quá hạn ở các đơn vị khác:",
    "due %(day)s": "hạn %(day)s",
    "… and %(count)s more.": "… và %(count)s mục khác.",
    "See the whole list:": "Xem toàn bộ danh sách:",
}

"""Issue #20 §5 "Lịch công tác" (agenda/): the leaders' weekly work schedule, its feed and "copy last week"."""

VI = {
    # agenda/apps.py, models.py
    "Work schedule": "Lịch công tác",
    "work schedule": "lịch công tác",
    "week schedule": "lịch công tác tuần",
    "week schedules": "lịch công tác tuần",
    "week starting": "tuần bắt đầu từ",
    "The Monday of the week.": "Ngày thứ Hai của tuần.",
    "Activities": "Các hoạt động",
    "activity": "hoạt động",
    "activities": "hoạt động",
    "day": "ngày",
    "start time": "giờ bắt đầu",
    "end time": "giờ kết thúc",
    "location": "địa điểm",
    "chaired by": "chủ trì",
    "One of the unit's leaders; otherwise type the name below.": (
        "Một lãnh đạo của đơn vị; nếu không có, ghi tên ở ô bên dưới."
    ),
    "chaired by (other)": "chủ trì (khác)",
    "Who chairs, when it is not one of the unit's tracked leaders.": (
        "Người chủ trì, khi không phải là lãnh đạo có trong danh sách của đơn vị."
    ),
    "leaders taking part": "lãnh đạo tham dự",
    "attending": "thành phần",
    "preparing body": "cơ quan chuẩn bị",
    "adjusted at": "điều chỉnh lúc",
    "People": "Thành phần",
    "A week starts on a Monday: choose the Monday of the week.": (
        "Tuần bắt đầu từ thứ Hai: hãy chọn ngày thứ Hai của tuần."
    ),
    "The end time must be after the start time.": "Giờ kết thúc phải sau giờ bắt đầu.",
    # agenda/forms.py
    "The schedule already has this week: “%(title)s”. Edit that page instead.": (
        "Lịch công tác đã có tuần này: “%(title)s”. Hãy sửa trang đó."
    ),
    "The day must be within the week, from %(start)s to %(end)s.": (
        "Ngày phải nằm trong tuần, từ %(start)s đến %(end)s."
    ),
    "Choose one of this unit's leaders.": "Hãy chọn một lãnh đạo của đơn vị này.",
    # agenda/weeks.py
    "Monday %(date)s": "Thứ Hai %(date)s",
    "Tuesday %(date)s": "Thứ Ba %(date)s",
    "Wednesday %(date)s": "Thứ Tư %(date)s",
    "Thursday %(date)s": "Thứ Năm %(date)s",
    "Friday %(date)s": "Thứ Sáu %(date)s",
    "Saturday %(date)s": "Thứ Bảy %(date)s",
    "Sunday %(date)s": "Chủ Nhật %(date)s",
    "Work schedule, week %(week)s (%(start)s – %(end)s)": "Lịch công tác tuần %(week)s (%(start)s – %(end)s)",
    "week %(week)s (%(start)s – %(end)s)": "tuần %(week)s (%(start)s – %(end)s)",
    # agenda/views.py and templates
    "This week": "Tuần này",
    "Next week": "Tuần sau",
    "Chaired by: %(who)s": "Chủ trì: %(who)s",
    "Attending: %(who)s": "Thành phần: %(who)s",
    "Prepared by: %(who)s": "Chuẩn bị: %(who)s",
    "Adjusted at %(time)s": "Điều chỉnh lúc %(time)s",
    "Work schedule (iCalendar)": "Lịch công tác (iCalendar)",
    "Weeks": "Các tuần",
    "Previous week": "Tuần trước",
    "Following week": "Tuần kế tiếp",
    "Print the schedule": "In lịch",
    "Add to your calendar (iCalendar)": "Thêm vào lịch của bạn (iCalendar)",
    "No schedule has been published for this week.": "Chưa có lịch công tác được công bố cho tuần này.",
    "When": "Thời gian",
    "Activity": "Nội dung",
    "Location": "Địa điểm",
    "Chaired by": "Chủ trì",
    "Attending": "Thành phần",
    "Preparing body": "Cơ quan chuẩn bị",
    "The work schedule of this week and next": "Lịch công tác tuần này và tuần sau",
    "Back to the work schedule": "Quay lại lịch công tác",
    "Use your browser's Print command (Ctrl+P) to print this page.": (
        "Dùng lệnh In của trình duyệt (Ctrl+P) để in trang này."
    ),
    # agenda/admin_views.py, wagtail_hooks.py, templates/agenda/admin/copy_week.html
    "Copy last week": "Sao chép tuần trước",
    "A draft of %(week)s was made from the previous week: check it, then submit it for review.": (
        "Đã tạo bản nháp %(week)s từ tuần trước: hãy kiểm tra rồi gửi duyệt."
    ),
    "The schedule of %(week)s exists already: it is opened for editing.": (
        "Lịch công tác %(week)s đã có: trang được mở để chỉnh sửa."
    ),
    "A draft schedule of the week you choose is created with the activities of the latest week before it, on "
    "the same weekdays. Edit it, then submit it for moderation: nothing is published until it is approved.": (
        "Một bản nháp lịch công tác của tuần bạn chọn được tạo với các hoạt động của tuần gần nhất trước đó, vào "
        "cùng các ngày trong tuần. Hãy chỉnh sửa rồi gửi duyệt: không có gì được công bố cho đến khi được duyệt."
    ),
    "Week to create": "Tuần cần tạo",
    "Create the draft": "Tạo bản nháp",
    "Cancel": "Hủy",
}

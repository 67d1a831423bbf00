"""Demo work schedules for ``seed_demo``: this week and next on every unit, published, chaired by the unit's
leaders (its tracked officials; a typed name when it has none), one activity adjusted after publication.

``fill_schedule(unit)`` is idempotent: a week that exists is left alone (the adjusted entry included)."""

from datetime import time, timedelta

from agenda.models import ScheduleEntry, WeekSchedulePage
from agenda.sections import build_schedule_section
from agenda.selectors import schedule_index
from agenda.weeks import this_monday
from news.taxonomy import Official

# (weekday, start, end, activity, location, preparing body, attendees); the chair rotates among the leaders
ACTIVITIES = [
    (
        0,
        time(7, 30),
        time(9, 30),
        "Họp giao ban đầu tuần của Thường trực Đảng ủy, HĐND, UBND",
        "Phòng họp số 1",
        "Văn phòng HĐND và UBND",
        "Thường trực Đảng ủy, Thường trực HĐND, lãnh đạo UBND, trưởng các ban, ngành",
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "Tiếp công dân định kỳ",
        "Trụ sở tiếp công dân",
        "Bộ phận tiếp công dân",
        "Cán bộ địa chính, tư pháp",
    ),
    (
        1,
        time(8, 0),
        time(11, 0),
        "Kiểm tra tiến độ công trình đường giao thông nông thôn",
        "Thôn 2",
        "Công chức địa chính – xây dựng",
        "Ban quản lý dự án, đơn vị thi công",
    ),
    (
        2,
        time(8, 0),
        time(11, 30),
        "Hội nghị triển khai kế hoạch chuyển đổi số năm tới",
        "Hội trường UBND",
        "Công chức văn phòng – thống kê",
        "Lãnh đạo các ban, ngành, trưởng thôn",
    ),
    (
        2,
        time(14, 0),
        None,
        "Làm việc với Đoàn kiểm tra của huyện về cải cách hành chính",
        "Phòng họp số 1",
        "Văn phòng HĐND và UBND",
        "Công chức phụ trách cải cách hành chính",
    ),
    (
        3,
        time(7, 30),
        time(11, 0),
        "Kiểm tra công tác phòng, chống thiên tai mùa mưa bão",
        "Các thôn ven biển",
        "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn",
        "Công an, quân sự, trưởng thôn",
    ),
    (
        4,
        time(8, 0),
        time(10, 0),
        "Họp xét hồ sơ hỗ trợ nhà ở cho hộ nghèo",
        "Phòng họp số 2",
        "Công chức văn hóa – xã hội",
        "Mặt trận Tổ quốc, các đoàn thể",
    ),
    (
        4,
        time(14, 0),
        time(16, 0),
        "Tiếp và làm việc với doanh nghiệp đầu tư nông nghiệp công nghệ cao",
        "Phòng tiếp khách",
        "Văn phòng HĐND và UBND",
        "Công chức địa chính, nông nghiệp",
    ),
]
FALLBACK_CHAIRS = ["Chủ tịch UBND", "Phó Chủ tịch UBND"]


def fill_schedule(unit):
    """Publish this week's and next week's schedules of ``unit`` unless they exist; mark one activity of this
    week adjusted. Returns the number of weeks created."""
    index = schedule_index(unit)
    if index is None:
        build_schedule_section(unit=unit, home_page=unit.site.root_page.specific)
        index = schedule_index(unit)
    leaders = list(Official.objects.filter(unit=unit, active=True).order_by("sort_order", "name")[:4])
    created = 0
    monday = this_monday()
    for offset, count in ((0, 8), (1, 7)):
        week_start = monday + timedelta(weeks=offset)
        if WeekSchedulePage.objects.child_of(index).filter(week_start=week_start).exists():
            continue
        page = WeekSchedulePage(week_start=week_start, live=False)
        page.entries = [entry(week_start, n, spec, leaders) for n, spec in enumerate(ACTIVITIES[:count])]
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
        if offset == 0:
            adjust_one(page)
    return created


def entry(week_start, number, spec, leaders):
    weekday, start, end, content, location, preparing, attendees = spec
    item = ScheduleEntry(
        day=week_start + timedelta(days=weekday),
        start_time=start,
        end_time=end,
        content=content,
        location=location,
        preparing_body=preparing,
        attendees=attendees,
        sort_order=number,
    )
    if leaders:
        item.chair = leaders[number % len(leaders)]
        item.officials = [leader for leader in leaders[:2] if leader != item.chair]
    else:
        item.chair_text = FALLBACK_CHAIRS[number % len(FALLBACK_CHAIRS)]
    return item


def adjust_one(page):
    """A change after publication, as happens: the afternoon meeting moves by an hour and a half."""
    page = WeekSchedulePage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    if not entries:
        return
    changed = entries[min(4, len(entries) - 1)]
    changed.start_time = time(15, 30)
    changed.location = "Hội trường UBND"
    draft.entries = entries
    draft.save_revision().publish()

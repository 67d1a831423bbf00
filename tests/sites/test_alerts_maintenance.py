"""Planned maintenance banners (issue #19 §8): announced at least 7 working days ahead (Nghị định
64/2007/NĐ-CP, Art. 16; working days without weekends and holidays, counted from the day after posting), with
the interruption's start and the expected return shown in Vietnam's time."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest

from sites.alerts import active_alerts
from sites.models import AlertBanner, AlertKind
from sites.workdays import add_working_days

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ADD_URL = "/admin/alert_banners/new/"


def local(*args):
    return datetime(*args, tzinfo=VN)


def maintenance(posted, start, end, **fields):
    return AlertBanner(
        kind=AlertKind.MAINTENANCE, message="Nâng cấp hệ thống", starts_at=posted,
        interruption_starts_at=start, interruption_ends_at=end, **fields,
    )  # fmt: skip


def vi(message):
    with translation.override("vi"):
        return gettext(message)


def test_posted_on_a_friday_counts_the_working_days_from_monday():
    # Friday 4/12/2026: Mon 7 ... Fri 11, Mon 14, Tue 15 are the 7 working days; Wednesday 16 at the earliest
    banner = maintenance(local(2026, 12, 4, 16, 0), None, None)
    before = local(2026, 12, 4, 9, 0)
    assert banner.earliest_interruption_start(now=before) == date(2026, 12, 16)
    # posted on a Saturday: the same Monday starts the count, one day later than from Friday
    banner.starts_at = local(2026, 12, 5, 8, 0)
    assert banner.earliest_interruption_start(now=before) == date(2026, 12, 16)
    banner.starts_at = local(2026, 12, 7, 8, 0)
    assert banner.earliest_interruption_start(now=before) == date(2026, 12, 17)


def test_tet_2027_does_not_count():
    # Wed 3/2/2027; 4–10/2 are Tết holidays: Thu 11, Fri 12, Mon 15 ... Fri 19 are the 7 working days
    banner = maintenance(local(2027, 2, 3, 10, 0), None, None)
    assert banner.earliest_interruption_start(now=local(2027, 2, 1)) == date(2027, 2, 20)


def test_posted_late_counts_from_when_it_is_saved():
    banner = maintenance(local(2026, 12, 4, 8, 0), None, None)
    assert banner.earliest_interruption_start(now=local(2026, 12, 8, 9, 0)) == add_working_days(
        date(2026, 12, 8), 7
    ) + timedelta(days=1)


@pytest.mark.django_db
def test_validation_messages(settings):
    soon = timezone.now() + timedelta(days=1)
    posted = timezone.now() + timedelta(hours=1)
    far = timezone.now() + timedelta(days=40)
    cases = [
        (maintenance(posted, None, None), {"interruption_starts_at", "interruption_ends_at"}),
        (maintenance(posted, far, far - timedelta(hours=1)), {"interruption_ends_at"}),
        (maintenance(posted, soon, soon + timedelta(hours=4)), {"interruption_starts_at"}),
    ]
    for banner, fields in cases:
        with pytest.raises(ValidationError) as raised:
            banner.full_clean()
        assert set(raised.value.message_dict) == fields
    too_soon = cases[2][0]
    with pytest.raises(ValidationError) as raised:
        too_soon.full_clean()
    earliest = too_soon.earliest_interruption_start().strftime("%d/%m/%Y")
    assert earliest in raised.value.message_dict["interruption_starts_at"][0]
    ok = maintenance(posted, far, far + timedelta(hours=4))
    ok.full_clean()
    assert ok.ends_at == far + timedelta(hours=4)  # shown until the portal is back
    # the notice period is a setting
    settings.PORTAL_MAINTENANCE_NOTICE_WORKING_DAYS = 60
    with pytest.raises(ValidationError):
        maintenance(posted, far, far + timedelta(hours=4)).full_clean()


def test_friday_boundary_through_full_clean():
    # a Friday far enough ahead to be the posting time (not "now"), with no holiday in the fortnight after it
    posted = local(2099, 12, 4, 16, 0)
    late_tuesday = maintenance(posted, local(2099, 12, 15, 22, 0), local(2099, 12, 16, 2, 0))
    with pytest.raises(ValidationError):
        late_tuesday.full_clean(exclude=["unit"])
    maintenance(posted, local(2099, 12, 16, 0, 30), local(2099, 12, 16, 4, 0)).full_clean(exclude=["unit"])


def test_other_kinds_keep_no_interruption_times():
    now = timezone.now()
    banner = AlertBanner(
        kind=AlertKind.INFO, message="Thông báo", starts_at=now, ends_at=now + timedelta(days=1),
        interruption_starts_at=now, interruption_ends_at=now + timedelta(hours=1),
    )  # fmt: skip
    banner.full_clean()
    assert banner.interruption_starts_at is None and banner.interruption_ends_at is None
    assert banner.interruption_text == ""
    banner.ends_at = None
    with pytest.raises(ValidationError) as raised:
        banner.full_clean()
    assert "ends_at" in raised.value.message_dict


def test_an_incident_needs_no_notice_but_a_return_time():
    now = timezone.now()
    incident = AlertBanner(kind=AlertKind.INCIDENT, message="Sự cố đường truyền", starts_at=now)
    with pytest.raises(ValidationError) as raised:
        incident.full_clean()
    assert set(raised.value.message_dict) == {"interruption_ends_at"}
    incident.interruption_ends_at = now + timedelta(hours=3)
    incident.full_clean()
    assert incident.ends_at == incident.interruption_ends_at


@pytest.mark.django_db
def test_editing_a_posted_notice_keeps_its_posting_day():
    posted = timezone.now() + timedelta(days=1)
    start = timezone.now() + timedelta(days=30)
    saved = maintenance(posted, start, start + timedelta(hours=2), ends_at=start + timedelta(hours=2))
    saved.save()
    banner = AlertBanner.objects.get(pk=saved.pk)
    later = posted + timedelta(days=25)  # a typo fixed long after it was posted
    assert banner.posted_on(now=later) == posted.astimezone(VN).date()
    banner.interruption_starts_at = start + timedelta(hours=1)  # moved: counted again from now
    assert banner.posted_on(now=later) == later.astimezone(VN).date()


def test_the_banner_states_the_times_in_vietnam():
    banner = maintenance(
        local(2027, 2, 3, 10, 0),
        datetime(2027, 2, 20, 15, 30, tzinfo=ZoneInfo("UTC")),  # 22:30 in Vietnam
        datetime(2027, 2, 20, 23, 0, tzinfo=ZoneInfo("UTC")),  # 06:00 the next day
    )
    expected = vi("The system will be unavailable from %(start)s until about %(end)s.") % {
        "start": "22:30 20/02/2027",
        "end": "06:00 21/02/2027",
    }
    with translation.override("vi"):
        assert banner.interruption_text == expected


@pytest.mark.django_db
def test_the_public_page_shows_it_until_the_portal_is_back(client, commune_a):
    now = timezone.now()
    start, end = now + timedelta(days=20), now + timedelta(days=20, hours=5)
    banner = maintenance(now - timedelta(hours=1), start, end, unit=commune_a)
    banner.full_clean(exclude=["starts_at"])
    banner.save()
    assert banner.ends_at == end
    html = client.get("/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert 'class="alert alert--bao-tri"' in html
    assert timezone.localtime(start, VN).strftime("%H:%M %d/%m/%Y") in html
    assert timezone.localtime(end, VN).strftime("%H:%M %d/%m/%Y") in html
    assert active_alerts(commune_a, now=end - timedelta(minutes=1)) == [banner]
    assert active_alerts(commune_a, now=end) == []


@pytest.mark.django_db
def test_the_page_cache_keeps_no_page_past_the_return(client, commune_a):
    import uuid

    from sites import page_cache

    now = timezone.now()
    end = now + timedelta(seconds=90)
    maintenance(now - timedelta(hours=1), now + timedelta(seconds=30), end, ends_at=end).save()
    assert page_cache.valid_until(uuid.uuid4().hex, now) <= end.timestamp()


@pytest.mark.django_db
def test_the_board_posts_one_in_the_admin(client, board_member):
    now = timezone.localtime()
    fmt = "%Y-%m-%d %H:%M"
    data = {
        "kind": AlertKind.MAINTENANCE,
        "message": "Nâng cấp máy chủ",
        "message_en": "",
        "link": "",
        "unit": "",
        "starts_at": now.strftime(fmt),
        "ends_at": "",
        "interruption_starts_at": (now + timedelta(days=2)).strftime(fmt),
        "interruption_ends_at": (now + timedelta(days=2, hours=3)).strftime(fmt),
    }
    client.force_login(board_member)
    refused = client.post(ADD_URL, data)
    assert refused.status_code == 200 and not AlertBanner.objects.exists()
    assert "interruption_starts_at" in refused.context["form"].errors
    data["interruption_starts_at"] = (now + timedelta(days=30)).strftime(fmt)
    data["interruption_ends_at"] = (now + timedelta(days=30, hours=3)).strftime(fmt)
    assert client.post(ADD_URL, data).status_code == 302
    saved = AlertBanner.objects.get()
    assert saved.kind == AlertKind.MAINTENANCE
    assert timezone.localtime(saved.ends_at).strftime(fmt) == data["interruption_ends_at"]

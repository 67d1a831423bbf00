"""The week schedule in the admin: the week starts on a Monday and is not there twice, entries fall inside
it, chair and leaders are the unit's own; title and slug follow the week; the draft goes to moderation."""

import html
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import WorkflowState

import pytest

from agenda.forms import DAY_OUTSIDE_WEEK, DUPLICATE_WEEK, OTHER_UNIT_OFFICIAL
from agenda.models import NOT_A_MONDAY, WeekSchedulePage
from tests.factories.agenda import entry, official, schedule_index, week

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 30)


def form_data(week_start="30/11/2026", entries=(), **fields):
    data = {
        "week_start": week_start,
        "search_description": "",
        "entries-TOTAL_FORMS": str(len(entries)),
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    for n, item in enumerate(entries):
        row = {
            "day": "30/11/2026",
            "start_time": "08:00",
            "end_time": "10:00",
            "content": "Họp giao ban",
            "location": "Phòng họp",
            "chair": "",
            "chair_text": "",
            "attendees": "",
            "preparing_body": "",
            "ORDER": str(n + 1),
            "id": "",
            "DELETE": "",
        }
        row.update(item)
        for key, value in row.items():
            data[f"entries-{n}-{key}"] = value  # a list: several leaders
    data.update(fields)
    return data


def add_url(unit):
    return f"/admin/pages/add/agenda/weekschedulepage/{schedule_index(unit).pk}/"


def errors_of(response):
    return html.unescape(response.content.decode())


def vi(message):
    """What the user reads (Vietnamese once the catalog is compiled)."""
    with translation.override("vi"):
        return str(message)


def test_editor_adds_a_week_with_title_and_slug_from_the_week(client, commune_a, editor_a):
    chair = official(commune_a)
    client.force_login(editor_a)
    response = client.post(
        add_url(commune_a),
        form_data(entries=[{"chair": str(chair.pk), "officials": [str(chair.pk)]}], **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = WeekSchedulePage.objects.get(week_start=MONDAY)
    assert not page.live
    assert page.slug == "tuan-2026-49"
    with translation.override("vi"):
        expected = gettext("Work schedule, week %(week)s (%(start)s – %(end)s)") % {
            "week": 49,
            "start": "30/11/2026",
            "end": "06/12/2026",
        }
    assert page.title == expected
    assert WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").exists()
    draft = page.get_latest_revision_as_object()
    [item] = draft.entries.all()
    assert item.chair_id == chair.pk and [o.pk for o in item.officials.all()] == [chair.pk]


def test_a_week_that_does_not_start_on_a_monday_is_refused(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.post(add_url(commune_a), form_data(week_start="01/12/2026"))
    assert response.status_code == 200
    assert not WeekSchedulePage.objects.exists()
    assert vi(NOT_A_MONDAY) in errors_of(response)


def test_the_model_refuses_a_week_not_starting_on_monday(commune_a):
    page = WeekSchedulePage(week_start=date(2026, 12, 2))
    page.set_title_and_slug()
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "week_start" in raised.value.message_dict


def test_an_entry_outside_the_week_is_refused_and_what_was_typed_kept(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.post(
        add_url(commune_a),
        form_data(entries=[{"day": "07/12/2026", "content": "Họp ngoài tuần"}]),
    )
    assert response.status_code == 200
    assert not WeekSchedulePage.objects.exists()
    body = errors_of(response)
    assert vi(DAY_OUTSIDE_WEEK) % {"start": "30/11/2026", "end": "06/12/2026"} in body
    assert "Họp ngoài tuần" in body


def test_an_end_before_the_start_is_refused(client, commune_a, editor_a):
    client.force_login(editor_a)
    response = client.post(
        add_url(commune_a), form_data(entries=[{"start_time": "10:00", "end_time": "09:00"}])
    )
    assert response.status_code == 200
    assert not WeekSchedulePage.objects.exists()


def test_another_units_leader_is_refused_and_not_offered(client, commune_a, commune_b, editor_a):
    ours = official(commune_a, name="Lãnh đạo xã A")
    theirs = official(commune_b, name="Lãnh đạo xã B")
    client.force_login(editor_a)
    page = client.get(add_url(commune_a)).content.decode()
    assert "Lãnh đạo xã A" in page and "Lãnh đạo xã B" not in page
    for field, value in (("chair", str(theirs.pk)), ("officials", [str(ours.pk), str(theirs.pk)])):
        response = client.post(add_url(commune_a), form_data(entries=[{field: value}]))
        assert response.status_code == 200
        assert vi(OTHER_UNIT_OFFICIAL) in errors_of(response)
    assert not WeekSchedulePage.objects.exists()


def test_a_week_is_not_added_twice(client, commune_a, editor_a):
    existing = week(commune_a, MONDAY)
    client.force_login(editor_a)
    response = client.post(add_url(commune_a), form_data())
    assert response.status_code == 200
    assert WeekSchedulePage.objects.count() == 1
    assert vi(DUPLICATE_WEEK) % {"title": existing.title} in errors_of(response)


def test_the_same_week_in_another_unit_is_fine(commune_a, commune_b):
    week(commune_a, MONDAY)
    week(commune_b, MONDAY)
    assert WeekSchedulePage.objects.filter(week_start=MONDAY).count() == 2


def test_editor_cannot_add_a_week_to_another_unit(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    response = client.post(add_url(commune_b), form_data())
    assert response.status_code in (302, 403, 404)
    assert not WeekSchedulePage.objects.exists()
    other = week(commune_b, MONDAY)
    response = client.get(f"/admin/pages/{other.pk}/edit/")
    assert response.status_code in (302, 403, 404)


def test_a_copy_of_a_week_gets_new_keys(commune_a):
    page = week(commune_a, MONDAY, entries=[entry(MONDAY, start=time(7, 0))])
    copy = page.copy(update_attrs={"slug": "ban-sao", "week_start": MONDAY + timedelta(weeks=3)})
    [original], [copied] = page.entries.all(), copy.entries.all()
    assert copied.key != original.key


def test_an_edit_saved_in_the_admin_then_published_marks_only_the_changed_entry(client, commune_a, editor_a):
    first = entry(MONDAY, content="Giao ban")
    second = entry(MONDAY, weekday=2, start=time(14, 0), end=None, content="Tiếp dân")
    page = week(commune_a, MONDAY, entries=[first, second])
    rows = sorted(page.entries.all(), key=lambda e: e.day)
    client.force_login(editor_a)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    changed = [
        {"id": str(rows[0].pk), "day": "30/11/2026", "start_time": "09:00", "content": "Giao ban"},
        {
            "id": str(rows[1].pk),
            "day": "02/12/2026",
            "start_time": "14:00",
            "end_time": "",
            "content": "Tiếp dân",
        },
    ]
    for row in changed:
        row["location"] = "Phòng họp số 1"  # as before: only the first entry's start changes
    data = form_data(entries=changed, **{"entries-INITIAL_FORMS": "2"})
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    page.get_latest_revision().publish()
    adjusted = {e.content: e.adjusted_at for e in page.entries.all()}
    assert adjusted["Giao ban"] is not None and adjusted["Tiếp dân"] is None
    assert {e.key for e in page.entries.all()} == {first.key, second.key}

""" "Sao chép tuần trước": next week's draft from the latest week, entries moved by a week with new keys;
only for users who may add weeks to that schedule."""

from datetime import time, timedelta

from django.core.exceptions import PermissionDenied

from wagtail.models import Page

import pytest

from agenda import services
from agenda.models import WeekSchedulePage
from agenda.weeks import this_monday
from tests.factories import UserFactory
from tests.factories.agenda import entry, official, schedule_index, week

pytestmark = pytest.mark.django_db


def copy_url(index):
    return f"/admin/agenda/copy-week/{index.pk}/"


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/admin/login/")
    )


def test_copy_makes_a_draft_of_next_week_with_shifted_entries(commune_a, editor_a):
    monday = this_monday()
    chair = official(commune_a)
    source = week(
        commune_a,
        monday,
        entries=[
            entry(monday, weekday=0, content="Giao ban", chair=chair, officials=[chair]),
            entry(monday, weekday=4, start=time(14, 0), content="Tiếp dân"),
        ],
    )
    page, created = services.copy_week(index=schedule_index(commune_a), user=editor_a)
    assert created and not page.live
    assert page.week_start == monday + timedelta(weeks=1) and page.slug.startswith("tuan-")
    assert page.owner == editor_a
    copied = sorted(page.entries.all(), key=lambda e: e.day)
    originals = sorted(source.entries.all(), key=lambda e: e.day)
    assert [e.day for e in copied] == [e.day + timedelta(weeks=1) for e in originals]
    assert [e.content for e in copied] == ["Giao ban", "Tiếp dân"]
    assert copied[0].chair_id == chair.pk and [o.pk for o in copied[0].officials.all()] == [chair.pk]
    assert not {e.key for e in copied} & {e.key for e in originals}
    assert all(e.adjusted_at is None for e in copied)
    assert page.get_latest_revision() is not None


def test_copy_again_finds_the_existing_week(commune_a, editor_a):
    week(commune_a, this_monday())
    first, created = services.copy_week(index=schedule_index(commune_a), user=editor_a)
    again, created_again = services.copy_week(index=schedule_index(commune_a), user=editor_a)
    assert created and not created_again and again.pk == first.pk
    assert WeekSchedulePage.objects.count() == 2


def test_copy_with_no_earlier_week_makes_an_empty_draft(commune_a, editor_a):
    page, created = services.copy_week(index=schedule_index(commune_a), user=editor_a)
    assert created and page.entries.count() == 0


def test_the_admin_button_copies_and_opens_the_editor(client, commune_a, editor_a):
    week(commune_a, this_monday())
    index = schedule_index(commune_a)
    client.force_login(editor_a)
    explore = client.get(f"/admin/pages/{index.pk}/")
    assert copy_url(index) in explore.content.decode()
    assert client.get(copy_url(index)).status_code == 200
    response = client.post(copy_url(index))
    page = WeekSchedulePage.objects.get(week_start=this_monday() + timedelta(weeks=1))
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert client.get(response["Location"]).status_code == 200
    again = client.post(copy_url(index))
    assert again["Location"] == f"/admin/pages/{page.pk}/edit/"


def test_another_units_schedule_cannot_be_copied(client, commune_a, commune_b, editor_a):
    week(commune_b, this_monday())
    other = schedule_index(commune_b)
    client.force_login(editor_a)
    assert refused(client.get(copy_url(other)))
    assert refused(client.post(copy_url(other)))
    assert copy_url(other) not in client.get(f"/admin/pages/{other.pk}/").content.decode()
    with pytest.raises(PermissionDenied):
        services.copy_week(index=other, user=editor_a)
    assert WeekSchedulePage.objects.count() == 1


def test_not_a_schedule_or_no_rights(client, commune_a):
    outsider = UserFactory(username="outsider")
    client.force_login(outsider)
    assert refused(client.post(copy_url(schedule_index(commune_a))))
    home = Page.objects.get(pk=commune_a.site.root_page_id)
    client.force_login(UserFactory(username="editor2", groups=[commune_a.editors_group]))
    assert client.post(copy_url(home)).status_code == 404
    assert client.post("/admin/agenda/copy-week/999999/").status_code == 404
    assert not WeekSchedulePage.objects.exists()


def test_this_week_can_be_chosen_when_it_is_missing(client, commune_a, editor_a):
    from agenda.weeks import week_param

    monday = this_monday()
    week(
        commune_a,
        monday - timedelta(weeks=1),
        entries=[entry(monday - timedelta(weeks=1), content="Tuần trước")],
    )
    index = schedule_index(commune_a)
    client.force_login(editor_a)
    assert week_param(monday) in client.get(copy_url(index)).content.decode()
    client.post(copy_url(index), {"tuan": week_param(monday)})
    page = WeekSchedulePage.objects.get(week_start=monday)
    assert [e.day for e in page.entries.all()] == [monday]
    client.post(copy_url(index), {"tuan": "2030-W01"})  # not offered: next week
    assert WeekSchedulePage.objects.filter(week_start=monday + timedelta(weeks=1)).exists()
    assert not WeekSchedulePage.objects.filter(week_start__year=2030).exists()

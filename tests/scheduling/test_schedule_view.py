"""The "Lịch đăng bài" admin view: per unit, list and calendar, overdue flagged, bad input tolerated."""

from datetime import timedelta

from django.utils import timezone

import pytest

from tests.factories import draft_article
from tests.scheduling.test_services import schedule, time_passes


@pytest.fixture
def scheduled(commune_a, commune_b, editor_a, approver_b):
    soon = timezone.now() + timedelta(days=1)
    a = draft_article(commune_a, editor_a, title="Tin hẹn giờ Phước Hậu")
    b = draft_article(commune_b, approver_b, title="Tin hẹn giờ An Hải")
    schedule(a, soon)
    late = draft_article(commune_a, editor_a, title="Tin trễ giờ Phước Hậu")
    time_passes(schedule(late, soon), timezone.now() - timedelta(minutes=10))
    schedule(b, soon)
    return soon


def test_board_sees_every_unit_with_overdue_flagged(client, board_member, scheduled):
    client.force_login(board_member)
    html = client.get("/admin/schedule/").content.decode()
    assert "Tin hẹn giờ Phước Hậu" in html and "Tin hẹn giờ An Hải" in html
    assert 'id="schedule-overdue"' in html and "Tin trễ giờ Phước Hậu" in html
    day = timezone.localtime(scheduled).strftime("%d/%m/%Y %H:%M")
    assert day in html
    calendar = client.get("/admin/schedule/", {"month": timezone.localtime(scheduled).strftime("%Y-%m")})
    assert "portal-calendar__item" in calendar.content.decode()


def test_unit_members_see_only_their_unit(client, commune_a, commune_b, editor_a, scheduled):
    client.force_login(editor_a)
    html = client.get("/admin/schedule/").content.decode()
    assert "Tin hẹn giờ Phước Hậu" in html and "Tin hẹn giờ An Hải" not in html
    # asking for another unit shows a notice and still only their own
    html = client.get("/admin/schedule/", {"unit": commune_b.pk}).content.decode()
    assert "Đơn vị không hợp lệ" in html and "Tin hẹn giờ An Hải" not in html


@pytest.mark.parametrize(
    "query", [{"month": "2026-13"}, {"month": "abc"}, {"month": "99999-01"}, {"unit": "x"}, {"unit": "-1"}]
)
def test_bad_input_gets_a_notice_not_an_error(client, board_member, scheduled, query):
    client.force_login(board_member)
    response = client.get("/admin/schedule/", query)
    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()


def test_people_without_a_unit_are_refused(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="nobody"))
    assert client.get("/admin/schedule/").status_code in (302, 403)
    client.logout()
    response = client.get("/admin/schedule/")
    assert response.status_code == 302 and "/login/" in response["Location"]

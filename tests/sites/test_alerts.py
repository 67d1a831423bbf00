"""Alert banners: the board puts them on one unit or all, for a set time; mourning turns the portal grey."""

from datetime import timedelta

from django.utils import timezone

import pytest

from sites.alerts import active_alerts
from sites.models import AlertBanner, AlertKind
from tests.factories import UserFactory

ADD_URL = "/admin/alert_banners/new/"


def banner(unit=None, *, start=-1, end=1, kind=AlertKind.INFO, message="Lịch cắt điện ngày mai", **fields):
    now = timezone.now()
    return AlertBanner.objects.create(
        unit=unit, kind=kind, message=message, starts_at=now + timedelta(hours=start),
        ends_at=now + timedelta(hours=end), **fields,
    )  # fmt: skip


def test_banners_show_in_their_window_on_their_units(district, commune_a, commune_b):
    everyone = banner(message="Cho mọi đơn vị")
    own = banner(commune_a, kind=AlertKind.WARNING, message="Chỉ Phước Hậu")
    banner(commune_a, start=1, end=2, message="Chưa tới giờ")
    banner(None, start=-3, end=-1, message="Đã hết giờ")
    assert [a.message for a in active_alerts(commune_a)] == [
        "Chỉ Phước Hậu",
        "Cho mọi đơn vị",
    ]  # warning first
    assert active_alerts(commune_b) == [everyone]
    assert active_alerts(None) == [everyone]
    later = timezone.now() + timedelta(
        hours=1, minutes=30
    )  # the first two have ended; the scheduled one shows
    assert [a.message for a in active_alerts(commune_a, now=later)] == ["Chưa tới giờ"]
    assert own.status() == "đang hiển thị"


def test_the_public_page_shows_it_and_then_not(client, commune_a):
    from tests.factories import publish_article  # noqa: F401  (the unit's home is enough)

    host = commune_a.site.hostname
    html = client.get("/", HTTP_HOST=host).content.decode()
    assert 'class="alerts"' not in html
    alert = banner(commune_a, message="Tạm ngừng tiếp dân chiều thứ Sáu", link="https://example.gov.vn/tb")
    html = client.get("/", HTTP_HOST=host).content.decode()
    assert "Tạm ngừng tiếp dân chiều thứ Sáu" in html and 'href="https://example.gov.vn/tb"' in html
    assert 'class=" mourning"' not in html and "mourning" not in html.split("<body", 1)[1].split(">", 1)[0]
    # the board ends it early (an end reached by the clock alone: tests/sites/test_page_cache*.py)
    alert.ends_at = timezone.now() - timedelta(seconds=1)
    alert.save()
    assert "Tạm ngừng tiếp dân" not in client.get("/", HTTP_HOST=host).content.decode()


def test_mourning_turns_every_unit_grey_and_english_pages_show_the_english_text(client, district, commune_b):
    banner(kind=AlertKind.MOURNING, message="Quốc tang", message_en="National mourning for ...")
    html = client.get("/", HTTP_HOST=commune_b.site.hostname).content.decode()
    body = html.split("<body", 1)[1].split(">", 1)[0]
    assert "mourning" in body and "Quốc tang" in html
    from sites.models import AlertBanner as Model

    alert = Model.objects.get()
    from django.utils import translation

    with translation.override("en"):
        assert alert.text == "National mourning for ..."
    with translation.override("vi"):
        assert alert.text == "Quốc tang"


def test_only_the_board_manages_banners(client, board_member, editor_a, approver_a, commune_a):
    now = timezone.localtime()
    data = {
        "kind": AlertKind.WARNING,
        "message": "Bão số 5: tạm dừng tiếp công dân",
        "message_en": "",
        "link": "",
        "unit": "",
        "starts_at": now.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (now + timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
    }
    for user in (editor_a, approver_a):
        client.force_login(user)
        assert client.get(ADD_URL).status_code == 302
        assert client.post(ADD_URL, data).status_code == 302
    assert not AlertBanner.objects.exists()
    client.force_login(board_member)
    bad = client.post(ADD_URL, {**data, "ends_at": (now - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")})
    assert bad.status_code == 200 and "Thời điểm kết thúc phải sau thời điểm bắt đầu." in bad.content.decode()
    assert not AlertBanner.objects.exists()
    assert client.post(ADD_URL, data).status_code == 302
    assert AlertBanner.objects.get().message == "Bão số 5: tạm dừng tiếp công dân"


def test_a_superuser_without_unit_also_sees_the_menu(client, db):
    admin = UserFactory(username="root-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/alert_banners/").status_code == 200


@pytest.mark.parametrize("query", ["?q=%00", "?kind=xx", "?p=abc"])
def test_the_listing_survives_bad_queries(client, board_member, query):
    client.force_login(board_member)
    assert client.get("/admin/alert_banners/" + query).status_code in (200, 400, 404)  # NUL: 400


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrate_gives_an_existing_board_the_permissions_registered_since(district, commune_a):
    """A board provisioned before alert banners existed gets their permissions at the next ``migrate``;
    the units' own groups still get none."""
    from django.contrib.auth.models import Permission
    from django.core.management import call_command

    board = district.approvers_group
    banner_permissions = Permission.objects.filter(
        content_type__app_label="portal_sites", codename__endswith="_alertbanner"
    )
    assert banner_permissions.count() == 4
    board.permissions.remove(*banner_permissions)
    assert not board.permissions.filter(codename__endswith="_alertbanner").exists()
    call_command("migrate", verbosity=0)
    assert set(board.permissions.filter(codename__endswith="_alertbanner")) == set(banner_permissions)
    for group in (commune_a.editors_group, commune_a.approvers_group, district.editors_group):
        assert not group.permissions.filter(codename__endswith="_alertbanner").exists()

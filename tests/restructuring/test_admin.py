"""The board's "Cơ cấu đơn vị" (issue #21): dry run, then confirm; everyone else 403; CSRF required."""

from django.test import Client

from wagtail.models import PageLogEntry

import pytest

from restructuring.plans import Plan
from sites.models import Unit
from tests.factories import UserFactory
from tests.factories.restructuring import three_communes

pytestmark = pytest.mark.django_db
INDEX = "/admin/co-cau-don-vi/"
MERGE_URL = "/admin/co-cau-don-vi/merge/"


@pytest.fixture
def communes(district):
    return three_communes(district)


def merge_data(communes, **extra):
    return {
        "sources": [c.unit.slug for c in communes],
        "slug": "phuoc-hau-moi",
        "name": "Xã Phước Hậu",
        "hostname": "phuoc-hau-moi.localhost",
        "parent": "ninh-phuoc",
        "level": "",
        "port": "80",
        "users": "move",
        **extra,
    }


def test_the_board_sees_the_plan_then_confirms(client, board_member, communes):
    client.force_login(board_member)
    assert client.get(INDEX).status_code == 200
    menu = client.get("/admin/").content.decode()
    assert INDEX in menu
    response = client.get(MERGE_URL)
    assert response.status_code == 200
    response = client.post(MERGE_URL, merge_data(communes, plan="1"))
    assert response.status_code == 200
    assert isinstance(response.context["plan"], Plan) and not response.context["plan"].is_empty
    assert "phuoc-hau-moi.localhost" in response.content.decode()
    assert not Unit.objects.filter(slug="phuoc-hau-moi").exists()  # a dry run
    response = client.post(MERGE_URL, merge_data(communes, confirm="1"))
    assert response.status_code == 302
    target = Unit.objects.get(slug="phuoc-hau-moi")
    entry = PageLogEntry.objects.get(page=target.site.root_page, action="portal.restructure")
    assert entry.user == board_member
    # confirmed again: nothing to do, nothing changed
    response = client.post(MERGE_URL, merge_data(communes, confirm="1"))
    assert response.status_code == 200  # the sources are no longer choices: the form says so
    assert PageLogEntry.objects.filter(action="portal.restructure", page=target.site.root_page).count() == 1


def test_a_bad_plan_is_shown_on_the_form_and_changes_nothing(client, board_member, communes):
    client.force_login(board_member)
    units = Unit.all_objects.count()
    response = client.post(MERGE_URL, merge_data(communes, hostname="phuoc-thai.localhost", confirm="1"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = client.post(MERGE_URL, merge_data(communes, sources=["khong-co"], plan="1"))
    assert response.context["form"].errors
    assert Unit.all_objects.count() == units


def test_a_superuser_may_restructure(client, communes):
    client.force_login(UserFactory(username="root", is_superuser=True))
    assert client.get(INDEX).status_code == 200


@pytest.mark.parametrize("who", ["editor", "approver", "district-editor"])
def test_everyone_else_gets_403_and_no_menu(client, district, communes, who):
    if who == "district-editor":
        user = UserFactory(username="d-editor", groups=[district.editors_group])
    else:
        user = getattr(communes[0], who)
    client.force_login(user)
    assert client.get(INDEX).status_code == 403
    for operation in ("merge", "rename", "reparent"):
        assert client.get(f"/admin/co-cau-don-vi/{operation}/").status_code == 403
    other = communes[1].unit
    response = client.post(MERGE_URL, merge_data(communes[1:], confirm="1", sources=[other.slug]))
    assert response.status_code == 403
    assert Unit.objects.filter(pk=other.pk).exists()
    assert "co-cau-don-vi" not in client.get("/admin/").content.decode()


def test_csrf_is_required(board_member, communes):
    client = Client(enforce_csrf_checks=True)
    client.force_login(board_member)
    response = client.post(MERGE_URL, merge_data(communes, confirm="1"))
    assert response.status_code == 403
    assert not Unit.objects.filter(slug="phuoc-hau-moi").exists()


def test_unknown_operations_are_404(client, board_member):
    client.force_login(board_member)
    assert client.get("/admin/co-cau-don-vi/xoa/").status_code == 404


def test_the_board_renames_and_reparents_through_the_admin(client, board_member, communes, district):
    from sites.models import FormerHostname

    client.force_login(board_member)
    for operation in ("rename", "reparent"):
        assert client.get(f"/admin/co-cau-don-vi/{operation}/").status_code == 200
    unit = communes[0].unit
    data = {"unit": unit.slug, "name": "Xã Phước Hậu Mới", "slug": "", "hostname": "phuoc-hau-2.localhost"}
    planned = client.post("/admin/co-cau-don-vi/rename/", data)
    assert planned.status_code == 200 and planned.context["plan"] is not None
    assert "phuoc-hau-2.localhost" in planned.context["plan"].render()
    unit.refresh_from_db()
    assert unit.name != "Xã Phước Hậu Mới"  # the plan changed nothing
    done = client.post("/admin/co-cau-don-vi/rename/", {**data, "confirm": "1"})
    assert done.status_code == 302
    unit.refresh_from_db()
    unit.site.refresh_from_db()
    assert unit.name == "Xã Phước Hậu Mới" and unit.site.hostname == "phuoc-hau-2.localhost"
    assert FormerHostname.objects.filter(hostname="phuoc-hau.localhost", unit=unit).exists()
    # another unit's id in the same form, from a commune approver: refused, nothing renamed
    client.force_login(communes[1].approver)
    other = communes[1].unit
    refused = client.post("/admin/co-cau-don-vi/rename/", {**data, "unit": other.slug, "confirm": "1"})
    assert refused.status_code == 403
    other.refresh_from_db()
    assert other.name != "Xã Phước Hậu Mới"

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

import pytest

from documents.models import DocumentIndexPage
from home.models import HomePage
from news.models import NewsIndexPage
from sites.models import Unit, UnitSettings
from sites.registry import UNIT_SECTIONS_HOOK
from sites.services import ProvisioningError, provision_site
from tests.factories import UserFactory, make_unit


def snapshot():
    """Row counts of everything provisioning touches."""
    return {
        model.__name__: model.objects.count()
        for model in (
            Unit,
            Site,
            Page,
            Group,
            Collection,
            GroupPagePermission,
            GroupCollectionPermission,
            WorkflowPage,
            UnitSettings,
        )
    }


def test_provision_creates_complete_unit(commune_a, district):
    unit = commune_a
    home = unit.site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.live and home.title == "Xã Phước Hậu"
    assert unit.site.hostname == "phuoc-hau.localhost"
    assert not unit.site.is_default_site and district.site.is_default_site
    # standard sections
    assert NewsIndexPage.objects.child_of(home).get().slug == "tin-tuc"
    assert DocumentIndexPage.objects.child_of(home).get().slug == "van-ban"
    # collection under the portal's collection, beside the district's
    assert unit.collection.get_parent() == district.collection.get_parent()
    # homes are siblings under one container, not nested
    assert home.get_parent() == district.site.root_page.get_parent()
    assert UnitSettings.for_site(unit.site).full_name == "Xã Phước Hậu"
    # moderation workflow assigned to the unit's root, shared with the district
    assert (
        WorkflowPage.objects.get(page=home).workflow
        == WorkflowPage.objects.get(page=district.site.root_page).workflow
    )


def test_wagtail_placeholder_site_is_replaced(district):
    assert Site.objects.count() == 1
    assert not Page.objects.filter(depth=2).exclude(pk=district.site.root_page.get_parent().pk).exists()


def test_unit_groups_reach_only_their_subtree_and_collection(commune_a, commune_b):
    for group in (commune_a.editors_group, commune_a.approvers_group):
        pages = {p.page_id for p in GroupPagePermission.objects.filter(group=group)}
        assert pages == {commune_a.site.root_page.pk}
        permissions = GroupCollectionPermission.objects.filter(group=group)
        # their own collection, and choosing from the board's shared files (sites.services)
        shared = commune_a.collection.get_parent().get_children().exclude(unit__isnull=False).get()
        assert {p.collection_id for p in permissions} == {commune_a.collection.pk, shared.pk}
        assert {p.permission.codename for p in permissions.filter(collection=shared)} == {
            "choose_image",
            "choose_document",
        }


def test_editor_permissions_are_confined(editor_a, commune_a, commune_b, district):
    own = commune_a.site.root_page
    own_news = NewsIndexPage.objects.child_of(own).get()
    assert own_news.permissions_for_user(editor_a).can_edit()
    assert own_news.permissions_for_user(editor_a).can_add_subpage()
    # editors submit, they never publish
    assert not own_news.permissions_for_user(editor_a).can_publish()
    for other in (commune_b.site.root_page, district.site.root_page):
        perms = other.permissions_for_user(editor_a)
        assert not perms.can_edit() and not perms.can_publish() and not perms.can_add_subpage()
    policy = policy_registry.get_by_type(get_image_model())
    allowed = set(policy.collections_user_has_permission_for(editor_a, "add"))
    assert allowed == {commune_a.collection}


def test_unit_approver_edits_own_unit_but_publishes_nothing_directly(approver_a, commune_a, commune_b):
    """A unit's approvers review in the workflow; only the board publishes."""
    own = commune_a.site.root_page.permissions_for_user(approver_a)
    assert own.can_edit() and not own.can_publish()
    other = commune_b.site.root_page.permissions_for_user(approver_a)
    assert not other.can_edit() and not other.can_publish()


def test_board_moderates_every_unit_including_later_ones(board_member, commune_a, district):
    later = make_unit("phuoc-vinh", parent=district, name="Xã Phước Vinh")
    for unit in (district, commune_a, later):
        perms = unit.site.root_page.permissions_for_user(board_member)
        assert perms.can_edit() and perms.can_publish()
    policy = policy_registry.get_by_type(get_image_model())
    allowed = set(policy.collections_user_has_permission_for(board_member, "add"))
    assert {district.collection, commune_a.collection, later.collection} <= allowed


def test_admin_edit_view_respects_unit(client, editor_a, commune_a, commune_b):
    client.force_login(editor_a)
    own = NewsIndexPage.objects.child_of(commune_a.site.root_page).get()
    other = NewsIndexPage.objects.child_of(commune_b.site.root_page).get()
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{other.pk}/edit/")
    assert response.status_code in (302, 403, 404)
    assert "Xã An Hải" not in response.content.decode()


def test_provisioning_is_idempotent(commune_a, district):
    before = snapshot()
    result = provision_site(
        name="Xã Phước Hậu",
        slug="phuoc-hau",
        level="commune",
        hostname="phuoc-hau.localhost",
        parent="ninh-phuoc",
    )
    assert result.created is False
    assert result.unit == commune_a
    assert snapshot() == before


def test_provisioning_completes_a_missing_part(commune_a):
    """Re-running repairs what was lost (here: a deleted section) and nothing else."""
    NewsIndexPage.objects.child_of(commune_a.site.root_page).get().delete()
    provision_site(
        name="Xã Phước Hậu",
        slug="phuoc-hau",
        level="commune",
        hostname="phuoc-hau.localhost",
        parent="ninh-phuoc",
    )
    assert NewsIndexPage.objects.child_of(commune_a.site.root_page).count() == 1


BAD_INPUTS = [
    pytest.param({"slug": "an-hai", "hostname": "phuoc-hau.localhost"}, "Tên miền", id="duplicate-hostname"),
    pytest.param(
        {"slug": "phuoc-hau", "hostname": "other.localhost"}, "Đã có đơn vị", id="slug-exists-differently"
    ),
    pytest.param({"parent": "khong-ton-tai"}, "Không tìm thấy đơn vị cấp trên", id="unknown-parent"),
    pytest.param({"level": "hamlet"}, "Cấp “hamlet” không hợp lệ", id="invalid-level"),
    pytest.param({"slug": "Phước Hậu"}, "Mã định danh", id="slug-with-diacritics"),
    pytest.param({"hostname": "bad host!"}, "Tên miền “bad host!” không hợp lệ", id="invalid-hostname"),
    pytest.param({"parent": None}, "phải có đơn vị cấp trên", id="commune-without-parent"),
    pytest.param({"parent": "phuoc-hau"}, "không thể trực thuộc", id="commune-under-commune"),
    pytest.param({"parent": None, "level": "district"}, "đơn vị cấp cao nhất", id="second-top-unit"),
    pytest.param({"name": "  "}, "Tên đơn vị không được để trống", id="empty-name"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_INPUTS)
def test_bad_input_gives_clear_error_and_leaves_nothing(commune_a, overrides, message):
    arguments = {
        "name": "Xã An Hải",
        "slug": "an-hai",
        "level": "commune",
        "hostname": "an-hai.localhost",
        "parent": "ninh-phuoc",
    }
    arguments.update(overrides)
    before = snapshot()
    with pytest.raises(ProvisioningError) as excinfo:
        provision_site(**arguments)
    assert message in str(excinfo.value)
    assert snapshot() == before


def test_failure_midway_rolls_everything_back(district):
    def broken(*, unit, home_page):
        raise RuntimeError("section builder failed")

    before = snapshot()
    with hooks.register_temporarily(UNIT_SECTIONS_HOOK, broken, order=999), pytest.raises(RuntimeError):
        provision_site(
            name="Xã An Hải", slug="an-hai", level="commune", hostname="an-hai.localhost", parent="ninh-phuoc"
        )
    assert snapshot() == before
    assert not Unit.objects.filter(slug="an-hai").exists()


def test_province_portal_with_communes_works_the_same(db):
    """Since the 2025 reform a province portal has communes and wards directly."""
    province = make_unit("ninh-thuan", level="province", name="Tỉnh Ninh Thuận")
    ward = make_unit("phan-rang", parent=province, level="ward", name="Phường Phan Rang")
    board = UserFactory(groups=[province.approvers_group])
    assert ward.site.root_page.permissions_for_user(board).can_publish()
    assert ward.parent == province


def test_command_creates_unit_and_reports_errors(district, capsys):
    call_command(
        "provision_site",
        "--name",
        "Xã Phước Hậu",
        "--slug",
        "phuoc-hau",
        "--parent",
        "ninh-phuoc",
        "--level",
        "commune",
        "--hostname",
        "phuoc-hau.localhost",
    )
    assert "phuoc-hau" in capsys.readouterr().out
    assert Unit.objects.filter(slug="phuoc-hau").exists()
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị cấp trên"):
        call_command(
            "provision_site",
            "--name",
            "Xã X",
            "--slug",
            "xa-x",
            "--parent",
            "nowhere",
            "--level",
            "commune",
            "--hostname",
            "xa-x.localhost",
        )


def test_only_unit_groups_hold_page_and_collection_rights(commune_a, commune_b):
    unit_groups = set()
    for unit in Unit.objects.all():
        unit_groups |= {unit.editors_group_id, unit.approvers_group_id}
    assert set(GroupPagePermission.objects.values_list("group_id", flat=True)) <= unit_groups
    assert set(GroupCollectionPermission.objects.values_list("group_id", flat=True)) <= unit_groups
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()

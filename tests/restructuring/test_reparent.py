"""Re-parenting units (restructuring/reparent.py, ``reparent_units``): communes under a new parent, the
district disappearing into its province (which becomes the top unit, its approvers the editorial board), bad
plans refused with nothing changed, a second run empty."""

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page, PageLogEntry, Site

import pytest

from reporting.periods import read_period
from reporting.statistics import articles_per_unit
from restructuring.plans import RestructuringError
from restructuring.reparent import ReparentForm, apply_reparent, plan_reparent
from sites.models import BoardApprovalTask, Unit
from sites.selectors import all_units, board_members, is_board_member, top_unit, units_for_user
from sites.services import group_names, portal_title
from tests.factories import UserFactory, draft_article, make_unit, publish_article

pytestmark = pytest.mark.django_db

PROVINCE = {"name": "Tỉnh Ninh Thuận", "hostname": "ninh-thuan.localhost"}


def fresh(user):
    """The user as the next request sees them (``is_board_member`` is kept on the user object)."""
    return get_user_model().objects.get(pk=user.pk)


def to_province(*units, keep=False):
    return apply_reparent(
        units=list(units), parent="ninh-thuan", make_top=True, keep_board_members=keep, **PROVINCE
    )


def tree():
    return dict(Unit.all_objects.values_list("slug", "parent__slug"))


@pytest.fixture
def units(district, commune_a, commune_b):
    return district, commune_a, commune_b


def test_the_district_disappears_under_the_province(units, board_member, approver_a, editor_a):
    district, commune_a, commune_b = units
    article = publish_article(commune_a, title="Tin của xã")
    plan = plan_reparent(units=["phuoc-hau"], parent="ninh-thuan", make_top=True, **PROVINCE)
    text = plan.render()
    assert "Tỉnh Ninh Thuận" in text and "ninh-thuan.localhost" in text
    assert "board" in text and board_member.username in text  # the old board's members are listed
    assert not Unit.all_objects.filter(slug="ninh-thuan").exists()  # planning writes nothing

    to_province("phuoc-hau")

    province = Unit.objects.get(slug="ninh-thuan")
    assert tree() == {
        "ninh-thuan": None,
        "ninh-phuoc": "ninh-thuan",
        "phuoc-hau": "ninh-thuan",
        "an-hai": "ninh-phuoc",
    }
    assert top_unit() == province and province.level == "province"
    # one container holds every home, so no page moved and every address still answers
    container = district.site.root_page.get_parent()
    assert province.site.root_page.get_parent() == container
    assert Page.objects.get(pk=container.pk).title == portal_title("Tỉnh Ninh Thuận")
    response = Client().get(article.get_url_parts()[2], HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 200 and "Tin của xã" in response.content.decode()
    # the default site (unknown hosts) is the province's
    assert Site.objects.get(is_default_site=True) == province.site
    # the groups say who the board is
    assert province.approvers_group.name == group_names("ninh-thuan", is_top=True)[1]
    district.approvers_group.refresh_from_db()
    assert district.approvers_group.name == group_names("ninh-phuoc", is_top=False)[1]
    logged = PageLogEntry.objects.filter(action="portal.restructure").values_list("page_id", flat=True)
    assert set(logged) == {
        province.site.root_page_id,
        district.site.root_page_id,
        commune_a.site.root_page_id,
    }


def test_the_province_approvers_become_the_board(units, board_member, approver_a, editor_a):
    district, commune_a, _commune_b = units
    to_province()
    province = Unit.objects.get(slug="ninh-thuan")
    governor = UserFactory(username="tinh", groups=[province.approvers_group])
    assert is_board_member(fresh(governor))
    assert not is_board_member(fresh(board_member))  # still a district approver, no longer the board
    assert list(board_members()) == [governor]
    assert [task.groups.get() for task in BoardApprovalTask.objects.all()] == [province.approvers_group]

    # a commune article through the workflow: the unit step, then the province's board publishes it
    page = draft_article(commune_a, editor_a)
    page.get_workflow().start(page, editor_a)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, approver_a, "approve")
    page.refresh_from_db()
    task = page.current_workflow_task.specific
    assert isinstance(task, BoardApprovalTask)
    assert task.get_actions(page, fresh(governor))
    assert task.get_actions(page, fresh(board_member)) == []
    assert page.permissions_for_user(fresh(governor)).can_publish()
    assert not page.permissions_for_user(fresh(board_member)).can_publish()
    state = page.current_workflow_task_state
    task.on_action(state, fresh(governor), "approve")
    page.refresh_from_db()
    assert page.live

    # the district's own pages: its approvers keep the unit step, no longer the right to publish
    district_page = draft_article(district, editor_a)
    assert not district_page.permissions_for_user(fresh(board_member)).can_publish()
    assert district_page.permissions_for_user(fresh(board_member)).can_edit()
    container = district.site.root_page.get_parent()
    holders = set(GroupPagePermission.objects.filter(page=container).values_list("group_id", flat=True))
    assert holders == {province.approvers_group_id}


def test_the_old_board_members_may_be_kept(units, board_member, second_board_member):
    to_province(keep=True)
    assert list(board_members()) == [board_member, second_board_member]
    assert is_board_member(fresh(board_member))


def test_a_second_run_changes_nothing(units, board_member):
    to_province("phuoc-hau")
    before = (tree(), list(board_members()), PageLogEntry.objects.count())
    assert plan_reparent(units=["phuoc-hau"], parent="ninh-thuan", make_top=True, **PROVINCE).is_empty
    assert to_province("phuoc-hau").is_empty
    assert (tree(), list(board_members()), PageLogEntry.objects.count()) == before


def test_communes_move_under_a_new_parent_and_back(units):
    to_province()
    apply_reparent(units=["phuoc-hau", "an-hai"], parent="ninh-thuan")
    assert tree()["phuoc-hau"] == tree()["an-hai"] == "ninh-thuan"
    plan = apply_reparent(units=["an-hai"], parent="ninh-phuoc")
    assert "Xã An Hải" in plan.render()
    assert tree()["an-hai"] == "ninh-phuoc"
    assert plan_reparent(units=["an-hai"], parent="ninh-phuoc").is_empty


def test_reports_still_list_every_unit(units, board_member):
    district, commune_a, commune_b = units
    publish_article(commune_a, published_date=timezone.now())
    to_province("phuoc-hau")
    governor = UserFactory(groups=[Unit.objects.get(slug="ninh-thuan").approvers_group])
    listed = list(units_for_user(fresh(governor)))
    assert {unit.slug for unit in listed} == {"ninh-thuan", "ninh-phuoc", "phuoc-hau", "an-hai"}
    period, _notices = read_period({})
    rows = articles_per_unit(period, list(all_units()))
    assert {row.label: row.current for row in rows}["Xã Phước Hậu"] == 1


def snapshot():
    return (
        tree(),
        list(Site.objects.filter(is_default_site=True).values_list("pk", flat=True)),
        sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        PageLogEntry.objects.filter(action="portal.restructure").count(),
    )


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"units": ["phuoc-hau"], "parent": "khong-co"}, "khong-co"),  # unknown parent
        ({"units": ["khong-co"], "parent": "ninh-phuoc"}, "khong-co"),  # unknown unit
        ({"units": ["phuoc-hau", "phuoc-hau"], "parent": "ninh-phuoc"}, "phuoc-hau"),  # named twice
        ({"units": ["phuoc-hau"], "parent": "an-hai"}, "Xã An Hải"),  # a commune under a commune
        ({"units": ["ninh-phuoc"], "parent": "phuoc-hau"}, "Huyện Ninh Phước"),  # the top, and a cycle
        ({"units": ["phuoc-hau"], "parent": "phuoc-hau"}, "Xã Phước Hậu"),  # under itself
        ({"units": ["phuoc-hau"], "parent": None}, ""),  # a second top unit
        ({"units": [], "parent": "ninh-phuoc"}, ""),  # nothing to move
        ({"units": ["phuoc-hau"], "parent": "xa-cu"}, "Xã Cũ"),  # dissolved parent
        ({"units": ["xa-cu"], "parent": "ninh-phuoc"}, "Xã Cũ"),  # dissolved unit
        ({"units": [], "parent": "ninh-thuan", "make_top": True}, "ninh-thuan"),  # no name, no hostname
        (
            {
                "units": [],
                "parent": "ninh-thuan",
                "make_top": True,
                "name": "T",
                "hostname": "an-hai.localhost",
            },
            "an-hai.localhost",
        ),
        (
            {"units": [], "parent": "ninh-thuan", "make_top": True, "name": "T", "hostname": "bad host"},
            "bad host",
        ),
        ({"units": [], "parent": "ninh-thuan", "make_top": True, "level": "commune", **PROVINCE}, ""),
        ({"units": [], "parent": "Ninh Thuận", "make_top": True, **PROVINCE}, "Ninh Thuận"),  # bad slug
        ({"units": [], "parent": "ninh-thuan", "make_top": True, "level": "district", **PROVINCE}, ""),
    ],
)
def test_bad_plans_are_refused_and_change_nothing(units, board_member, options, named):
    district, commune_a, _commune_b = units
    gone = make_unit("xa-cu", parent=district, name="Xã Cũ")
    Unit.all_objects.filter(pk=gone.pk).update(dissolved_at=timezone.now(), merged_into=commune_a)
    before = snapshot()
    with pytest.raises(RestructuringError) as refused:
        plan_reparent(**options)
    assert named in str(refused.value)
    with pytest.raises(RestructuringError):
        apply_reparent(**options)
    assert snapshot() == before
    assert not Unit.all_objects.filter(slug="ninh-thuan").exists()


def test_the_province_cannot_go_under_anything(units):
    to_province()
    with pytest.raises(RestructuringError, match="Tỉnh Ninh Thuận"):
        plan_reparent(units=["ninh-thuan"], parent="ninh-phuoc")


def test_provisioning_still_refuses_a_second_top_unit(units):
    from sites.services import ProvisioningError, provision_site

    with pytest.raises(ProvisioningError):
        provision_site(
            name="Tỉnh Ninh Thuận", slug="ninh-thuan", level="province", hostname="ninh-thuan.localhost"
        )


def test_the_command(units, board_member, capsys):
    base = ["reparent_units", "--units", "phuoc-hau", "--parent", "ninh-thuan", "--make-top"]
    province = ["--name", PROVINCE["name"], "--hostname", PROVINCE["hostname"]]
    call_command(*base, *province, "--dry-run")
    out = capsys.readouterr().out
    assert "Tỉnh Ninh Thuận" in out and "Dry run" in out
    assert not Unit.all_objects.filter(slug="ninh-thuan").exists()

    call_command(*base, *province, "--keep-board-members")
    out = capsys.readouterr().out
    assert "Moved 1 units under ninh-thuan; ninh-thuan is the top unit." in out
    assert is_board_member(fresh(board_member))

    call_command(*base)
    assert "Nothing to do" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Xã An Hải"):
        call_command("reparent_units", "--units", "phuoc-hau", "--parent", "an-hai")


def test_the_form(units, board_member):
    form = ReparentForm(
        data={
            "units": ["phuoc-hau"],
            "new_top_slug": "ninh-thuan",
            "new_top_name": PROVINCE["name"],
            "new_top_hostname": PROVINCE["hostname"],
            "new_top_port": 80,
            "new_top_level": "province",
            "make_top": "on",
        }
    )
    plan = form.plan()
    assert plan is not None and not plan.is_empty, form.errors
    assert form.apply(board_member).operation == "reparent"
    assert top_unit().slug == "ninh-thuan"
    refused = ReparentForm(data={"units": ["phuoc-hau"], "parent": "an-hai"})
    assert refused.plan() is None and refused.non_field_errors()
    assert ReparentForm(data={"units": ["phuoc-hau"]}).plan() is None  # no parent


def test_the_district_disappears_completely(units, board_member, editor_a, settings):
    """The whole scenario: the province takes over, then the district is merged into it (R1's merge)."""
    from restructuring.merge import apply_merge

    dissolved = "restructuring.middleware.DissolvedSiteMiddleware"  # R1's, for a merged unit's hostname
    if dissolved not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, dissolved]

    district, commune_a, commune_b = units
    district_news = publish_article(district, title="Tin của huyện")
    old_path = district_news.get_url_parts()[2]
    to_province("phuoc-hau", "an-hai")
    apply_merge(sources=["ninh-phuoc"], slug="ninh-thuan", archive=True)

    assert tree()["phuoc-hau"] == tree()["an-hai"] == "ninh-thuan"
    assert Unit.all_objects.get(slug="ninh-phuoc").is_dissolved
    assert {unit.slug for unit in all_units()} == {"ninh-thuan", "phuoc-hau", "an-hai"}
    assert top_unit().slug == "ninh-thuan"
    # the district's news is still there, its old address redirects to it
    response = Client().get(old_path, HTTP_HOST="localhost")
    assert response.status_code == 301
    followed = Client().get(
        response["Location"].removeprefix("http://ninh-thuan.localhost"), HTTP_HOST="ninh-thuan.localhost"
    )
    assert followed.status_code == 200 and "Tin của huyện" in followed.content.decode()
    assert plan_reparent(units=["phuoc-hau", "an-hai"], parent="ninh-thuan", make_top=True).is_empty

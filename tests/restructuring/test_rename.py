"""Renaming a unit (restructuring/rename.py, ``rename_unit``): name, slug and hostname change everywhere they
are carried, the old hostname becomes a former hostname, a re-run changes nothing, bad input nothing."""

from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection, Page, PageLogEntry, Site

import pytest

from restructuring.plans import RestructuringError
from restructuring.rename import RenameForm, apply_rename, plan_rename
from sites.models import FormerHostname, Unit, UnitSettings
from sites.services import group_names, portal_title
from tests.factories import UserFactory, publish_article

pytestmark = pytest.mark.django_db

NEW = {"name": "Xã Phước Hậu Mới", "slug": "phuoc-hau-moi", "hostname": "phuoc-hau-moi.localhost"}


@pytest.fixture
def named_settings(commune_a):
    settings = UnitSettings.for_site(commune_a.site)
    settings.full_name = "Cổng thông tin điện tử Xã Phước Hậu"
    settings.short_name = "Xã Phước Hậu"
    settings.full_name_en = "Phuoc Hau Commune portal"
    settings.short_name_en = "Xã Phước Hậu"  # an untranslated copy: follows the name
    settings.save()
    return settings


def snapshot(unit):
    unit = Unit.all_objects.select_related("site__root_page", "collection").get(pk=unit.pk)
    return (
        unit.name,
        unit.slug,
        unit.site.hostname,
        unit.site.port,
        unit.site.site_name,
        unit.site.root_page.title,
        unit.site.root_page.slug,
        unit.collection.name,
        FormerHostname.objects.count(),
    )


def test_a_rename_changes_everything_that_carries_the_name(commune_a, named_settings, district):
    article = publish_article(commune_a, title="Tin trước khi đổi tên")
    board = UserFactory(groups=[district.approvers_group])
    commune_a.site.root_page.specific.save_revision()  # a draft: publishing it later must keep the new name
    plan = plan_rename(unit="phuoc-hau", **NEW)
    text = plan.render()
    assert "phuoc-hau.localhost" in text and "http://phuoc-hau-moi.localhost" in text
    assert Unit.objects.get(pk=commune_a.pk).name == "Xã Phước Hậu"  # planning writes nothing

    apply_rename(unit="phuoc-hau", user=board, **NEW)

    unit = Unit.objects.select_related("site__root_page", "collection").get(pk=commune_a.pk)
    assert (unit.name, unit.slug) == (NEW["name"], NEW["slug"])
    assert (unit.site.hostname, unit.site.site_name) == (NEW["hostname"], NEW["name"])
    home = unit.site.root_page
    assert (home.title, home.draft_title, home.slug) == (NEW["name"], NEW["name"], NEW["slug"])
    assert home.latest_revision.content["title"] == NEW["name"]
    assert home.latest_revision.content["slug"] == NEW["slug"]
    assert Collection.objects.get(pk=unit.collection_id).name == NEW["name"]
    editors, approvers = group_names("phuoc-hau-moi", is_top=False)
    assert unit.editors_group.name == editors and unit.approvers_group.name == approvers
    settings = UnitSettings.objects.get(site=unit.site)
    assert settings.full_name == "Cổng thông tin điện tử Xã Phước Hậu Mới"
    assert settings.short_name == NEW["name"]
    assert settings.full_name_en == "Phuoc Hau Commune portal"  # a real English name stays
    assert settings.short_name_en == NEW["name"]
    former = FormerHostname.objects.get()
    assert (former.hostname, former.unit_id) == ("phuoc-hau.localhost", unit.pk)
    # the pages below the home keep their public address, now on the new host
    article.refresh_from_db()
    assert article.url_path.startswith(home.url_path)
    response = Client().get(article.get_url_parts()[2], HTTP_HOST=NEW["hostname"])
    assert response.status_code == 200
    assert "Tin trước khi đổi tên" in response.content.decode()
    entry = PageLogEntry.objects.get(page=home, action="portal.restructure")
    assert entry.user_id == board.pk and entry.data["operation"] == "rename"


def test_the_parent_home_shows_the_new_name_at_once(client, commune_a, district):
    first = client.get("/", HTTP_HOST="localhost")
    assert "Xã Phước Hậu" in first.content.decode()
    assert client.get("/", HTTP_HOST="localhost")["X-Page-Cache"] == "hit"
    apply_rename(unit="phuoc-hau", name="Xã Phước Hậu Mới")
    after = client.get("/", HTTP_HOST="localhost")
    assert after["X-Page-Cache"] == "miss"
    assert "Xã Phước Hậu Mới" in after.content.decode()


def test_a_second_run_changes_nothing(commune_a):
    apply_rename(unit="phuoc-hau", **NEW)
    before = snapshot(commune_a)
    logs = PageLogEntry.objects.filter(action="portal.restructure").count()
    plan = plan_rename(unit="phuoc-hau-moi", **NEW)
    assert plan.is_empty
    assert apply_rename(unit="phuoc-hau-moi", **NEW).is_empty
    assert snapshot(commune_a) == before
    assert PageLogEntry.objects.filter(action="portal.restructure").count() == logs


def test_only_the_name(commune_a):
    plan = apply_rename(unit="phuoc-hau", name="Xã Phước Hậu Mới")
    assert not plan.lines["hostnames"] and not plan.lines["redirects"]
    unit = Unit.objects.get(pk=commune_a.pk)
    assert (unit.slug, unit.site.hostname) == ("phuoc-hau", "phuoc-hau.localhost")
    assert not FormerHostname.objects.exists()
    editors, _approvers = group_names("phuoc-hau", is_top=False)
    assert unit.editors_group.name == editors


def test_taking_back_a_former_hostname_removes_it(commune_a):
    apply_rename(unit="phuoc-hau", hostname="phuoc-hau-moi.localhost")
    assert list(FormerHostname.objects.values_list("hostname", flat=True)) == ["phuoc-hau.localhost"]
    plan = plan_rename(unit="phuoc-hau", hostname="phuoc-hau.localhost")
    assert any("phuoc-hau.localhost" in line for line in plan.lines["hostnames"])
    apply_rename(unit="phuoc-hau", hostname="phuoc-hau.localhost")
    assert list(FormerHostname.objects.values_list("hostname", flat=True)) == ["phuoc-hau-moi.localhost"]
    assert Site.objects.get(pk=commune_a.site_id).hostname == "phuoc-hau.localhost"


def test_renaming_the_top_unit_renames_the_portal_container(district, commune_a):
    apply_rename(unit="ninh-phuoc", name="Huyện Ninh Phước Mới")
    container = Page.objects.get(pk=district.site.root_page.get_parent().pk)
    assert container.title == portal_title("Huyện Ninh Phước Mới")
    editors, board = group_names("ninh-phuoc", is_top=True)
    district.approvers_group.refresh_from_db()
    assert district.approvers_group.name == board


def dissolve(unit, into):
    Unit.all_objects.filter(pk=unit.pk).update(dissolved_at=timezone.now(), merged_into=into)


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"unit": "phuoc-hau", "slug": "an-hai"}, "an-hai"),  # another unit's
        ({"unit": "phuoc-hau", "hostname": "an-hai.localhost"}, "an-hai.localhost"),  # another site's
        ({"unit": "phuoc-hau", "hostname": "localhost"}, "localhost"),
        ({"unit": "phuoc-hau", "hostname": "an-hai-cu.localhost"}, "an-hai-cu.localhost"),  # a former one
        ({"unit": "phuoc-hau", "hostname": "bad_host!"}, "bad_host!"),
        ({"unit": "phuoc-hau", "slug": "Phước Hậu"}, "Phước Hậu"),
        ({"unit": "phuoc-hau", "port": 70000}, "70000"),
        ({"unit": "khong-co", "name": "X"}, "khong-co"),
        ({"unit": "an-hai", "name": "X"}, "Xã An Hải"),  # dissolved
    ],
)
def test_bad_input_is_refused_and_changes_nothing(commune_a, commune_b, options, named):
    FormerHostname.objects.create(hostname="an-hai-cu.localhost", unit=commune_b)
    if options["unit"] == "an-hai":
        dissolve(commune_b, commune_a)
    before = (snapshot(commune_a), snapshot(commune_b))
    with pytest.raises(RestructuringError) as refused:
        plan_rename(**options)
    assert named in str(refused.value)
    with pytest.raises(RestructuringError):
        apply_rename(**options)
    assert (snapshot(commune_a), snapshot(commune_b)) == before
    assert not PageLogEntry.objects.filter(action="portal.restructure").exists()


def test_the_messages_name_what_is_wrong(commune_a, commune_b):
    with pytest.raises(RestructuringError, match="an-hai.localhost"):
        plan_rename(unit="phuoc-hau", hostname="an-hai.localhost")
    with pytest.raises(RestructuringError, match="an-hai"):
        plan_rename(unit="phuoc-hau", slug="an-hai")
    with pytest.raises(RestructuringError, match="khong-co"):
        plan_rename(unit="khong-co", name="X")


def test_provisioning_refuses_a_former_hostname(commune_a, district):
    from sites.services import ProvisioningError, provision_site

    apply_rename(unit="phuoc-hau", hostname="phuoc-hau-moi.localhost")
    with pytest.raises(ProvisioningError, match="phuoc-hau.localhost"):
        provision_site(
            name="Xã Khác", slug="xa-khac", level="commune", hostname="phuoc-hau.localhost", parent=district
        )


def test_the_command_prints_the_plan_and_a_dry_run_changes_nothing(commune_a, capsys):
    before = snapshot(commune_a)
    call_command("rename_unit", "--unit", "phuoc-hau", "--hostname", "phuoc-hau-moi.localhost", "--dry-run")
    out = capsys.readouterr().out
    assert "phuoc-hau-moi.localhost" in out and "Dry run" in out
    assert snapshot(commune_a) == before

    call_command(
        "rename_unit", "--unit", "phuoc-hau", "--name", "Xã Phước Hậu Mới", "--slug", "phuoc-hau-moi"
    )
    out = capsys.readouterr().out
    assert "Renamed phuoc-hau" in out
    assert Unit.objects.get(pk=commune_a.pk).slug == "phuoc-hau-moi"

    call_command("rename_unit", "--unit", "phuoc-hau-moi", "--slug", "phuoc-hau-moi")
    assert "Nothing to do" in capsys.readouterr().out


def test_the_command_refuses_a_bad_plan(commune_a, commune_b):
    with pytest.raises(CommandError, match="an-hai.localhost"):
        call_command("rename_unit", "--unit", "phuoc-hau", "--hostname", "an-hai.localhost")


def test_the_form_plans_and_applies(commune_a, commune_b, board_member):
    form = RenameForm(data={"unit": "phuoc-hau", "slug": "an-hai"})
    assert form.plan() is None
    assert form.non_field_errors()
    choices = [unit.slug for unit in RenameForm().fields["unit"].queryset]
    assert "phuoc-hau" in choices
    form = RenameForm(data={"unit": "phuoc-hau", "name": "Xã Phước Hậu Mới"})
    plan = form.plan()
    assert plan is not None and not plan.is_empty
    assert form.apply(board_member).operation == "rename"
    assert Unit.objects.get(pk=commune_a.pk).name == "Xã Phước Hậu Mới"


def test_a_dissolved_unit_is_not_offered(commune_a, commune_b):
    dissolve(commune_b, commune_a)
    choices = [unit.slug for unit in RenameForm().fields["unit"].queryset]
    assert "an-hai" not in choices

"""Units provisioned before a release that adds a required section get it from ``add_standard_sections``."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

from documents.models import DocumentIndexPage


def run():
    out = StringIO()
    call_command("add_standard_sections", stdout=out)
    return out.getvalue()


def test_a_missing_section_is_added_back_and_nothing_else(district, commune_a):
    home = commune_a.site.root_page
    DocumentIndexPage.objects.child_of(home).get().delete()
    before = {
        unit: set(Page.objects.child_of(unit.site.root_page).values_list("slug", flat=True))
        for unit in (district, commune_a)
    }
    assert "van-ban" not in before[commune_a]

    output = run()

    assert DocumentIndexPage.objects.child_of(home).live().count() == 1
    after = set(Page.objects.child_of(home).values_list("slug", flat=True))
    assert after == before[commune_a] | {"van-ban"}
    assert (
        set(Page.objects.child_of(district.site.root_page).values_list("slug", flat=True)) == before[district]
    )
    assert "phuoc-hau: 1 page(s) added" in output
    assert "ninh-phuoc: 0 page(s) added" in output


def test_it_is_idempotent(district, commune_a):
    count = Page.objects.count()
    assert "0 pages added" in run()
    assert Page.objects.count() == count

"""Helpers for the introduction and leaders tests (issue #19 §1, §2, §6)."""

from home.models import AdministrativeMapPage, ContactPage, IntroductionPage, OrganisationPage, StandardPage
from news.leaders import LeadersPage
from news.taxonomy import Official


def introduction(unit):
    return IntroductionPage.objects.child_of(unit.site.root_page).get()


def intro_child(unit, slug):
    return introduction(unit).get_children().get(slug=slug).specific


def leaders_page(unit):
    return LeadersPage.objects.descendant_of(unit.site.root_page).get()


def contact_page(unit):
    return ContactPage.objects.descendant_of(unit.site.root_page).get()


def map_page(unit):
    return AdministrativeMapPage.objects.descendant_of(unit.site.root_page).get()


def organisation_page(unit):
    return OrganisationPage.objects.descendant_of(unit.site.root_page).get()


def standard_page(unit, slug="chuc-nang-nhiem-vu"):
    return StandardPage.objects.descendant_of(unit.site.root_page).get(slug=slug)


def leader(unit, name="Nguyễn Văn A", position="Chủ tịch UBND", *, shown=True, active=True, **fields):
    """An official shown publicly (by default) on ``unit``'s leaders page."""
    return Official.objects.create(
        unit=unit, name=name, position=position, shown_publicly=shown, active=active, **fields
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page

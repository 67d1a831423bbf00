from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.registry import DISCLOSURE_HOOK, DisclosureItem
from procedures import admin_views, selectors
from procedures.sections import build_procedures_section
from sites.registry import UNIT_SECTIONS_HOOK
from sites.selectors import units_for_user

# Every unit's site lists its administrative procedures (after the introduction: the order of the sections).
hooks.register(UNIT_SECTIONS_HOOK, build_procedures_section, order=40)


@hooks.register(DISCLOSURE_HOOK)
def procedures_disclosure(*, unit, request):
    """Luật Tiếp cận thông tin 2016, Art. 17 cl. 1 point a: administrative procedures are disclosed
    proactively; here, where the unit lists them and how many."""
    index_page, count, last = selectors.disclosure_summary(unit, request)
    return [
        DisclosureItem(
            key="procedures",
            title=_("Administrative procedures"),
            legal_basis=_("Law on Access to Information 2016, Article 17, clause 1, point a"),
            url=index_page.get_url(request) if index_page is not None else None,
            count=count,
            last_published=last,
            order=40,
        )
    ]


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("procedures/import/", admin_views.import_view, name="procedures_import"),
        path("procedures/import/mau.csv", admin_views.sample_view, name="procedures_import_sample"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        # cheap, on every admin page: whether the user belongs to a unit (the view checks the pages' rights)
        return units_for_user(request.user).exists()


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Import procedures"), reverse("procedures_import"), icon_name="upload", order=280
    )

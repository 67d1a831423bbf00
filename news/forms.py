from django.db.models import Q

from wagtail.admin.forms import WagtailAdminPageForm

from news.taxonomy import Category, Official
from sites.selectors import unit_for_page


class NewsArticleForm(WagtailAdminPageForm):
    """Offers only the categories and officials that belong to the article's unit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance if self.instance.pk else self.parent_page
        unit = unit_for_page(page) if page is not None and page.pk else None
        if "categories" in self.fields:
            self.fields["categories"].queryset = Category.objects.for_unit(unit)
        if "officials" in self.fields:
            ancestors = []
            current = unit
            while current is not None:
                ancestors.append(current.pk)
                current = current.parent
            # A commune article may cover its own leaders and those of the units above it.
            self.fields["officials"].queryset = Official.objects.filter(
                Q(unit_id__in=ancestors), active=True
            ).select_related("unit")

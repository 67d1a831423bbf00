from django.db.models import Q

from home.forms import UnitBoundPageForm
from news.checks import check_article
from news.taxonomy import Category, Official
from sites.selectors import unit_for_page


class NewsArticleForm(UnitBoundPageForm):
    """Offers only the unit's categories and officials; runs the pre-publication checks on submit."""

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

    def clean(self):
        cleaned_data = super().clean()
        # Checks apply when the article goes to moderation or is published, not to drafts.
        if "action-submit" in self.data or "action-publish" in self.data:
            problems = check_article(
                title=cleaned_data.get("title"),
                lead=cleaned_data.get("lead"),
                body=cleaned_data.get("body"),
                categories=list(cleaned_data.get("categories") or []),
                source=cleaned_data.get("source"),
                featured_image=cleaned_data.get("featured_image"),
            )
            for problem in problems:
                if problem.blocking:
                    self.add_error(problem.field if problem.field in self.fields else None, problem.message)
        return cleaned_data

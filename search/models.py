from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    DOCUMENT = "document", _("Documents")
    PROCEDURE = "procedure", _("Administrative procedures")
    PAGE = "page", _("Other pages")


class SearchEntry(models.Model):
    """The public search index: one row per live page that visitors can find.

    Written by ``search.services`` when a page is published, moved or its attached files are read;
    deleted when it is unpublished (and with the page). Words are stored folded (see
    ``home.text``); on PostgreSQL ``search_vector`` holds them as a weighted tsvector with a GIN
    index (migrations 0002-0003), on SQLite ``folded`` is matched word by word.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    # No index of its own: the (unit, ...) indexes below serve it, and a lone unit index tempts the planner
    # into reading every row of a unit to test its words.
    unit = models.ForeignKey(
        "portal_sites.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    # The page's tree path: view restrictions added later on an ancestor still hide it.
    path = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    date = models.DateTimeField()
    title = models.CharField(max_length=255)
    number = models.CharField(max_length=100, blank=True)
    # Original text the result snippet is cut from.
    text = models.TextField(blank=True)
    folded_title = models.TextField()
    folded = models.TextField()
    # PostgreSQL: every word, weighted (A title and number, B lead/summary/metadata, C body and files);
    # rank_vector holds A and B only: small enough to rank and suggest from without reading the body.
    search_vector = SearchVectorField(null=True)
    rank_vector = SearchVectorField(null=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            # The result window walks one of these newest-first: all units, one unit, one type, or both.
            models.Index(fields=["unit", "date"], name="search_unit_date"),
            models.Index(fields=["unit", "kind", "date"], name="search_unit_kind_date"),
            models.Index(fields=["kind", "date"], name="search_kind_date"),
            models.Index(fields=["date"], name="search_date"),
        ]

    def __str__(self):
        return self.title

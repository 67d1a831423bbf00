from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from documents.access import AccessInformationPage  # noqa: F401  (models of this app)
from documents.legal import Disclosure as DisclosureChoices
from documents.legal import (  # noqa: F401  (models of this app)
    DocumentType,
    Field,
    LegalDocument,
    LegalDocumentAttachment,
    LegalDocumentRelation,
    Status,
)
from home.mixins import FoldedTitleMixin, UnitContextMixin
from home.pagination import paginate
from sites.cache import remember
from sites.limits import keyword_search_limited
from sites.selectors import unit_for_path, units_with_roots


class DocumentIndexPage(UnitContextMixin, FoldedTitleMixin, Page):
    """A unit's document library at /van-ban/: its legal documents, filterable.

    The top unit's library can include every unit's documents (``?pham-vi=tat-ca``), labelled
    by unit.
    """

    template = "documents/document_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.LegalDocument"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("document index")

    def scope_indexes(self, request, unit):
        if unit is not None and unit.parent_id is None and request.GET.get("pham-vi") == "tat-ca":
            return list(DocumentIndexPage.objects.live()), True
        return [self], False

    def get_context(self, request, *args, **kwargs):
        from documents.selectors import documents_for, issuing_bodies, read_filters  # they import this module

        context = super().get_context(request, *args, **kwargs)
        indexes, all_units = self.scope_indexes(request, context["unit"])
        filters = read_filters(request.GET)
        query = filters.values.get("q")
        limited = bool(query) and keyword_search_limited(request)
        if limited:  # the listing without the keyword, and a notice (status 429: see serve)
            del filters.values["q"]
            filters.notices.append(
                gettext("Too many searches from your connection. Please wait a minute and try again.")
            )
        documents = documents_for(indexes, filters, request)
        paginator = Paginator(documents, self.page_size)
        unit = context["unit"]
        # the library unfiltered changes only with a publication below the unit (which replaces its token):
        # its count and issuing bodies are kept per process (sites.cache.remember)
        unfiltered = not filters.values and unit is not None
        scope = "all" if all_units else self.pk
        if unfiltered:
            paginator.count = remember(request, f"documents-count:{scope}", unit.pk, documents.count)
        documents = paginate(request, None, self.page_size, paginator=paginator)
        if all_units:
            units = units_with_roots()
            for document in documents:
                document.unit_label = unit_for_path(document.path, units)
        context.update(
            documents=documents,
            selected={key.replace("-", "_"): value for key, value in filters.values.items()},
            notices=filters.notices,
            all_units=all_units,
            is_top=context["unit"] is not None and context["unit"].parent_id is None,
            doc_types=DocumentType.choices,
            fields=Field.choices,
            disclosures=DisclosureChoices.choices,
            statuses=Status.choices,
            bodies=(
                remember(request, f"documents-bodies:{scope}", unit.pk, lambda: issuing_bodies(indexes))
                if unit is not None
                else issuing_bodies(indexes)
            ),
            rate_limited=limited,
        )
        if limited:
            context["selected"]["q"] = query
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("rate_limited"):
            response.status_code = 429
            response["Retry-After"] = "60"
        return response


class DraftComment(models.Model):
    """A visitor's comment on a draft ("Dự thảo lấy ý kiến"), kept for the unit to moderate
    (posted through ``documents.services.post_draft_comment``)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected (spam or off topic)")

    page = models.ForeignKey(
        "documents.LegalDocument", verbose_name=_("draft"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("e-mail or phone"), max_length=120)
    body = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    address_hash = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    # When the visitor ticked the consent box (Luật 91/2025/QH15 Art. 9: consent must be verifiable); null for
    # comments sent before the box existed.
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True, editable=False)
    # When the name and contact were erased (on request, or PORTAL_COMMENT_CONTACT_DAYS after the
    # consultation closed).
    contact_erased_at = models.DateTimeField(_("contact erased at"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

"""The admin side of page ratings: the report "Đánh giá trang" (pages with the most "no", recent approved
comments; CSV/XLSX) and the moderation of comments. Every query starts from ``feedback.permissions``: a unit's
people see their units' ratings only, the board sees every unit (with a unit filter)."""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

import django_filters

from feedback import permissions
from feedback.models import PageRating
from feedback.services import MODERATION_ACTIONS, moderate
from sites.exports import FormulaSafeExportMixin
from sites.models import Unit
from sites.selectors import units_for_user


def _units_for_filter(request):
    return units_for_user(request.user)


class RatingFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), queryset=_units_for_filter, field_name="unit", empty_label=_("All my units")
    )
    since = django_filters.DateFilter(label=_("Sent from"), field_name="created_at", lookup_expr="date__gte")
    until = django_filters.DateFilter(label=_("Sent until"), field_name="created_at", lookup_expr="date__lte")

    class Meta:
        model = PageRating
        fields = []


class _RatingReport(FormulaSafeExportMixin, ReportView):
    filterset_class = RatingFilterSet
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["may_moderate"] = permissions.may_moderate(self.request.user)
        return context

    # Wagtail builds the table from the page of results before ``decorate_paginated_queryset`` runs: the rows
    # are decorated as the page is cut, once (the export, not paginated, is decorated afterwards).
    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, has_other_pages = super().paginate_queryset(queryset, page_size)
        page.object_list = self.decorate_paginated_queryset(object_list)
        return paginator, page, page.object_list, has_other_pages

    def decorate_paginated_queryset(self, rows):
        if getattr(self, "_decorated", None) is rows:
            return rows
        self._decorated = self.decorate(rows)
        return self._decorated

    def decorate(self, rows):
        raise NotImplementedError


class PageRatingReportView(_RatingReport):
    """Pages with the most "no" first: yes, no and approved comments per page (spam left out)."""

    page_title = _("Page ratings")
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    template_name = "feedback/admin/report.html"
    export_filename = "danh-gia-trang"
    list_export = ["title", "unit_name", "yes", "no", "comments", "url"]
    export_headings = {
        "title": _("Page"),
        "unit_name": _("Unit"),
        "yes": _("Useful"),
        "no": _("Not useful"),
        "comments": _("Approved comments"),
        "url": _("Address"),
    }
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit", id_accessor="page_id"),
        Column("unit_name", label=_("Unit")),
        Column("yes", label=_("Useful")),
        Column("no", label=_("Not useful")),
        Column("comments", label=_("Approved comments")),
    ]

    def get_queryset(self):
        counted = ~Q(status=PageRating.Status.SPAM)
        return (
            permissions.visible_ratings(self.request.user)
            .values("page_id", "unit_id")
            .annotate(
                yes=Count("pk", filter=counted & Q(useful=True)),
                no=Count("pk", filter=counted & Q(useful=False)),
                comments=Count("pk", filter=Q(status=PageRating.Status.APPROVED) & ~Q(comment="")),
            )
            .order_by("-no", "-yes", "page_id")
        )

    def decorate(self, rows):
        rows = list(rows)
        pages = Page.objects.filter(pk__in=[row["page_id"] for row in rows]).only("title", "url_path")
        pages = {page.pk: page for page in pages}
        units = dict(Unit.objects.filter(pk__in={row["unit_id"] for row in rows}).values_list("pk", "name"))
        decorated = []
        for row in rows:
            page = pages.get(row["page_id"])
            decorated.append(
                SimpleNamespace(
                    **row,
                    title=page.title if page else "",
                    unit_name=units.get(row["unit_id"], ""),
                    url=(page.get_full_url(self.request) or "") if page else "",
                )
            )
        return decorated


def _answer(rating):
    return _("Yes") if rating.useful else _("No")


class RatingCommentsReportView(_RatingReport):
    """The approved comments, newest first (pending ones are only in the moderation list)."""

    page_title = _("Comments on pages")
    index_url_name = "feedback_comments"
    index_results_url_name = "feedback_comments_results"
    template_name = "feedback/admin/report.html"
    export_filename = "y-kien-danh-gia-trang"
    list_export = ["created_at", "page.title", "unit.name", "answer", "comment"]
    export_headings = {
        "created_at": _("Sent at"),
        "page.title": _("Page"),
        "unit.name": _("Unit"),
        "answer": _("Useful"),
        "comment": _("Comment"),
    }
    columns = [
        DateColumn("created_at", label=_("Sent at")),
        TitleColumn("page_title", label=_("Page"), url_name="wagtailadmin_pages:edit", id_accessor="page_id"),
        Column("unit_name", label=_("Unit")),
        Column("answer", label=_("Useful")),
        Column("comment", label=_("Comment")),
    ]

    def get_queryset(self):
        return (
            permissions.visible_comments(self.request.user)
            .select_related("page", "unit")
            .only("created_at", "useful", "comment", "page__title", "unit__name")
            .order_by("-created_at", "-pk")
        )

    def decorate(self, ratings):
        ratings = list(ratings)
        for rating in ratings:
            rating.answer = _answer(rating)
            rating.page_title = rating.page.title
            rating.unit_name = rating.unit.name
        return ratings


# --- Moderation -------------------------------------------------------------------------------------------

STATUS_FILTERS = {
    "cho-duyet": PageRating.Status.PENDING,
    "da-duyet": PageRating.Status.APPROVED,
    "tu-choi": PageRating.Status.REJECTED,
    "rac": PageRating.Status.SPAM,
}


def _moderator(request):
    if not permissions.may_moderate(request.user):
        raise PermissionDenied
    return permissions.moderated_ratings(request.user)


def _int(value):
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 10 else None


def _done(request, count):
    messages.success(
        request,
        ngettext("%(count)d comment moderated.", "%(count)d comments moderated.", count) % {"count": count},
    )


def moderation(request):
    """The commented ratings of the user's units (every unit's for the board), pending first by default;
    approve, reject or mark as spam, ticked ones together (POST)."""
    ratings = _moderator(request)
    back = request.get_full_path()
    if request.method == "POST":
        action = request.POST.get("action")
        ids = [number for number in map(_int, request.POST.getlist("chon")) if number is not None]
        if action not in MODERATION_ACTIONS or not ids:
            messages.error(request, _("Tick at least one comment and choose what to do with it."))
            return redirect(back)
        chosen = ratings.filter(pk__in=ids)
        if chosen.count() != len(set(ids)):
            raise Http404  # another unit's, or gone: nothing is changed
        _done(request, moderate(chosen, action))
        return redirect(back)

    status_key = (
        request.GET.get("trang-thai") if request.GET.get("trang-thai") in STATUS_FILTERS else "cho-duyet"
    )
    shown = ratings.filter(status=STATUS_FILTERS[status_key])
    units = units_for_user(request.user) if permissions.moderates_all_units(request.user) else None
    unit_id = _int(request.GET.get("don-vi"))
    if unit_id is not None:
        shown = shown.filter(unit_id=unit_id)
    page = Paginator(shown.select_related("page", "unit").order_by("-created_at", "-pk"), 50).get_page(
        request.GET.get("p")
    )
    return TemplateResponse(
        request,
        "feedback/admin/moderation.html",
        {
            "ratings": page,
            "status_key": status_key,
            "status_filters": [
                (key, PageRating.Status(value).label) for key, value in STATUS_FILTERS.items()
            ],
            "units": units,
            "unit_id": unit_id,
            "actions": [("approve", _("Approve")), ("reject", _("Reject")), ("spam", _("Mark as spam"))],
            "page_title": _("Moderate page comments"),
        },
    )


def moderate_one(request, rating_id, action):
    """Approve, reject or mark as spam one comment (POST); another unit's is not found."""
    ratings = _moderator(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action not in MODERATION_ACTIONS:
        raise Http404
    rating = get_object_or_404(ratings, pk=rating_id)
    _done(request, moderate(ratings.filter(pk=rating.pk), action))
    return redirect(request.POST.get("next") if _safe_next(request) else reverse("feedback_moderation"))


def _safe_next(request):
    target = request.POST.get("next") or ""
    return target.startswith(reverse("feedback_moderation")) and "//" not in target

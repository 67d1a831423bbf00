"""The admin side of citizens' questions: the confined listing ("Hỏi đáp"), the question's page (the
question, the asker's contact details for the unit's members, the attachment, the forwards, the answer), and
the actions: draft an answer, forward to another unit, close without an answer.

Every object is looked up in ``questions.permissions.visible_questions`` (or ``handled_questions`` for the
actions): another unit's question is not found (404), whatever its id; nothing changes."""

import functools
import ipaddress

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

import django_filters

from feedback.personal_data import LABELS
from questions import permissions, selectors, services
from questions.models import BlockedSender, Question, QuestionField, QuestionPage
from sites.contacts import normalise_email, normalise_phone
from sites.exports import FormulaSafeIndexView
from sites.models import Unit
from sites.selectors import units_for_user

# The reasons for closing a question without a public answer (code, label).
CLOSE_REASONS = [
    ("spam", _("Spam")),
    ("duplicate", _("Duplicate of another question")),
    ("out_of_scope", _("Outside the unit's remit")),
]
MAX_ID = 2**31 - 1


def _pk(value):
    """The integer id in a URL, or None for anything else (a word, a huge number)."""
    value = str(value or "")
    if not (value.isascii() and value.isdigit()) or len(value) > 10 or int(value) > MAX_ID:
        return None
    return int(value)


def get_question(user, pk, *, action="view"):
    """The question ``pk`` if ``user`` may ``action`` ("view" or "change") it, else 404."""
    pk = _pk(pk)
    rows = permissions.visible_questions(user) if action == "view" else permissions.handled_questions(user)
    question = rows.select_related("unit", "received_unit", "field").filter(pk=pk).first() if pk else None
    if question is None:
        raise Http404
    return question


# --- Listing ----------------------------------------------------------------------------------------------


def _units_for_filter(request):
    return units_for_user(request.user) if request is not None else Unit.objects.none()


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Question.Status.choices)
    overdue = django_filters.BooleanFilter(label=_("Past the due date"), method="filter_overdue")
    field = django_filters.ModelChoiceFilter(label=_("Field"), queryset=QuestionField.objects.all())
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_units_for_filter)

    class Meta:
        model = Question
        fields = []

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = selectors.overdue(queryset)
        return late if value else queryset.exclude(pk__in=late.values("pk"))


class ReceivedColumn(Column):
    """The received date as dd/mm/yyyy (local time)."""

    def get_value(self, instance):
        return timezone.localtime(instance.received_at).strftime("%d/%m/%Y")


class DueColumn(Column):
    """The due date as dd/mm/yyyy, in red with the words "past due" when an open question is late."""

    cell_template_name = "questions/admin/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["due_on"] = instance.due_on
        context["overdue"] = instance.is_overdue(parent_context.get("today"))
        return context


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class QuestionIndexView(FormulaSafeIndexView):
    """The questions of the user's units (every unit's for the board), the oldest waiting first."""

    default_ordering = None
    export_filename = "hoi-dap"
    list_export = [
        "reference",
        "title",
        "unit",
        "received_unit",
        "field",
        "get_status_display",
        "received_at",
        "due_on",
        "is_overdue",
        "answered_at",
        "closed_at",
    ]
    export_headings = {
        "reference": _("Reference"),
        "title": _("Title"),
        "unit": _("Unit"),
        "received_unit": _("Received by"),
        "field": _("Field"),
        "get_status_display": _("Status"),
        "received_at": _("Received at"),
        "due_on": _("Due on"),
        "is_overdue": _("Past the due date"),
        "answered_at": _("Answered at"),
        "closed_at": _("Closed at"),
    }

    @property
    def columns(self):
        return [
            TitleColumn(
                "reference", label=_("Reference"), get_url=self.get_inspect_url, sort_key="reference"
            ),
            Column("title", label=_("Title")),
            Column("unit", label=_("Unit"), accessor="unit.name"),
            ReceivedColumn("received_at", label=_("Received on"), sort_key="received_at"),
            DueColumn("due_on", label=_("Due on"), sort_key="due_on"),
            StatusColumn("status", label=_("Status"), sort_key="status"),
        ]

    def get_base_queryset(self):
        return permissions.visible_questions(self.request.user).select_related(
            "unit", "field", "received_unit"
        )

    def order_queryset(self, queryset):
        if not self.ordering:
            return selectors.waiting_first(queryset)
        return super().order_queryset(queryset).order_by(*self._ordering_list(), "pk")

    def _ordering_list(self):
        return [self.ordering] if isinstance(self.ordering, str) else list(self.ordering)

    def get_edit_url(self, instance):
        return None  # the reference opens the question's page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


# --- The question's page ------------------------------------------------------------------------------------


class QuestionInspectView(generic.InspectView):
    template_name = "questions/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_question(self.request.user, self.pk)

    def get_edit_url(self):
        return None

    def get_fields(self):
        return []  # the template lays the question out (Wagtail's field list trips on a field named "field")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question, user = self.object, self.request.user
        context.update(question_context(user, question))
        return context


def answer_page_of(question):
    return QuestionPage.objects.filter(question=question).first()


def flag_labels(flagged):
    """What the moderator should check, readable: the warning phrases as found, personal data by kind."""
    labels = []
    for flag in flagged or []:
        if not isinstance(flag, dict):
            continue
        value = str(flag.get("value", ""))
        labels.append(str(LABELS.get(value, value)) if flag.get("kind") == "personal_data" else value)
    return labels


def question_context(user, question):
    may_act = permissions.policy.user_has_permission_for_instance(user, "change", question)
    page = answer_page_of(question)
    return {
        "question": question,
        "close_reason": close_reason_label(question.close_reason),
        "today": timezone.localdate(),
        "overdue": question.is_overdue(),
        "may_see_contact": permissions.may_see_contact(user, question),
        "flags": flag_labels(question.flagged),
        "forwards": list(question.forwards.select_related("from_unit", "to_unit", "forwarded_by")),
        "answer_page": page,
        "may_answer": may_act and (page is not None or question.is_open),
        "may_forward": may_act and question.status == Question.Status.RECEIVED and page is None,
        "may_close": may_act and question.is_open and page is None,
    }


class QuestionEditView(generic.EditView):
    """Only the field (lĩnh vực) can be corrected; what the visitor sent is never edited."""

    def get_object(self, queryset=None):
        return get_question(self.request.user, self.kwargs[self.pk_url_kwarg], action="change")


class QuestionHistoryView(HistoryView):
    def get_object(self):
        return get_question(self.request.user, self.pk)


class QuestionUsageView(UsageView):
    def get_object(self):
        return get_question(self.request.user, self.pk)


class QuestionDeleteView(generic.DeleteView):
    """The board only (a model permission: the unit's members hold none)."""

    def get_object(self, queryset=None):
        pk = _pk(self.kwargs.get(self.pk_url_kwarg))
        question = Question.objects.filter(pk=pk).first() if pk else None
        if question is None:
            raise Http404
        return question


# --- Actions ------------------------------------------------------------------------------------------------


def _inspect_url(question):
    return reverse("questions_admin:inspect", args=[question.pk])


def _index_url():
    return reverse("questions_admin:index")


def start_answer_view(request, pk):
    """POST: open (or create) the draft answer page of the question and go to its editor."""
    question = get_question(request.user, pk, action="change")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = answer_page_of(question)
    if page is None:
        if not question.is_open:
            messages.error(request, gettext("This question is closed: it cannot be answered any more."))
            return redirect(_inspect_url(question))
        try:
            page = services.start_answer(question=question, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_inspect_url(question))
    return redirect("wagtailadmin_pages:edit", page.pk)


class ForwardForm(forms.Form):
    to_unit = forms.ModelChoiceField(label=_("Forward to"), queryset=Unit.objects.none(), empty_label=None)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the person who asked, with the name of the unit that now handles the question."),
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = Unit.objects.exclude(pk=question.unit_id).order_by(
            "parent_id", "sort_order", "name"
        )


def forward_view(request, pk):
    """GET: the form; POST: forward the question to another unit (any unit: the district or a commune)."""
    question = get_question(request.user, pk, action="change")
    context = question_context(request.user, question)
    if not context["may_forward"]:
        messages.error(request, gettext("Only a question not yet answered can be forwarded."))
        return redirect(_inspect_url(question))
    form = ForwardForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        to_unit = form.cleaned_data["to_unit"]
        try:
            with transaction.atomic():
                locked = Question.objects.select_for_update().get(pk=question.pk)
                if locked.unit_id != question.unit_id:
                    raise Http404  # forwarded meanwhile: no longer this user's
                services.forward_question(
                    question=locked, to_unit=to_unit, reason=form.cleaned_data["reason"], user=request.user
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_inspect_url(question))
        messages.success(
            request,
            gettext("Question %(reference)s forwarded to %(unit)s.")
            % {"reference": question.reference, "unit": to_unit.name},
        )
        return redirect(_index_url())
    return TemplateResponse(
        request,
        "questions/admin/forward.html",
        {**context, "form": form, "page_title": gettext("Forward to another unit")},
    )


class CloseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=CLOSE_REASONS, widget=forms.RadioSelect)


def close_view(request, pk):
    """GET: the form; POST: close the question without a public answer (spam, duplicate, out of scope)."""
    question = get_question(request.user, pk, action="change")
    context = question_context(request.user, question)
    if not context["may_close"]:
        messages.error(request, gettext("This question can no longer be closed."))
        return redirect(_inspect_url(question))
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_question(question=question, reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_inspect_url(question))
        messages.success(
            request, gettext("Question %(reference)s closed.") % {"reference": question.reference}
        )
        return redirect(_index_url())
    return TemplateResponse(
        request,
        "questions/admin/close.html",
        {**context, "form": form, "page_title": gettext("Close without an answer")},
    )


def close_reason_label(code):
    return dict(CLOSE_REASONS).get(code, code)


def attachment_view(request, pk):
    """The question's attachment, as a download (never shown in the browser); 404 for another unit's."""
    question = get_question(request.user, pk)
    if not question.attachment or question.contact_erased_at:
        raise Http404
    try:
        handle = question.attachment.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    name = question.attachment_name or question.attachment.name.rsplit("/", 1)[-1]
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type="application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- The board's block list ---------------------------------------------------------------------------------


def normalise_blocked_value(kind, value):
    """The stored form of a blocked ``value``: a lower-case e-mail, a phone's digits (leading 0 for +84), an
    IP network (a single address becomes a /32 or /128). ValueError when it is not one."""
    value = (value or "").strip()
    if kind == BlockedSender.Kind.EMAIL:
        forms.EmailField().clean(value)
        return normalise_email(value)
    if kind == BlockedSender.Kind.PHONE:
        phone = normalise_phone(value)  # as the question form stores it, so that the two compare equal
        if phone is None:
            raise ValueError(value)
        return phone
    if kind == BlockedSender.Kind.ADDRESS:
        return str(ipaddress.ip_network(value, strict=False))
    raise ValueError(kind)


class BlockedSenderForm(WagtailAdminModelForm):
    class Meta:
        model = BlockedSender
        fields = ["kind", "value", "reason"]

    def clean(self):
        cleaned = super().clean()
        kind, value = cleaned.get("kind"), cleaned.get("value")
        if kind and value:
            try:
                cleaned["value"] = normalise_blocked_value(kind, value)
            except (ValueError, forms.ValidationError):
                self.add_error(
                    "value",
                    gettext("Enter an e-mail address, a phone number or an address network."),
                )
            else:
                clash = BlockedSender.objects.filter(kind=kind, value=cleaned["value"]).exclude(
                    pk=self.instance.pk
                )
                if clash.exists():
                    self.add_error("value", gettext("This sender is already blocked."))
        return cleaned

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


# --- A refusal is a 403 -----------------------------------------------------------------------------
# Wagtail turns a PermissionDenied into a redirect to the dashboard; here someone without the right to a view
# gets a plain 403 (no redirect that a script could mistake for success).


def forbidden_not_redirected(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return defaults.permission_denied(request, error)

    return wrapped


def answering_403(patterns):
    return [
        URLPattern(
            pattern.pattern, forbidden_not_redirected(pattern.callback), pattern.default_args, pattern.name
        )
        for pattern in patterns
    ]

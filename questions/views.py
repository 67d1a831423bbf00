"""The public side of /hoi-dap/ (the routes of ``questions.models.QuestionIndexPage``).

- ``index``: the unit's published answers, newest first, by field (``linh-vuc``) and keyword (``q``, the
  public search's words and budget), a page at a time (``page``, as every listing); a bad value is ignored
  with a notice, never an error;
- ``ask`` (``dat-cau-hoi/``): the form, never cached (a CSRF token, and what a visitor typed); on the top
  unit's site the visitor chooses the unit; errors answer 400 (429 over a limit, 403 for a blocked sender)
  with everything typed but the file;
- ``sent`` (``da-gui/?ma=<reference>``): the acknowledgement (reference, due date), no personal data.
"""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from home.links import set_link_urls
from home.pagination import paginate
from home.registry import filter_pages_by_words
from home.text import clean_query
from questions import abuse
from questions.forms import QuestionForm
from questions.models import Question, QuestionField, QuestionPage
from questions.services import submit_question
from sites.client_ip import client_ip
from sites.limits import keyword_search_limited, retry_after
from sites.personal_data import personal_data_notice
from sites.selectors import child_units, public

FIELD_PARAM = "linh-vuc"
MAX_QUERY = 200
REFERENCE_PARAM = "ma"
_REFERENCE = re.compile(r"^[A-Z0-9-]{4,20}$")
LIST_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "asked_on",
    "asker_label",
    "first_published_at",
    "field__name",
)


def _single(params, name):
    value = params.get(name, "")
    return value[:MAX_QUERY] if isinstance(value, str) else ""


def _field_id(value):
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        return None
    return int(value)


def answers_for(index_page, request):
    """The live, public answers under ``index_page``, newest first."""
    pages = public(QuestionPage.objects.live().child_of(index_page), request)
    return pages.order_by("-first_published_at", "-pk")


def listing_context(index_page, request):
    """The listing's context in a fixed number of queries, whatever the number of answers."""
    notices = []
    fields = list(QuestionField.objects.all())
    selected = {}
    pages = answers_for(index_page, request)
    raw_field = _single(request.GET, FIELD_PARAM).strip()
    if raw_field:
        field_id = _field_id(raw_field)
        if field_id is not None and any(field.pk == field_id for field in fields):
            selected["linh_vuc"] = field_id
            pages = pages.filter(field_id=field_id)
        else:
            notices.append(gettext("Unknown filter value ignored: %(value)s") % {"value": raw_field[:40]})
    query = clean_query(_single(request.GET, "q"), MAX_QUERY)
    limited = False
    if query:
        selected["q"] = query
        limited = keyword_search_limited(request)
        if limited:
            notices.append(
                gettext("Too many searches from your connection. Please wait a minute and try again.")
            )
        else:
            pages = filter_pages_by_words(pages, query)
    paginator = Paginator(pages.select_related("field").only(*LIST_FIELDS), index_page.page_size)
    answers = paginate(request, None, index_page.page_size, paginator=paginator)
    set_link_urls(list(answers.object_list), index_page, request)
    return {
        "answers": answers,
        "fields": fields,
        "selected": selected,
        "notices": notices,
        "rate_limited": limited,
    }


def index(request, page):
    context = page.get_context(request)
    context.update(listing_context(page, request))
    response = TemplateResponse(request, page.get_template(request), context)
    if context["rate_limited"]:  # as the other listings: the page without the keyword, and 429
        response.status_code = 429
        response["Retry-After"] = "60"
    return response


def _units_to_choose(unit):
    """On the top unit's site the visitor chooses: the top unit itself or one of the units below it."""
    if unit is None or unit.parent_id is not None:
        return []
    return [unit, *child_units(unit)]


def _ask_page(request, page, context, form, *, status, error=None):
    unit = context.get("unit")
    context.update(
        form=form.describe(),
        form_error=error,
        choose_unit=bool(form.units),
        personal_data_notice=personal_data_notice(
            unit=unit,
            purpose=gettext(
                "To receive your question, answer it (publicly, without your contact details) and tell you "
                "when the answer is published."
            ),
            retention_days=settings.PORTAL_QUESTION_CONTACT_DAYS,
            request=request,
            closed_when=gettext("your question is answered or closed"),
        ),
        max_attachment_mb=settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB,
    )
    return TemplateResponse(request, "questions/ask.html", context, status=status)


def _sent_url(page, request, reference=None):
    url = page.url + page.reverse_subpage("sent_route")
    return f"{url}?{urlencode({REFERENCE_PARAM: reference})}" if reference else url


@never_cache
def ask(request, page):
    """The question form: GET shows it, POST sends it (303 to the acknowledgement)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    context = page.get_context(request)
    unit = context.get("unit")
    if unit is None:  # a listing outside every unit's site: no one to ask
        raise Http404
    units = _units_to_choose(unit)
    if request.method != "POST":
        return _ask_page(request, page, context, QuestionForm(units=units), status=200)
    if request.POST.get(abuse.HONEYPOT):
        # a robot filled the field people never see: it is told "sent" and nothing is kept
        return HttpResponseRedirect(_sent_url(page, request), status=303)
    form = QuestionForm(request.POST, request.FILES, units=units)
    if not form.is_valid():
        return _ask_page(request, page, context, form, status=400)
    data = form.cleaned_data
    target = data.get("unit") or unit
    address = client_ip(request)
    if abuse.is_blocked(email=data["email"], phone=data["phone"], address=address):
        error = gettext(
            "Your question could not be received. Please contact the unit directly by telephone or in person."
        )
        return _ask_page(request, page, context, form, status=403, error=error)
    usage = abuse.address_usage(request)
    if abuse.limited(usage):
        error = gettext(
            "Too many questions were sent from your connection in a short time. Please try again later; "
            "what you typed is kept below."
        )
        response = _ask_page(request, page, context, form, status=429, error=error)
        response["Retry-After"] = retry_after(usage, settings.PORTAL_QUESTION_RATE_PER_ADDRESS)
        return response
    usage = abuse.unit_usage(request, target)
    if abuse.limited(usage):
        abuse.alert_flood(target)
        error = gettext(
            "The unit has received too many questions in a short time and cannot take more for now. Please "
            "try again later; what you typed is kept below."
        )
        response = _ask_page(request, page, context, form, status=429, error=error)
        response["Retry-After"] = retry_after(usage, settings.PORTAL_QUESTION_RATE_PER_UNIT)
        return response
    question = submit_question(
        unit=target,
        field=data.get("field"),
        title=data["title"],
        body=data["body"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        show_name=data.get("show_name", False),
        attachment=data.get("attachment"),
        address=address,
        warning_phrases=form.warning_phrases,
    )
    return HttpResponseRedirect(_sent_url(page, request, question.reference), status=303)


@never_cache
def sent(request, page):
    """The acknowledgement: the reference, the due date and the unit; nothing personal. An unknown or
    missing reference gets the page without details."""
    context = page.get_context(request)
    raw = _single(request.GET, REFERENCE_PARAM).strip().upper()
    question = None
    if _REFERENCE.match(raw):
        question = (
            Question.objects.select_related("unit")
            .only("reference", "due_on", "unit__name", "email", "received_at")
            .filter(reference=raw)
            .first()
        )
    context.update(question=question, has_email=bool(question and question.email))
    return TemplateResponse(request, "questions/sent.html", context)

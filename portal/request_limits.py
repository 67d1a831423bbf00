"""Request bodies are capped before anything reads them.

Public pages take small forms only (comments on drafts, a page's password), so a body larger than
``PORTAL_PUBLIC_MAX_BODY_KB`` is refused with 413 and a body of unknown length (``Transfer-Encoding:
chunked``) with 411, before Django parses or spools it. The admin takes uploads up to
``PORTAL_MAX_UPLOAD_MB`` (plus room for the form around the file), and a POST of the citizens' question form
(a path ending in ``/hoi-dap/dat-cau-hoi/``) an attachment up to ``PORTAL_QUESTION_MAX_ATTACHMENT_MB`` (plus
the same room). The reverse proxy should cap sizes
the same way (docker/nginx.conf), this middleware is the guarantee when it does not.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

ADMIN_PREFIX = "/admin/"
ADMIN_FORM_ROOM = 1024 * 1024  # the edit form's other fields sent with an upload
QUESTION_FORM_SUFFIX = "/hoi-dap/dat-cau-hoi/"  # questions.models.QuestionIndexPage's form route
# Translated when the response is written, in both languages (the language middleware has not run yet).
TOO_LARGE = gettext_noop("The data sent is too large for this page.")
NO_LENGTH = gettext_noop("Data sent to this page must state its length.")
BAD_LENGTH = gettext_noop("The length of the data sent is not valid.")


def public_limit():
    return settings.PORTAL_PUBLIC_MAX_BODY_KB * 1024


def admin_limit():
    return settings.PORTAL_MAX_UPLOAD_MB * 1024 * 1024 + ADMIN_FORM_ROOM


def question_form_limit():
    """The question form's POST: an attachment (``PORTAL_QUESTION_MAX_ATTACHMENT_MB``) and the fields."""
    return settings.PORTAL_QUESTION_MAX_ATTACHMENT_MB * 1024 * 1024 + ADMIN_FORM_ROOM


def _bilingual(message):
    """The message in Vietnamese, then in English: the language middleware has not run yet."""
    with translation.override("vi"):
        vietnamese = gettext(message)
    with translation.override("en"):
        english = gettext(message)
    return vietnamese if vietnamese == english else f"{vietnamese}\n{english}"


def _refuse(status, message):
    response = HttpResponse(
        _bilingual(message) + "\n", status=status, content_type="text/plain; charset=utf-8"
    )
    # No "Connection: close" here: WSGI applications may not set hop-by-hop headers (PEP 3333; wsgiref answers
    # 500 to it); gunicorn and runserver drain or drop the unread body themselves.
    return response


class RequestBodyLimitMiddleware:
    """413 for a body larger than the path allows, 411 for a public body without a length."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_admin = request.path_info.startswith(ADMIN_PREFIX)
        if is_admin:
            limit = admin_limit()
        elif request.method == "POST" and request.path_info.endswith(QUESTION_FORM_SUFFIX):
            limit = question_form_limit()
        else:
            limit = public_limit()
        raw_length = str(request.META.get("CONTENT_LENGTH") or "").strip()
        if not raw_length:
            # Without a length Django reads no body; a public page refuses one sent in chunks outright.
            if not is_admin and request.META.get("HTTP_TRANSFER_ENCODING"):
                return _refuse(411, NO_LENGTH)
            return self.get_response(request)
        if not (raw_length.isascii() and raw_length.isdigit()):
            return _refuse(400, BAD_LENGTH)
        if int(raw_length) > limit:
            return _refuse(413, TOO_LARGE)
        return self.get_response(request)

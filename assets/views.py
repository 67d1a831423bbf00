"""Serving documents (public rule in ``assets.selectors``) and the board's file history."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve
from wagtail.images import get_image_model

from assets import selectors
from assets.models import FileVersion


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (the rule is checked in its ``before_serve_document`` hook), answered so
    that no cache keeps a file after it stops being public: each request asks again (the ETag keeps that
    cheap)."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _require_board(request):
    if not selectors.may_replace(request.user):
        raise PermissionDenied


KINDS = {"document": get_document_model, "image": get_image_model}


def file_history(request, kind, pk):
    """Lịch sử tệp: which file (and title, alt text) readers got, from when until when, who replaced it."""
    _require_board(request)
    if kind not in KINDS:
        raise Http404
    obj = get_object_or_404(KINDS[kind](), pk=pk)
    versions = list(selectors.versions_of(obj))
    current_since = versions[0].public_until if versions else obj.created_at
    return TemplateResponse(
        request,
        "assets/file_history.html",
        {
            "object": obj,
            "kind": kind,
            "versions": versions,
            "current_since": current_since,
            "uses": selectors.uses_of(obj),
            "page_title": _("File history"),
        },
    )


def version_file(request, version_id):
    """The stored file of an earlier version (board only; never public)."""
    _require_board(request)
    version = get_object_or_404(FileVersion, pk=version_id)
    if not version.file:
        raise Http404
    try:
        handle = version.file.open("rb")
    except OSError:
        raise Http404
    response = FileResponse(handle, as_attachment=True, filename=version.file.name.rsplit("/", 1)[-1])
    patch_cache_control(response, private=True, no_store=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response

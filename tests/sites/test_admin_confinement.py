"""Wagtail's own admin views keep unit B's pages, files and comments from unit A's editors and approvers.

``test_every_admin_url_hides_other_units`` walks every admin URL pattern (django.urls.get_resolver) and
fills its ids with unit B's; the focused tests below pin each hole that walk found (admin API, snippet
choosers, bulk actions, workflow views, move confirmation, page chooser, page types report).
"""

import json
import re

from django.urls import URLResolver, get_resolver

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Revision, TaskState, WorkflowState

import pytest

from documents.models import DraftComment
from news.models import NewsArticlePage
from news.taxonomy import Category, Official
from sites.confinement import is_confined_bulk_action
from tests.factories import (
    UserFactory,
    draft_article,
    legal_document,
    make_file,
    make_image,
    news_index,
    publish_article,
)

# Markers in every piece of unit B's content; none may reach unit A's members.
SECRETS = ["BMAT-PUB", "BMAT-DRAFT", "BMAT-WF", "BMAT-IMG", "BMAT-DOC", "BMAT-CMT", "BMAT-LEGAL", "BMAT-CAT"]
# Wagtail's deliberate error page, and views that end the session.
SKIPPED = ("admin/failwhale/", "admin/logout/", "admin/password_reset/")


@pytest.fixture
def b_world(commune_b):
    b_editor = UserFactory(username="b-editor", groups=[commune_b.editors_group])
    published = publish_article(commune_b, title="BMAT-PUB bài", categories=[])
    published.title = "BMAT-DRAFT sửa chưa duyệt"
    published.save_revision(user=b_editor)
    in_review = draft_article(commune_b, b_editor, title="BMAT-WF chờ duyệt")
    in_review.get_workflow().start(in_review, b_editor)
    legal = legal_document(
        commune_b,
        number="BMAT-LEGAL/1",
        title="BMAT-LEGAL văn bản",
        disclosure="du-thao-lay-y-kien",
        comment_opens="2026-01-01",
        comment_closes="2026-12-31",
    )
    return {
        "published": published,
        "in_review": NewsArticlePage.objects.get(pk=in_review.pk),
        "legal": legal,
        "image": make_image(commune_b.collection, title="BMAT-IMG ảnh"),
        "document": make_file(commune_b.collection, "BMAT-DOC tệp"),
        "comment": DraftComment.objects.create(
            page=legal, name="BMAT-CMT Nguyễn Văn Mật", contact="0909 000 111", body="BMAT-CMT ý kiến"
        ),
        "category": Category.objects.create(name="BMAT-CAT", slug="bmat-cat", unit=commune_b),
        "official": Official.objects.create(name="BMAT-CAT Ông", position="Chủ tịch", unit=commune_b),
        "editor": b_editor,
        "unit": commune_b,
    }


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    body = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        try:
            return json.dumps(json.loads(body), ensure_ascii=False)
        except ValueError:
            return body
    return body


def leaked(response):
    """B's markers in the response or in the messages it queued for the next page."""
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    text = body_of(response) + " ".join(str(message) for message in queued)
    return [secret for secret in SECRETS if secret in text]


def admin_routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield (prefix + str(pattern.pattern)).replace("^", "").replace("$", "")

    return sorted({route for route in walk(get_resolver().url_patterns) if route.startswith("admin/")})


PARAM = re.compile(r"<(?:\w+:)?\w+>|\(\?P<\w+>(?:[^()]|\([^)]*\))*\)")


def urls_with(route, first_ids, other_ids):
    """``route`` with its first parameter set to each of ``first_ids`` and the others to ``other_ids``."""
    count = len(PARAM.findall(route))
    if not count:
        return ["/" + route]
    urls = []
    for first in first_ids:
        for other in other_ids if count > 1 else [None]:
            values = iter([first] + [other] * (count - 1))
            urls.append(
                "/" + PARAM.sub(lambda _match, values=values: str(next(values)), route).replace("\\.", ".")
            )
    return urls


def b_ids(world):
    objects = ("published", "in_review", "legal", "image", "document", "comment", "category", "official")
    ids = {world[name].pk for name in objects}
    unit = world["unit"]
    ids |= {world["editor"].pk, unit.collection_id, unit.site_id, unit.site.root_page_id}
    ids |= {world["published"].get_parent().pk}
    return sorted(ids)


def b_secondary_ids(world):
    pages = [str(world["published"].pk), str(world["in_review"].pk), str(world["legal"].pk)]
    ids = set(Revision.objects.filter(object_id__in=pages).values_list("pk", flat=True))
    for state in TaskState.objects.all():
        ids |= {state.pk, state.task_id, state.workflow_state_id}
    return sorted(ids | {999999})  # and one that exists nowhere


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_every_admin_url_hides_other_units(client, b_world, editor_a, approver_a, role):
    client.force_login({"editor": editor_a, "approver": approver_a}[role])
    first, others = b_ids(b_world), b_secondary_ids(b_world)
    urls = []
    for route in admin_routes():
        if not route.startswith(SKIPPED):
            urls += urls_with(route, first, others)
    urls += [
        "/admin/api/main/pages/?search=BMAT",
        "/admin/api/main/pages/?for_explorer=1&child_of=root",
        f"/admin/api/main/pages/?child_of={b_world['unit'].site.root_page_id}",
        f"/admin/api/main/pages/?for_explorer=1&child_of={b_world['published'].get_parent().pk}",
        "/admin/api/main/pages/?descendant_of=root&limit=200",
        "/admin/api/main/documents/?search=BMAT",
        "/admin/api/main/images/?search=BMAT",
        "/admin/pages/search/?q=BMAT",
        "/admin/pages/search/results/?q=BMAT",
        "/admin/choose-page/search/?q=BMAT",
        "/admin/snippets/choose/documents/draftcomment/?q=BMAT",
        "/admin/snippets/choose/documents/draftcomment/results/?q=BMAT",
        "/admin/snippets/choose/news/category/?q=BMAT",
        "/admin/snippets/choose/news/official/results/?q=BMAT",
        "/admin/images/chooser/results/?q=BMAT",
        "/admin/documents/chooser/results/?q=BMAT",
    ]
    ids = "&".join(f"id={pk}" for pk in first)
    for app_label, models in _bulk_actions().items():
        for model_name, actions in models.items():
            urls += [f"/admin/bulk/{app_label}/{model_name}/{action}/?{ids}" for action in actions]
    problems = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            problems.append((url, response.status_code))
        elif found := leaked(response):
            problems.append((url, response.status_code, found))
    assert not problems
    # nothing was changed along the way
    assert_b_unchanged(b_world)


def _bulk_actions():
    bulk_action_registry._scan_for_bulk_actions()
    return bulk_action_registry.actions


def assert_b_unchanged(world):
    published = NewsArticlePage.objects.get(pk=world["published"].pk)
    assert published.live and published.title == "BMAT-PUB bài"
    assert published.get_latest_revision_as_object().title == "BMAT-DRAFT sửa chưa duyệt"
    assert NewsArticlePage.objects.filter(pk=world["in_review"].pk, live=False).exists()
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1
    assert type(world["image"]).objects.filter(pk=world["image"].pk, title="BMAT-IMG ảnh").exists()
    assert type(world["document"]).objects.filter(pk=world["document"].pk).exists()
    assert DraftComment.objects.filter(pk=world["comment"].pk).exists()


def test_every_bulk_action_is_confined():
    for models in _bulk_actions().values():
        for actions in models.values():
            for action_class in actions.values():
                assert is_confined_bulk_action(action_class), action_class


def shared_files(top):
    """The board's shared files collection made by provisioning (the container's child of no unit)."""
    return top.collection.get_parent().get_children().exclude(unit__isnull=False).get()


# --- Admin API ------


def test_admin_api_serves_only_the_units_and_shared_files(client, district, commune_a, b_world, editor_a):
    own = make_image(commune_a.collection, title="Ảnh Phước Hậu")
    shared_collection = shared_files(district)
    shared = make_image(shared_collection, title="Ảnh dùng chung")
    own_doc = make_file(commune_a.collection, "Tệp Phước Hậu")
    client.force_login(editor_a)
    listing = client.get("/admin/api/main/images/").json()
    titles = {item["title"] for item in listing["items"]}
    assert titles == {own.title, shared.title}
    assert client.get(f"/admin/api/main/images/{b_world['image'].pk}/").status_code == 404
    assert client.get(f"/admin/api/main/images/{own.pk}/").status_code == 200
    documents = {item["title"] for item in client.get("/admin/api/main/documents/").json()["items"]}
    assert own_doc.title in documents and "BMAT-DOC tệp" not in documents
    assert client.get(f"/admin/api/main/documents/{b_world['document'].pk}/").status_code == 404
    pages = body_of(client.get(f"/admin/api/main/pages/?child_of={news_index(b_world['unit']).pk}"))
    assert "BMAT" not in pages


def test_board_keeps_seeing_every_unit_in_the_admin_api(client, b_world, board_member):
    client.force_login(board_member)
    assert client.get(f"/admin/api/main/images/{b_world['image'].pk}/").status_code == 200
    assert client.get(f"/admin/api/main/documents/{b_world['document'].pk}/").status_code == 200
    assert "BMAT-IMG" in body_of(client.get("/admin/api/main/images/?search=BMAT"))


# --- Snippet choosers ------


def test_draft_comment_chooser_shows_only_the_units_comments(client, commune_a, b_world, approver_a):
    a_draft = legal_document(commune_a, number="DT-1/UBND", disclosure="du-thao-lay-y-kien",
                             comment_opens="2026-01-01", comment_closes="2026-12-31")  # fmt: skip
    mine = DraftComment.objects.create(page=a_draft, name="Trần Thị Ý Kiến", contact="0911", body="Đồng ý")
    client.force_login(approver_a)
    html = body_of(client.get("/admin/snippets/choose/documents/draftcomment/"))
    assert "Trần Thị Ý Kiến" in html and "BMAT-CMT" not in html
    assert "BMAT-CMT" not in body_of(
        client.get("/admin/snippets/choose/documents/draftcomment/results/?q=BMAT")
    )
    other = b_world["comment"].pk
    assert client.get(f"/admin/snippets/choose/documents/draftcomment/chosen/{other}/").status_code == 404
    assert client.get(f"/admin/snippets/choose/documents/draftcomment/chosen/{mine.pk}/").status_code == 200


def test_board_chooses_any_units_comment(client, b_world, board_member):
    client.force_login(board_member)
    assert "BMAT-CMT" in body_of(client.get("/admin/snippets/choose/documents/draftcomment/?q=BMAT"))


# --- Bulk actions ------


def test_bulk_actions_neither_list_nor_touch_other_units_items(client, commune_a, b_world, approver_a):
    own = draft_article(commune_a, approver_a, title="Bài của Phước Hậu")
    client.force_login(approver_a)
    ids = f"id={own.pk}&id={b_world['in_review'].pk}&id={b_world['published'].pk}"
    for action in ("publish", "unpublish", "delete", "move"):
        response = client.get(f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
        assert response.status_code == 200 and not leaked(response), action
        assert "Bài của Phước Hậu" in body_of(response), action  # own items are still listed
    client.post(f"/admin/bulk/wagtailcore/page/delete/?{ids}")
    client.post(f"/admin/bulk/wagtailimages/image/delete/?id={b_world['image'].pk}")
    client.post(f"/admin/bulk/wagtaildocs/document/delete/?id={b_world['document'].pk}")
    client.post(f"/admin/bulk/documents/draftcomment/delete/?id={b_world['comment'].pk}")
    assert_b_unchanged(b_world)


def test_board_bulk_confirmation_lists_every_unit(client, b_world, board_member):
    client.force_login(board_member)
    response = client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id={b_world['published'].pk}")
    assert "BMAT-" in body_of(response)


# --- Page views, chooser and reports ------


def test_workflow_views_do_not_name_other_units_pages(client, b_world, approver_a):
    client.force_login(approver_a)
    state = TaskState.objects.get()
    page = b_world["in_review"].pk
    for url in (
        f"/admin/pages/workflow/preview/{page}/{state.task_id}/",
        f"/admin/pages/workflow/preview/{b_world['published'].pk}/{state.task_id}/",
        f"/admin/pages/workflow/action/{page}/approve/{state.pk}/",
        f"/admin/pages/workflow/collect_action_data/{page}/approve/{state.pk}/",
        f"/admin/pages/workflow/confirm_cancellation/{page}/",
    ):
        response = client.get(url)
        assert response.status_code == 404 and not leaked(response), url
    response = client.post(f"/admin/pages/workflow/action/{page}/approve/{state.pk}/", {"comment": "ok"})
    assert response.status_code == 404
    assert_b_unchanged(b_world)


def test_move_confirmation_needs_the_right_to_move(client, commune_a, b_world, approver_a):
    own = draft_article(commune_a, approver_a, title="Bài để chuyển")
    client.force_login(approver_a)
    # refused: Wagtail's admin answers a PermissionDenied with a redirect to the dashboard
    into_b = client.get(f"/admin/pages/{own.pk}/move/{b_world['published'].pk}/confirm/")
    assert into_b.status_code in (302, 403) and not leaked(into_b)
    out_of_b = client.get(f"/admin/pages/{b_world['in_review'].pk}/move/{news_index(commune_a).pk}/confirm/")
    assert out_of_b.status_code in (302, 403) and not leaked(out_of_b)
    into_index = client.post(f"/admin/pages/{own.pk}/move/{news_index(b_world['unit']).pk}/confirm/")
    assert into_index.status_code in (302, 403)
    own.refresh_from_db()
    assert own.get_parent().pk == news_index(commune_a).pk


def test_page_chooser_browses_only_the_units_tree(client, commune_a, b_world, editor_a, board_member):
    client.force_login(editor_a)
    assert client.get(f"/admin/choose-page/{b_world['published'].pk}/").status_code == 404
    assert client.get(f"/admin/choose-page/{b_world['unit'].site.root_page_id}/").status_code == 404
    assert client.get(f"/admin/choose-page/{news_index(commune_a).pk}/").status_code == 200
    assert client.get("/admin/choose-page/").status_code == 200
    container = commune_a.site.root_page.get_parent().pk
    assert client.get(f"/admin/choose-page/{container}/").status_code == 200
    client.force_login(board_member)
    assert "BMAT-" in body_of(client.get(f"/admin/choose-page/{b_world['published'].get_parent().pk}/"))


def test_page_types_report_names_only_visible_pages(client, commune_a, b_world, editor_a, board_member):
    own = draft_article(commune_a, editor_a, title="Bài mới nhất của Phước Hậu")
    own.save_revision(user=editor_a)
    client.force_login(editor_a)
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200 and not leaked(response)
    assert "Bài mới nhất của Phước Hậu" in body_of(response)
    client.force_login(board_member)
    assert "BMAT-" in body_of(client.get("/admin/reports/page-types-usage/"))

"""Pre-publication checks: hard problems block a submission with a Vietnamese message and lose nothing."""

from wagtail.models import WorkflowState

import pytest

from news.checks import check_article
from news.taxonomy import BannedPhrase, Category
from tests.factories import UserFactory, draft_article, make_image

GOOD_LEAD = "Sáng nay, Ủy ban nhân dân xã tổ chức hội nghị triển khai nhiệm vụ trọng tâm."


@pytest.fixture
def article(commune_a, editor_a):
    return draft_article(commune_a, editor_a, title="Bài chờ gửi", lead="")


def post(client, page, action, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "lead": GOOD_LEAD,
        "body-count": "0",
        "published_date": "01/11/2026 08:00",
        "tags": "",
        action: action,
    }
    data.update(fields)
    return client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="vi")


def submitted(page):
    return WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").exists()


def economy():
    return Category.objects.get(slug="kinh-te-xa-hoi", unit__isnull=True)


def health():
    return Category.objects.get(slug="y-te-phong-chong-dich", unit__isnull=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Chọn ít nhất một chuyên mục"),
        ({"lead": "Ngắn quá."}, "Sapo phải có ít nhất 30 ký tự"),
        ({"health": True}, "phải ghi rõ nguồn"),
    ],
)
def test_hard_failures_block_submission(client, article, editor_a, fields, message):
    client.force_login(editor_a)
    data = {}
    if fields.pop("health", False):
        data["categories"] = [health().pk]
    data.update(fields)
    response = post(client, article, "action-submit", **data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert not submitted(article)
    assert GOOD_LEAD in html or data.get("lead", "") in html  # what was typed is still in the form


def test_clean_article_is_submitted(client, article, editor_a):
    client.force_login(editor_a)
    response = post(client, article, "action-submit", categories=[health().pk], source="Trung tâm Y tế huyện")
    assert response.status_code == 302
    assert submitted(article)


def test_drafts_are_saved_without_the_checks(client, article, editor_a):
    client.force_login(editor_a)
    response = post(client, article, "action-draft", lead="Ngắn.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().lead == "Ngắn."
    assert not submitted(article)


def test_banned_phrases_hard_and_soft(client, article, editor_a):
    BannedPhrase.objects.create(phrase="tin đồn thất thiệt", blocks_submission=True)
    BannedPhrase.objects.create(phrase="chưa kiểm chứng", blocks_submission=False)
    client.force_login(editor_a)
    response = post(
        client,
        article,
        "action-submit",
        categories=[economy().pk],
        lead=GOOD_LEAD + " Không lan truyền TIN ĐỒN THẤT THIỆT.",
    )
    assert "tin đồn thất thiệt" in response.content.decode()
    assert not submitted(article)
    # a warning-only phrase does not block
    response = post(
        client,
        article,
        "action-submit",
        categories=[economy().pk],
        lead=GOOD_LEAD + " Thông tin chưa kiểm chứng.",
    )
    assert response.status_code == 302 and submitted(article)


def test_check_article_reports_warnings_and_alt_text(commune_a):
    BannedPhrase.objects.create(phrase="chưa kiểm chứng", blocks_submission=False)
    image = make_image(commune_a.collection, description="")
    problems = check_article(
        title="Tin chưa kiểm chứng",
        lead=GOOD_LEAD,
        body=[],
        categories=[economy()],
        source="",
        featured_image=image,
    )
    assert [(p.field, p.blocking) for p in problems] == [("featured_image", True), (None, False)]
    image.decorative = True
    problems = check_article(
        title="Tin", lead=GOOD_LEAD, body=[], categories=[economy()], source="", featured_image=image
    )
    assert problems == []


def test_only_the_board_manages_banned_phrases(client, district, commune_a, editor_a, approver_a):
    board = UserFactory(groups=[district.approvers_group])
    client.force_login(board)
    assert client.get("/admin/snippets/news/bannedphrase/add/").status_code == 200
    for user in (editor_a, approver_a):
        client.force_login(user)
        assert client.get("/admin/snippets/news/bannedphrase/add/").status_code in (302, 403)

"""Comments on pages are moderated before anyone else sees them: the unit's approvers and the board
moderate, editors never see a pending comment, and nobody reaches another unit's comments."""

import pytest

from feedback.models import PageRating
from tests.factories import publish_article
from tests.factories.feedback import rating

LIST = "/admin/danh-gia-trang/duyet/"
Status = PageRating.Status


def one(rating_id, action):
    return f"/admin/danh-gia-trang/duyet/{rating_id}/{action}/"


@pytest.fixture
def pending(commune_a, commune_b):
    page_a = publish_article(commune_a, title="Tin Phước Hậu")
    page_b = publish_article(commune_b, title="Tin An Hải")
    return (
        rating(page_a, comment="Chờ duyệt ở Phước Hậu"),
        rating(page_a, comment="Thêm một ý kiến Phước Hậu"),
        rating(page_b, comment="Chờ duyệt ở An Hải"),
    )


def test_editors_never_see_pending_comments(client, editor_a, pending):
    client.force_login(editor_a)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message
    for response in (
        client.get(LIST),
        client.post(one(pending[0].pk, "approve")),
        client.post(LIST, {"chon": [pending[0].pk], "action": "approve"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "Chờ duyệt" not in client.get("/admin/reports/danh-gia-trang/y-kien/").content.decode()
    assert PageRating.objects.get(pk=pending[0].pk).status == Status.PENDING
    menu = client.get("/admin/").content.decode()
    assert "/admin/danh-gia-trang/duyet/" not in menu


def test_the_units_approver_sees_and_moderates_their_own(client, approver_a, pending):
    a1, a2, b1 = pending
    client.force_login(approver_a)
    html = client.get(LIST).content.decode()
    assert "Chờ duyệt ở Phước Hậu" in html and "Thêm một ý kiến Phước Hậu" in html
    assert "Chờ duyệt ở An Hải" not in html
    response = client.post(one(a1.pk, "approve"), {"next": LIST})
    assert response.status_code == 302 and response["Location"] == LIST
    a1.refresh_from_db()
    assert a1.status == Status.APPROVED
    assert "Chờ duyệt ở Phước Hậu" in client.get("/admin/reports/danh-gia-trang/y-kien/").content.decode()
    # another unit's, by id: not found, unchanged
    assert client.post(one(b1.pk, "approve")).status_code == 404
    assert client.post(LIST, {"chon": [a2.pk, b1.pk], "action": "reject"}).status_code == 404
    b1.refresh_from_db()
    a2.refresh_from_db()
    assert b1.status == Status.PENDING and a2.status == Status.PENDING
    # the open redirect is refused
    response = client.post(one(a2.pk, "spam"), {"next": "https://evil.example/"})
    assert response["Location"] == LIST


def test_bulk_moderation(client, approver_a, pending):
    a1, a2, _b1 = pending
    client.force_login(approver_a)
    response = client.post(LIST + "?trang-thai=cho-duyet", {"chon": [a1.pk, a2.pk], "action": "reject"})
    assert response.status_code == 302
    assert set(PageRating.objects.filter(pk__in=[a1.pk, a2.pk]).values_list("status", flat=True)) == {
        Status.REJECTED
    }
    assert "Chờ duyệt ở Phước Hậu" in client.get(LIST + "?trang-thai=tu-choi").content.decode()
    # nothing ticked, or an unknown action: a message, nothing changed
    for data in (
        {"action": "approve"},
        {"chon": [a1.pk], "action": "delete"},
        {"chon": ["x"], "action": "approve"},
    ):
        assert client.post(LIST, data).status_code == 302
    assert PageRating.objects.get(pk=a1.pk).status == Status.REJECTED


def test_the_board_moderates_every_unit(client, board_member, commune_b, pending):
    a1, _a2, b1 = pending
    client.force_login(board_member)
    html = client.get(LIST).content.decode()
    assert "Chờ duyệt ở Phước Hậu" in html and "Chờ duyệt ở An Hải" in html
    html = client.get(f"{LIST}?don-vi={commune_b.pk}").content.decode()
    assert "Chờ duyệt ở An Hải" in html and "Phước Hậu" not in html.split("<tbody>", 1)[-1]
    assert client.post(LIST, {"chon": [a1.pk, b1.pk], "action": "spam"}).status_code == 302
    assert set(PageRating.objects.filter(pk__in=[a1.pk, b1.pk]).values_list("status", flat=True)) == {
        Status.SPAM
    }


def test_moderation_answers_only_posts(client, approver_a, pending):
    client.force_login(approver_a)
    assert client.get(one(pending[0].pk, "approve")).status_code == 405
    assert client.post(one(pending[0].pk, "publish")).status_code == 404


@pytest.mark.parametrize("query", ["?trang-thai=x", "?don-vi=abc", "?don-vi=99999999999", "?p=abc", "?p=-1"])
def test_odd_queries(client, board_member, pending, query):
    client.force_login(board_member)
    assert client.get(LIST + query).status_code == 200


def test_the_demo_fills_a_unit_once(commune_a):
    from feedback.demo import fill_feedback

    added = fill_feedback(commune_a, is_top=False)
    assert added > 6 and PageRating.objects.filter(unit=commune_a).count() == added
    statuses = set(PageRating.objects.exclude(comment="").values_list("status", flat=True))
    assert {Status.PENDING, Status.APPROVED} <= statuses
    assert any(made.personal_data for made in PageRating.objects.filter(status=Status.PENDING))
    assert fill_feedback(commune_a, is_top=False) == 0

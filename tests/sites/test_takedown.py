from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from news.models import NewsArticlePage
from sites.models import TakeDown
from tests.factories import publish_article


@pytest.fixture
def article(commune_a):
    return publish_article(commune_a, title="Bài có nội dung chưa đúng quy định")


def url(page):
    return reverse("portal_takedown", args=[page.pk])


def test_board_takes_down_with_a_reason_and_the_url_answers_410(client, article, board_member):
    public = f"/tin-tuc/{article.slug}/"
    assert client.get(public, HTTP_HOST="phuoc-hau.localhost").status_code == 200
    client.force_login(board_member)
    response = client.post(url(article), {"reason": "Thông tin dịch bệnh chưa được kiểm chứng."})
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    takedown = TakeDown.objects.get(page=article)
    assert takedown.user == board_member and takedown.path == public
    entry = PageLogEntry.objects.get(page=article, action="portal.takedown")
    assert entry.user == board_member and entry.data["reason"].startswith("Thông tin dịch bệnh")

    client.logout()
    response = client.get(public, HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 410
    assert "Nội dung đã được gỡ bỏ" in response.content.decode()
    assert article.title not in response.content.decode()
    # other unknown URLs stay plain 404s; the same path on another unit's site too
    assert client.get("/tin-tuc/khong-co/", HTTP_HOST="phuoc-hau.localhost").status_code == 404
    assert client.get(public, HTTP_HOST="an-hai.localhost").status_code == 404

    # republishing brings the page back
    NewsArticlePage.objects.get(pk=article.pk).save_revision().publish()
    assert client.get(public, HTTP_HOST="phuoc-hau.localhost").status_code == 200


def test_reason_is_mandatory(client, article, board_member):
    client.force_login(board_member)
    response = client.post(url(article), {"reason": "   "})
    assert response.status_code == 200
    assert "Nêu lý do gỡ bài" in response.content.decode()
    article.refresh_from_db()
    assert article.live and not TakeDown.objects.exists()


def test_units_cannot_take_down(client, article, editor_a, approver_a):
    for user in (editor_a, approver_a):
        client.force_login(user)
        # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message
        for response in (client.get(url(article)), client.post(url(article), {"reason": "x"})):
            assert response.status_code in (302, 403)
            assert response.status_code == 403 or response["Location"] == "/admin/"
    article.refresh_from_db()
    assert article.live


def test_take_down_button_shown_only_to_the_board(client, article, board_member, approver_a):
    client.force_login(board_member)
    assert url(article) in client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    client.force_login(approver_a)
    assert url(article) not in client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

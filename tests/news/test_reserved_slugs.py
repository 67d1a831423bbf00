"""An article whose slug is one of the news index's own routes (its feeds) could never be opened: refused."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from news.forms import check_slug_against_routes
from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import news_index, publish_article


def form_data(slug, **fields):
    return {
        "title": "Tin thử đường dẫn",
        "slug": slug,
        "lead": "",
        "body-count": "0",
        "published_date": (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
        "tags": "",
        "comment_notifications": "on",
        **fields,
    }


@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_a_route_slug_is_refused_when_creating(client, commune_a, editor_a, slug):
    client.force_login(editor_a)
    index = news_index(commune_a)
    response = client.post(
        f"/admin/pages/add/news/newsarticlepage/{index.pk}/", form_data(slug), HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    assert response.context["form"].errors["slug"]
    html = response.content.decode()
    assert f"Mã định danh “{slug}” trùng với một địa chỉ riêng của “Tin tức”" in html
    assert not NewsArticlePage.objects.filter(slug=slug).exists()


def test_an_ordinary_slug_is_accepted(client, commune_a, editor_a):
    client.force_login(editor_a)
    index = news_index(commune_a)
    response = client.post(f"/admin/pages/add/news/newsarticlepage/{index.pk}/", form_data("ban-tin-rss"))
    assert response.status_code == 302
    assert NewsArticlePage.objects.child_of(index).filter(slug="ban-tin-rss").exists()


def test_a_route_slug_is_refused_when_editing(client, commune_a, editor_a):
    article = publish_article(commune_a, title="Tin đã có", slug="tin-da-co")
    client.force_login(editor_a)
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", form_data("rss", title="Tin đã có"), HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    assert "Mã định danh “rss” trùng với một địa chỉ riêng" in response.content.decode()
    article.refresh_from_db()
    assert article.slug == "tin-da-co" and not article.has_unpublished_changes


def test_a_route_slug_is_refused_outside_the_admin(commune_a):
    index = news_index(commune_a)
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=NewsArticlePage(title="Tin", slug="atom", live=True))
    assert "slug" in error.value.message_dict
    assert not NewsArticlePage.objects.filter(slug="atom").exists()


def test_the_reserved_slugs_are_read_from_the_index_routes(commune_a):
    index = news_index(commune_a)
    single_segment_routes = [
        str(route.pattern).strip("/")
        for route in NewsIndexPage.get_subpage_urls()
        if "<" not in str(route.pattern) and str(route.pattern).count("/") == 1
    ]
    assert set(single_segment_routes) == {"rss", "atom"}
    for slug in single_segment_routes:
        with pytest.raises(ValidationError):
            check_slug_against_routes(index, slug)
    # two-segment routes (a category's feeds) hide no article; the listing's empty route neither
    for slug in ("kinh-te-xa-hoi", "rss-2026", "tin-moi"):
        check_slug_against_routes(index, slug)


def test_a_copy_cannot_take_a_route_slug(client, commune_a, board_member):
    """Wagtail's copy saves without the page's clean(): its form refuses the slug itself."""
    article = publish_article(commune_a, title="Tin gốc để sao chép")
    index = article.get_parent()
    client.force_login(board_member)
    url = f"/admin/pages/{article.pk}/copy/"
    response = client.post(
        url,
        {"new_title": "Bản sao", "new_slug": "rss", "new_parent_page": index.pk},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert "Mã định danh “rss”" in response.content.decode()
    assert not NewsArticlePage.objects.filter(slug="rss").exists()

    response = client.post(url, {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": index.pk})
    assert response.status_code == 302
    assert NewsArticlePage.objects.filter(slug="ban-sao", path__startswith=index.path).exists()

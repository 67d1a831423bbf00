import feedparser
import pytest
from defusedxml import ElementTree as ET

from news.taxonomy import Category
from tests.factories import publish_article


@pytest.fixture
def articles(commune_a, commune_b):
    economy = Category.objects.get(slug="kinh-te-xa-hoi", unit__isnull=True)
    a1 = publish_article(
        commune_a,
        title="Kinh tế & xã hội <tháng 11>",
        lead="Sapo có ký tự & < >",
        categories=[economy],
        byline="Minh Anh",
    )
    a2 = publish_article(commune_a, title="Thông báo lịch tiếp dân")
    b1 = publish_article(commune_b, title="Tin của An Hải")
    return a1, a2, b1


@pytest.mark.parametrize(("path", "version"), [("/tin-tuc/rss/", "rss20"), ("/tin-tuc/atom/", "atom10")])
def test_site_feeds_parse_and_list_only_this_site(client, articles, path, version):
    a1, a2, b1 = articles
    response = client.get(path, HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 200
    ET.fromstring(response.content)  # well-formed XML
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {a1.title, a2.title}
    links = {entry.link for entry in feed.entries}
    assert f"http://phuoc-hau.localhost/tin-tuc/{a1.slug}/" in links
    assert "Xã Phước Hậu" in feed.feed.title


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_category_feeds(client, articles, kind):
    a1, a2, _ = articles
    response = client.get(f"/tin-tuc/kinh-te-xa-hoi/{kind}/", HTTP_HOST="phuoc-hau.localhost")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == [a1.title]
    assert "Kinh tế - Xã hội" in feed.feed.title


def test_unknown_category_feed_is_404(client, articles):
    assert client.get("/tin-tuc/khong-co/rss/", HTTP_HOST="phuoc-hau.localhost").status_code == 404


def test_sitemap_per_host(client, articles):
    a1, _, b1 = articles
    response = client.get("/sitemap.xml", HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert "http://phuoc-hau.localhost/" in locations
    assert f"http://phuoc-hau.localhost/tin-tuc/{a1.slug}/" in locations
    assert all(loc.startswith("http://phuoc-hau.localhost/") for loc in locations)
    assert not any(b1.slug in loc for loc in locations)


def test_robots_txt_points_at_this_hosts_sitemap(client, commune_a):
    response = client.get("/robots.txt", HTTP_HOST="phuoc-hau.localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://phuoc-hau.localhost/sitemap.xml" in body

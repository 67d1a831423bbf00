"""News flowing between the district and its units, by querying (no copies)."""

from news.models import NewsArticlePage
from tests.factories import news_index, publish_article


def grassroots(html):
    return (
        html.split('id="grassroots-heading"')[1].split("</section>")[0]
        if "grassroots-heading" in html
        else ""
    )


def district_block(html):
    return html.split('id="district-heading"')[1].split("</section>")[0] if "district-heading" in html else ""


def test_district_home_shows_unit_news_with_unit_name(client, district, commune_a, commune_b):
    article = publish_article(commune_a, title="Phước Hậu khánh thành nhà văn hóa")
    publish_article(district, title="Tin riêng của huyện")
    html = grassroots(client.get("/", HTTP_HOST="localhost").content.decode())
    assert article.title in html
    assert 'class="tag">Xã Phước Hậu</span>' in html
    assert "Tin riêng của huyện" not in html  # the district's own news is not "from the units"
    # a commune home shows only its own news, no grassroots block
    assert grassroots(client.get("/", HTTP_HOST="an-hai.localhost").content.decode()) == ""


def test_unpublish_and_move_change_every_place_at_once(client, district, commune_a, commune_b):
    article = publish_article(commune_a, title="Tin sẽ được chuyển")
    assert NewsArticlePage.objects.count() == 1
    article.move(news_index(commune_b), pos="last-child")
    html = grassroots(client.get("/", HTTP_HOST="localhost").content.decode())
    assert 'class="tag">Xã An Hải</span> <a href="http://an-hai.localhost/tin-tuc/' in html
    assert article.title in client.get("/", HTTP_HOST="an-hai.localhost").content.decode()
    assert article.title not in client.get("/", HTTP_HOST="phuoc-hau.localhost").content.decode()
    NewsArticlePage.objects.get(pk=article.pk).unpublish()
    assert article.title not in client.get("/", HTTP_HOST="localhost").content.decode()
    assert article.title not in client.get("/", HTTP_HOST="an-hai.localhost").content.decode()
    assert NewsArticlePage.objects.count() == 1  # never copied


def test_district_news_appears_on_every_unit_home(client, district, commune_a, commune_b):
    flagged = publish_article(district, title="Thông báo của huyện tới các xã", show_on_all_units=True)
    publish_article(district, title="Tin huyện không gắn cờ")
    for host in ("phuoc-hau.localhost", "an-hai.localhost"):
        block = district_block(client.get("/", HTTP_HOST=host).content.decode())
        assert flagged.title in block
        assert "Tin huyện không gắn cờ" not in block
        assert 'href="http://localhost/tin-tuc/' in block
    # unflagging removes it everywhere
    page = NewsArticlePage.objects.get(pk=flagged.pk)
    page.show_on_all_units = False
    page.save_revision().publish()
    assert district_block(client.get("/", HTTP_HOST="an-hai.localhost").content.decode()) == ""


def test_unit_flag_does_not_spread(client, district, commune_a, commune_b):
    publish_article(commune_a, title="Xã tự gắn cờ", show_on_all_units=True)
    assert "Xã tự gắn cờ" not in client.get("/", HTTP_HOST="an-hai.localhost").content.decode()


def test_featured_article_leads_the_home(client, commune_a):
    publish_article(commune_a, title="Tin thường mới nhất")
    featured = publish_article(
        commune_a,
        title="Tin nổi bật",
        featured=True,
        published_date=NewsArticlePage.objects.get().published_date.replace(year=2025),
    )
    html = client.get("/", HTTP_HOST="phuoc-hau.localhost").content.decode()
    lead = html.split('class="lead-story"')[1].split("</article>")[0]
    assert featured.title in lead

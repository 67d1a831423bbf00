import json
import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

import pytest

from news.models import NewsArticlePage
from news.taxonomy import Category, Official
from tests.factories import make_image, news_index, publish_article

HOST_A = "phuoc-hau.localhost"


def cat(slug):
    return Category.objects.get(slug=slug, unit__isnull=True)


def days_ago(n, hour=9):
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0) - timedelta(days=n)


def titles(html):
    return re.findall(r'class="article-list__title"><a href="[^"]+">([^<]+)</a>', html)


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_default_categories_exist(db):
    names = list(Category.objects.filter(unit__isnull=True).values_list("name", flat=True))
    assert names == [
        "Hoạt động lãnh đạo",
        "Kinh tế - Xã hội",
        "Quốc phòng - An ninh",
        "Xây dựng Đảng",
        "Văn hóa - Xã hội",
        "Y tế - Phòng chống dịch",
        "Cải cách hành chính",
        "Thông báo",
    ]
    assert cat("y-te-phong-chong-dich").requires_source


def test_index_is_newest_first_and_paginated_by_20(client, commune_a):
    for i in range(25):
        publish_article(commune_a, title=f"Tin {i:02d}", published_date=days_ago(i))
    first = titles(client.get("/tin-tuc/", HTTP_HOST=HOST_A).content.decode())
    assert first == [f"Tin {i:02d}" for i in range(20)]
    second = titles(client.get("/tin-tuc/?page=2", HTTP_HOST=HOST_A).content.decode())
    assert second == [f"Tin {i:02d}" for i in range(20, 25)]
    # out of range or not a number: a clean first page
    for bad in ("99", "abc", "-3", "0"):
        response = client.get(f"/tin-tuc/?page={bad}", HTTP_HOST=HOST_A)
        assert response.status_code == 200
        assert titles(response.content.decode()) == first


def test_category_and_month_filters(client, commune_a):
    now = timezone.localtime()
    this_month = now.replace(day=1, hour=10)
    last_month = (this_month - timedelta(days=1)).replace(day=15)
    publish_article(
        commune_a, title="Kinh tế tháng này", published_date=this_month, categories=[cat("kinh-te-xa-hoi")]
    )
    publish_article(
        commune_a,
        title="Quốc phòng tháng trước",
        published_date=last_month,
        categories=[cat("quoc-phong-an-ninh")],
    )
    html = client.get("/tin-tuc/?category=kinh-te-xa-hoi", HTTP_HOST=HOST_A).content.decode()
    assert titles(html) == ["Kinh tế tháng này"]
    html = client.get(f"/tin-tuc/?month={last_month:%Y-%m}", HTTP_HOST=HOST_A).content.decode()
    assert titles(html) == ["Quốc phòng tháng trước"]
    # the month archive lists both months with counts
    html = client.get("/tin-tuc/", HTTP_HOST=HOST_A).content.decode()
    assert f"?month={this_month:%Y-%m}" in html and f"?month={last_month:%Y-%m}" in html


@pytest.mark.parametrize(
    "query",
    [
        "category=khong-co",
        "month=2026-13",
        "month=abc",
        "month=1999-01",
        "month=2026-1",
        "category=" + "x" * 3000,
        "category=%01",  # a NUL is a 400 before any view (tests/portal/test_no_server_errors.py)
    ],
)
def test_unknown_category_or_month_is_404(client, commune_a, query):
    assert client.get(f"/tin-tuc/?{query}", HTTP_HOST=HOST_A).status_code == 404


def test_unit_categories_are_visible_only_on_that_unit(client, commune_a, commune_b):
    own = Category.objects.create(name="Nông thôn mới", slug="nong-thon-moi", unit=commune_a)
    publish_article(commune_a, title="Đường giao thông nông thôn", categories=[own])
    assert client.get("/tin-tuc/?category=nong-thon-moi", HTTP_HOST=HOST_A).status_code == 200
    assert client.get("/tin-tuc/?category=nong-thon-moi", HTTP_HOST="an-hai.localhost").status_code == 404
    html = client.get("/tin-tuc/", HTTP_HOST="an-hai.localhost").content.decode()
    assert "Nông thôn mới" not in html


def test_article_page(client, commune_a):
    economy = cat("kinh-te-xa-hoi")
    older = publish_article(
        commune_a, title="Tin cũ cùng chuyên mục", published_date=days_ago(5), categories=[economy]
    )
    publish_article(
        commune_a, title="Tin khác chuyên mục", published_date=days_ago(4), categories=[cat("thong-bao")]
    )
    newer = publish_article(
        commune_a, title="Tin mới hơn cùng chuyên mục", published_date=days_ago(1), categories=[economy]
    )
    article = publish_article(
        commune_a,
        title="Hội nghị sơ kết kinh tế",
        lead="Sapo hội nghị.",
        byline="Minh Anh",
        published_date=days_ago(2),
        categories=[economy],
    )
    response = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A)
    html = response.content.decode()
    assert response.status_code == 200
    assert timezone.localtime(article.published_date).strftime("%d/%m/%Y") in html
    assert "Minh Anh" in html and "Sapo hội nghị." in html
    assert 'class="breadcrumbs"' in html and ">Tin tức</a>" in html
    # Tin khác: same category, never the article itself, both older and newer
    other = html.split('id="other-heading"')[1].split("</section>")[0]
    assert older.title in other and newer.title in other
    assert article.title not in other and "Tin khác chuyên mục" not in other
    # Tin đã đưa: only earlier ones, with dd/mm
    earlier = html.split('id="earlier-heading"')[1].split("</section>")[0]
    assert older.title in earlier and "Tin khác chuyên mục" in earlier
    assert newer.title not in earlier
    assert f"({timezone.localtime(older.published_date):%d/%m})" in earlier
    # OpenGraph and JSON-LD
    assert f'<meta property="og:url" content="http://{HOST_A}/tin-tuc/{article.slug}/">' in html
    assert '<meta property="og:type" content="article">' in html
    data = json_ld(html)
    assert data["@type"] == "NewsArticle" and data["headline"] == article.title
    assert data["author"]["name"] == "Minh Anh"
    assert data["mainEntityOfPage"] == f"http://{HOST_A}/tin-tuc/{article.slug}/"
    # share links and print
    assert "facebook.com/sharer" in html and "portal/js/print.js" in html


def other_news_titles(html):
    if 'id="other-heading"' not in html:
        return []
    section = html.split('id="other-heading"')[1].split("</section>")[0]
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', section)


def test_other_news_shares_any_of_the_articles_categories(client, commune_a):
    article = publish_article(
        commune_a, title="Tin hai chuyên mục", categories=[cat("kinh-te-xa-hoi"), cat("cai-cach-hanh-chinh")]
    )
    publish_article(
        commune_a, title="Tin cải cách", published_date=days_ago(3), categories=[cat("cai-cach-hanh-chinh")]
    )
    publish_article(
        commune_a, title="Tin thông báo", published_date=days_ago(1), categories=[cat("thong-bao")]
    )
    html = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A).content.decode()
    assert other_news_titles(html) == ["Tin cải cách"]


@pytest.mark.parametrize("categories", [["quoc-phong-an-ninh"], []])
def test_other_news_falls_back_to_the_units_recent_news(client, commune_a, commune_b, categories):
    """A unit whose few articles each have their own category (or none) still shows 'Tin khác'."""
    article = publish_article(
        commune_a,
        title="Tin riêng chuyên mục",
        published_date=days_ago(4),
        categories=[cat(c) for c in categories],
    )
    for n, slug in enumerate(["kinh-te-xa-hoi", "thong-bao", "van-hoa-xa-hoi", "xay-dung-dang", "", "", ""]):
        publish_article(
            commune_a,
            title=f"Tin gần đây {n}",
            published_date=days_ago(n),
            categories=[cat(slug)] if slug else [],
        )
    publish_article(
        commune_b, title="Tin của An Hải", published_date=days_ago(0), categories=[cat("thong-bao")]
    )
    html = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A).content.decode()
    # the unit's newest five, never the article itself nor another unit's news
    assert other_news_titles(html) == [f"Tin gần đây {n}" for n in range(5)]
    assert "Tin của An Hải" not in html


def test_json_ld_language_follows_the_page(client, district, commune_a):
    english = Locale.objects.get_or_create(language_code="en")[0]
    for page in (district.site.root_page, commune_a.site.root_page, news_index(commune_a)):
        translate_object(page.specific, [english])
        page.get_translation(english).specific.save_revision().publish()
    article = publish_article(commune_a, title="Hội nghị tiếp xúc cử tri")
    translate_object(article, [english])
    translated = article.get_translation(english).specific
    translated.title = "Meeting with voters"
    translated.save_revision().publish()

    data = json_ld(client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A).content.decode())
    assert data["headline"] == "Hội nghị tiếp xúc cử tri" and data["inLanguage"] == "vi"
    with translation.override("en"):
        response = client.get(f"/en/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A)
    assert response.status_code == 200
    data = json_ld(response.content.decode())
    assert data["headline"] == "Meeting with voters" and data["inLanguage"] == "en"


def test_json_ld_cannot_break_out_of_its_script(client, commune_a):
    article = publish_article(commune_a, title="</script><script>alert(1)</script>")
    html = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_images_are_responsive_with_alt_text(client, commune_a):
    image = make_image(commune_a.collection, title="Ảnh hội nghị", description="Toàn cảnh hội nghị")
    body = json.dumps(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Đại biểu dự hội nghị", "decorative": False},
                    "caption": "Chú thích",
                    "credit": "Ảnh: Minh Anh",
                },
            }
        ]
    )
    article = publish_article(commune_a, title="Tin có ảnh", featured_image=image, body=body)
    html = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=HOST_A).content.decode()
    assert 'type="image/webp"' in html and "srcset=" in html
    assert 'alt="Đại biểu dự hội nghị"' in html and 'loading="lazy"' in html
    assert 'alt="Toàn cảnh hội nghị"' in html  # featured image: its description
    assert "Ảnh: Minh Anh" in html
    assert not re.search(r"<img(?![^>]*\balt=)[^>]*>", html), "every <img> has an alt attribute"


def test_event_date_after_publication_is_refused(commune_a):
    article = NewsArticlePage(
        title="Sai ngày", slug="sai-ngay", published_date=days_ago(3), event_date=timezone.localdate()
    )
    with translation.override("vi"):
        with pytest.raises(ValidationError) as excinfo:
            article.clean()
        assert "Ngày diễn ra sự kiện không thể sau ngày đăng tin" in str(excinfo.value)
    article.event_date = timezone.localdate() - timedelta(days=3)
    article.clean()


def test_event_date_error_in_admin_form(client, commune_a, editor_a):
    client.force_login(editor_a)
    index = commune_a.site.root_page.get_children().get(slug="tin-tuc")
    response = client.post(
        f"/admin/pages/add/news/newsarticlepage/{index.pk}/",
        {
            "title": "Sai ngày",
            "slug": "sai-ngay",
            "lead": "",
            "body-count": "0",
            "published_date": (timezone.localtime() - timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
            "event_date": timezone.localdate().strftime("%Y-%m-%d"),
            "tags": "",
            "comment_notifications": "on",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert "không thể sau ngày đăng tin" in response.content.decode()
    assert not NewsArticlePage.objects.filter(slug="sai-ngay").exists()


def test_admin_form_offers_only_the_units_categories_and_officials(client, commune_a, commune_b, editor_a):
    Category.objects.create(name="Riêng A", slug="rieng-a", unit=commune_a)
    Category.objects.create(name="Riêng B", slug="rieng-b", unit=commune_b)
    Official.objects.create(name="Chủ tịch A", position="Chủ tịch UBND xã A", unit=commune_a)
    Official.objects.create(name="Chủ tịch B", position="Chủ tịch UBND xã B", unit=commune_b)
    client.force_login(editor_a)
    index = commune_a.site.root_page.get_children().get(slug="tin-tuc")
    html = client.get(f"/admin/pages/add/news/newsarticlepage/{index.pk}/").content.decode()
    assert "Riêng A" in html and "Chủ tịch A" in html
    assert "Riêng B" not in html and "Chủ tịch B" not in html
    assert "Hoạt động lãnh đạo" in html


def test_admin_article_listing_is_confined(client, commune_a, commune_b, editor_a):
    publish_article(commune_a, title="Tin của Phước Hậu")
    publish_article(commune_b, title="Tin của An Hải")
    client.force_login(editor_a)
    response = client.get("/admin/news_articles/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tin của Phước Hậu" in html and "Tin của An Hải" not in html


def test_preview_from_the_admin_host_shows_the_articles_own_unit(rf, commune_a, district, admin_user):
    """The admin runs on the district's host; a commune article's preview must still look like its site."""
    article = publish_article(commune_a, title="Tin xem trước")
    request = rf.get("/admin/pages/preview/", HTTP_HOST="localhost")
    request.user = admin_user
    response = article.serve_preview(request, article.default_preview_mode)
    html = response.render().content.decode()
    header = html.split('<header class="site-header"')[1].split("</header>")[0]
    assert "Xã Phước Hậu" in header and "Huyện Ninh Phước" in header  # parent line + own name
    footer = html.split('<footer class="site-footer"')[1].split("</footer>")[0]
    assert "Xã Phước Hậu" in footer

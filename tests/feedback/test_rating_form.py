"""“Thông tin có hữu ích không?” under every public page: a plain form that keeps the page in the anonymous
page cache, and the view it posts to (feedback/views.py)."""

import random

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page, PageViewRestriction

import pytest

from feedback.models import PageRating
from feedback.views import HONEYPOT
from tests.factories import publish_article

URL = "/danh-gia/"


def fresh_rate(count):
    """A rate of ``count`` an hour (or so) that no earlier test counted against: the limiter's key names the
    rate, and the shared cache outlives the test database."""
    return f"{count}/{3600 + random.randrange(100000)}s"


@pytest.fixture(autouse=True)
def _roomy_limit(settings):
    settings.PORTAL_FEEDBACK_RATE = fresh_rate(1000)


def vi(message):
    with translation.override("vi"):
        return gettext(message)


@pytest.fixture
def article(commune_a):
    return publish_article(commune_a, title="Lịch tiếp công dân tháng 12")


def post(client, host, **data):
    return client.post(URL, data, HTTP_HOST=host)


def test_every_page_carries_the_form_without_csrf_and_stays_cached(client, commune_a, article):
    host = commune_a.site.hostname
    url = article.get_url()
    first = client.get(url, HTTP_HOST=host)
    html = first.content.decode()
    assert first.status_code == 200
    assert 'action="/danh-gia/"' in html and f'name="trang" value="{article.pk}"' in html
    assert 'name="huu-ich" value="co"' in html and 'name="huu-ich" value="khong"' in html
    assert 'maxlength="500"' in html and '<label for="rating-comment">' in html
    assert "<fieldset>" in html and "<legend>" in html
    honeypot = html.split('class="rating__hp"', 1)[1].split("</div>", 1)[0]
    assert (
        'aria-hidden="true"' in honeypot and 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot
    )
    assert "csrfmiddlewaretoken" not in html and "csrftoken" not in first.cookies
    assert first["X-Page-Cache"] == "miss"
    second = client.get(url, HTTP_HOST=host)
    assert second["X-Page-Cache"] == "hit"
    # the home page too
    home = client.get("/", HTTP_HOST=host)
    assert f'name="trang" value="{commune_a.site.root_page_id}"' in home.content.decode()


def test_the_form_adds_no_query(commune_a, article, django_assert_num_queries):
    from django.template.loader import render_to_string

    page = Page.objects.get(pk=article.pk)
    with django_assert_num_queries(0):
        html = render_to_string("feedback/rating_form.html", {"page": page})
    assert f'value="{article.pk}"' in html


@pytest.mark.parametrize(("answer", "useful"), [("co", True), ("khong", False)])
def test_a_yes_or_no_is_kept_with_the_pages_unit_and_no_address(client, commune_a, article, answer, useful):
    response = post(client, commune_a.site.hostname, trang=article.pk, **{"huu-ich": answer})
    assert response.status_code == 303
    assert response["Location"] == f"/danh-gia/cam-on/?trang={article.pk}"
    rating = PageRating.objects.get()
    assert (rating.page_id, rating.unit, rating.useful, rating.comment) == (article.pk, commune_a, useful, "")
    assert rating.status == PageRating.Status.APPROVED  # nothing to moderate
    assert len(rating.address_hash) == 64 and "127.0.0.1" not in rating.address_hash
    thanks = client.get(response["Location"], HTTP_HOST=commune_a.site.hostname)
    assert thanks.status_code == 200
    assert f'href="{article.relative_url(commune_a.site)}"' in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_comment_waits_for_moderation(client, commune_a, article):
    text = "Thiếu số điện thoại\r\nliên hệ." + "x" * 460
    response = post(client, commune_a.site.hostname, trang=article.pk, **{"huu-ich": "khong", "y-kien": text})
    assert response.status_code == 303
    rating = PageRating.objects.get()
    assert rating.comment == text.replace("\r\n", "\n")
    assert rating.status == PageRating.Status.PENDING and rating.useful is False


def test_the_csrf_check_does_not_apply(commune_a, article):
    strict = Client(enforce_csrf_checks=True)
    response = post(strict, commune_a.site.hostname, trang=article.pk, **{"huu-ich": "co"})
    assert response.status_code == 303 and PageRating.objects.count() == 1


def test_a_comment_of_501_characters_is_refused_and_kept_in_the_form(client, commune_a, article):
    text = "á" * 501
    response = post(client, commune_a.site.hostname, trang=article.pk, **{"huu-ich": "co", "y-kien": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert not PageRating.objects.exists()
    assert f">{text}</textarea>" in html  # nothing lost
    assert 'role="alert"' in html and f'href="{article.relative_url(commune_a.site)}"' in html
    assert "501" in html and "500" in html
    exactly = post(
        client, commune_a.site.hostname, trang=article.pk, **{"huu-ich": "co", "y-kien": "á" * 500}
    )
    assert exactly.status_code == 303


def test_a_missing_or_unknown_answer_is_refused(client, commune_a, article):
    for data in ({"y-kien": "Ý kiến của tôi"}, {"huu-ich": "maybe", "y-kien": "Ý kiến của tôi"}):
        response = post(client, commune_a.site.hostname, trang=article.pk, **data)
        html = response.content.decode()
        assert response.status_code == 400
        assert vi("Please choose “Yes” or “No”.") in html.replace("&ldquo;", "“").replace("&rdquo;", "”")
        assert ">Ý kiến của tôi</textarea>" in html
    assert not PageRating.objects.exists()


def test_bad_page_ids_are_refused(client, commune_a, article):
    host = commune_a.site.hostname
    draft = publish_article(commune_a, title="Sẽ gỡ")
    draft.unpublish()
    private = publish_article(commune_a, title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    root = Page.objects.get(depth=1)
    container = commune_a.site.root_page.get_parent()
    for bad in ["", "abc", "-1", "0", "1.5", "99999999999999999999", str(2**31), "١٢", str(root.pk),
                str(container.pk), str(draft.pk), str(private.pk), " ", "12 13"]:  # fmt: skip
        response = post(client, host, trang=bad, **{"huu-ich": "co"})
        assert response.status_code == 404, bad
        assert response.content.decode().count('role="alert"') == 1
    assert not PageRating.objects.exists()


def test_the_honeypot_pretends_and_keeps_nothing(client, commune_a, article):
    response = post(
        client, commune_a.site.hostname, trang=article.pk, **{"huu-ich": "co", HONEYPOT: "http://spam"}
    )
    assert response.status_code == 303 and "cam-on" in response["Location"]
    assert not PageRating.objects.exists()


def test_floods_get_429_with_retry_after(client, commune_a, article, settings):
    settings.PORTAL_FEEDBACK_RATE = fresh_rate(3)
    host = commune_a.site.hostname
    for _ in range(3):
        assert post(client, host, trang=article.pk, **{"huu-ich": "co"}).status_code == 303
    limited = post(client, host, trang=article.pk, **{"huu-ich": "khong", "y-kien": "Góp ý thứ tư"})
    assert limited.status_code == 429
    # what is left of the limiter's window, never more than the rate's period
    period = int(settings.PORTAL_FEEDBACK_RATE.split("/")[1].rstrip("s"))
    assert 0 < int(limited["Retry-After"]) <= period
    assert ">Góp ý thứ tư</textarea>" in limited.content.decode()
    assert PageRating.objects.count() == 3
    # another address is not held back
    other = client.post(
        URL, {"trang": article.pk, "huu-ich": "co"}, HTTP_HOST=host, REMOTE_ADDR="198.51.100.7"
    )
    assert other.status_code == 303


def test_get_on_the_form_address_is_a_clear_405(client, commune_a):
    response = client.get(URL, HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["", "?trang=", "?trang=abc", "?trang=%00", "?trang=99999999999999999999", "?trang=1&trang=2",
     "?x=%ff%fe", "?trang[]=1", "?trang=" + "9" * 5000],
)  # fmt: skip
def test_the_public_addresses_never_fail_on_odd_queries(client, commune_a, article, query):
    host = commune_a.site.hostname
    nul = "%00" in query  # refused by the portal's middleware before any view (400)
    assert client.get("/danh-gia/cam-on/" + query, HTTP_HOST=host).status_code == (400 if nul else 200)
    assert client.get(URL + query, HTTP_HOST=host).status_code == (400 if nul else 405)
    posted = client.post(URL + query, {"trang": query[7:], "huu-ich": "co"}, HTTP_HOST=host)
    assert posted.status_code in (303, 400, 404)


def test_odd_posted_values_never_fail(client, commune_a, article):
    host = commune_a.site.hostname
    for data in (
        {"trang": str(article.pk), "huu-ich": "co", "y-kien": "a\x00b\x01c"},
        {"trang": [str(article.pk), "x"], "huu-ich": ["co", "khong"]},
        {"trang": "\x00", "huu-ich": "\x00"},
    ):
        assert post(client, host, **data).status_code in (303, 400, 404)
    assert PageRating.objects.filter(comment="abc").exists()


def test_english_pages_post_to_the_english_address(client, commune_a, article):
    with translation.override("en"):
        from django.urls import reverse

        assert reverse("page_feedback") == "/en/danh-gia/"


def test_retry_after_is_what_is_left_of_the_window(client, commune_a, article, settings):
    from django_ratelimit.core import get_usage

    window = 300 + random.randrange(1000)  # in minutes, a rate no earlier test used
    settings.PORTAL_FEEDBACK_RATE = f"1/{window}m"
    host = commune_a.site.hostname
    assert post(client, host, trang=article.pk, **{"huu-ich": "co"}).status_code == 303
    limited = post(client, host, trang=article.pk, **{"huu-ich": "co"})
    assert limited.status_code == 429
    request = limited.wsgi_request
    usage = get_usage(request, group="page-feedback", key="ip", rate=settings.PORTAL_FEEDBACK_RATE)
    # django_ratelimit staggers windows per address: rarely the whole period, never more
    assert abs(int(limited["Retry-After"]) - usage["time_left"]) <= 1
    assert 0 < int(limited["Retry-After"]) <= window * 60
    assert PageRating.objects.count() == 1


@pytest.mark.parametrize(
    ("rate", "seconds"),
    [("10/h", 3600), ("10/H", 3600), ("5/30m", 1800), ("3/20", 20), ("3/20s", 20), ("2/d", 86400),
     ("100/7d", 604800), ("10/hour", 3600), ("abc", None), ("", None), (None, None), ("/h", None)],
)  # fmt: skip
def test_the_rates_period(rate, seconds):
    from feedback.views import rate_period

    assert rate_period(rate) == seconds


def test_retry_after_falls_back_to_the_whole_period(settings):
    from feedback.views import _retry_after

    settings.PORTAL_FEEDBACK_RATE = "10/2h"
    assert _retry_after({"time_left": -1}) == "7200"  # the limiter could not say
    assert _retry_after({"time_left": 99999}) == "7200"
    assert _retry_after({"time_left": 42}) == "42"
    settings.PORTAL_FEEDBACK_RATE = "not a rate"
    assert _retry_after({"time_left": -1}) == "3600"


def test_the_form_asks_for_no_personal_data_and_cites_no_law(client, commune_a, article):
    html = client.get(article.get_url(), HTTP_HOST=commune_a.site.hostname).content.decode()
    form = html[html.index('<form class="rating"') :]
    form = form[: form.index("</form>")]
    label = form.split('<label for="rating-comment">', 1)[1].split("</label>", 1)[0]
    assert vi("Your comment (at most 500 characters). Please do not enter personal information (name, phone "
              "number, ID number, e-mail).") in label  # fmt: skip
    # a way to tell the unit how useful a page is, not a duty: no law cited, nothing compulsory
    for word in ("Nghị định", "Luật", "Điều ", "bắt buộc phải", "decree", "law", "required", "must"):
        assert word not in form, word


def test_the_vietnamese_wording_of_the_form():
    """The catalog is compiled from scripts/vi: the notice reads as a Vietnamese site says it."""
    from scripts.vi.feedback import VI

    label = VI[
        "Your comment (at most 500 characters). Please do not enter personal information (name, phone "
        "number, ID number, e-mail)."
    ]
    assert "Vui lòng không nhập thông tin cá nhân" in label
    assert VI["Was this information useful?"] == "Thông tin có hữu ích không?"
    assert "không bắt buộc" in VI["Add a comment (optional)"]


# --- An English page ---------------------------------------------------------------------------------------


@pytest.fixture
def english_home(commune_a):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_object(commune_a.site.root_page.specific, [english])
    home = commune_a.site.root_page.get_translation(english).specific
    home.title = "Phuoc Hau Commune"
    home.save_revision().publish()
    return home


def get_en(client, path, host):
    with translation.override("en"):
        return client.get(path, HTTP_HOST=host)


def test_an_english_page_carries_the_form_in_english(client, commune_a, english_home):
    response = get_en(client, "/en/", commune_a.site.hostname)
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="en">' in html
    assert 'action="/en/danh-gia/"' in html and f'name="trang" value="{english_home.pk}"' in html
    assert "<legend>Was this information useful?</legend>" in html
    assert "<summary>Add a comment (optional)</summary>" in html
    assert "Please do not enter personal information" in html
    assert '<button type="submit" name="huu-ich" value="co">Yes</button>' in html
    assert '<button type="submit" name="huu-ich" value="khong">No</button>' in html


def test_rating_an_english_page_thanks_in_english(client, commune_a, english_home):
    host = commune_a.site.hostname
    with translation.override("en"):
        response = client.post(
            "/en/danh-gia/",
            {"trang": english_home.pk, "huu-ich": "khong", "y-kien": "Opening hours?"},
            HTTP_HOST=host,
        )
    assert response.status_code == 303
    assert response["Location"] == f"/en/danh-gia/cam-on/?trang={english_home.pk}"
    made = PageRating.objects.get()
    assert (made.page_id, made.unit, made.useful, made.status) == (
        english_home.pk, commune_a, False, PageRating.Status.PENDING)  # fmt: skip
    thanks = get_en(client, response["Location"], host)
    html = thanks.content.decode()
    assert thanks.status_code == 200 and '<html lang="en">' in html
    assert "<h1>Thank you for your answer</h1>" in html
    assert 'href="/en/"' in html and "Back to the page “Phuoc Hau Commune”" in html.replace(
        "&ldquo;", "“"
    ).replace("&rdquo;", "”")


def test_a_mistake_on_an_english_page_is_explained_in_english(client, commune_a, english_home):
    with translation.override("en"):
        response = client.post(
            "/en/danh-gia/", {"trang": english_home.pk, "y-kien": "Kept"}, HTTP_HOST=commune_a.site.hostname
        )
    html = response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert response.status_code == 400 and '<html lang="en">' in html
    assert "Please choose “Yes” or “No”." in html and ">Kept</textarea>" in html
    assert 'action="/en/danh-gia/"' in html
    assert not PageRating.objects.exists()

"""English with wagtail-localize: a translation starts as a draft with its source's rights and workflow, the
language switcher leads to the same page's translation or to an English home, and hreflang lists the live
translations."""

import re

from django.utils import translation

from wagtail.models import GroupPagePermission, Locale, WorkflowPage
from wagtail_localize.operations import translate_object

import pytest

from sites.selectors import unit_for_page
from tests.factories import news_index, publish_article


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, english, *, title=None, publish=True):
    translate_object(page.specific, [english])
    translated = page.get_translation(english).specific
    if title:
        translated.title = title
    if publish:
        translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def switcher(html):
    nav = re.search(r'<nav class="language-switcher.*?</nav>', html, re.S)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav.group(0))) if nav else {}


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_a_new_translation_is_a_draft_with_its_sources_rights_and_workflow(district, commune_a, english):
    home = commune_a.site.root_page
    translated = translate(home, english, publish=False)
    assert not translated.live  # it goes live only when someone who may publish does so
    source_rights = set(GroupPagePermission.objects.filter(page=home).values_list("group", "permission"))
    assert (
        source_rights
        and set(GroupPagePermission.objects.filter(page=translated).values_list("group", "permission"))
        == source_rights
    )
    assert WorkflowPage.objects.get(page=translated).workflow == WorkflowPage.objects.get(page=home).workflow
    assert unit_for_page(translated) == commune_a  # the English tree belongs to the unit of its source


def test_commune_editors_may_edit_but_not_publish_their_english_pages(commune_a, editor_a, english):
    translated = translate(commune_a.site.root_page, english, publish=False)
    permissions = translated.permissions_for_user(editor_a)
    assert permissions.can_edit() and not permissions.can_publish()


def test_switcher_and_hreflang_on_a_translated_home(client, district, english):
    translate(district.site.root_page, english, title="Ninh Phuoc District")
    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert switcher(html) == {"/en/": "en"}
    assert hreflangs(html) == {
        "vi": "http://localhost/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/",
    }
    response = client.get("/en/", HTTP_HOST="localhost")
    english_html = response.content.decode()
    assert '<html lang="en">' in english_html and response.context["page"].title == "Ninh Phuoc District"
    assert switcher(english_html) == {"/": "vi"}


def test_a_page_without_translation_leads_to_the_english_home_and_has_no_alternates(
    client, district, english
):
    article = publish_article(district, title="Tin chỉ có tiếng Việt")
    html = client.get(article.url, HTTP_HOST="localhost").content.decode()
    assert switcher(html) == {}  # no English anywhere yet: no switcher at all
    translate(district.site.root_page, english, title="Ninh Phuoc District")
    html = client.get(article.url, HTTP_HOST="localhost").content.decode()
    assert switcher(html) == {"/en/": "en"} and hreflangs(html) == {}


def test_a_commune_without_english_leads_to_the_districts(client, district, commune_a, english):
    translate(district.site.root_page, english, title="Ninh Phuoc District")
    html = client.get("/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert list(switcher(html).values()) == ["en"]
    assert list(switcher(html))[0].endswith("/en/")  # the district's English home, on its own host


def test_a_draft_translation_is_not_offered(client, district, english):
    translate(district.site.root_page, english, publish=False)
    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert switcher(html) == {} and hreflangs(html) == {}
    response = client.get("/en/", HTTP_HOST="localhost")  # Wagtail serves the live Vietnamese home instead
    assert response.status_code == 200 and response.context["page"].locale.language_code == "vi"


def test_views_without_a_page_switch_by_prefix(client, district, english):
    translate(district.site.root_page, english)
    html = client.get("/tim-kiem/", {"q": "xã"}, HTTP_HOST="localhost").content.decode()
    assert switcher(html) == {"/en/tim-kiem/?q=x%C3%A3": "en"}
    with translation.override("en"):
        html = client.get("/en/tim-kiem/", {"q": "xã"}, HTTP_HOST="localhost").content.decode()
    assert '<html lang="en">' in html and switcher(html) == {"/tim-kiem/?q=x%C3%A3": "vi"}


def test_dates_and_counts_follow_the_active_language(client, district, commune_a, english):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    translate(district.site.root_page, english)
    translate(commune_a.site.root_page, english)
    translate(news_index(commune_a), english)
    for day in (2, 3):
        article = publish_article(
            commune_a,
            title=f"Hội nghị tiếp xúc cử tri {day}",
            published_date=datetime(2026, 3, day, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        )
        translate(article, english, title=f"Meeting with voters {day}")
    html = client.get(
        "/tim-kiem/", {"q": "tiep xuc cu tri", "don-vi": "tat-ca"}, HTTP_HOST="localhost"
    ).content.decode()
    assert ">02/03/2026</time>" in html and "2 kết quả cho" in html
    with translation.override("en"):
        html = client.get("/en/tim-kiem/", {"q": "meeting voters", "don-vi": "tat-ca"}, HTTP_HOST="localhost")
    html = html.content.decode()
    assert ">2 March 2026</time>" in html and "2 results for" in html
    assert 'datetime="2026-03-02T09:00:00+0700"' in html  # machine-readable, whatever the language

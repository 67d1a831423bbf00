from datetime import timedelta

from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import override_settings
from django.utils import timezone, translation

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

import pytest

from agenda.models import ScheduleIndexPage, WeekSchedulePage
from feedback.models import PageRating
from news.models import NewsArticlePage
from news.taxonomy import Category, Official
from questions.models import Question
from sites.models import Unit, UnitSettings
from users.models import User

UNIT_SLUGS = [
    "phuoc-dan",
    "an-hai",
    "phuoc-hai",
    "phuoc-hau",
    "phuoc-huu",
    "phuoc-son",
    "phuoc-thai",
    "phuoc-thuan",
    "phuoc-vinh",
]


def gettext_in_vi(text):
    with translation.override("vi"):
        return translation.gettext(text)


def counts():
    return (
        Unit.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        get_document_model().objects.count(),
        User.objects.count(),
    )


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_builds_every_unit_and_is_idempotent(client, capsys):
    call_command("seed_demo", "--port", "80")
    output = capsys.readouterr().out
    assert "[10/10]" in output
    assert output.strip().splitlines()[-1].startswith("Demo ready: 10 units")

    district = Unit.objects.get(slug="ninh-phuoc")
    assert district.parent is None and district.site.hostname == "localhost"
    assert set(district.children.values_list("slug", flat=True)) == set(UNIT_SLUGS)
    assert {u.level for u in district.children.all()} == {"town", "commune"}

    # every seeded host serves its own home page with its own name
    for unit in Unit.objects.select_related("site"):
        response = client.get("/", HTTP_HOST=unit.site.hostname)
        assert response.status_code == 200, unit.slug
        html = response.content.decode()
        assert f'<h1 class="home__title">{unit.name}</h1>' in html
        assert UnitSettings.for_site(unit.site).full_name in html
        other = next(u for u in Unit.objects.all() if u != unit and u.parent_id)
        assert f'<h1 class="home__title">{other.name}</h1>' not in html

    # the district home lists the nine units with links to their sites
    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert html.count('class="units__item"') == 9
    assert 'href="http://phuoc-hau.localhost/"' in html
    # a commune home links back to the district
    html = client.get("/", HTTP_HOST="phuoc-hau.localhost").content.decode()
    assert 'href="http://localhost/"' in html

    # demo accounts
    assert User.objects.get(username="admin").is_superuser
    for slug in ["ninh-phuoc", *UNIT_SLUGS]:
        unit = Unit.objects.get(slug=slug)
        assert User.objects.get(username=f"{slug}-editor").groups.filter(pk=unit.editors_group_id).exists()
        assert (
            User.objects.get(username=f"{slug}-approver").groups.filter(pk=unit.approvers_group_id).exists()
        )
    # the login lockout (django-axes) needs the request a real login has
    # two board members: one's own article is approved by the other (four-eyes)
    board = Unit.objects.get(slug="ninh-phuoc").approvers_group
    assert board.user_set.filter(username__in=["ninh-phuoc-approver", "ninh-phuoc-approver-2"]).count() == 2
    assert client.login(request=HttpRequest(), username="phuoc-hau-editor", password="portal-demo-2025")

    # content: the real legacy article on the district, news and documents on every unit
    legacy = NewsArticlePage.objects.get(slug="hop-danh-gia-trang-thong-tin-dien-tu-9-thang-2020")
    assert legacy.byline == "Uyên Phương" and legacy.event_date.isoformat() == "2020-09-17"
    from documents.models import DisclosureChoices, LegalDocument

    for unit in Unit.objects.all():
        assert NewsArticlePage.objects.live().descendant_of(unit.site.root_page).count() >= 3
        # 9 or 2 documents of the news demo, then the access-to-information demo's (forms, rules, late and
        # draft documents) and the introduction's map and chart
        files, documents = (23, 17) if unit.parent_id is None else (14, 8)
        assert get_document_model().objects.filter(collection=unit.collection).count() == files
        assert LegalDocument.objects.live().descendant_of(unit.site.root_page).count() == documents
    response = client.get("/van-ban/", HTTP_HOST="phuoc-hau.localhost")
    assert "12/KH-UBND" in response.content.decode()
    # every disclosure category is filled on the district's library but one, left empty on purpose: the
    # access-to-information page shows it among the categories with nothing published yet
    district_docs = LegalDocument.objects.descendant_of(Unit.objects.get(slug="ninh-phuoc").site.root_page)
    empty = {DisclosureChoices.INSPECTION}
    assert set(district_docs.values_list("disclosure", flat=True)) == set(DisclosureChoices.values) - empty

    # news taxonomy and the flow between levels are shown off on every site
    assert Official.objects.filter(unit__slug="ninh-phuoc", position="Bí thư Huyện ủy").exists()
    assert Official.objects.filter(unit__slug="phuoc-hau").count() == 5  # 2 covered, 3 more leaders
    assert Category.objects.filter(unit__slug="phuoc-hau", slug="nong-thon-moi").exists()
    flagged = NewsArticlePage.objects.get(show_on_all_units=True)
    assert flagged.featured and flagged.featured_image is not None
    for unit in Unit.objects.exclude(slug="ninh-phuoc"):
        assert flagged.title in client.get("/", HTTP_HOST=unit.site.hostname).content.decode()
    district_home = client.get("/", HTTP_HOST="localhost").content.decode()
    assert "Tin từ cơ sở" in district_home and 'class="tag">Xã Phước Hậu</span>' in district_home
    assert (
        NewsArticlePage.objects.filter(categories__isnull=False).distinct().count()
        == NewsArticlePage.objects.count()
    )

    # a commune's demo articles share categories: each shows 'Tin khác' from its own categories, and all but
    # the oldest 'Tin đã đưa'
    for unit in Unit.objects.filter(slug__in=["phuoc-hau", "an-hai"]):
        articles = (
            NewsArticlePage.objects.live().descendant_of(unit.site.root_page).order_by("published_date")
        )
        for position, article in enumerate(articles):
            response = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=unit.site.hostname)
            other_news = response.context["other_news"]
            assert other_news, (unit.slug, article.slug)
            own = set(article.categories.values_list("pk", flat=True))
            for item in other_news:
                assert own & set(item.categories.values_list("pk", flat=True)), (article.slug, item.slug)
            assert "Tin khác" in response.content.decode()
            assert bool(response.context["earlier_news"]) == (position > 0), (unit.slug, article.slug)

    # the sections the law requires (issue #19) are there and filled on every unit's site
    updating = gettext_in_vi("This content is being updated.")
    for unit in Unit.objects.select_related("site"):
        host = unit.site.hostname
        for path in [
            "/gioi-thieu/",
            "/gioi-thieu/co-cau-to-chuc/",
            "/gioi-thieu/chuc-nang-nhiem-vu/",
            "/gioi-thieu/dieu-kien-tu-nhien/",
            "/gioi-thieu/lich-su-van-hoa/",
            "/gioi-thieu/ban-do-hanh-chinh/",
            "/gioi-thieu/lien-he/",
        ]:
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200, (host, path)
            assert updating not in response.content.decode(), (host, path)
        leaders = client.get("/gioi-thieu/lanh-dao/", HTTP_HOST=host)
        assert leaders.content.decode().count('class="leader"') >= 3, host
        procedures = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=host)
        assert procedures.status_code == 200 and procedures.context["total"] >= 6, host
        access = client.get("/tiep-can-thong-tin/", HTTP_HOST=host)
        assert access.status_code == 200, host
        page = access.context["page"]
        assert page.focal_name and page.focal_email and page.request_form and page.consent_form, host
        assert PageRating.objects.filter(unit=unit).exists(), host
        # answered questions and one waiting, the leaders' schedule for this week and next (issue #20)
        answers = client.get("/hoi-dap/", HTTP_HOST=host)
        assert (
            answers.status_code == 200 and answers.content.decode().count('class="questions__item"') >= 3
        ), host
        assert Question.objects.filter(unit=unit, status=Question.Status.RECEIVED).exists(), host
        today = timezone.localdate()
        for week_start in (
            today - timedelta(days=today.weekday()),
            today + timedelta(days=7 - today.weekday()),
        ):
            week = (
                WeekSchedulePage.objects.live()
                .child_of(ScheduleIndexPage.objects.get(path__startswith=unit.site.root_page.path))
                .filter(week_start=week_start)
                .first()
            )
            assert week is not None and week.entries.count() >= 5, (host, week_start)
        schedule = client.get("/lich-cong-tac/", HTTP_HOST=host)
        assert schedule.status_code == 200, host

    # the district's organisation and contacts in English (what the decree on portals asked in English)
    english = [("/en/gioi-thieu/", "Introduction"), ("/en/gioi-thieu/lien-he/", "Contact information")]
    for path, title in english:
        response = client.get(path, HTTP_HOST="localhost")
        assert response.status_code == 200 and f"<h1>{title}</h1>" in response.content.decode(), path

    before = counts()
    call_command("seed_demo", "--port", "80")
    assert counts() == before
    assert "(0 new)" in capsys.readouterr().out


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_seed_demo_refuses_without_debug_unless_forced():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert Unit.objects.count() == 0

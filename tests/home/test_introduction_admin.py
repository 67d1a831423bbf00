"""Issue #19 §1: the introduction pages in the admin: confined to their unit, translatable, disclosed."""

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

import pytest

from home.registry import disclosure_items
from tests.factories.introduction import contact_page, introduction, leader, map_page, publish, standard_page


@pytest.mark.django_db
def test_editor_of_a_cannot_edit_bs_introduction_pages(client, commune_a, commune_b, editor_a):
    client.force_login(editor_a)
    for page in (
        introduction(commune_b),
        standard_page(commune_b),
        contact_page(commune_b),
        map_page(commune_b),
    ):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403, 404), page.slug
        response = client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Sửa lén", "slug": page.slug})
        assert response.status_code in (302, 403, 404)
        page.refresh_from_db()
        assert page.title != "Sửa lén"
    for page in (introduction(commune_a), contact_page(commune_a), map_page(commune_a)):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_editor_edits_own_contact_page_and_sees_validation_messages(client, commune_a, editor_a):
    from home.validators import PHONE_MESSAGE

    client.force_login(editor_a)
    page = contact_page(commune_a)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    form = response.context["form"]
    data = {name: form[name].value() or "" for name in form.fields if not name.startswith("body")}
    data.update(
        {
            "title": page.title,
            "slug": page.slug,
            "phone": "số máy bàn",
            "body-count": "0",
            "review_by": "2027-12-31",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == [str(PHONE_MESSAGE)]
    data["phone"] = "0259 3864 123"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.phone == "0259 3864 123" and str(latest.review_by) == "2027-12-31"


@pytest.mark.django_db
def test_only_one_introduction_per_home(commune_a):
    from home.models import IntroductionPage

    assert not IntroductionPage.can_create_at(commune_a.site.root_page.specific)


@pytest.mark.django_db
def test_an_english_tree_translates_the_introduction(client, commune_a):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = commune_a.site.root_page
    translate_object(home.specific, [english])
    publish(home.get_translation(english).specific)
    intro = introduction(commune_a)
    translate_object(intro, [english])
    translated = intro.get_translation(english).specific
    translated.title = "Introduction"
    publish(translated)
    page = contact_page(commune_a)
    page.spokesperson_name = "Trần Văn Bình"
    publish(page)
    translate_object(page, [english])
    contact_en = page.get_translation(english).specific
    contact_en.title = "Contact us"
    publish(contact_en)
    response = client.get("/en/gioi-thieu/", HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html and "<h1>Introduction</h1>" in html and "Contact us" in html
    response = client.get("/en/gioi-thieu/lien-he/", HTTP_HOST=commune_a.site.hostname)
    assert response.status_code == 200 and "Trần Văn Bình" in response.content.decode()


@pytest.mark.django_db
def test_disclosure_items(rf, commune_a, commune_b):
    leader(commune_a, "Bà Bí thư", "Bí thư Đảng ủy xã")
    leader(commune_a, "Ông Ẩn", "Chủ tịch UBND xã", shown=False)
    page = contact_page(commune_a)
    page.spokesperson_name = "Trần Văn Bình"
    publish(page)
    request = rf.get("/", HTTP_HOST=commune_a.site.hostname)
    items = {item.key: item for item in disclosure_items(unit=commune_a, request=request)}
    intro = items["introduction"]
    assert intro.url.endswith("/gioi-thieu/") and intro.count == 4 and intro.last_published is not None
    assert "Article 17" in str(intro.legal_basis)
    leaders = items["leaders"]
    assert (
        leaders.url.endswith("/gioi-thieu/lanh-dao/") and leaders.count == 2
    )  # a leader and the spokesperson
    assert leaders.last_published == contact_page(commune_a).last_published_at
    # a unit whose leaders are not listed and whose introduction was removed
    introduction(commune_b).delete()
    items = {item.key: item for item in disclosure_items(unit=commune_b, request=request)}
    assert items["introduction"].count == 0 and items["introduction"].url is None
    assert items["leaders"].count == 0 and items["leaders"].url is None

"""The demo fills every unit's introduction and leaders (issue #19 §1, §2, §7), and running it twice changes
nothing."""

import pytest

from home.demo import fill_introduction
from news.demo_leaders import fill_leaders
from news.taxonomy import Official
from tests.factories.introduction import contact_page, introduction, map_page, organisation_page

PATHS = [
    "/gioi-thieu/",
    "/gioi-thieu/co-cau-to-chuc/",
    "/gioi-thieu/chuc-nang-nhiem-vu/",
    "/gioi-thieu/dieu-kien-tu-nhien/",
    "/gioi-thieu/lich-su-van-hoa/",
    "/gioi-thieu/ban-do-hanh-chinh/",
    "/gioi-thieu/lien-he/",
    "/gioi-thieu/lanh-dao/",
]


@pytest.mark.django_db
def test_demo_fills_every_page_and_is_idempotent(client, district, commune_a):
    Official.objects.create(unit=commune_a, name="Phạm Văn Dũng", position="Bí thư Đảng ủy xã Phước Hậu")
    for unit, is_top in ((district, True), (commune_a, False)):
        fill_introduction(unit, is_top=is_top)
        fill_leaders(unit, is_top=is_top)
    revisions = {page.pk: page.latest_revision_id for page in introduction(commune_a).get_descendants()}
    leaders = list(Official.objects.filter(unit=commune_a).values_list("pk", "sort_order", "office_email"))
    fill_introduction(commune_a, is_top=False)
    fill_leaders(commune_a, is_top=False)
    assert {
        page.pk: page.latest_revision_id for page in introduction(commune_a).get_descendants()
    } == revisions
    assert (
        list(Official.objects.filter(unit=commune_a).values_list("pk", "sort_order", "office_email"))
        == leaders
    )

    assert 4 <= len(leaders) <= 6
    assert all(
        official.shown_publicly and official.photo_id for official in Official.objects.filter(unit=commune_a)
    )
    assert map_page(commune_a).image.file and map_page(commune_a).image_alt and map_page(commune_a).map_file
    assert organisation_page(commune_a).chart_text
    contact = contact_page(commune_a)
    assert contact.spokesperson_name and contact.spokesperson_phone and contact.email
    for unit in (district, commune_a):
        for path in PATHS:
            response = client.get(path, HTTP_HOST=unit.site.hostname)
            html = response.content.decode()
            assert response.status_code == 200 and "content-updating" not in html, (unit.slug, path)
    html = client.get("/gioi-thieu/lanh-dao/", HTTP_HOST=commune_a.site.hostname).content.decode()
    assert html.index("Phạm Văn Dũng") < html.index("Đỗ Thị Mai") < html.index("Huỳnh Văn Phúc")

"""Issue #19 §2: the unit's leaders at /gioi-thieu/lanh-dao/, from the officials' public profiles."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.selectors import units_without_public_leaders
from news.taxonomy import OTHER_POSITION_RANK, Official, rank_for_position
from tests.factories import make_image, publish_article
from tests.factories.introduction import leader, leaders_page


def get(client, unit, path):
    return client.get(path, HTTP_HOST=unit.site.hostname)


@pytest.mark.parametrize(
    ("position", "rank"),
    [
        ("Bí thư Đảng ủy xã", 10),
        ("Phó Bí thư Thường trực Huyện ủy", 20),
        ("Phó Bí thư Đảng ủy", 30),
        ("Chủ tịch HĐND xã", 40),
        ("Chủ tịch Hội đồng nhân dân huyện", 40),
        ("Chủ tịch UBND xã", 50),
        ("Chủ tịch Uỷ ban nhân dân huyện", 50),
        ("Phó Chủ tịch HĐND", 60),
        ("Phó Chủ tịch UBND xã", 70),
        ("Chủ tịch Ủy ban MTTQ Việt Nam xã", 80),
        ("Trưởng Công an xã", OTHER_POSITION_RANK),
    ],
)
def test_rank_of_positions(position, rank):
    assert rank_for_position(position) == rank


@pytest.mark.django_db
def test_listing_is_ordered_by_position_and_hides_the_hidden_and_those_who_left(client, commune_a):
    leader(commune_a, "Ông Chủ tịch", "Chủ tịch UBND xã", term="2021–2026", office_phone="0259 3864 123")
    leader(commune_a, "Bà Bí thư", "Bí thư Đảng ủy xã", office_email="bithu@phuochau.gov.vn")
    leader(commune_a, "Ông Phó Chủ tịch", "Phó Chủ tịch UBND xã")
    leader(commune_a, "Ông Ẩn", "Phó Chủ tịch HĐND xã", shown=False)
    gone = leader(commune_a, "Ông Nghỉ hưu", "Phó Bí thư Đảng ủy", active=False)
    article = publish_article(commune_a, officials=[gone])
    html = get(client, commune_a, "/gioi-thieu/lanh-dao/").content.decode()
    names = ["Bà Bí thư", "Ông Chủ tịch", "Ông Phó Chủ tịch"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Ông Ẩn" not in html and "Ông Nghỉ hưu" not in html
    assert 'href="tel:02593864123"' in html and 'href="mailto:bithu@phuochau.gov.vn"' in html
    assert "2021–2026" in html
    # who left keeps their articles
    assert list(article.officials.all()) == [gone]


@pytest.mark.django_db
def test_editors_order_wins_over_the_rank(client, commune_a):
    leader(commune_a, "Bà Bí thư", "Bí thư Đảng ủy xã")
    leader(commune_a, "Ông Trưởng Công an", "Trưởng Công an xã", sort_order=1)
    html = get(client, commune_a, "/gioi-thieu/lanh-dao/").content.decode()
    assert html.index("Ông Trưởng Công an") < html.index("Bà Bí thư")


@pytest.mark.django_db
def test_leader_detail_and_404s(client, commune_a, commune_b):
    photo = make_image(commune_a.collection, title="Chân dung", description="")
    own = leader(
        commune_a,
        "Bà Bí thư",
        "Bí thư Đảng ủy xã",
        biography="Sinh năm 1975 tại Phước Hậu.",
        photo=photo,
        photo_alt="Ảnh chân dung bà Bí thư",
        consent_recorded=True,
    )
    hidden = leader(commune_a, "Ông Ẩn", "Phó Chủ tịch", shown=False)
    gone = leader(commune_a, "Ông Nghỉ", "Phó Chủ tịch", active=False)
    other = leader(commune_b, "Ông An Hải", "Chủ tịch UBND xã")
    response = get(client, commune_a, f"/gioi-thieu/lanh-dao/{own.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sinh năm 1975 tại Phước Hậu." in html and 'alt="Ảnh chân dung bà Bí thư"' in html
    for official in (hidden, gone, other):
        assert get(client, commune_a, f"/gioi-thieu/lanh-dao/{official.pk}/").status_code == 404
    assert get(client, commune_b, f"/gioi-thieu/lanh-dao/{other.pk}/").status_code == 200
    for bad in ("abc/", "99999999999999999999/", "0/", "-1/"):
        assert get(client, commune_a, f"/gioi-thieu/lanh-dao/{bad}").status_code == 404


@pytest.mark.django_db
def test_biography_is_not_on_the_listing_but_linked(client, commune_a):
    official = leader(commune_a, "Bà Bí thư", "Bí thư Đảng ủy xã", biography="Tiểu sử dài.")
    html = get(client, commune_a, "/gioi-thieu/lanh-dao/").content.decode()
    assert "Tiểu sử dài." not in html and f'href="/gioi-thieu/lanh-dao/{official.pk}/"' in html


@pytest.mark.django_db
def test_photo_and_biography_only_with_recorded_consent(client, commune_a):
    photo = make_image(commune_a.collection, title="Chân dung")
    official = leader(
        commune_a,
        "Bà Bí thư",
        "Bí thư Đảng ủy xã",
        department="Đảng ủy xã Phước Hậu",
        office_fax="0259 3864 999",
        biography="Sinh năm 1975.",
        photo=photo,
        photo_alt="Ảnh bà Bí thư",
    )
    for path in ("/gioi-thieu/lanh-dao/", f"/gioi-thieu/lanh-dao/{official.pk}/"):
        html = get(client, commune_a, path).content.decode()
        assert "Ảnh bà Bí thư" not in html and "Sinh năm 1975." not in html
        assert "Đảng ủy xã Phước Hậu" in html and "0259 3864 999" in html  # official-role data
    official.consent_recorded = True
    official.save()
    html = get(client, commune_a, f"/gioi-thieu/lanh-dao/{official.pk}/").content.decode()
    assert 'alt="Ảnh bà Bí thư"' in html and "Sinh năm 1975." in html


def add_leaders(unit, count):
    photo = make_image(unit.collection, title="Chân dung")
    Official.objects.bulk_create(
        Official(
            unit=unit,
            name=f"Lãnh đạo {i}",
            position="Phó Chủ tịch UBND",
            sort_order=i + 1,
            shown_publicly=True,
            photo=photo if i % 2 else None,
            photo_alt="Chân dung",
            consent_recorded=True,
            office_phone="0259 3864 123",
        )
        for i in range(count)
    )


def queries(client, unit, path):
    get(client, unit, path)  # warm: renditions made, per-process caches filled
    with CaptureQueriesContext(connection) as captured:
        response = get(client, unit, path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_query_budget_is_the_same_for_10_and_200_leaders(client, commune_a, commune_b, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    add_leaders(commune_a, 10)
    add_leaders(commune_b, 200)
    small = queries(client, commune_a, "/gioi-thieu/lanh-dao/")
    large = queries(client, commune_b, "/gioi-thieu/lanh-dao/")
    assert small == large <= 8, (small, large)
    one_a = Official.objects.filter(unit=commune_a).last()
    one_b = Official.objects.filter(unit=commune_b).last()
    assert queries(client, commune_a, f"/gioi-thieu/lanh-dao/{one_a.pk}/") == queries(
        client, commune_b, f"/gioi-thieu/lanh-dao/{one_b.pk}/"
    )


@pytest.mark.django_db
def test_the_listing_follows_profile_changes_through_the_page_cache(client, commune_a):
    official = leader(commune_a, "Bà Bí thư", "Bí thư Đảng ủy xã")
    assert "Bà Bí thư" in get(client, commune_a, "/gioi-thieu/lanh-dao/").content.decode()
    official.shown_publicly = False
    official.save()
    assert "Bà Bí thư" not in get(client, commune_a, "/gioi-thieu/lanh-dao/").content.decode()


@pytest.mark.django_db
def test_units_without_public_leaders(district, commune_a, commune_b):
    leader(commune_a, "Bà Bí thư", "Bí thư Đảng ủy xã")
    leader(commune_b, "Ông Ẩn", "Chủ tịch UBND xã", shown=False)
    leader(commune_b, "Ông Nghỉ", "Bí thư Đảng ủy xã", active=False)
    leader(district, "Ông Huyện", "Bí thư Huyện ủy")
    assert units_without_public_leaders([district, commune_a, commune_b]) == [commune_b]
    assert units_without_public_leaders([]) == []


@pytest.mark.django_db
def test_provisioned_leaders_page(commune_a):
    page = leaders_page(commune_a)
    assert page.slug == "lanh-dao" and page.get_parent().slug == "gioi-thieu" and page.review_by

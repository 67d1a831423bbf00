"""Listings page through Django's paginator; any bad ``?page=`` is the first page, never an error."""

from django.test import RequestFactory

import pytest

from home.pagination import paginate

ITEMS = list(range(25))


@pytest.mark.parametrize("value", ["abc", "0", "-3", "99", "1e400", "99999999999999999999", "", "%00"])
def test_a_bad_page_number_is_the_first_page(value):
    page = paginate(RequestFactory().get("/", {"page": value}), ITEMS, 10)
    assert page.number == 1 and list(page.object_list) == ITEMS[:10]


def test_a_good_page_number_is_served():
    page = paginate(RequestFactory().get("/", {"page": "3"}), ITEMS, 10)
    assert page.number == 3 and list(page.object_list) == ITEMS[20:]


def test_an_empty_listing_has_an_empty_first_page():
    page = paginate(RequestFactory().get("/", {"page": "2"}), [], 10)
    assert page.number == 1 and not page.object_list

"""A merged unit's hostname never answers a server error: its site has no unit in service, so whatever the
fallback redirect does not cover (the admin, files, malformed requests) must still render without one."""

import pytest

from restructuring.merge import apply_merge
from tests.factories.restructuring import three_communes

pytestmark = pytest.mark.django_db

MERGE = {
    "sources": ["phuoc-hau", "phuoc-thai", "phuoc-son"],
    "name": "Xã Phước Hậu",
    "slug": "phuoc-hau-moi",
    "hostname": "phuoc-hau-moi.localhost",
    "parent": "ninh-phuoc",
}
OLD = "phuoc-thai.localhost"


@pytest.fixture
def merged(district):
    communes = three_communes(district)
    apply_merge(**MERGE)
    return communes


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/?q=%00", {400}),  # malformed: refused before any view, with the error page rendered unit-less
        ("/tin-tuc/?page=%00", {400}),
        ("/documents/999999/khong-co.pdf", {404}),  # files are not redirected: a plain 404 page
        ("/sitemap.xml", {301}),
        ("/tin-tuc/rss/", {301}),
        ("/tim-kiem/?q=%ff%fe&page=-1", {301}),
        ("/%ff/%fe/", {301}),
        ("/admin/", {302}),  # the admin stays on its own host (sign-in first)
    ],
)
def test_odd_requests_to_a_merged_units_host_never_fail(merged, client, path, expected):
    response = client.get(path, HTTP_HOST=OLD)
    assert response.status_code in expected, (path, response.status_code)
    if response.status_code == 301:
        assert response["Location"].startswith("http://phuoc-hau-moi.localhost")


def test_the_board_can_use_the_admin_on_a_merged_units_host(merged, client, board_member):
    client.force_login(board_member)
    response = client.get("/admin/", HTTP_HOST=OLD)
    assert response.status_code == 200
    assert client.get("/admin/pages/", HTTP_HOST=OLD).status_code in (200, 302)

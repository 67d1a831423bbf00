"""FormerHostnameMiddleware (sites/middleware.py): a hostname a unit used before a rename answers a permanent
redirect to the same path and query on the unit's current site, for every method and path (the admin too),
without a query per request and whatever ALLOWED_HOSTS says about the old name."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from restructuring.rename import apply_rename
from sites.models import FormerHostname
from tests.factories import make_unit, publish_article

pytestmark = pytest.mark.django_db

MIDDLEWARE = "sites.middleware.FormerHostnameMiddleware"
OLD, NEW = "phuoc-hau.localhost", "phuoc-hau-moi.localhost"


@pytest.fixture(autouse=True)
def _first_in_middleware(settings):
    """Where requests21.md asks for it: first, before the security middleware and the page cache."""
    if MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [MIDDLEWARE, *settings.MIDDLEWARE]


@pytest.fixture
def renamed(commune_a):
    article = publish_article(commune_a, title="Tin cũ vẫn đọc được")
    apply_rename(unit="phuoc-hau", hostname=NEW)
    article.refresh_from_db()
    return article


def test_a_page_on_the_old_hostname_redirects_with_its_path_and_query(client, renamed):
    path = renamed.get_url_parts()[2]
    response = client.get(f"{path}?trang=2&q=%C4%91", HTTP_HOST=OLD)
    assert response.status_code == 301
    assert response["Location"] == f"http://{NEW}{path}?trang=2&q=%C4%91"
    followed = client.get(path, HTTP_HOST=NEW)
    assert followed.status_code == 200 and "Tin cũ vẫn đọc được" in followed.content.decode()


def test_any_path_and_the_port_of_the_request_redirect(client, renamed):
    assert client.get("/", HTTP_HOST=OLD)["Location"] == f"http://{NEW}/"
    assert client.get("/khong-co/", HTTP_HOST=f"{OLD}:8000")["Location"] == f"http://{NEW}/khong-co/"
    admin = client.get("/admin/pages/", HTTP_HOST=OLD)
    assert (admin.status_code, admin["Location"]) == (301, f"http://{NEW}/admin/pages/")
    head = client.head("/tin-tuc/", HTTP_HOST=OLD.upper())
    assert (head.status_code, head["Location"]) == (301, f"http://{NEW}/tin-tuc/")


def test_other_methods_get_a_308_that_keeps_the_method(client, renamed):
    response = client.post("/gop-y/?x=1", {"body": "..."}, HTTP_HOST=OLD)
    assert response.status_code == 308
    assert response["Location"] == f"http://{NEW}/gop-y/?x=1"


def test_the_scheme_and_the_new_port_are_kept(client, renamed, commune_a):
    assert client.get("/", HTTP_HOST=OLD, secure=True)["Location"] == f"https://{NEW}/"
    apply_rename(unit="phuoc-hau", port=8000)
    assert client.get("/a/", HTTP_HOST=OLD)["Location"] == f"http://{NEW}:8000/a/"


def test_an_old_hostname_left_out_of_allowed_hosts_still_redirects(client, settings, district):
    make_unit("phuoc-hau", parent=district, hostname="phuochau.ninhphuoc.gov.vn")
    apply_rename(unit="phuoc-hau", hostname=NEW)
    settings.ALLOWED_HOSTS = [".localhost"]
    response = client.get("/tin-tuc/", HTTP_HOST="phuochau.ninhphuoc.gov.vn")
    assert (response.status_code, response["Location"]) == (301, f"http://{NEW}/tin-tuc/")
    # any other name outside ALLOWED_HOSTS is still refused by Django
    assert client.get("/", HTTP_HOST="khac.example.org").status_code == 400


def test_a_former_hostname_taken_back_no_longer_redirects(client, renamed):
    assert client.get("/", HTTP_HOST=OLD).status_code == 301
    apply_rename(unit="phuoc-hau", hostname=OLD)
    assert client.get("/", HTTP_HOST=OLD).status_code == 200
    assert client.get("/", HTTP_HOST=NEW)["Location"] == f"http://{OLD}/"


def test_every_former_hostname_follows_the_unit(client, renamed):
    apply_rename(unit="phuoc-hau", hostname="phuoc-hau-2026.localhost")
    assert set(FormerHostname.objects.values_list("hostname", flat=True)) == {OLD, NEW}
    assert client.get("/", HTTP_HOST=OLD)["Location"] == "http://phuoc-hau-2026.localhost/"
    assert client.get("/", HTTP_HOST=NEW)["Location"] == "http://phuoc-hau-2026.localhost/"


def test_a_normal_request_costs_no_query(renamed, django_assert_num_queries):
    path = renamed.get_url_parts()[2]
    visitor = Client()
    assert visitor.get(path, HTTP_HOST=NEW)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        hit = visitor.get(path, HTTP_HOST=NEW)
    assert hit.status_code == 200 and hit["X-Page-Cache"] == "hit"
    with django_assert_num_queries(1):  # the first redirect reads where the unit answers now
        assert visitor.get(path, HTTP_HOST=OLD).status_code == 301
    with django_assert_num_queries(0):  # then it is known too
        assert visitor.get(path, HTTP_HOST=OLD).status_code == 301


def test_a_new_site_costs_the_redirect_map_no_query(renamed, district, django_assert_num_queries):
    """Creating a unit (its site) replaces the tokens of everything, not the map of former hostnames: the next
    request on any host still reads no former hostname."""
    visitor = Client()
    visitor.get("/", HTTP_HOST=NEW)
    make_unit("xa-moi-lap", parent=district, name="Xã mới lập")
    with CaptureQueriesContext(connection) as captured:
        visitor.get("/", HTTP_HOST=NEW)
    assert not [q for q in captured.captured_queries if "portal_sites_formerhostname" in q["sql"]]


def test_the_former_hostnames_are_read_once_per_generation(renamed, django_assert_num_queries):
    visitor = Client()
    visitor.get("/", HTTP_HOST=OLD)
    with django_assert_num_queries(0):
        visitor.get("/a/", HTTP_HOST=OLD)
        visitor.get("/b/", HTTP_HOST=OLD)

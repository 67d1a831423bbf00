"""Response headers (Content-Security-Policy, Permissions-Policy) and absolute URLs that never come from the
Host header (robots.txt, feeds, sitemap, article metadata)."""

import re

from django.test import Client, override_settings
from django.urls import path

import pytest
from defusedxml import ElementTree as ET

from tests.factories import make_image, publish_article

COMMUNE = "phuoc-hau.localhost"
NONCE_RE = re.compile(r"'nonce-([^']+)'")
SCRIPT_TAG_RE = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER_RE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE_RE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def article(commune_a):
    image = make_image(commune_a.collection, title="Ảnh tin")
    return publish_article(commune_a, title="Hội nghị tổng kết", featured_image=image)


def public_pages(article):
    return ["/", "/tin-tuc/", f"/tin-tuc/{article.slug}/", "/van-ban/", "/tim-kiem/?q=hoi+nghi", "/khong-co/"]


def test_public_pages_carry_the_strict_policy_and_permissions_policy(client, article):
    for url in public_pages(article):
        response = client.get(url, HTTP_HOST=COMMUNE)
        assert response.status_code in (200, 404), url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'self'"], url
        assert policy["img-src"] == ["'self'", "data:"], url
        for name in ("script-src", "style-src"):
            assert policy[name][0] == "'self'", url
            assert "'unsafe-inline'" not in policy[name] and "'unsafe-eval'" not in policy[name], url
        permissions = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in permissions, url


def test_inline_scripts_carry_the_nonce_of_their_response(client, article):
    """Every inline script of a public page has this response's nonce; no inline handler or style attribute
    (the strict policy would block them)."""
    seen = set()
    for url in public_pages(article):
        response = client.get(url, HTTP_HOST=COMMUNE)
        html = response.content.decode()
        nonces = {name: NONCE_RE.findall(" ".join(values)) for name, values in directives(response).items()}
        for attributes in SCRIPT_TAG_RE.findall(html):
            kind = re.search(r'type="([^"]+)"', attributes)
            if "src=" in attributes or (kind and "javascript" not in kind[1] and kind[1] != "module"):
                continue  # a file (script-src 'self'), or data the browser does not run (JSON-LD)
            assert nonces["script-src"], url
            assert f'nonce="{nonces["script-src"][0]}"' in attributes, url
        assert not EVENT_HANDLER_RE.search(html), url
        assert not STYLE_ATTRIBUTE_RE.search(html), url
        seen.update(nonces.get("script-src", []))
    # The print button is wired by a file of ours, so the article needs no nonce and its cached copy
    # (sites/page_cache.py) replays none: a nonce is only worth anything when it is new for each response.
    for _ in range(2):
        response = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST=COMMUNE)
        html = response.content.decode()
        assert 'id="print-button"' in html
        assert 'src="/static/portal/js/print.js"' in html and "{#" not in html and "{% " not in html
        assert not NONCE_RE.findall(response["Content-Security-Policy"])
    assert response["X-Page-Cache"] == "hit"


def test_the_admin_has_its_own_policy(article, editor_a):
    client = Client()
    client.force_login(editor_a)
    response = client.get("/admin/", HTTP_HOST="localhost")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert "blob:" in policy["img-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "nonce" not in response["Content-Security-Policy"]  # it would disable 'unsafe-inline'
    assert "camera=()" in response["Permissions-Policy"]
    # the login page too, before anyone signs in
    assert "'unsafe-inline'" in directives(Client().get("/admin/login/"))["script-src"]


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", broken_view)]
handler500 = "portal.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_the_500_page_style_carries_the_nonce(db):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    nonce = NONCE_RE.findall(" ".join(directives(response)["style-src"]))
    assert nonce
    assert f'<style nonce="{nonce[0]}">' in response.content.decode()


# --- Hosts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("evil.localhost", "http://localhost/sitemap.xml"),  # matches ALLOWED_HOSTS, no unit's: the default
        ("phuoc-hau.localhost", "http://phuoc-hau.localhost/sitemap.xml"),
        ("phuoc-hau.localhost:8443", "http://phuoc-hau.localhost/sitemap.xml"),
    ],
)
def test_robots_txt_names_the_configured_site(client, commune_a, host, expected):
    response = client.get("/robots.txt", HTTP_HOST=host)
    assert response.status_code == 200
    assert f"Sitemap: {expected}\n" in response.content.decode()
    assert "evil" not in response.content.decode() and "8443" not in response.content.decode()


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("host", ["phuoc-hau.localhost:8443", "evil.localhost"])
def test_feeds_never_echo_the_host_header(client, article, district, kind, host):
    publish_article(district, title="Tin huyện")
    for path_ in (f"/tin-tuc/{kind}/", f"/tin-tuc/kinh-te-xa-hoi/{kind}/"):
        response = client.get(path_, HTTP_HOST=host)
        if response.status_code == 404:  # the category of the commune's test only
            continue
        body = response.content.decode()
        assert response.status_code == 200, path_
        assert "evil" not in body and "8443" not in body, path_
        ET.fromstring(response.content)
    root = "http://localhost" if host.startswith("evil") else "http://phuoc-hau.localhost"
    response = client.get(f"/tin-tuc/{kind}/", HTTP_HOST=host)
    assert f"{root}/tin-tuc/{kind}/" in response.content.decode()  # the feed's own address


@pytest.mark.parametrize("host", ["phuoc-hau.localhost:8443", "evil.localhost"])
def test_sitemap_and_article_metadata_never_echo_the_host_header(client, article, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).iter() if loc.tag.endswith("loc")]
    assert locations
    assert all(not ("evil" in loc or "8443" in loc) for loc in locations)
    detail = client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST="phuoc-hau.localhost:8443")
    html = detail.content.decode()
    assert 'property="og:image" content="http://phuoc-hau.localhost/' in html
    assert "8443" not in html

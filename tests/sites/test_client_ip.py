"""The client's address for every limiter (sites/client_ip.py): forwarding headers only from trusted
proxies, never an error, IPv6 by /64; and the public search keyed on it behind a proxy."""

from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory, override_settings

import pytest

from sites.client_ip import UNKNOWN, client_ip

PROXY = "10.0.0.2"
BEHIND_PROXY = override_settings(
    PORTAL_TRUSTED_PROXIES=["10.0.0.0/29", "fd00::/64"], PORTAL_CLIENT_IP_HEADER="HTTP_X_REAL_IP"
)
FORWARDED_FOR = override_settings(
    PORTAL_TRUSTED_PROXIES=["10.0.0.2", "10.0.0.3"], PORTAL_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR"
)


def address(remote=PROXY, **headers):
    request = RequestFactory().get("/", **headers)
    if remote is None:
        del request.META["REMOTE_ADDR"]
    else:
        request.META["REMOTE_ADDR"] = remote
    return client_ip(request)


def test_every_limiter_of_django_ratelimit_uses_it():
    assert settings.RATELIMIT_IP_META_KEY == "sites.client_ip.client_ip"


@override_settings(PORTAL_TRUSTED_PROXIES=[])
def test_no_trusted_proxy_the_header_is_ignored():
    assert (
        address("203.0.113.9", HTTP_X_REAL_IP="198.51.100.1", HTTP_X_FORWARDED_FOR="1.1.1.1") == "203.0.113.9"
    )


@BEHIND_PROXY
def test_the_header_is_believed_from_a_trusted_proxy_only():
    assert address(PROXY, HTTP_X_REAL_IP="198.51.100.1") == "198.51.100.1"
    assert address("203.0.113.9", HTTP_X_REAL_IP="198.51.100.1") == "203.0.113.9"  # a visitor's own header
    assert address(PROXY) == PROXY  # the proxy sent none: all its visitors share its address


@FORWARDED_FOR
def test_x_forwarded_for_is_read_from_the_right():
    # the visitor wrote "6.6.6.6"; our two proxies appended the real client and themselves
    assert address(PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1, 10.0.0.3") == "198.51.100.1"
    assert address(PROXY, HTTP_X_FORWARDED_FOR="10.0.0.3") == "10.0.0.3"  # only proxies: the nearest one


@BEHIND_PROXY
@pytest.mark.parametrize(
    "value",
    [
        "",
        " ",
        "unknown",
        "not-an-ip",
        "999.1.1.1",
        "1.2.3.4:5678",
        "[::1]",
        ",,,",
        "1.2.3.4, x",
        "\x00",
        "é" * 500,
    ],
)
def test_bad_headers_never_fail(value):
    assert address(PROXY, HTTP_X_REAL_IP=value) == PROXY  # nothing believable: the proxy's own


@pytest.mark.parametrize("remote", [None, "", "garbage", "unix:/run/gunicorn.sock"])
def test_no_usable_socket_address(remote):
    assert address(remote, HTTP_X_REAL_IP="198.51.100.1") == UNKNOWN


@BEHIND_PROXY
def test_ipv6_by_64_network_and_mapped_ipv4():
    assert address("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::"
    assert address("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::"  # one phone rotating within its /64
    assert address("2001:db8:1:3::1") == "2001:db8:1:3::"
    assert address("fd00::5", HTTP_X_REAL_IP="2001:db8:9:9::1") == "2001:db8:9:9::"  # IPv6 proxy
    assert address("::ffff:10.0.0.2", HTTP_X_REAL_IP="198.51.100.1") == "198.51.100.1"  # dual-stack socket
    assert address("fe80::1%eth0") == "fe80::"


@override_settings(
    PORTAL_TRUSTED_PROXIES="10.0.0.2, bad, 10.0.1.0/24", PORTAL_CLIENT_IP_HEADER="HTTP_X_REAL_IP"
)
def test_trusted_proxies_written_as_one_string_and_bad_entries():
    assert address("10.0.1.7", HTTP_X_REAL_IP="198.51.100.1") == "198.51.100.1"
    assert address(PROXY, HTTP_X_REAL_IP="198.51.100.2") == "198.51.100.2"


# --- the public search, behind a proxy --------------------------------------------------------------


def search(client, remote, **headers):
    return client.get(
        "/tim-kiem/", {"q": "phuoc"}, HTTP_HOST="phuoc-hau.localhost", REMOTE_ADDR=remote, **headers
    )


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@override_settings(PORTAL_TRUSTED_PROXIES=[], PORTAL_CLIENT_IP_HEADER="HTTP_X_REAL_IP")
@pytest.mark.parametrize(
    "headers", [{}, {"HTTP_X_REAL_IP": "garbage"}, {"HTTP_X_REAL_IP": "1.2.3.4, 5.6.7.8"}]
)
def test_search_never_answers_500_whatever_the_header(client, commune_a, fresh_cache, headers):
    assert search(client, "203.0.113.5", **headers).status_code == 200


@BEHIND_PROXY
@pytest.mark.parametrize(
    "headers", [{}, {"HTTP_X_REAL_IP": "garbage"}, {"HTTP_X_REAL_IP": "1.2.3.4, 5.6.7.8"}]
)
def test_search_behind_the_proxy_never_answers_500(client, commune_a, fresh_cache, headers):
    assert search(client, PROXY, **headers).status_code == 200


@override_settings(
    PORTAL_SEARCH_RATE="3/h", PORTAL_TRUSTED_PROXIES=[], PORTAL_CLIENT_IP_HEADER="HTTP_X_REAL_IP"
)
def test_rotating_the_header_does_not_bypass_the_limit(client, commune_a, fresh_cache):
    statuses = [search(client, "203.0.113.5", HTTP_X_REAL_IP=f"198.51.100.{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


@BEHIND_PROXY
@override_settings(PORTAL_SEARCH_RATE="3/h")
def test_clients_behind_one_proxy_are_limited_separately(client, commune_a, fresh_cache):
    first = [search(client, PROXY, HTTP_X_REAL_IP="198.51.100.1").status_code for _ in range(4)]
    assert first == [200, 200, 200, 429]
    assert search(client, PROXY, HTTP_X_REAL_IP="198.51.100.2").status_code == 200
    # and a visitor reaching the server directly cannot pose as one of them
    assert search(client, "203.0.113.5", HTTP_X_REAL_IP="198.51.100.2").status_code == 200
    assert search(client, PROXY, HTTP_X_REAL_IP="198.51.100.2").status_code == 200


@override_settings(PORTAL_SEARCH_RATE="3/h", PORTAL_TRUSTED_PROXIES=[])
def test_ipv6_addresses_of_one_network_share_the_limit(client, commune_a, fresh_cache):
    statuses = [search(client, f"2001:db8:1:2::{n}").status_code for n in range(1, 5)]
    assert statuses == [200, 200, 200, 429]
    assert search(client, "2001:db8:1:3::1").status_code == 200


def test_settings_from_the_environment_old_variable_included():
    from tests.portal.test_settings import run_manage

    code = "from django.conf import settings as s; print(s.PORTAL_CLIENT_IP_HEADER, s.PORTAL_TRUSTED_PROXIES)"
    result = run_manage(
        "shell",
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP",
        PORTAL_TRUSTED_PROXIES="10.0.0.1, 10.0.1.0/24",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "HTTP_X_REAL_IP ['10.0.0.1', '10.0.1.0/24']"

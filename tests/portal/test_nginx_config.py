"""docker/nginx.conf: nginx accepts it (with and without its optional modules), and a real nginx in front of a
real gunicorn behaves as the portal needs: a micro-cache that never holds or serves anything personal, static
files kept for ever, gzip, renditions direct and originals never, the visitor's address forwarded, the purge
port answering the app only.

The config is written for this machine by docker/render_nginx.py (the same renderer scripts/scale_out.sh
uses): every path under a temporary folder, so nginx runs without root. Without nginx installed the tests skip
locally and fail in CI (`make browser-tools` installs it there).
"""

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.conf import settings

import pytest

from tests.conftest import ROOT

RENDER = ROOT / "docker" / "render_nginx.py"

# A tiny WSGI app behind gunicorn, standing in for the portal: each answer says how many requests this
# process has served, so an answer that comes back with an old number came from nginx's cache.
APP = r"""
import itertools
import json

served = itertools.count(1)
PUBLIC = [
    ("Cache-Control", "public, max-age=0, must-revalidate"),
    ("X-Accel-Expires", "30"),
    ("Vary", "Accept-Language, Cookie"),  # as Django's middlewares write it on the portal's pages
]
TEXT = "Cổng thông tin điện tử. " * 200


def app(environ, start_response):
    n = next(served)
    path = environ["PATH_INFO"]
    headers = [("Content-Type", "text/html; charset=utf-8")]
    if path == "/echo/":
        body = json.dumps({
            "n": n,
            "xff": environ.get("HTTP_X_FORWARDED_FOR"),
            "proto": environ.get("HTTP_X_FORWARDED_PROTO"),
            "host": environ.get("HTTP_HOST"),
            "length": int(environ.get("CONTENT_LENGTH") or 0),
        })
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        json_headers = [("Content-Type", "application/json"), ("Cache-Control", "private, no-store")]
        start_response("200 OK", json_headers)
        return [body.encode()]
    if path.startswith("/admin/"):
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        headers += PUBLIC  # even if the portal ever said so, the admin is never cached
    elif path == "/private/":
        headers += [("Cache-Control", "private"), ("X-Accel-Expires", "30")]
    elif path == "/no-store/":
        headers += [("Cache-Control", "no-store"), ("X-Accel-Expires", "30")]
    elif path == "/cookie/":
        headers += PUBLIC + [("Set-Cookie", "csrftoken=abc; Path=/")]
    elif path == "/plain/":
        headers += [("Cache-Control", "public, max-age=300")]  # no X-Accel-Expires: not for the front cache
    elif path == "/short/":
        headers += [("Cache-Control", "public, max-age=0, must-revalidate"), ("X-Accel-Expires", "1")]
    else:
        headers += PUBLIC
    start_response("200 OK", headers)
    return [f"<p>n={n}</p>{TEXT}".encode()]
"""


def nginx_or_skip():
    nginx = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)
    if nginx is None:
        message = "nginx is not installed (make browser-tools installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return nginx


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, what, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{what} exited: {process.stdout.read() if process.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{what} did not listen on {port}")


def render(out, *args):
    result = subprocess.run(
        [sys.executable, str(RENDER), "--out", str(out), *args], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


def nginx_test(nginx, conf):
    prefix = conf.parent
    return subprocess.run(
        [nginx, "-t", "-p", f"{prefix}/", "-e", str(prefix / "log" / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=30,
    )


def has_module(name):
    folder = Path("/etc/nginx/modules-enabled")
    return folder.is_dir() and any(name in conf.read_text() for conf in folder.glob("*.conf"))


# --- The configuration --------------------------------------------------------------------------------------


def test_the_body_limits_follow_the_portals():
    conf = (ROOT / "docker" / "nginx.conf").read_text()
    admin = conf.split("location /admin/ {", 1)[1].split("}", 1)[0]
    assert f"client_max_body_size {settings.PORTAL_MAX_UPLOAD_MB + 1}m;" in admin
    assert f"client_max_body_size {settings.PORTAL_PUBLIC_MAX_BODY_KB}k;" in conf


def test_nginx_accepts_the_config_with_and_without_the_optional_modules(tmp_path):
    nginx = nginx_or_skip()
    app_root = tmp_path / "app"
    (app_root / "static").mkdir(parents=True)

    # Where the modules are not (the official nginx image): no load_module line, no optional part.
    bare = render(
        tmp_path / "bare", "--upstream", "127.0.0.1:9", "--app-root", str(app_root), "--brotli", "off"
    )
    (bare.parent / "modules.conf").write_text("")
    result = nginx_test(nginx, bare)
    assert result.returncode == 0, result.stderr
    assert "brotli" not in (bare.parent / "modules.conf").read_text()

    # Where they are (Debian's packages): brotli and the purge port too.
    if not (has_module("brotli") and has_module("cache_purge")):
        message = "the nginx brotli and cache-purge modules are not installed (make browser-tools)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    full = render(
        tmp_path / "full",
        *("--upstream", "127.0.0.1:9", "--upstream", "127.0.0.1:10", "--app-root", str(app_root)),
        *("--brotli", "on", "--purge-listen", "127.0.0.1:9081"),
    )
    result = nginx_test(nginx, full)
    assert result.returncode == 0, result.stderr
    assert (full.parent / "http.d" / "brotli.conf").exists()
    assert (full.parent / "http.d" / "purge.conf").exists()


# --- A running nginx in front of gunicorn ------------------------------------------------------------------


class Front:
    def __init__(self, port, purge_port, app_root, gunicorn):
        self.port, self.purge_port, self.app_root, self.gunicorn = port, purge_port, app_root, gunicorn

    def request(self, method, path, *, headers=None, body=None, port=None, source=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port or self.port, timeout=10, source_address=(source, 0) if source else None
        )
        try:
            connection.request(
                method, path, body=body, headers={"Host": "ninhphuoc.localhost", **(headers or {})}
            )
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def served_number(body):
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    return int(re.search(rb"n=(\d+)", body).group(1))


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    nginx = nginx_or_skip()
    if not has_module("cache_purge"):
        message = "the nginx cache-purge module is not installed (make browser-tools)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    base = tmp_path_factory.mktemp("front")
    (base / "app.py").write_text(APP)
    app_root = base / "app-root"
    static = app_root / "static" / "portal" / "css"
    static.mkdir(parents=True)
    (static / "site.0123456789ab.css").write_text("body { color: #222; }\n" * 100)
    (static / "site.css").write_text("body { color: #222; }\n" * 100)
    (app_root / "media" / "images").mkdir(parents=True)
    (app_root / "media" / "images" / "photo.width-800.jpg").write_bytes(b"\xff\xd8\xff\xe0rendition")
    (app_root / "media" / "original_images").mkdir(parents=True)
    (app_root / "media" / "original_images" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0original")
    (app_root / "media" / "documents").mkdir(parents=True)
    (app_root / "media" / "documents" / "quyet-dinh.pdf").write_bytes(b"%PDF-1.4 restricted")

    app_port, port, purge_port = free_port(), free_port(), free_port()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--chdir", str(base), "--bind", f"127.0.0.1:{app_port}"]
        + ["--workers", "1", "--access-logfile", "-", "app:app"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    conf = render(
        base / "nginx",
        *(
            "--listen",
            f"127.0.0.1:{port}",
            "--upstream",
            f"127.0.0.1:{app_port}",
            "--app-root",
            str(app_root),
        ),
        *(
            "--purge-listen",
            f"127.0.0.1:{purge_port}",
            "--purge-scheme",
            "http",
            "--purge-allow",
            "127.0.0.1",
        ),
    )
    prefix = conf.parent
    server = subprocess.Popen(
        [
            nginx,
            "-p",
            f"{prefix}/",
            "-e",
            str(prefix / "log" / "error.log"),
            "-c",
            str(conf),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(app_port, gunicorn, "gunicorn")
        wait_for_port(port, server, "nginx")
        yield Front(port, purge_port, app_root, gunicorn)
    finally:
        for process in (server, gunicorn):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_public_answer_is_served_from_the_micro_cache_the_second_time(front):
    status, headers, body = front.get("/tin-tuc/bai-1/")
    assert status == 200 and headers["X-Cache-Status"] == "MISS"
    assert "X-Accel-Expires" not in headers  # for nginx only
    status, headers, again = front.get("/tin-tuc/bai-1/")
    assert headers["X-Cache-Status"] == "HIT"
    assert served_number(again) == served_number(body)  # gunicorn was not asked
    # The key holds the host and the query string.
    _, headers, _ = front.get("/tin-tuc/bai-1/?page=2")
    assert headers["X-Cache-Status"] == "MISS"
    _, headers, _ = front.get("/tin-tuc/bai-1/", headers={"Host": "phuoc-hau.ninhphuoc.localhost"})
    assert headers["X-Cache-Status"] == "MISS"
    # One copy per URL whatever the browser's languages or (non-session) cookies, as in the portal's cache.
    _, headers, again = front.get(
        "/tin-tuc/bai-1/", headers={"Accept-Language": "en-US,en;q=0.9", "Cookie": "a=1"}
    )
    assert headers["X-Cache-Status"] == "HIT" and served_number(again) == served_number(body)


@pytest.mark.parametrize(
    "headers",
    [
        {"Cookie": "sessionid=abc123"},
        {"Cookie": "csrftoken=x; messages=W1siX19qc29uX21lc3NhZ2VfXyJd"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
    ],
    ids=["session", "messages", "authorization"],
)
def test_a_request_with_a_session_messages_or_authorization_never_uses_the_cache(front, headers):
    _, cached, body = front.get("/van-ban/")
    _, cached, body = front.get("/van-ban/")
    assert cached["X-Cache-Status"] == "HIT"
    for _ in range(2):
        _, answer, personal = front.get("/van-ban/", headers=headers)
        assert answer["X-Cache-Status"] == "BYPASS"
        assert served_number(personal) > served_number(body)  # from gunicorn, never the cached copy
    # ...nor fills it: the anonymous copy is still the one from before.
    _, cached, again = front.get("/van-ban/")
    assert served_number(again) == served_number(body)


def test_an_anonymous_visitor_with_only_a_csrf_cookie_still_gets_the_cached_page(front):
    front.get("/lien-he/")
    _, headers, _ = front.get("/lien-he/", headers={"Cookie": "csrftoken=abc"})
    assert headers["X-Cache-Status"] == "HIT"


@pytest.mark.parametrize("path", ["/private/", "/no-store/", "/cookie/", "/plain/"])
def test_a_private_answer_or_one_setting_a_cookie_is_never_cached(front, path):
    numbers = []
    for _ in range(3):
        status, headers, body = front.get(path)
        assert status == 200
        assert headers["X-Cache-Status"] == "MISS"
        numbers.append(served_number(body))
    assert len(set(numbers)) == 3


def test_the_admin_and_posts_are_never_cached(front):
    numbers = []
    for _ in range(2):
        _, headers, body = front.get("/admin/pages/")
        assert headers.get("X-Cache-Status") is None  # no cache in the admin's location at all
        numbers.append(served_number(body))
    assert numbers[0] != numbers[1]
    _, _, cached = front.get("/gop-y/")
    _, headers, _ = front.get("/gop-y/")
    assert headers["X-Cache-Status"] == "HIT"
    # A POST does not even look at the cache (no status), it reaches gunicorn and leaves the copy alone.
    _, headers, posted = front.request(
        "POST", "/gop-y/", body=b"ten=An", headers={"Content-Type": "text/plain"}
    )
    assert headers.get("X-Cache-Status") in (None, "BYPASS")
    assert served_number(posted) > served_number(cached)
    _, headers, again = front.get("/gop-y/")
    assert headers["X-Cache-Status"] == "HIT" and served_number(again) == served_number(cached)


def test_request_bodies_are_capped_like_the_portal(front):
    big = b"x" * (2 * 1024 * 1024)
    status, _, _ = front.request("POST", "/gop-y/", body=big)
    assert status == 413
    status, _, body = front.request("POST", "/admin/images/multiple/add/", body=big)
    assert status == 200
    status, _, _ = front.request("POST", "/admin/images/multiple/add/", body=b"x" * (22 * 1024 * 1024))
    assert status == 413


def test_static_files_are_kept_for_ever_and_compressed(front):
    status, headers, body = front.get(
        "/static/portal/css/site.0123456789ab.css", headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert parsedate_to_datetime(headers["Expires"]).year >= 2037
    assert "immutable" in ", ".join(headers.get_all("Cache-Control"))
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"body { color: #222; }")
    # A name without its content hash may change at the next release: an hour.
    _, headers, _ = front.get("/static/portal/css/site.css")
    assert "immutable" not in ", ".join(headers.get_all("Cache-Control") or [])
    assert "max-age=3600" in headers["Cache-Control"]


def test_pages_are_gzipped_and_brotli_where_the_module_is(front):
    _, headers, body = front.get("/tin-tuc/", headers={"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert "Cổng thông tin".encode() in gzip.decompress(body)
    assert "Accept-Encoding" in headers["Vary"]
    _, headers, body = front.get("/tin-tuc/")
    assert "Content-Encoding" not in headers  # the cached copy is plain, compressed per visitor
    assert b"n=" in body
    if not has_module("brotli"):
        if os.environ.get("CI"):
            pytest.fail("the nginx brotli module is not installed (make browser-tools)")
        return
    _, headers, _ = front.get("/tin-tuc/", headers={"Accept-Encoding": "br"})
    assert headers["Content-Encoding"] == "br"


def test_renditions_are_served_directly_and_originals_and_documents_never(front):
    status, _, body = front.get("/media/images/photo.width-800.jpg")
    assert status == 200 and body.endswith(b"rendition")
    for path in ("/media/original_images/photo.jpg", "/media/documents/quyet-dinh.pdf"):
        status, _, body = front.get(path)
        assert status == 404
        assert b"restricted" not in body and b"original" not in body


def test_the_visitors_address_and_scheme_are_forwarded(front):
    _, headers, body = front.get(
        "/echo/", headers={"X-Forwarded-For": "203.0.113.7", "Host": "ninhphuoc.localhost:8080"}
    )
    seen = json.loads(body)
    # Appended, so sites/client_ip.py (right to left, trusting PORTAL_TRUSTED_PROXIES) finds the real hop.
    assert seen["xff"] == "203.0.113.7, 127.0.0.1"
    assert seen["proto"] == "http"
    assert seen["host"] == "ninhphuoc.localhost:8080"
    assert headers["X-Cache-Status"] == "MISS"


def test_a_purge_from_the_app_empties_that_page_and_others_are_refused(front):
    _, _, first = front.get("/tin-tuc/bai-purge/")
    _, headers, _ = front.get("/tin-tuc/bai-purge/")
    assert headers["X-Cache-Status"] == "HIT"
    # What Wagtail's HTTP backend sends: PURGE <path> with the page's host, to the purge port.
    status, _, _ = front.request("PURGE", "/tin-tuc/bai-purge/", port=front.purge_port, source="127.0.0.2")
    assert status == 403  # not one of the app's addresses
    _, headers, _ = front.get("/tin-tuc/bai-purge/")
    assert headers["X-Cache-Status"] == "HIT"
    status, _, _ = front.request("PURGE", "/tin-tuc/bai-purge/", port=front.purge_port)
    assert status == 200
    _, headers, again = front.get("/tin-tuc/bai-purge/")
    assert headers["X-Cache-Status"] == "MISS"
    assert served_number(again) > served_number(first)
    # A page not in the cache: nothing to purge, and no error for Wagtail to log.
    status, _, _ = front.request("PURGE", "/never-visited/", port=front.purge_port)
    assert status == 204


def test_wagtails_http_backend_purges_through_the_purge_port(front):
    from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

    front.get("/tin-tuc/bai-wagtail/")
    _, headers, _ = front.get("/tin-tuc/bai-wagtail/")
    assert headers["X-Cache-Status"] == "HIT"
    backend = HTTPBackend({"LOCATION": f"http://127.0.0.1:{front.purge_port}"})
    backend.purge("http://ninhphuoc.localhost/tin-tuc/bai-wagtail/")
    _, headers, _ = front.get("/tin-tuc/bai-wagtail/")
    assert headers["X-Cache-Status"] == "MISS"


def test_the_last_good_page_stands_in_while_gunicorn_is_down(front):
    """Last: stops the fixture's gunicorn."""
    front.get("/short/")
    # expired (X-Accel-Expires: 1; nginx counts whole seconds from when the answer arrived, so up to 2 s),
    # still on disk
    time.sleep(3)
    front.gunicorn.send_signal(signal.SIGTERM)
    front.gunicorn.wait(timeout=10)
    status, headers, body = front.get("/short/")
    assert status == 200
    assert headers["X-Cache-Status"] in {"STALE", "UPDATING"}
    assert b"n=" in body
    status, headers, _ = front.get("/never-cached/")
    assert status == 502


@pytest.mark.parametrize("purge_url", ["", "http://172.30.0.10:8081/"])
def test_production_wires_wagtails_purge_only_when_asked(purge_url):
    code = (
        "import django, json; django.setup(); from django.conf import settings; print(json.dumps(["
        "'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS,"
        " getattr(settings, 'WAGTAILFRONTENDCACHE', None)]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "a-long-production-secret-" + "k" * 40,
        "ALLOWED_HOSTS": "portal.example.gov.vn",
        "WAGTAILADMIN_BASE_URL": "https://portal.example.gov.vn",
        "PORTAL_FRONTEND_CACHE_PURGE_URL": purge_url,
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    installed, backends = json.loads(result.stdout.strip().splitlines()[-1])
    if not purge_url:
        assert (installed, backends) == (False, None)
        return
    assert installed
    assert backends == {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://172.30.0.10:8081",
        }
    }

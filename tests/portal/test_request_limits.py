"""Request bodies are capped before anything reads them (portal/request_limits.py): small on public pages,
uploads in the admin; public forms keep working."""

from datetime import date, timedelta
from wsgiref.util import is_hop_by_hop

from django.test import override_settings

import pytest

from documents.models import DraftComment
from tests.factories import UserFactory, legal_document

HOST = "phuoc-hau.localhost"
MB = 1024 * 1024


@pytest.mark.parametrize("path", ["/", "/van-ban/", "/tim-kiem/", "/en/", "/khong-co/", "/documents/1/x.pdf"])
def test_a_large_anonymous_post_is_refused_before_it_is_read(client, commune_a, path):
    body = b"x" * (65 * 1024)
    response = client.generic("POST", path, body, content_type="application/octet-stream", HTTP_HOST=HOST)
    assert response.status_code == 413
    text = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn" in text and "too large" in text
    assert response["Content-Type"].startswith("text/plain")
    # a WSGI application may not set hop-by-hop headers: wsgiref (runserver) answers 500 to "Connection"
    assert not any(is_hop_by_hop(name) for name in response.headers)


def test_a_40_mb_multipart_claim_is_refused_from_its_length(client, commune_a):
    # what the header says is enough: nothing is read or spooled
    response = client.generic(
        "POST",
        "/",
        b"",
        content_type="multipart/form-data; boundary=x",
        HTTP_HOST=HOST,
        CONTENT_LENGTH=str(40 * MB),
    )
    assert response.status_code == 413


@pytest.mark.parametrize("length", ["abc", "-1", "1e9", "²", " 12 34"])
def test_a_malformed_length_is_refused(client, commune_a, length):
    response = client.generic("POST", "/", b"", HTTP_HOST=HOST, CONTENT_LENGTH=length)
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()


def test_a_chunked_body_without_length_is_refused_on_public_pages(client, commune_a):
    response = client.generic("POST", "/van-ban/", b"", HTTP_HOST=HOST, HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code == 411
    assert "độ dài" in response.content.decode()


@override_settings(PORTAL_PUBLIC_MAX_BODY_KB=1)
def test_the_public_limit_follows_the_setting(client, commune_a):
    assert client.generic("POST", "/", b"x" * 1025, HTTP_HOST=HOST).status_code == 413
    assert client.generic("POST", "/", b"x" * 1024, HTTP_HOST=HOST).status_code != 413


def test_comments_on_drafts_still_post_even_long_ones(client, commune_a):
    page = legal_document(
        commune_a,
        number="DT-11/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date.today(),
        comment_closes=date.today() + timedelta(days=5),
    )
    body = "Ý kiến đóng góp về dự thảo, đề nghị bổ sung. " * 110  # close to the 5,000 characters allowed
    payload = {"name": "Nguyễn Thị Hoa", "contact": "0912 345 678", "body": body[:5000], "consent": "on"}
    for kind in ("urlencoded", "multipart"):
        if kind == "urlencoded":
            from urllib.parse import urlencode

            response = client.post(
                f"/van-ban/{page.slug}/",
                urlencode(payload),
                content_type="application/x-www-form-urlencoded",
                HTTP_HOST=HOST,
                REMOTE_ADDR=f"198.51.100.{len(kind)}",
            )
        else:
            response = client.post(
                f"/van-ban/{page.slug}/", payload, HTTP_HOST=HOST, REMOTE_ADDR="198.51.100.77"
            )
        assert response.status_code == 302, kind
    assert DraftComment.objects.filter(page=page).count() == 2


def test_the_admin_takes_uploads_up_to_its_own_limit(client, commune_a):
    user = UserFactory(username="uploader", groups=[commune_a.editors_group])
    client.force_login(user)
    # 5 MB: far over the public cap, under PORTAL_MAX_UPLOAD_MB; reaches the admin (no 413)
    response = client.generic(
        "POST", "/admin/documents/multiple/add/", b"x" * (5 * MB), content_type="application/octet-stream"
    )
    assert response.status_code != 413
    response = client.generic("POST", "/admin/documents/multiple/add/", b"", CONTENT_LENGTH=str(40 * MB))
    assert response.status_code == 413
    # the admin without a length: nothing is read, Django's own handling
    response = client.generic("POST", "/admin/", b"", HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code != 411


def test_gets_pass(client, commune_a):
    assert client.get("/", HTTP_HOST=HOST).status_code == 200

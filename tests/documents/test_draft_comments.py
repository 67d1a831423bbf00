"""Public comments on drafts: the window, spam and flood guards, moderation per unit, export."""

import time
from datetime import date, timedelta
from types import SimpleNamespace

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings

import django_ratelimit.core
import pytest

from documents.models import DraftComment, LegalDocument
from tests.factories import UserFactory, legal_document

HOST = "phuoc-hau.localhost"
TODAY = date.today()


def draft(unit, opens, closes, number="DT-05/UBND"):
    return legal_document(
        unit, number=number, disclosure="du-thao-lay-y-kien", comment_opens=opens, comment_closes=closes
    )


def post(client, page, **data):
    payload = {
        "name": "Nguyễn Thị Hoa",
        "contact": "0912 345 678",
        "body": "Đề nghị bổ sung tuyến đường thôn 3.",
        "consent": "on",
    }
    payload.update(data)
    return client.post(f"/van-ban/{page.slug}/", payload, HTTP_HOST=HOST, REMOTE_ADDR="203.0.113.7")


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    # django-ratelimit counts in fixed windows: one ending mid-test would start the counts again.
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))


@pytest.mark.parametrize(
    ("opens", "closes", "open_"),
    [
        (TODAY + timedelta(days=1), TODAY + timedelta(days=10), False),  # before
        (TODAY, TODAY + timedelta(days=10), True),  # first day
        (TODAY - timedelta(days=10), TODAY, True),  # last day
        (TODAY - timedelta(days=10), TODAY - timedelta(days=1), False),  # after
    ],
)
def test_the_form_is_open_only_between_the_dates(client, commune_a, opens, closes, open_):
    page = draft(commune_a, opens, closes)
    html = client.get(f"/van-ban/{page.slug}/", HTTP_HOST=HOST).content.decode()
    assert ('name="body"' in html) is open_
    response = post(client, page)
    if open_:
        assert response.status_code == 302 and "gop-y=da-gui" in response["Location"]
        assert DraftComment.objects.filter(page=page, status="pending").count() == 1
    else:
        assert response.status_code == 403 and "không trong thời gian lấy ý kiến" in response.content.decode()
        assert not DraftComment.objects.exists()


def test_bad_input_is_explained_and_kept(client, commune_a):
    page = draft(commune_a, TODAY, TODAY + timedelta(days=5))
    response = post(client, page, name="", body="")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vui lòng nhập họ tên." in html and "Vui lòng nhập ý kiến góp ý." in html
    assert "0912 345 678" in html  # what was typed is kept
    assert not DraftComment.objects.exists()


def test_honeypot_and_flooding(client, commune_a):
    page = draft(commune_a, TODAY, TODAY + timedelta(days=5))
    assert post(client, page, website="http://spam.example").status_code == 302
    assert not DraftComment.objects.exists()  # the bot is told "thanks" and nothing is stored
    for _ in range(3):
        assert post(client, page).status_code == 302
    response = post(client, page)
    assert response.status_code == 429 and "quá nhiều ý kiến" in response.content.decode()
    assert DraftComment.objects.count() == 3
    # another address is not held back by the first
    other = client.post(
        f"/van-ban/{page.slug}/",
        {"name": "Lê Văn Tám", "contact": "tam@example.vn", "body": "Đồng ý với dự thảo.", "consent": "on"},
        HTTP_HOST=HOST,
        REMOTE_ADDR="198.51.100.9",
    )
    assert other.status_code == 302 and DraftComment.objects.count() == 4


def test_drafts_need_their_comment_dates(db):
    page = LegalDocument(
        title="x", slug="x", number="DT-9/UBND", issuing_body="UBND", issued_on=TODAY, doc_type="ke-hoach",
        field="khac", summary="x", disclosure="du-thao-lay-y-kien",
        comment_opens=TODAY, comment_closes=TODAY - timedelta(days=1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "không được trước ngày bắt đầu" in " ".join(error.value.message_dict["comment_closes"])


def test_each_unit_moderates_and_exports_its_own(client, commune_a, commune_b, approver_a, district):
    mine = draft(commune_a, TODAY, TODAY + timedelta(days=5))
    theirs = draft(commune_b, TODAY, TODAY + timedelta(days=5), number="DT-06/UBND")
    a = DraftComment.objects.create(page=mine, name="Người A", contact="a@x.vn", body="Ý kiến về xã A")
    b = DraftComment.objects.create(page=theirs, name="Người B", contact="b@x.vn", body="Ý kiến về xã B")
    client.force_login(approver_a)
    listing = client.get("/admin/snippets/documents/draftcomment/").content.decode()
    assert "Người A" in listing and "Người B" not in listing
    response = client.post(f"/admin/snippets/documents/draftcomment/edit/{a.pk}/", {"status": "accepted"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == "accepted" and a.body == "Ý kiến về xã A"  # only the status can change
    for url in (
        f"/admin/snippets/documents/draftcomment/edit/{b.pk}/",
        f"/admin/snippets/documents/draftcomment/delete/{b.pk}/",
    ):
        assert client.get(url).status_code in (302, 403, 404)
    assert client.post(
        f"/admin/snippets/documents/draftcomment/edit/{b.pk}/", {"status": "rejected"}
    ).status_code in (302, 403, 404)
    b.refresh_from_db()
    assert b.status == "pending"
    export = client.get("/admin/snippets/documents/draftcomment/", {"export": "csv"})
    content = b"".join(export.streaming_content if export.streaming else [export.content]).decode("utf-8-sig")
    assert "Ý kiến về xã A" in content and "Ý kiến về xã B" not in content
    # the board sees every unit's
    board = UserFactory(username="board-comments", groups=[district.approvers_group])
    client.force_login(board)
    listing = client.get("/admin/snippets/documents/draftcomment/").content.decode()
    assert "Người A" in listing and "Người B" in listing


@override_settings(PORTAL_TRUSTED_PROXIES=["10.0.0.2"], PORTAL_CLIENT_IP_HEADER="HTTP_X_REAL_IP")
def test_the_flood_guard_keys_on_the_client_behind_a_trusted_proxy(client, commune_a):
    page = draft(commune_a, TODAY, TODAY + timedelta(days=5))

    def via(remote, real_ip):
        payload = {"name": "Trần Văn Ba", "contact": "ba@example.vn", "body": "Ý kiến.", "consent": "on"}
        return client.post(
            f"/van-ban/{page.slug}/", payload, HTTP_HOST=HOST, REMOTE_ADDR=remote, HTTP_X_REAL_IP=real_ip
        )

    # two visitors behind the proxy: each has their own three comments
    assert [via("10.0.0.2", "198.51.100.1").status_code for _ in range(4)] == [302, 302, 302, 429]
    assert via("10.0.0.2", "198.51.100.2").status_code == 302
    # a visitor not behind the proxy cannot rotate the header to escape the limit
    assert [via("203.0.113.50", f"192.0.2.{n}").status_code for n in range(4)] == [302, 302, 302, 429]
    hashes = set(DraftComment.objects.values_list("address_hash", flat=True))
    assert len(hashes) == 3
    for value in ("", "garbage", "1.2.3.4, 5.6.7.8"):  # never a 500 whatever the proxy passes on
        assert via("10.0.0.2", value).status_code in (302, 429)


def test_a_draft_takes_a_bounded_number_of_comments_whoever_sends_them(client, commune_a, monkeypatch):
    monkeypatch.setattr("documents.views.PER_DOCUMENT_RATE", "2/h")
    page = draft(commune_a, TODAY, TODAY + timedelta(days=5))
    other = draft(commune_a, TODAY, TODAY + timedelta(days=5), number="DT-07/UBND")

    def from_address(target, n):
        payload = {"name": f"Người {n}", "contact": f"{n}@example.vn", "body": "Ý kiến.", "consent": "on"}
        return client.post(f"/van-ban/{target.slug}/", payload, HTTP_HOST=HOST, REMOTE_ADDR=f"198.51.100.{n}")

    assert [from_address(page, n).status_code for n in range(1, 4)] == [302, 302, 429]
    assert from_address(other, 4).status_code == 302  # each draft has its own count
    assert DraftComment.objects.filter(page=page).count() == 2

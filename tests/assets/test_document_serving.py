"""A document reaches the public only through a live, unrestricted, unexpired page that uses it (#16).

Every case goes through the real serve URL (``/documents/<id>/<name>``)."""

import importlib
from datetime import timedelta

from django.test import override_settings
from django.urls import Resolver404, resolve
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.signal_handlers import disable_reference_index_auto_update

import pytest

from documents.models import LegalDocumentAttachment
from sites.services import take_down
from tests.factories import UserFactory, legal_document, make_file, publish_article

HOST = "phuoc-hau.localhost"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def get(client, document, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def attached(page):
    return LegalDocumentAttachment.objects.filter(page=page).select_related("document").first().document


def test_the_file_of_a_live_document_is_public_and_never_cached(client, commune_a, approver_b):
    page = legal_document(commune_a, number="1/QĐ-UBND")
    document = attached(page)
    assert document.url == f"/documents/{document.pk}/{document.filename}"  # the serve view, no media URL
    for user in (None, approver_b):
        response = get(client, document, user)
        assert response.status_code == 200
        assert body(response).startswith(b"%PDF")
        assert "no-cache" in response["Cache-Control"]
    # the attachment download still counts, then hands over to the same view
    client.logout()
    attachment = LegalDocumentAttachment.objects.get(page=page)
    response = client.get(f"/van-ban/tai-ve/{attachment.pk}/", HTTP_HOST=HOST)
    assert response.status_code == 302 and client.get(response["Location"]).status_code == 200


def test_draft_files_only_for_their_unit_and_the_board(
    client, commune_a, commune_b, editor_a, approver_b, board_member
):
    page = legal_document(commune_b, number="2/QĐ-UBND", publish=False)
    document = attached(page)
    assert get(client, document).status_code == 404
    assert get(client, document, editor_a).status_code == 404  # another unit's editor
    assert get(client, document, approver_b).status_code == 200  # the unit's own role (preview, admin)
    assert get(client, document, board_member).status_code == 200
    inactive = UserFactory(groups=[commune_b.editors_group])
    inactive.is_active = False
    inactive.save()
    assert get(client, document, inactive).status_code == 404


def test_a_document_used_by_nothing_is_not_public(client, commune_a, editor_a, approver_b):
    document = make_file(commune_a.collection, "Chưa dùng")
    assert get(client, document).status_code == 404
    assert get(client, document, approver_b).status_code == 404
    assert get(client, document, editor_a).status_code == 200
    # a wrong name or id is a 404 as well, never a 500
    assert client.get(f"/documents/{document.pk}/khac.pdf").status_code == 404
    assert client.get("/documents/999999/x.pdf").status_code == 404


def test_unpublishing_makes_the_file_unreachable_at_once(client, commune_a):
    page = legal_document(commune_a, number="3/QĐ-UBND")
    document = attached(page)
    assert get(client, document).status_code == 200
    page.unpublish()
    assert get(client, document).status_code == 404


def test_take_down_makes_the_file_unreachable_at_once(client, commune_a, board_member):
    page = legal_document(commune_a, number="4/QĐ-UBND")
    document = attached(page)
    attachment = LegalDocumentAttachment.objects.get(page=page)
    assert get(client, document).status_code == 200
    take_down(page=page, user=board_member, reason="Sai thông tin")
    assert get(client, document).status_code == 404
    assert client.get(f"/van-ban/tai-ve/{attachment.pk}/", HTTP_HOST=HOST).status_code == 404


def test_expiry_makes_the_file_unreachable_before_the_page_is_unpublished(client, commune_a):
    page = legal_document(commune_a, number="5/QĐ-UBND")
    document = attached(page)
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() + timedelta(hours=1))
    assert get(client, document).status_code == 200
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert Page.objects.get(pk=page.pk).live  # the expiry job has not run yet
    assert get(client, document).status_code == 404


@pytest.mark.parametrize("on", ["page", "ancestor"])
def test_a_view_restricted_page_does_not_make_its_file_public(client, commune_a, approver_b, on):
    page = legal_document(commune_a, number="6/QĐ-UBND")
    document = attached(page)
    restricted = page if on == "page" else page.get_parent()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    assert get(client, document).status_code == 404
    assert get(client, document, approver_b).status_code == 404


def test_one_public_page_is_enough_and_a_draft_elsewhere_adds_nothing(client, commune_a, editor_a):
    page = legal_document(commune_a, number="7/QĐ-UBND")
    document = attached(page)
    draft = legal_document(commune_a, number="8/QĐ-UBND", publish=False)
    draft_file = attached(draft)
    assert get(client, document).status_code == 200
    # a draft revision of a live article that adds the draft's file does not publish it
    article = publish_article(commune_a, title="Tin có tệp")
    article.body = [("attachment", {"document": draft_file, "title": "Dự thảo"})]
    article.save_revision()
    assert get(client, draft_file).status_code == 404
    # once that revision is published the file is public (StreamField blocks count)
    article.get_latest_revision().publish()
    assert get(client, draft_file).status_code == 200


def test_a_publication_updates_what_is_public_without_waiting_for_the_background_index(client, commune_a):
    # Wagtail updates its reference index in a background task: without it, the publication itself must
    # add the new file and drop the removed one at once.
    page = legal_document(commune_a, number="9/QĐ-UBND")
    old = attached(page)
    new = make_file(commune_a.collection, "Bản mới")
    with disable_reference_index_auto_update():
        page = page.get_latest_revision_as_object()
        page.attachments = [LegalDocumentAttachment(document=new)]
        page.save_revision().publish()
    assert get(client, new).status_code == 200
    assert get(client, old).status_code == 404


def test_debug_serves_image_renditions_but_never_documents_or_originals(settings):
    import portal.urls

    try:
        with override_settings(DEBUG=True):
            urls = importlib.reload(portal.urls)
            assert resolve("/media/images/anh.width-400.jpg", urlconf=urls).func.__name__ == "serve"
            for path in ("/media/documents/van-ban.pdf", "/media/original_images/anh.jpg"):
                try:
                    match = resolve(path, urlconf=urls)
                except Resolver404:
                    continue
                assert match.func.__module__ != "django.views.static", path
    finally:
        importlib.reload(portal.urls)


def test_no_deployment_config_serves_documents_straight(settings):
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    for path in (root / "docker").rglob("*"):
        if not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        assert "/media/documents" not in text and "original_images" not in text, path
        # a proxy may serve the image renditions from the media volume, and nothing else of it
        blocks = re.findall(r"^\s*location\s+[~=^]*\s*(\S*media\S*)\s*\{([^}]*)\}", text, flags=re.M)
        assert len(blocks) == len(re.findall(r"^\s*location\s+[~=^]*\s*\S*media", text, flags=re.M)), path
        for location, body in blocks:
            # the renditions, or a location that refuses everything else of the volume
            assert location == "/media/images/" or re.fullmatch(r"\s*return 404;\s*", body), (path, location)
        for target in re.findall(r"^\s*(?:alias|root)\s+(\S*media\S*);", text, flags=re.M):
            assert target.rstrip("/").endswith("media/images"), (path, target)
    readme = (root / "README.md").read_text()
    assert "/media/images/" in readme and "never `/media/documents/`" in readme

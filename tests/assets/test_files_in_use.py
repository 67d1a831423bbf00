"""A file or image used by a live page, or by a revision in moderation or scheduled, changes for the public
only through the editorial board; every earlier version is kept (#16)."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

import pytest

from assets.models import FileVersion
from assets.services import REPLACE_ACTION
from documents.models import LegalDocumentAttachment
from home.demo_files import simple_pdf
from tests.factories import draft_article, legal_document, make_file, make_image, publish_article

LOCKED = "không thể sửa hoặc xoá"  # part of the Vietnamese reason shown to unit roles


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf(text, name="thay-the.pdf"):
    return SimpleUploadedFile(name, simple_pdf([text]), content_type="application/pdf")


def jpeg(name="anh-moi.jpg"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (20, 120, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def live_file(unit, number="12/KH-UBND"):
    page = legal_document(unit, number=number)
    return page, LegalDocumentAttachment.objects.get(page=page).document


def edit_document(client, document, **data):
    form = {"title": data.pop("title", document.title), "collection": document.collection_id, "tags": ""}
    form.update(data)
    return client.post(f"/admin/documents/edit/{document.pk}/", form)


def text(response):
    return response.content.decode()


def test_unit_editor_cannot_replace_a_live_file_or_its_title(client, commune_a, editor_a):
    page, document = live_file(commune_a)
    before = get_document_model().objects.get(pk=document.pk)
    client.force_login(editor_a)
    form_page = text(client.get(f"/admin/documents/edit/{document.pk}/"))
    assert LOCKED in form_page and page.title in form_page and "đã xuất bản" in form_page
    assert 'type="file"' not in form_page

    response = edit_document(client, document, title="Tiêu đề giả", file=pdf("Noi dung gia mao"))
    assert response.status_code == 200 and LOCKED in text(response)
    after = get_document_model().objects.get(pk=document.pk)
    assert (after.title, after.file.name, after.file_hash) == (
        before.title,
        before.file.name,
        before.file_hash,
    )
    # the public still gets the approved file
    client.logout()
    served = body(client.get(after.url))
    assert served == before.file.open("rb").read() and b"gia mao" not in served
    assert not FileVersion.objects.exists()


def test_unit_editor_cannot_change_alt_text_caption_or_credit_of_a_live_image(client, commune_a, editor_a):
    image = make_image(commune_a.collection, title="Lễ khai giảng", caption="Chú thích", credit="Ảnh: Xã")
    publish_article(commune_a, title="Khai giảng", featured_image=image)
    client.force_login(editor_a)
    assert LOCKED in text(client.get(f"/admin/images/{image.pk}/"))
    for field, value in (("description", "Alt giả"), ("caption", "Chú thích giả"), ("credit", "Ảnh: ai đó")):
        data = {"title": image.title, "description": image.description, "caption": image.caption}
        data.update({"credit": image.credit, "tags": "", field: value})
        response = client.post(f"/admin/images/{image.pk}/", data)
        assert response.status_code == 200 and LOCKED in text(response), field
    response = client.post(f"/admin/images/{image.pk}/", {"title": image.title, "file": jpeg()})
    assert LOCKED in text(response)
    after = get_image_model().objects.get(pk=image.pk)
    assert (after.description, after.caption, after.credit, after.file.name) == (
        image.description, image.caption, image.credit, image.file.name,
    )  # fmt: skip


def test_unit_roles_cannot_delete_or_move_a_file_in_use(client, commune_a, editor_a, approver_a):
    _, document = live_file(commune_a)
    get_document_model().objects.filter(pk=document.pk).update(uploaded_by_user=editor_a)  # even their own
    image = make_image(commune_a.collection, uploaded_by_user=editor_a)
    publish_article(commune_a, title="Có ảnh", featured_image=image)
    folder = commune_a.collection.add_child(name="Ảnh hội nghị")  # the unit's rights reach it too
    for user in (editor_a, approver_a):
        client.force_login(user)
        url = f"/admin/bulk/assets/customdocument/add_to_collection/?id={document.pk}&next=/admin/documents/"
        response = client.post(url, {"collection": folder.pk})
        assert response.status_code == 302
        assert LOCKED in " ".join(str(m) for m in client.get("/admin/documents/").context["messages"])
        assert client.post(f"/admin/documents/delete/{document.pk}/").status_code in (302, 403)
        assert client.post(f"/admin/documents/multiple/{document.pk}/delete/").status_code in (302, 403)
        assert client.post(f"/admin/images/{image.pk}/delete/").status_code in (302, 403)
        client.post(f"/admin/bulk/assets/customdocument/delete/?id={document.pk}", {})
        client.post(f"/admin/bulk/assets/customimage/delete/?id={image.pk}", {})
        edit_page = text(client.get(f"/admin/documents/edit/{document.pk}/"))
        assert f"/admin/documents/delete/{document.pk}/" not in edit_page  # no delete button either
    assert get_document_model().objects.get(pk=document.pk).collection_id == commune_a.collection.pk
    assert get_image_model().objects.filter(pk=image.pk).exists()


def test_unit_roles_still_replace_files_nobody_sees_and_every_version_is_kept(client, commune_a, editor_a):
    draft = legal_document(commune_a, number="13/QĐ-UBND", publish=False)
    document = LegalDocumentAttachment.objects.get(page=draft).document
    old_name, old_hash = document.file.name, document.file_hash
    client.force_login(editor_a)
    response = edit_document(client, document, title="Bản sửa", file=pdf("Ban sua"))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Bản sửa" and document.file.name != old_name
    version = FileVersion.objects.get(document=document)
    assert (version.file.name, version.checksum, version.replaced_by) == (old_name, old_hash, editor_a)
    assert version.file.storage.exists(old_name)  # never lost


def test_a_file_awaiting_approval_is_locked(client, commune_a, editor_a):
    from tests.sites.test_workflow import submit

    file = make_file(commune_a.collection, "Tệp chờ duyệt")
    article = draft_article(commune_a, editor_a)
    article.body = [("attachment", {"document": file, "title": "Tệp"})]
    article.save_revision(user=editor_a)
    client.force_login(editor_a)
    assert LOCKED not in text(client.get(f"/admin/documents/edit/{file.pk}/"))  # a plain draft: free
    submit(article, editor_a)
    page = text(client.get(f"/admin/documents/edit/{file.pk}/"))
    assert LOCKED in page and "đang chờ duyệt" in page
    response = edit_document(client, file, file=pdf("Doi sau khi gui duyet"))
    assert LOCKED in text(response)


def test_a_file_of_a_scheduled_revision_is_locked(client, commune_a, editor_a, board_member):
    file = make_file(commune_a.collection, "Tệp hẹn giờ")
    article = draft_article(commune_a, editor_a)
    article.body = [("attachment", {"document": file, "title": "Tệp"})]
    article.go_live_at = timezone.now() + timedelta(days=1)
    article.save_revision(user=board_member).publish(user=board_member)
    client.force_login(editor_a)
    page = text(client.get(f"/admin/documents/edit/{file.pk}/"))
    assert LOCKED in page and "đã hẹn giờ" in page


def test_the_board_replaces_a_live_file_logged_and_with_its_history(
    client, commune_a, editor_a, board_member
):
    page, document = live_file(commune_a)
    old_name, old_hash, old_title = document.file.name, document.file_hash, document.title
    old_bytes = document.file.open("rb").read()
    client.force_login(board_member)
    edit_form = text(client.get(f"/admin/documents/edit/{document.pk}/"))
    assert LOCKED not in edit_form and f"/admin/files/history/document/{document.pk}/" in edit_form
    response = edit_document(client, document, title="Kế hoạch (bản đúng)", file=pdf("Ban dung cua ke hoach"))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Kế hoạch (bản đúng)" and document.file_hash != old_hash
    client.logout()
    assert b"Ban dung" in body(client.get(document.url))

    version = FileVersion.objects.get(document=document)
    assert (version.file.name, version.checksum, version.title) == (old_name, old_hash, old_title)
    assert version.replaced_by == board_member and version.public_until is not None
    assert version.used_by == [{"id": page.pk, "title": page.title}]
    entry = ModelLogEntry.objects.get(action=REPLACE_ACTION, object_id=str(document.pk))
    assert entry.user == board_member and entry.data["old_checksum"] == old_hash

    client.force_login(board_member)
    history = text(client.get(f"/admin/files/history/document/{document.pk}/"))
    assert old_title in history and old_hash in history and page.title in history
    assert body(client.get(f"/admin/files/versions/{version.pk}/")) == old_bytes
    # nobody else sees the history or the earlier file
    client.force_login(editor_a)
    for url in (f"/admin/files/history/document/{document.pk}/", f"/admin/files/versions/{version.pk}/"):
        assert client.get(url).status_code in (302, 403)
    client.logout()
    assert client.get(f"/admin/files/versions/{version.pk}/").status_code == 302  # to the login
    assert client.get(f"/documents/{document.pk}/{old_name.rsplit('/', 1)[-1]}").status_code == 404


def test_the_board_changes_an_image_alt_text_and_the_old_one_is_kept(client, commune_a, board_member):
    image = make_image(commune_a.collection, title="Chợ quê", description="Chợ buổi sáng")
    publish_article(commune_a, title="Chợ", featured_image=image)
    client.force_login(board_member)
    data = {"title": image.title, "description": "Chợ quê buổi sáng", "caption": "", "credit": "", "tags": ""}
    data["collection"] = image.collection_id
    assert client.post(f"/admin/images/{image.pk}/", data).status_code == 302
    version = FileVersion.objects.get(image=image)
    assert version.details["description"] == "Chợ buổi sáng" and not version.file  # same file, other text
    history = text(client.get(f"/admin/files/history/image/{image.pk}/"))
    assert "Chợ buổi sáng" in history
    # a new image file: the old one kept, its renditions gone
    old_name = image.file.name
    image.get_rendition("width-100")
    data["file"] = jpeg()
    assert client.post(f"/admin/images/{image.pk}/", data).status_code == 302
    image.refresh_from_db()
    assert image.file.name != old_name and not image.renditions.filter(width=100, height=56).exists()
    assert FileVersion.objects.get(image=image, file=old_name).file.storage.exists(old_name)


@pytest.mark.parametrize("kind", ["unknown", "document"])
def test_history_of_something_missing_is_a_404(client, board_member, kind):
    client.force_login(board_member)
    assert client.get(f"/admin/files/history/{kind}/999999/").status_code == 404
    assert client.get("/admin/files/versions/999999/").status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_reads_the_replaced_file_so_search_follows(client, celery_worker_process):
    import time

    from documents.models import LegalDocument
    from search.models import SearchEntry
    from tests.factories import UserFactory, make_unit

    district = make_unit("ninh-phuoc-files", name="Huyện Ninh Phước", level="district")
    unit = make_unit(
        "phuoc-hau-files", parent=district, name="Xã Phước Hậu", hostname="phuoc-hau-files.localhost"
    )
    board = UserFactory(username="board-files", groups=[district.approvers_group])
    page, document = live_file(unit)

    def wait_for(condition, what):
        deadline = time.monotonic() + 40
        while not condition():
            assert celery_worker_process.poll() is None, celery_worker_process.stdout.read()
            assert time.monotonic() < deadline, what
            time.sleep(0.2)

    wait_for(lambda: "Tep" in LegalDocument.objects.get(pk=page.pk).full_text, "first reading")
    client.force_login(board)
    response = edit_document(client, document, file=pdf("Phuong an phong chong bao lu moi"))
    assert response.status_code == 302
    wait_for(
        lambda: "bao lu moi" in LegalDocument.objects.get(pk=page.pk).full_text, "the new file was not read"
    )
    wait_for(
        lambda: SearchEntry.objects.filter(pk=page.pk, folded__contains=" bao lu moi ").exists(),
        "the search entry did not follow",
    )

"""Page forms keep images, documents and page links within the page's unit (home/forms.py)."""

import json

from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

import pytest

from home.forms import UnitBoundPageForm
from news.models import NewsArticlePage
from tests.factories import draft_article, legal_document, make_file, make_image, publish_article

LEAD = "Sáng nay, Ủy ban nhân dân xã tổ chức hội nghị triển khai nhiệm vụ trọng tâm của năm."
OTHER_UNIT = "thuộc đơn vị khác"


def shared_files(top):
    return top.collection.get_parent().get_children().exclude(unit__isnull=False).get()


@pytest.fixture
def article(commune_a, editor_a):
    return draft_article(commune_a, editor_a, title="Bài của Phước Hậu")


@pytest.fixture
def b_image(commune_b):
    return make_image(commune_b.collection, title="Ảnh riêng của An Hải")


def shown(response, text):
    """``text`` in the page, as HTML or inside the JSON the StreamField widget renders from."""
    html = response.content.decode()
    return text in html or json.dumps(text)[1:-1] in html


def post_article(client, page, body=None, **fields):
    data = {
        "title": "Tiêu đề vừa gõ lại",
        "slug": page.slug,
        "lead": LEAD,
        "published_date": "01/11/2026 08:00",
        "tags": "",
        **fields,
    }
    data.update(nested_form_data({"body": streamfield(body or [])}))
    return client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="vi")


def saved_featured_image(page):
    return NewsArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().featured_image_id


def test_featured_image_of_another_unit_is_refused(client, article, editor_a, b_image):
    client.force_login(editor_a)
    response = post_article(client, article, featured_image=b_image.pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ảnh này thuộc đơn vị khác" in html
    assert "Tiêu đề vừa gõ lại" in html and LEAD in html  # what was typed is kept
    assert "Ảnh riêng của An Hải" not in html  # the other unit's image is not shown back
    assert saved_featured_image(article) is None


def test_own_and_shared_images_are_accepted(client, district, commune_a, article, editor_a):
    client.force_login(editor_a)
    own = make_image(commune_a.collection, title="Ảnh Phước Hậu")
    assert post_article(client, article, featured_image=own.pk).status_code == 302
    assert saved_featured_image(article) == own.pk
    shared = make_image(shared_files(district), title="Ảnh dùng chung")
    assert post_article(client, article, featured_image=shared.pk).status_code == 302
    assert saved_featured_image(article) == shared.pk


def test_the_board_cannot_mix_units_files_either(client, article, board_member, b_image):
    client.force_login(board_member)
    response = post_article(client, article, featured_image=b_image.pk)
    assert response.status_code == 200 and OTHER_UNIT in response.content.decode()


def image_block(image):
    return (
        "image",
        {"image": {"image": image.pk, "alt_text": "Ảnh", "decorative": False}, "caption": "", "credit": ""},
    )


def paragraph(html):
    return ("paragraph", rich_text(html))


@pytest.mark.parametrize("where", ["image block", "document link", "attachment"])
def test_streamfield_and_rich_text_files_are_checked(client, commune_b, article, editor_a, b_image, where):
    b_doc = make_file(commune_b.collection, "Tệp riêng của An Hải")
    block = {
        "image block": image_block(b_image),
        "document link": paragraph(f'<p><a linktype="document" id="{b_doc.pk}">tệp</a></p>'),
        "attachment": ("attachment", {"document": b_doc.pk, "title": ""}),
    }[where]
    client.force_login(editor_a)
    response = post_article(client, article, body=[block])
    assert response.status_code == 200, where
    # the error sits on the body field (the StreamField shows it from its JSON data)
    assert OTHER_UNIT in " ".join(response.context["form"].errors["body"]), where
    assert not shown(response, "Ảnh riêng của An Hải") and not shown(response, "Tệp riêng của An Hải"), where
    assert (
        not NewsArticlePage.objects.get(pk=article.pk)
        .get_latest_revision_as_object()
        .title.startswith("Tiêu đề")
    )


def test_page_links(client, commune_a, commune_b, article, editor_a, board_member):
    b_draft = draft_article(commune_b, editor_a, title="Bản nháp An Hải")
    b_live = publish_article(commune_b, title="Tin đã đăng của An Hải", categories=[])
    own_draft = draft_article(commune_a, editor_a, title="Bản nháp khác của Phước Hậu")
    district_home = Page.objects.get(pk=commune_a.parent.site.root_page_id)

    def link(page):
        return [paragraph(f'<p><a linktype="page" id="{page.pk}">xem</a></p>')]

    client.force_login(editor_a)
    refused = post_article(client, article, body=link(b_draft))
    assert refused.status_code == 200 and "chưa được đăng" in " ".join(refused.context["form"].errors["body"])
    assert not shown(refused, "Bản nháp An Hải")
    # the unit's own pages (drafts too) and live public pages anywhere are fine
    for page in (own_draft, b_live, district_home):
        assert post_article(client, article, body=link(page)).status_code == 302, page.title
    # the board links any page
    client.force_login(board_member)
    assert post_article(client, article, body=link(b_draft)).status_code == 302


def legal_form_data(client, page):
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    return querydict_from_html(html, form_id="page-edit-form").copy()


def test_attachments_and_related_documents_stay_in_the_unit(client, commune_a, commune_b, approver_a):
    page = legal_document(commune_a, number="7/QĐ-UBND", publish=False)
    b_doc = make_file(commune_b.collection, "Tệp riêng của An Hải")
    b_draft = legal_document(commune_b, number="9/QĐ-UBND", publish=False, title="Quyết định nháp An Hải")
    client.force_login(approver_a)

    data = legal_form_data(client, page)
    data["attachments-0-document"] = str(b_doc.pk)
    data["summary"] = "Tóm tắt vừa sửa"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert response.status_code == 200 and "Tài liệu này thuộc đơn vị khác" in html
    assert "Tóm tắt vừa sửa" in html and "Tệp riêng của An Hải" not in html

    data = legal_form_data(client, page)
    data.update(
        {
            "relations-TOTAL_FORMS": "1",
            "relations-0-id": "",
            "relations-0-ORDER": "1",
            "relations-0-DELETE": "",
            "relations-0-kind": "amends",
            "relations-0-target": str(b_draft.pk),
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200 and "chưa được đăng" in str(
        response.context["form"].formsets["relations"].errors
    )
    assert page.get_latest_revision_as_object().relations.count() == 0


def test_every_page_type_uses_the_unit_bound_form():
    for model in get_page_models():
        if model is Page:
            continue
        assert issubclass(model.get_edit_handler().get_form_class(), UnitBoundPageForm), model

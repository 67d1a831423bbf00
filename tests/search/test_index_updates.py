"""The search index follows publishing, unpublishing, moves, deletions and read attachments."""

import io

from django.core.management import call_command

from documents.models import LegalDocumentAttachment
from documents.services import read_attachments
from search.models import Kind, SearchEntry
from search.services import index_page
from tests.documents.test_text_extraction import docx_with
from tests.factories import NewsArticlePageFactory, legal_document, make_file, news_index, publish_article


def test_publishing_indexes_with_unit_kind_and_folded_words(commune_a):
    article = publish_article(commune_a, title="Đường Phước Hậu mới", lead="Sapo")
    entry = SearchEntry.objects.get(pk=article.pk)
    assert entry.unit == commune_a and entry.kind == Kind.NEWS
    assert " duong phuoc hau moi " in entry.folded_title
    assert " sapo " in entry.folded
    doc = legal_document(commune_a, number="7/KH-UBND")
    assert SearchEntry.objects.get(pk=doc.pk).kind == Kind.DOCUMENT
    assert " 7 kh ubnd " in SearchEntry.objects.get(pk=doc.pk).folded_title


def test_a_draft_is_not_indexed_and_a_new_draft_keeps_the_live_text(commune_a):
    draft = NewsArticlePageFactory.build(title="Bản nháp")
    news_index(commune_a).add_child(instance=draft)
    draft.save_revision()
    assert not SearchEntry.objects.filter(pk=draft.pk).exists()

    article = publish_article(commune_a, title="Bản đã đăng")
    article.title = "Bản sửa chưa duyệt"
    article.save_revision()  # a newer draft is not public yet
    assert SearchEntry.objects.get(pk=article.pk).title == "Bản đã đăng"


def test_unpublish_move_and_delete(commune_a, commune_b):
    article = publish_article(commune_a, title="Tin chuyển đơn vị")
    article.move(news_index(commune_b), pos="last-child")
    entry = SearchEntry.objects.get(pk=article.pk)
    assert entry.unit == commune_b and entry.path.startswith(commune_b.site.root_page.path)
    article.refresh_from_db()
    article.unpublish()
    assert not SearchEntry.objects.filter(pk=article.pk).exists()
    other = publish_article(commune_a, title="Tin bị xoá")
    other.delete()
    assert not SearchEntry.objects.filter(pk=other.pk).exists()


def test_text_read_from_attachments_becomes_searchable(client, commune_a):
    doc = legal_document(commune_a, number="41/QĐ-UBND", summary="Quy chế tài chính")
    LegalDocumentAttachment.objects.create(
        page=doc,
        document=make_file(
            commune_a.collection, "Phụ lục", name="phu-luc.docx", content=docx_with("định mức văn phòng phẩm")
        ),
    )
    response = client.get("/tim-kiem/", {"q": "van phong pham"}, HTTP_HOST="phuoc-hau.localhost")
    assert response.context["items"] == []  # not read yet
    read_attachments(doc.pk)
    response = client.get("/tim-kiem/", {"q": "van phong pham"}, HTTP_HOST="phuoc-hau.localhost")
    [item] = response.context["items"]
    assert "<mark>văn</mark> <mark>phòng</mark> <mark>phẩm</mark>" in str(item["snippet"])


def test_index_page_is_idempotent_and_skips_listing_pages(commune_a):
    article = publish_article(commune_a, title="Một lần")
    first = index_page(article.pk)
    second = index_page(article.pk)
    assert first.folded == second.folded and SearchEntry.objects.filter(pk=article.pk).count() == 1
    assert index_page(news_index(commune_a).pk) is None  # the news listing itself is not a result
    assert index_page(999_999) is None


def test_rebuild_command_restores_and_drops_entries(commune_a):
    article = publish_article(commune_a, title="Tin cần khôi phục")
    SearchEntry.objects.filter(pk=article.pk).delete()
    stale = publish_article(commune_a, title="Tin đã gỡ")
    type(stale).objects.filter(pk=stale.pk).update(live=False)  # unpublished behind the signals' back
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert SearchEntry.objects.filter(pk=article.pk).exists()
    assert not SearchEntry.objects.filter(pk=stale.pk).exists()
    assert "Search index rebuilt" in out.getvalue()

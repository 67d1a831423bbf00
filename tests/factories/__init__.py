"""Factories for tests. Units are made through the real provisioning service."""

import json

from django.contrib.auth import get_user_model

import factory
import wagtail_factories

from news.models import NewsArticlePage
from sites.services import provision_site


def make_unit(slug, *, parent=None, level=None, name=None, hostname=None):
    """Provision a unit the way production does and return it."""
    level = level or ("district" if parent is None else "commune")
    return provision_site(
        name=name or f"Unit {slug}",
        slug=slug,
        level=level,
        hostname=hostname or ("localhost" if parent is None else f"{slug}.localhost"),
        parent=parent,
    ).unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(*extracted)
        self.save()


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Tin số {n}")
    lead = "Sapo của tin."
    body = factory.LazyFunction(lambda: json.dumps([{"type": "paragraph", "value": "<p>Nội dung.</p>"}]))


def news_index(unit):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.child_of(unit.site.root_page).get()


def publish_article(unit, **fields):
    """A published article of ``unit`` (categories/officials given as lists)."""
    categories = fields.pop("categories", [])
    officials = fields.pop("officials", [])
    article = NewsArticlePageFactory.build(**fields)
    article.categories = categories
    article.officials = officials
    news_index(unit).add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def make_image(collection=None, title="Ảnh", **fields):
    import io

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (200, 50, 50)).save(buffer, format="JPEG")
    image = get_image_model()(
        title=title,
        file=ImageFile(buffer, name="anh.jpg"),
        description=fields.pop("description", title),
        **({"collection": collection} if collection else {}),
        **fields,
    )
    image.save()
    return image


def shared_category(slug="thong-bao", name="Thông báo"):
    from news.taxonomy import Category

    category, _ = Category.objects.get_or_create(slug=slug, unit=None, defaults={"name": name})
    return category


def draft_article(unit, owner, **fields):
    """An unpublished article of ``unit`` with one draft revision by ``owner``.

    By default it passes the pre-publication checks (a category and a long enough lead).
    """
    fields.setdefault("title", "Bài chờ duyệt")
    fields.setdefault("lead", "Sapo của bài chờ duyệt, đủ dài để qua kiểm tra trước khi đăng.")
    categories = fields.pop("categories", None)
    page = NewsArticlePageFactory.build(live=False, owner=owner, **fields)
    page.categories = [shared_category()] if categories is None else categories
    news_index(unit).add_child(instance=page)
    page.save_revision(user=owner)
    return NewsArticlePage.objects.get(pk=page.pk)


def make_file(collection, title="Tệp", *, name="van-ban.pdf", content=None):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from home.demo_files import simple_pdf

    document = get_document_model()(title=title, collection=collection)
    document.file.save(name, ContentFile(content if content is not None else simple_pdf([title])), save=False)
    document.save()
    return document


def legal_document(unit, *, files=1, publish=True, **fields):
    """A LegalDocument in ``unit``'s /van-ban/ with ``files`` PDF attachments."""
    from datetime import date

    from documents.models import DocumentIndexPage, LegalDocument, LegalDocumentAttachment

    number = fields.pop("number", f"{LegalDocument.objects.count() + 1}/QĐ-UBND")
    defaults = {
        "title": f"Quyết định {number}",
        "slug": number.replace("/", "-").replace("Đ", "D").lower(),
        "doc_type": "quyet-dinh",
        "issuing_body": f"UBND {unit.name}",
        "issued_on": date(2026, 3, 2),
        "field": "hanh-chinh",
        "summary": f"Về việc ban hành quy chế số {number}",
        "disclosure": "chi-dao-dieu-hanh",
    }
    defaults.update(fields)
    page = LegalDocument(number=number, live=publish, **defaults)
    page.attachments = [
        LegalDocumentAttachment(document=make_file(unit.collection, f"Tệp {number} ({n + 1})"))
        for n in range(files)
    ]
    DocumentIndexPage.objects.child_of(unit.site.root_page).get().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page

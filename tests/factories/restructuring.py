"""Communes with content to merge (issue #21): units made by provisioning, pages published the normal way."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.factories import UserFactory, legal_document, make_file, make_image, make_unit, publish_article

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
COMMUNES = (("phuoc-hau", "Xã Phước Hậu"), ("phuoc-thai", "Xã Phước Thái"), ("phuoc-son", "Xã Phước Sơn"))


@dataclass
class CommuneContent:
    unit: object
    articles: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    images: list = field(default_factory=list)
    files: list = field(default_factory=list)
    editor: object = None
    approver: object = None


def commune_with_content(district, slug, name, *, articles=3, month=3):
    """A commune of ``district`` with ``articles`` news articles published in ``month`` of 2025 (one of them
    with the slug "tin-chung", the same in every commune), a legal document, an image, a file, an editor and
    an approver."""
    unit = make_unit(slug, parent=district, name=name)
    content = CommuneContent(unit=unit)
    for n in range(articles):
        content.articles.append(
            publish_article(
                unit,
                title=f"Tin {name} số {n + 1}",
                slug="tin-chung" if n == 0 else f"tin-{slug}-{n}",
                published_date=datetime(2025, month, 10 + n, 9, 0, tzinfo=TZ),
            )
        )
    content.documents.append(legal_document(unit, number=f"{len(slug)}{month}/QĐ-{slug[-3:].upper()}"))
    content.images.append(make_image(unit.collection, title=f"Ảnh {name}"))
    content.files.append(make_file(unit.collection, f"Tệp {name}"))
    content.editor = UserFactory(username=f"{slug}-editor", groups=[unit.editors_group])
    content.approver = UserFactory(username=f"{slug}-approver", groups=[unit.approvers_group])
    return content


def three_communes(district, **kwargs):
    return [commune_with_content(district, slug, name, **kwargs) for slug, name in COMMUNES]

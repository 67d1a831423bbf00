"""What a restore must bring back, as comparable JSON (run in the test process and in a restored one)."""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision


def _sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def snapshot(served=()):
    """Pages, revisions, users, documents, images and every media file's checksum; ``served`` lists
    (host, path) pairs whose status code and title are fetched through the whole Django stack."""
    media = Path(settings.MEDIA_ROOT)
    client = Client()
    pages = [
        [page.pk, page.url_path, page.title, page.live, page.latest_revision_id, page.content_type.model]
        for page in Page.objects.order_by("pk")
    ]
    revisions = [
        [
            revision.pk,
            revision.object_id,
            hashlib.sha256(json.dumps(revision.content, sort_keys=True).encode()).hexdigest(),
        ]
        for revision in Revision.objects.order_by("pk")
    ]
    users = [
        [
            user.username,
            user.email,
            user.password,
            user.is_active,
            sorted(user.groups.values_list("name", flat=True)),
        ]
        for user in get_user_model().objects.order_by("username")
    ]
    documents = [
        [document.pk, document.title, document.file.name, _sha256(media / document.file.name)]
        for document in get_document_model().objects.order_by("pk")
    ]
    images = [
        [image.pk, image.title, image.file.name, _sha256(media / image.file.name)]
        for image in get_image_model().objects.order_by("pk")
    ]
    responses = []
    for host, path in served:
        response = client.get(path, HTTP_HOST=host)
        responses.append([host, path, response.status_code, response.content.decode()])
    return {
        "pages": pages,
        "revisions": revisions,
        "users": users,
        "documents": documents,
        "images": images,
        "media": {
            file.relative_to(media).as_posix(): _sha256(file)
            for file in sorted(media.rglob("*"))
            if file.is_file()
        },
        "responses": responses,
    }

"""Landing items from any legacy source in a unit: the one place that creates and updates imported pages.

An importer (``legacy.nukeviet``, ``legacy.pages``) reads its source and hands each article or static page to
``land(ctx, item)`` as an ``IncomingItem``. Landing is idempotent by ``(source, kind, key)`` through
``ImportedItem``: a checksum of the source content decides whether a second run leaves the page alone
("unchanged"), or writes a new revision ("updated", the source's dates kept). Pages are written directly
(their tree position, a revision marked live) rather than through Wagtail's publish, which would send
``page_published`` to every listener (notification mails to no one, one search and cache task per page);
what those listeners do that matters here is done once per batch by ``ImportContext.flush()``: the search
index, the reference index, the page cache and the redirects from the old addresses.
"""

import copy
import hashlib
import json
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

import filetype
from PIL import Image as PILImage

from documents.validators import max_upload_bytes, validate_file_content
from home.models import StandardPage
from home.text import fold
from legacy.models import ImportedItem
from news.forms import check_slug_against_routes
from news.models import NewsArticlePage, NewsIndexPage
from news.taxonomy import Category
from search import services as search
from sites import cache
from sites.services import TAKEDOWN_ACTION

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"
# how a page leaves the public site by someone's hand: an unpublish, the board's take-down
UNPUBLISH_ACTIONS = ("wagtail.unpublish", TAKEDOWN_ACTION)
IMAGE_MISSING = "image-missing"
STATUSES = (CREATED, UPDATED, UNCHANGED, SKIPPED)
IMAGE_TYPES = {"jpg", "png", "gif", "webp"}  # what Wagtail renders (filetype's names)
MAX_IMAGE_PIXELS = 50_000_000  # a 7000 x 7000 photo; beyond, renditions would exhaust a worker's memory
SLUG_MAX_LENGTH = 80
LEAD_MAX_LENGTH = NewsArticlePage._meta.get_field("lead").max_length
TITLE_MAX_LENGTH = Page._meta.get_field("title").max_length
REPORT_FIELDS = ["key", "title", "status", "reason", "old_url", "new_url"]


@dataclass
class IncomingItem:
    """One article (``kind="news"``) or static page (``kind="page"``) from any source."""

    key: str
    title: str
    kind: str = "news"
    lead: str = ""
    body: list = field(default_factory=list)  # StreamField raw data (NewsBodyBlock's block types)
    published_at: datetime | None = None  # aware
    updated_at: datetime | None = None
    live: bool = True  # False: lands as a draft whatever the run's option
    categories: list[str] = field(default_factory=list)  # source category keys (ImportContext.category_map)
    image: object | None = None  # a landed Image (land_image)
    byline: str = ""
    source: str = ""
    tags: list[str] = field(default_factory=list)
    old_paths: list[str] = field(default_factory=list)  # paths on the unit's own site that must redirect
    source_url: str = ""
    slug: str = ""
    expires_at: datetime | None = None  # in the past: lands as a draft ("expired"); later: Wagtail's expiry
    checksum: str = ""  # of the source content, when the importer computes it (else from the fields above)
    warnings: list[str] = field(default_factory=list)  # from reading it (HTML cleaning): into the report


class Report:
    """What a run did with each item, written as CSV (one row per item, one per missing image)."""

    def __init__(self):
        self.rows = []
        self.counts = dict.fromkeys(STATUSES, 0)
        self.missing_images = 0

    def add(self, key, status, reason="", title="", old_url="", new_url=""):
        if status in self.counts:
            self.counts[status] += 1
        elif status == IMAGE_MISSING:
            self.missing_images += 1
        self.rows.append(
            {
                "key": key,
                "title": title,
                "status": status,
                "reason": reason,
                "old_url": old_url,
                "new_url": new_url,
            }
        )

    def image_missing(self, key, path, title=""):
        self.add(key, IMAGE_MISSING, reason=path, title=title)

    def summary(self):
        parts = [f"{status}: {self.counts[status]}" for status in STATUSES]
        parts.append(f"{IMAGE_MISSING}: {self.missing_images}")
        return ", ".join(parts)

    def write_csv(self, path):
        import csv  # noqa: PLC0415  (only when writing)
        from pathlib import Path  # noqa: PLC0415

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8-sig") as out:  # with a BOM: Excel reads it as UTF-8
            writer = csv.DictWriter(out, fieldnames=REPORT_FIELDS)
            writer.writeheader()
            writer.writerows(self.rows)
        return path


class ImportContext:
    """One run's target (a unit), options and what it learns on the way (taken slugs, known items, images
    by content hash, pages to index at the end of each batch)."""

    def __init__(
        self,
        unit,
        source,
        *,
        drafts=False,
        category_map=None,
        default_category=None,
        user=None,
        report=None,
        now=None,
    ):
        self.unit = unit
        self.source = source
        self.drafts = drafts
        self.category_map = dict(category_map or {})
        self.user = user
        self.report = report if report is not None else Report()
        self.now = now or timezone.now()
        self.site = unit.site
        self.home = unit.site.root_page.specific
        self.news_index = NewsIndexPage.objects.child_of(self.home).first()
        self.categories = {c.slug: c for c in Category.objects.for_unit(unit)}
        unknown = sorted({slug for slug in self.category_map.values() if slug not in self.categories})
        if default_category and default_category not in self.categories:
            unknown.append(default_category)
        if unknown:
            raise ValueError(
                _("Categories not found for this unit: %(slugs)s.") % {"slugs": ", ".join(unknown)}
            )
        self.default_category = self.categories.get(default_category) if default_category else None
        self.unmapped = {}  # source category key -> number of items
        self._known = {}  # (kind, key) -> ImportedItem
        self._slugs = {}  # parent pk -> set of its children's slugs
        self._last_path = {}  # parent pk -> the last child's path (pages created in this batch included)
        self._images = {}  # sha1 -> image
        self._documents = {}
        self._changed = []  # pages created or updated in the current batch
        self._redirects = {}  # old path -> page id
        # the run's options change what lands: part of every checksum
        self.fingerprint = hashlib.sha256(
            json.dumps([drafts, sorted(self.category_map.items()), default_category or ""]).encode()
        ).hexdigest()[:16]

    # --- items known from earlier runs ----------------------------------------------------------------------

    def prefetch(self, kind, keys):
        """Load the ``ImportedItem`` rows of ``keys`` in one query (before landing a batch)."""
        keys = [str(key) for key in keys if (kind, str(key)) not in self._known]
        for start in range(0, len(keys), 1000):
            for item in ImportedItem.objects.filter(
                source=self.source, kind=kind, key__in=keys[start : start + 1000]
            ).select_related("page"):
                self._known[(kind, item.key)] = item

    def known(self, kind, key):
        key = str(key)
        if (kind, key) not in self._known:
            self._known[(kind, key)] = (
                ImportedItem.objects.filter(source=self.source, kind=kind, key=key)
                .select_related("page")
                .first()
            )
        return self._known[(kind, key)]

    def full_checksum(self, source_checksum):
        return hashlib.sha256(f"{self.fingerprint}:{source_checksum}".encode()).hexdigest()

    def is_unchanged(self, kind, key, source_checksum):
        """True when ``key`` was landed from this very content with these options and its page still exists:
        the importer may then skip reading the item further (its HTML, its images)."""
        known = self.known(kind, key)
        return (
            known is not None
            and known.page_id is not None
            and known.checksum == self.full_checksum(source_checksum)
        )

    # --- batches --------------------------------------------------------------------------------------------

    def parent_for(self, kind):
        return self.news_index if kind == "news" else self.home

    def flush(self):
        """After a batch: redirects, the search and reference indexes and the page cache for the pages
        landed since the last flush. Call inside the batch's transaction."""
        changed, self._changed = self._changed, []
        redirects, self._redirects = self._redirects, {}
        self._last_path.clear()  # read again by the next batch: an editor may add a page in between
        if redirects:
            Redirect.objects.bulk_create(
                [
                    Redirect(site=self.site, old_path=path, redirect_page_id=page_id, is_permanent=True)
                    for path, page_id in redirects.items()
                ],
                update_conflicts=True,
                unique_fields=["old_path", "site"],
                update_fields=["redirect_page", "is_permanent", "redirect_link"],
            )
        if not changed:
            if redirects:
                cache.everything_changed()
            return
        live = [page for page in changed if page.live]
        resolver = search.UnitResolver()
        built = [b for b in (search.build_entry(page, resolver) for page in live) if b is not None]
        search.write_entries(built)
        gone = [page.pk for page in changed if not page.live]
        for page_id in gone:
            search.remove_page(page_id)
        for page in changed:
            ReferenceIndex.create_or_update_for_object(page)
        cache.everything_changed() if redirects else cache.pages_changed([self.parent_for("news")])

    def forget_tree_state(self):
        """After a failed batch (rolled back): the slugs and paths it took are free again."""
        self._slugs.clear()
        self._last_path.clear()
        self._changed.clear()
        self._redirects.clear()
        self._known.clear()

    # --- slugs and tree positions -------------------------------------------------------------------------

    def free_slug(self, parent, wanted, *, own_page_id=None):
        taken = self._slugs.get(parent.pk)
        if taken is None:
            taken = self._slugs[parent.pk] = set(
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .exclude(pk=own_page_id)
                .values_list("slug", flat=True)
            )
        base = wanted[:SLUG_MAX_LENGTH].strip("-") or "bai-viet"
        slug, n = base, 1
        while slug in taken or _taken_by_route(parent, slug):
            n += 1
            slug = f"{base[: SLUG_MAX_LENGTH - 6]}-{n}"
        taken.add(slug)
        return slug

    def add_child(self, parent, page):
        """Place ``page`` as the last child of ``parent`` (treebeard's path arithmetic, without re-reading the
        parent for each page) and save it without Wagtail's full clean (the importer cleaned the content)."""
        last = self._last_path.get(parent.pk)
        if last is None:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
        page.depth = parent.depth + 1
        page.path = Page(path=last)._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
        page.locale_id = parent.locale_id
        page._cached_parent_obj = parent
        page.save(clean=False)
        self._last_path[parent.pk] = page.path
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
        return page


def _taken_by_route(parent, slug):
    try:
        check_slug_against_routes(parent, slug)
    except ValidationError:
        return True
    return False


def slug_for(text):
    """An ASCII slug from Vietnamese text ("Phước Hậu" -> "phuoc-hau")."""
    return slugify(fold(text or ""))


def _content_checksum(item):
    data = {
        "title": item.title,
        "lead": item.lead,
        "body": _without_ids(item.body),
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "updated_at": item.updated_at.isoformat() if item.updated_at else None,
        "expires_at": item.expires_at.isoformat() if item.expires_at else None,
        "live": item.live,
        "categories": sorted(item.categories),
        "image": getattr(item.image, "pk", None),
        "byline": item.byline,
        "source": item.source,
        "tags": sorted(item.tags),
        "old_paths": sorted(item.old_paths),
        "slug": item.slug,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _without_ids(value):
    """Block data without Wagtail's block ids (which it adds to the raw data it is given)."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _target_state(ctx, item):
    """(live, go_live_at, expire_at, reason) for ``item`` under the run's options."""
    reasons = []
    go_live_at = expire_at = None
    live = item.live and not ctx.drafts
    if not item.live:
        reasons.append(_("unpublished at the source: landed as a draft"))
    if item.expires_at is not None:
        if item.expires_at <= ctx.now:
            live = False
            reasons.append(_("expired at the source: landed as a draft"))
        elif live:
            expire_at = item.expires_at
    if live and item.published_at is not None and item.published_at > ctx.now:
        live = False
        go_live_at = item.published_at
        reasons.append(
            _("scheduled at the source: goes live on %(date)s")
            % {"date": timezone.localtime(go_live_at).strftime("%d/%m/%Y %H:%M")}
        )
    return live, go_live_at, expire_at, reasons


def _categories(ctx, item, reasons):
    found, unmapped = [], []
    for key in item.categories:
        slug = ctx.category_map.get(key)
        if slug is None and not ctx.category_map and key in ctx.categories:
            slug = key  # no map: a source category with one of our slugs is that category
        if slug is None:
            unmapped.append(key)
            ctx.unmapped[key] = ctx.unmapped.get(key, 0) + 1
        elif ctx.categories[slug] not in found:
            found.append(ctx.categories[slug])
    if unmapped:
        reasons.append(_("unmapped categories: %(keys)s") % {"keys": ", ".join(unmapped)})
    if not found and ctx.default_category is not None and item.kind == "news":
        found.append(ctx.default_category)
    return found


def _allowed_blocks(page_class, body, reasons):
    """``body`` without the block types ``page_class``'s body does not offer (a static page has no tables or
    attachments), reported."""
    allowed = set(page_class._meta.get_field("body").stream_block.child_blocks)
    kept = [block for block in body if block.get("type") in allowed]
    dropped = sorted({block.get("type") for block in body} - allowed)
    if dropped:
        reasons.append(_("blocks left out: %(types)s") % {"types": ", ".join(map(str, dropped))})
    return kept


def land(ctx, item):
    """Create or update the page for ``item`` in ``ctx.unit``; returns "created", "updated", "unchanged" or
    "skipped" (also recorded in ``ctx.report``). Call inside a transaction (one per batch)."""
    key = str(item.key)
    shown = key if item.kind == "news" else f"{item.kind}:{key}"  # the report's key column
    old_url = item.source_url or (item.old_paths[0] if item.old_paths else "")
    title = (item.title or "").strip()[:TITLE_MAX_LENGTH]
    if not title:
        ctx.report.add(shown, SKIPPED, _("no title"), old_url=old_url)
        return SKIPPED
    parent = ctx.parent_for(item.kind)
    if parent is None:
        ctx.report.add(shown, SKIPPED, _("the unit has no news section"), title=title, old_url=old_url)
        return SKIPPED
    checksum = ctx.full_checksum(item.checksum or _content_checksum(item))
    known = ctx.known(item.kind, key)
    page = None
    if known is not None and known.page_id is not None:
        if known.checksum == checksum:
            ctx.report.add(shown, UNCHANGED, title=title, old_url=old_url, new_url=_url(ctx, known.page))
            return UNCHANGED
        page = Page.objects.filter(pk=known.page_id).select_related("latest_revision").first()
        if page is not None:
            page = page.specific
            latest = page.latest_revision
            if latest is not None and latest.user_id is not None and latest.created_at > known.updated_at:
                reason = _("changed by an editor since the import: left alone")
                ctx.report.add(shown, SKIPPED, reason, title=title, old_url=old_url, new_url=_url(ctx, page))
                return SKIPPED
            if not page.live and _unpublished_here(page):
                # taken down or unpublished by the board: a change at the source must not bring it back
                reason = _("unpublished on this portal since the import: left alone")
                ctx.report.add(shown, SKIPPED, reason, title=title, old_url=old_url, new_url=_url(ctx, page))
                return SKIPPED

    reasons = list(item.warnings)
    live, go_live_at, expire_at, state_reasons = _target_state(ctx, item)
    reasons += state_reasons
    page_class = NewsArticlePage if item.kind == "news" else StandardPage
    body = copy.deepcopy(item.body)  # Wagtail adds block ids to the data it is given
    if item.kind != "news":
        body = _allowed_blocks(page_class, body, reasons)
    created = page is None
    if created:
        page = page_class(owner=ctx.user)
        page.slug = ctx.free_slug(parent, slug_for(item.slug or title))
    published_at = item.published_at or ctx.now
    page.title = page.draft_title = title
    page.body = body
    page.live = live
    page.has_unpublished_changes = not live
    page.go_live_at = go_live_at
    page.expire_at = expire_at
    page.expired = False
    page.first_published_at = published_at if live or page.first_published_at else None
    page.last_published_at = (item.updated_at or published_at) if live or page.last_published_at else None
    if isinstance(page, NewsArticlePage):
        page.lead = (item.lead or "")[:LEAD_MAX_LENGTH]
        page.featured_image = item.image
        page.published_date = published_at
        page.byline = (item.byline or "")[:255]
        page.source = (item.source or "")[:255]
        page.categories = _categories(ctx, item, reasons)
        page.tags.set([tag[:100] for tag in item.tags if tag.strip()])
    if created:
        ctx.add_child(parent, page)
    else:
        page.save(clean=False)
    _write_revision(ctx, page, live=live, go_live_at=go_live_at)
    for path in item.old_paths:
        ctx._redirects[Redirect.normalise_path(path)] = page.pk
    ctx._changed.append(page)

    if known is None:
        known = ImportedItem(source=ctx.source, kind=item.kind, key=key, unit=ctx.unit)
        ctx._known[(item.kind, key)] = known
    known.page = page
    known.old_url = old_url[:1024]
    known.checksum = checksum
    known.unit = ctx.unit
    known.save()
    status = CREATED if created else UPDATED
    ctx.report.add(shown, status, "; ".join(reasons), title=title, old_url=old_url, new_url=_url(ctx, page))
    return status


def _unpublished_here(page):
    """Did someone unpublish ``page`` (a take-down included) on this portal? The import never does."""
    return PageLogEntry.objects.filter(page_id=page.pk, action__in=UNPUBLISH_ACTIONS).exists()


def _write_revision(ctx, page, *, live, go_live_at):
    """A revision holding what was landed: the live one when the page is live, else the draft (scheduled
    through ``approved_go_live_at`` when it waits for its date, as Wagtail schedules a publication)."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        object_str=str(page)[:255],
        content=page.serializable_data(),
        user=None,  # the import, not an editor: a later editor's revision has one
        approved_go_live_at=go_live_at,
    )
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision,
        latest_revision_created_at=revision.created_at,
        live_revision=revision if live else None,
        draft_title=page.title,
    )
    page.latest_revision = revision
    page.live_revision = revision if live else None
    return revision


def _url(ctx, page):
    """The page's path on the unit's site (from its url_path: no query)."""
    if page is None:
        return ""
    root = ctx.home.url_path
    url_path = page.url_path or ""
    return "/" + url_path[len(root) :] if url_path.startswith(root) else url_path


# --- files ------------------------------------------------------------------------------------------------


def _refuse(ctx, key, filename, reason):
    ctx.report.image_missing(key, f"{filename}: {reason}")


def land_image(ctx, *, content, filename, alt="", key=""):
    """The image for ``content`` in the unit's collection, checked like an upload (size, real image type by
    content, dimensions) and deduplicated by content hash; None (reported) when refused."""
    if content is None:
        _refuse(ctx, key, filename, _("file not found"))
        return None
    if len(content) > max_upload_bytes():
        _refuse(
            ctx,
            key,
            filename,
            _("The file is larger than %(mb)s MB.") % {"mb": settings.PORTAL_MAX_UPLOAD_MB},
        )
        return None
    sha1 = hashlib.sha1(content).hexdigest()  # noqa: S324 (Wagtail's file_hash)
    if sha1 in ctx._images:
        return ctx._images[sha1]
    Image = get_image_model()
    image = Image.objects.filter(collection=ctx.unit.collection, file_hash=sha1).first()
    if image is None:
        kind = filetype.guess(content[:8192])
        if kind is None or kind.extension not in IMAGE_TYPES:
            _refuse(ctx, key, filename, _("not an image (its content does not match its name)"))
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)  # refused just below
                with PILImage.open(ContentFile(content)) as probe:
                    width, height = probe.size
                    if width * height > MAX_IMAGE_PIXELS:
                        raise ValueError("too many pixels")
                    probe.verify()
        except Exception:  # noqa: BLE001 (Pillow raises many kinds for broken files)
            _refuse(ctx, key, filename, _("a broken or oversized image"))
            return None
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", filename.rsplit("/", 1)[-1]) or "image"
        stem = name.rsplit(".", 1)[0]
        name = f"{stem[:80]}.{kind.extension}"
        image = Image(
            title=(alt or stem)[:255],
            description=(alt or "")[:255],
            collection=ctx.unit.collection,
            file=ImageFile(ContentFile(content), name=name),
            width=width,
            height=height,
            file_size=len(content),
            file_hash=sha1,
            uploaded_by_user=ctx.user,
        )
        image.save()
    ctx._images[sha1] = image
    return image


def land_document(ctx, *, content, filename, title, key=""):
    """The document for ``content`` in the unit's collection, checked like an upload (documents.validators:
    size, type by content) and deduplicated by content hash; None (reported) when refused."""
    from wagtail.documents import get_document_model  # noqa: PLC0415 (keeps the image path light)

    if content is None:
        _refuse(ctx, key, filename, _("file not found"))
        return None
    upload = ContentFile(content, name=filename.rsplit("/", 1)[-1])
    try:
        validate_file_content(upload, filename)
    except ValidationError as error:
        _refuse(ctx, key, filename, " ".join(error.messages))
        return None
    sha1 = hashlib.sha1(content).hexdigest()  # noqa: S324 (Wagtail's file_hash)
    if sha1 in ctx._documents:
        return ctx._documents[sha1]
    Document = get_document_model()
    document = Document.objects.filter(collection=ctx.unit.collection, file_hash=sha1).first()
    if document is None:
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", filename.rsplit("/", 1)[-1]) or "file"
        document = Document(
            title=(title or name)[:255],
            collection=ctx.unit.collection,
            file=ContentFile(content, name=name),
            file_size=len(content),
            file_hash=sha1,
            uploaded_by_user=ctx.user,
        )
        document.save()
    ctx._documents[sha1] = document
    return document


def run_batch(ctx, items, land_one):
    """Land ``items`` in one transaction with ``land_one(ctx, item)``; a failure rolls the batch back and is
    re-raised after forgetting what the batch took."""
    try:
        with transaction.atomic():
            results = [land_one(ctx, item) for item in items]
            ctx.flush()
    except BaseException:
        ctx.forget_tree_state()
        raise
    return results


class CategoryMapError(Exception):
    pass


def load_category_map(path):
    """{source category key: our category slug}, the one reader of category maps for both importers: a JSON
    object, TOML (``"Source category" = "our-slug"`` at the top or under ``[categories]``), or CSV/TSV of two
    columns (a header row "source,slug" is allowed; lines starting with # are comments). Raises
    ``CategoryMapError`` with a message for the user."""
    import csv  # noqa: PLC0415 (only when reading a map)
    import tomllib  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CategoryMapError(
            _("Cannot read the category map %(path)s: %(error)s") % {"path": path, "error": error}
        ) from error
    suffix = path.suffix.lower()
    if suffix in (".json", ".toml"):
        try:
            data = json.loads(text) if suffix == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
            raise CategoryMapError(
                _("The category map %(path)s cannot be read: %(error)s") % {"path": path, "error": error}
            ) from error
        if isinstance(data, dict) and isinstance(data.get("categories"), dict):
            data = data["categories"]
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise CategoryMapError(
                _("The category map %(path)s must map each source category to a category slug.")
                % {"path": path}
            )
        return {str(k).strip(): v.strip() for k, v in data.items()}
    mapping = {}
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    for number, row in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise CategoryMapError(
                _("Line %(line)s of the category map %(path)s needs two columns: source category, slug.")
                % {"line": number, "path": path}
            )
        if number == 1 and [c.strip().lower() for c in row[:2]] == ["source", "slug"]:
            continue
        mapping[row[0].strip()] = row[1].strip()
    return mapping

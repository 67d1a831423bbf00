"""Merging units: A, B, C become X (a new unit, or an existing one), with nothing lost.

``plan_merge(**options)`` validates and describes the work without writing; ``apply_merge(user=, **options)``
re-plans inside one transaction and carries it out. What a merge does, per source unit:

- **Pages.** Each child of the source's home that lists items (news, documents, procedures, questions, the
  schedule) gives its CHILDREN to the target's section of the same type (a slug already used there gets the
  source's slug as a suffix); every other child of the home (with ``archive``, every child as it is) moves
  under the target's archive section "Lưu trữ <source>" (``home.ArchivePage``). Nothing is deleted.
  English translations of moved pages follow when the target's English tree has their parent; otherwise
  their old address redirects to the Vietnamese page and they stay, unpublished, under the source's English
  home.
- **Old addresses.** Every moved page's address is recorded first and becomes a site-specific permanent
  redirect on the SOURCE's site (kept, with its hostname; its home unpublished so that every old path is a 404
  that a redirect answers), a section's address redirects to the target's section and "/" to the target's
  home; a ``ContentMove`` row per moved page keeps its past for the statistics and for
  ``restructuring.middleware`` (sub-paths: feeds, pages of a listing).
- **Units.** The sources get ``merged_into`` and ``dissolved_at`` (hidden from ``Unit.objects``; their site,
  groups, collection and settings stay); their child units get the target as parent.
- **Files.** Images and documents move from the sources' collections to the target's.
- **Users.** Members of a source's editors/approvers groups join the target's groups and leave the source's
  (``users="move"``), or stay where they are and are listed for the board (``users="list"``).
- **Other records.** News categories (same slug as the target's: its articles move to the target's
  category, the emptied one stays; otherwise the category follows), officials (follow), open citizens'
  questions (follow; answered and closed ones, forwards and received-by stay as history), current alert
  banners (follow; ended ones stay), the monthly article target (the target gets the sum of the sources' when
  it has none; the sources' rows stay), personal-data request logs and page ratings (history: stay).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Locale, Page, Site

from agenda.models import ScheduleIndexPage
from documents.models import DocumentIndexPage
from home.models import ArchivePage
from news.models import NewsArticlePage, NewsIndexPage
from news.taxonomy import Category, Official
from procedures.models import ProcedureIndexPage
from questions.models import Question, QuestionIndexPage
from reporting.models import ArticleTarget
from restructuring.plans import Plan, RestructuringError
from restructuring.redirects import add_redirect, old_urls
from sites.cache import everything_changed
from sites.models import ALLOWED_PARENT_LEVELS, AlertBanner, ContentMove, FormerHostname, Unit, UnitLevel
from sites.services import HOSTNAME_RE, SLUG_RE, ProvisioningError, provision_site

RESTRUCTURE_ACTION = "portal.restructure"
USER_MODES = ("move", "list")

# Sections whose children are items of a list: a source's items join the target's section of the same type.
LISTING_MODELS = (NewsIndexPage, DocumentIndexPage, ProcedureIndexPage, QuestionIndexPage, ScheduleIndexPage)


@dataclass
class _Move:
    """One page (with its subtree) to move under ``parent`` (a page, or a listing model / ``None`` for the
    archive while the target does not exist yet)."""

    source: Unit
    page: Page
    into: object  # Page, a listing model (new target), or None (the source's archive section)
    size: int = 1  # pages in the subtree
    section: Page | None = None  # the source's listing section the page leaves (None: the archive)


@dataclass
class _Work:
    options: dict
    sources: list
    target: Unit | None  # None: a new unit
    new_unit: dict = field(default_factory=dict)
    moves: list = field(default_factory=list)
    emptied: list = field(default_factory=list)  # (source, section page, model) whose children move


def _error(message, **params):
    raise RestructuringError(message % params if params else message)


def _clean_options(sources, slug, name, hostname, parent, level, port, users):
    if isinstance(sources, str):
        sources = sources.replace(",", " ").split()
    sources = [str(s).strip() for s in sources or [] if str(s).strip()]
    if not sources:
        _error(_("Name at least one unit to merge."))
    seen = set()
    for s in sources:
        if s in seen:
            _error(_("The unit “%(slug)s” is named twice."), slug=s)
        seen.add(s)
    slug = (slug or "").strip()
    if not SLUG_RE.match(slug):
        _error(
            _("Invalid slug “%(slug)s”: use lowercase letters without diacritics, digits and hyphens."),
            slug=slug,
        )
    if users not in USER_MODES:
        _error(_("Users: choose “move” or “list”."))
    try:
        port = int(port or 80)
    except (TypeError, ValueError):
        port = -1
    if not (0 < port < 65536):
        _error(_("Invalid port %(port)s."), port=port)
    return (
        sources,
        slug,
        (name or "").strip() or None,
        (hostname or "").strip().lower() or None,
        (parent or "").strip() or None,
        (level or "").strip() or None,
        port,
    )


def _ancestors(unit):
    seen = []
    while unit is not None and unit.pk not in seen:
        seen.append(unit.pk)
        unit = unit.parent
    return seen


def _resolve(options):
    """Validate everything and return the units involved (writes nothing)."""
    sources_slugs, slug, name, hostname, parent, level, port = _clean_options(
        options.get("sources"),
        options.get("slug"),
        options.get("name"),
        options.get("hostname"),
        options.get("parent"),
        options.get("level"),
        options.get("port", 80),
        options.get("users", "move"),
    )
    if slug in sources_slugs:
        _error(
            _("The new unit's slug “%(slug)s” is one of the units being merged; choose another."), slug=slug
        )
    found = {
        u.slug: u
        for u in Unit.all_objects.select_related("site__root_page", "parent", "collection").filter(
            slug__in=sources_slugs
        )
    }
    for s in sources_slugs:
        if s not in found:
            _error(_("Unknown unit “%(slug)s”."), slug=s)
    sources = [found[s] for s in sources_slugs]
    existing = Unit.all_objects.select_related("site__root_page", "parent").filter(slug=slug).first()
    if existing is not None and existing.is_dissolved:
        _error(_("The slug “%(slug)s” belongs to a unit that was dissolved; choose another."), slug=slug)

    for source in sources:
        if source.is_dissolved and (existing is None or source.merged_into_id != existing.pk):
            _error(_("The unit “%(unit)s” has already been merged into another unit."), unit=source.name)

    new_unit = {}
    if existing is not None:  # merge into an existing unit: what is given must match it
        mismatches = []
        if name and name != existing.name:
            mismatches.append(_("name"))
        if hostname and (hostname != existing.site.hostname or port != existing.site.port):
            mismatches.append(_("hostname"))
        if level and level != existing.level:
            mismatches.append(_("level"))
        if parent and (existing.parent is None or parent != existing.parent.slug):
            mismatches.append(_("parent unit"))
        if mismatches:
            _error(
                _("The unit “%(slug)s” already exists with a different %(fields)s."),
                slug=slug,
                fields=", ".join(mismatches),
            )
        if any(pk in {s.pk for s in sources} for pk in _ancestors(existing.parent)):
            _error(
                _("The unit “%(unit)s” belongs to a unit being merged; it cannot receive it."),
                unit=existing.name,
            )
        target_level = existing.level
    else:
        for source in sources:
            if source.parent_id is None:
                _error(
                    _("The top unit “%(unit)s” can only be merged into an existing unit."), unit=source.name
                )
        if not name:
            _error(_("Give the new unit a name."))
        if not hostname:
            _error(_("Give the new unit a hostname."))
        if not HOSTNAME_RE.match(hostname):
            _error(_("Invalid hostname “%(hostname)s”."), hostname=hostname)
        if not parent:
            _error(_("Give the new unit a parent unit."))
        parent_unit = Unit.objects.select_related("parent").filter(slug=parent).first()
        if parent_unit is None:
            _error(_("Unknown parent unit “%(parent)s”."), parent=parent)
        if any(pk in {s.pk for s in sources} for pk in _ancestors(parent_unit)):
            _error(
                _("The parent unit “%(parent)s” is one of the units being merged or belongs to one."),
                parent=parent_unit.name,
            )
        if level is None:
            levels = {s.level for s in sources}
            if len(levels) != 1:
                _error(_("The units being merged have different levels; choose the new unit's level."))
            level = levels.pop()
        if level not in UnitLevel.values:
            _error(
                _("Invalid level “%(level)s”. Valid levels: %(levels)s."),
                level=level,
                levels=", ".join(UnitLevel.values),
            )
        if parent_unit.level not in ALLOWED_PARENT_LEVELS[UnitLevel(level)]:
            _error(
                _("A unit of level “%(level)s” cannot belong to a unit of level “%(parent_level)s”."),
                level=UnitLevel(level).label,
                parent_level=UnitLevel(parent_unit.level).label,
            )
        if Site.objects.filter(hostname=hostname).exists():
            _error(_("The hostname “%(hostname)s” is already used by another site."), hostname=hostname)
        former = FormerHostname.objects.filter(hostname=hostname).select_related("unit").first()
        if former is not None and former.unit_id not in {s.pk for s in sources}:
            _error(
                _("The hostname “%(hostname)s” was used by “%(unit)s” and still redirects there."),
                hostname=hostname,
                unit=former.unit.name,
            )
        new_unit = {
            "name": name,
            "slug": slug,
            "level": level,
            "hostname": hostname,
            "parent": parent_unit,
            "port": port,
        }
        target_level = level

    # The sources' own child units come under the target: their level must fit.
    source_ids = {s.pk for s in sources}
    for child in Unit.objects.filter(parent__in=sources).exclude(pk__in=source_ids):
        if target_level not in ALLOWED_PARENT_LEVELS[UnitLevel(child.level)]:
            _error(
                _(
                    "The unit “%(unit)s” (level “%(level)s”) cannot belong to a unit of level "
                    "“%(parent_level)s”."
                ),
                unit=child.name,
                level=UnitLevel(child.level).label,
                parent_level=UnitLevel(target_level).label,
            )
    return _Work(options=options, sources=sources, target=existing, new_unit=new_unit)


# --- Pages --------------------------------------------------------------------------------------------------


def _subtree_size(page):
    if not page.numchild:
        return 1
    return Page.objects.descendant_of(page, inclusive=True).count()


def _listing_model(page):
    model = page.specific_class
    return model if model in LISTING_MODELS else None


def _counterpart(target_home, model):
    if target_home is None:
        return model  # provisioning creates every listing section
    return model.objects.child_of(target_home).order_by("path").first()


def _plan_pages(work):
    archive = work.options.get("archive", False)
    target_home = work.target.site.root_page if work.target is not None else None
    for source in work.sources:
        home = source.site.root_page
        for child in home.get_children().order_by("path").specific(defer=True):
            model = None if archive else _listing_model(child)
            into = _counterpart(target_home, model) if model is not None else None
            if into is not None:
                items = list(child.get_children().order_by("path"))
                for item in items:
                    work.moves.append(_Move(source, item, into, _subtree_size(item), child))
                work.emptied.append((source, child, model))
            else:
                work.moves.append(_Move(source, child, None, _subtree_size(child)))


def _archive_title(source):
    return _("Archive of %(unit)s") % {"unit": source.name}


def _archive_page(target, source):
    """The target's "Lưu trữ <source>" section (made once)."""
    home = target.site.root_page
    slug = f"luu-tru-{source.slug}"
    existing = ArchivePage.objects.child_of(home).filter(slug=slug).first()
    if existing is not None:
        return existing
    with translation.override("vi"):
        page = ArchivePage(
            title=_archive_title(source),
            slug=slug,
            intro=_("What %(unit)s published before it was merged into %(target)s.")
            % {"unit": source.name, "target": target.name},
            live=True,
        )
    home.add_child(instance=page)
    return page


def _free_slug(parent, slug, suffix):
    # not parent.get_children(): treebeard answers none for a parent loaded while it was still a leaf
    taken = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    if slug not in taken:
        return slug
    candidate = f"{slug}-{suffix}"
    n = 2
    while candidate in taken:
        candidate = f"{slug}-{suffix}-{n}"
        n += 1
    return candidate


def _move(page, parent, suffix, user):
    """Move ``page`` (and its subtree) to the end of ``parent``'s children, renaming its slug if taken."""
    page = Page.objects.get(pk=page.pk)
    slug = _free_slug(parent, page.slug, suffix)
    if slug != page.slug:
        Page.objects.filter(pk=page.pk).update(slug=slug)
        revision = page.latest_revision
        if revision is not None and isinstance(revision.content, dict):
            revision.content["slug"] = slug
            revision.save(update_fields=["content"])
        page = Page.objects.get(pk=page.pk)
    MovePageAction(page, Page.objects.get(pk=parent.pk), pos="last-child", user=user).execute(
        skip_permission_checks=True
    )
    return Page.objects.get(pk=page.pk)


def _translations(page):
    return list(Page.objects.filter(translation_key=page.translation_key).exclude(locale_id=page.locale_id))


# --- Records ------------------------------------------------------------------------------------------------


def _source_collections(sources):
    # read afresh: collections keep their siblings sorted by name, so adding one moves the others' paths
    paths = list(
        Collection.objects.filter(pk__in=[s.collection_id for s in sources]).values_list("path", flat=True)
    )
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return Collection.objects.filter(query) if paths else Collection.objects.none()


def _records(work):
    """What each non-page record does: [(section, line, count, apply)]."""
    sources, target = work.sources, work.target
    target_categories = (
        {c.slug: c for c in Category.objects.filter(unit=target)} if target is not None else {}
    )
    collections = _source_collections(sources)
    images = get_image_model().objects.filter(collection__in=collections)
    documents = get_document_model().objects.filter(collection__in=collections)
    return {
        "categories": list(Category.objects.filter(unit__in=sources).order_by("unit_id", "slug")),
        "target_categories": target_categories,
        "officials": Official.objects.filter(unit__in=sources),
        "questions": Question.objects.filter(
            unit__in=sources, status__in=[Question.Status.RECEIVED, Question.Status.ANSWERING]
        ),
        "alerts": AlertBanner.objects.filter(unit__in=sources, ends_at__gt=timezone.now()),
        "images": images,
        "documents": documents,
        "targets": list(ArticleTarget.objects.filter(unit__in=sources)),
        "target_has_target": target is not None and ArticleTarget.objects.filter(unit=target).exists(),
    }


def _users(work):
    """[(user, role, source)] of the sources' editors and approvers."""
    rows = []
    User = get_user_model()
    for source in work.sources:
        for role, group in (("editors", source.editors_group_id), ("approvers", source.approvers_group_id)):
            for user in User.objects.filter(groups=group).order_by("username"):
                rows.append((user, role, source))
    return rows


# --- The plan -----------------------------------------------------------------------------------------------


def _describe(work):
    options = work.options
    target = work.target
    target_name = target.name if target is not None else work.new_unit["name"]
    plan = Plan(
        operation="merge",
        title=_("Merge %(sources)s into %(target)s")
        % {"sources": ", ".join(s.name for s in work.sources), "target": target_name},
    )
    active = [s for s in work.sources if not s.is_dissolved]

    # Units
    if target is None:
        nu = work.new_unit
        plan.add(
            "units",
            _("Create the unit “%(name)s” (%(slug)s, level %(level)s) under “%(parent)s”.")
            % {
                "name": nu["name"],
                "slug": nu["slug"],
                "level": UnitLevel(nu["level"]).label,
                "parent": nu["parent"].name,
            },
        )
    for source in active:
        plan.add(
            "units",
            _(
                "Dissolve “%(unit)s”: merged into “%(target)s”; its home is unpublished, its site kept for "
                "redirects."
            )
            % {"unit": source.name, "target": target_name},
        )
    children = Unit.objects.filter(parent__in=work.sources).exclude(pk__in=[s.pk for s in work.sources])
    for child in children:
        plan.add(
            "units",
            _("“%(unit)s”: parent “%(old)s” → “%(target)s”.")
            % {"unit": child.name, "old": child.parent.name, "target": target_name},
        )
    plan.counts["units"] = len(active) + (1 if target is None else 0)

    # Pages
    _plan_pages(work)
    pages_total = 0
    grouped = {}
    for move in work.moves:
        pages_total += move.size
        if move.into is None:
            where = _archive_title(move.source)
        elif isinstance(move.into, Page):
            where = f"{target_name} {move.into.url_path[len(target.site.root_page.url_path) - 1 :]}"
        else:
            where = f"{target_name} ({move.into._meta.verbose_name})"
        key = (move.source.pk, where, (move.section or move.page).pk)
        entry = grouped.setdefault(key, [move.source, where, move, 0])
        entry[3] += move.size
    for source, where, move, size in grouped.values():
        what = (move.section or move.page).title
        plan.add(
            "pages",
            _("%(unit)s: “%(what)s” → %(where)s (%(count)s pages)")
            % {"unit": source.name, "what": what, "where": where, "count": size},
        )
    moved_ids = [m.page.pk for m in work.moves]
    translations = 0
    if moved_ids:
        default = Locale.get_default()
        subtree = Q()
        for move in work.moves:
            subtree |= Q(path__startswith=move.page.path)
        keys = Page.objects.filter(subtree).values("translation_key")
        translations = Page.objects.filter(translation_key__in=keys).exclude(locale=default).count()
    if translations:
        plan.add(
            "pages",
            _(
                "%(count)s translations (English) of these pages: moved along under the target's English "
                "pages where they exist; otherwise their old addresses lead to the Vietnamese page and they "
                "are unpublished."
            )
            % {"count": translations},
        )
    plan.counts["pages"] = pages_total

    # Files
    records = _records(work)
    n_images, n_documents = records["images"].count(), records["documents"].count()
    if n_images or n_documents:
        plan.add(
            "files",
            _("%(images)s images and %(documents)s documents → the collection of “%(target)s”.")
            % {"images": n_images, "documents": n_documents, "target": target_name},
        )
    plan.counts["files"] = n_images + n_documents

    # Users
    users = _users(work)
    mode = options.get("users", "move")
    listed = 0
    for user, role, source in users:
        if mode == "move":
            line = _("%(user)s: %(role)s of “%(unit)s” → %(role)s of “%(target)s”.")
        elif source.is_dissolved:
            continue  # already listed when it was merged
        else:
            line = _("%(user)s: %(role)s of “%(unit)s” (stays; for the board to decide).")
        role_name = _("editors") if role == "editors" else _("approvers")
        plan.add(
            "users",
            line
            % {"user": user.get_username(), "role": role_name, "unit": source.name, "target": target_name},
        )
        listed += 1
    plan.counts["users"] = listed

    # Hostnames
    if target is None:
        plan.add(
            "hostnames",
            _("%(hostname)s: the site of “%(name)s”.")
            % {"hostname": work.new_unit["hostname"], "name": target_name},
        )
        former = FormerHostname.objects.filter(hostname=work.new_unit["hostname"]).first()
        if former is not None:
            plan.add(
                "hostnames",
                _("%(hostname)s no longer redirects to “%(unit)s”.")
                % {"hostname": former.hostname, "unit": former.unit.name},
            )
    for source in active:
        plan.add(
            "hostnames",
            _("%(hostname)s: kept on the site of “%(unit)s”; its addresses redirect to “%(target)s”.")
            % {"hostname": source.site.hostname, "unit": source.name, "target": target_name},
        )

    # Redirects
    redirects = pages_total
    for source in work.sources:
        site_paths = set(Redirect.objects.filter(site=source.site).values_list("old_path", flat=True))
        extra = 0 if "/" in site_paths else 1
        extra += sum(
            1
            for s, section, _model in work.emptied
            if s.pk == source.pk and f"/{section.slug}" not in site_paths
        )
        redirects += extra
        count_for_source = extra + sum(m.size for m in work.moves if m.source.pk == source.pk)
        if count_for_source:
            plan.add(
                "redirects",
                _("%(hostname)s: %(count)s permanent redirects (every moved page, its sections and “/”).")
                % {"hostname": source.site.hostname, "count": count_for_source},
            )
    plan.counts["redirects"] = redirects

    # Other records
    other = 0
    for category in records["categories"]:
        same = records["target_categories"].get(category.slug)
        articles = NewsArticlePage.objects.filter(categories=category).count()
        if same is not None:
            if not articles:
                continue
            line = _(
                "Category “%(name)s” of “%(unit)s”: its %(count)s articles join “%(target)s”'s category."
            )
        else:
            line = _("Category “%(name)s” of “%(unit)s” → “%(target)s” (%(count)s articles).")
        plan.add(
            "other",
            line
            % {"name": category.name, "unit": category.unit.name, "count": articles, "target": target_name},
        )
        other += 1
    for label, queryset in (
        (_("officials"), records["officials"]),
        (_("open citizens' questions"), records["questions"]),
        (_("current alert banners"), records["alerts"]),
    ):
        count = queryset.count()
        if count:
            plan.add(
                "other",
                _("%(count)s %(what)s → “%(target)s”.")
                % {"count": count, "what": label, "target": target_name},
            )
            other += count
    if records["targets"] and not records["target_has_target"]:
        total = sum(t.monthly_articles for t in records["targets"])
        plan.add(
            "other",
            _("Monthly article target of “%(target)s”: %(count)s (the sources' targets added up).")
            % {"target": target_name, "count": total},
        )
        other += 1
    if other:
        plan.add(
            "other",
            _(
                "Stay with their history: answered and closed questions, forwards, personal-data requests, "
                "page ratings, the sources' settings and targets."
            ),
        )
    plan.counts["other"] = other
    plan.data = {"sources": [s.pk for s in work.sources], "target": target.pk if target else None}
    return plan, records, users


def plan_merge(
    *, sources, slug, name=None, hostname=None, parent=None, level=None, port=80, archive=False, users="move"
):
    """Validate a merge and describe it (writes nothing); raises ``RestructuringError`` (Vietnamese)."""
    options = {
        "sources": sources,
        "slug": slug,
        "name": name,
        "hostname": hostname,
        "parent": parent,
        "level": level,
        "port": port,
        "archive": archive,
        "users": users,
    }
    with translation.override("vi"):
        work = _resolve(options)
        plan, _records_, _users_ = _describe(work)
    return plan


# --- Apply --------------------------------------------------------------------------------------------------


def apply_merge(*, user=None, **options):
    """Carry out ``plan_merge(**options)`` in one transaction and return the plan executed (empty: the merge
    had already been done and nothing changed)."""
    with transaction.atomic():
        plan = plan_merge(**options)
        if plan.is_empty:
            return plan
        with translation.override("vi"):
            _apply(options, user)
        everything_changed()
    return plan


def _apply(options, user):
    now = timezone.now()
    options = {"port": 80, "archive": False, "users": "move", **options}
    work = _resolve(options)
    if work.target is None:
        nu = work.new_unit
        FormerHostname.objects.filter(hostname=nu["hostname"], unit__in=work.sources).delete()
        try:
            target = provision_site(
                name=nu["name"],
                slug=nu["slug"],
                level=nu["level"],
                hostname=nu["hostname"],
                parent=nu["parent"],
                port=nu["port"],
            ).unit
        except ProvisioningError as error:
            raise RestructuringError(str(error)) from error
        work.target = target
    target = work.target
    _plan_, records, users = _describe(work)  # pages planned against the real target now
    default_locale = Locale.get_default()

    # 1. Where everything is now (every page of every moved subtree, and their translations).
    subtree = Q()
    for move in work.moves:
        subtree |= Q(path__startswith=move.page.path)
    moved_pages = list(Page.objects.filter(subtree).order_by("path")) if work.moves else []
    translated = (
        list(
            Page.objects.filter(translation_key__in=[p.translation_key for p in moved_pages]).exclude(
                locale=default_locale
            )
        )
        if moved_pages
        else []
    )
    before = old_urls(moved_pages + translated)
    homes = {s.site.root_page.path: s for s in work.sources}
    home_length = len(next(iter(homes)))  # every unit's home sits at the same depth
    owner = {page.pk: homes[page.path[:home_length]] for page in moved_pages}

    # 2. Move.
    archives = {}
    for move in work.moves:
        if move.into is None:
            if move.source.pk not in archives:
                archives[move.source.pk] = _archive_page(target, move.source)
            parent = archives[move.source.pk]
        else:
            parent = move.into
        _move(move.page, parent, move.source.slug, user)
    # translations whose new parent has a translation in their language follow
    by_key = {p.translation_key: p for p in moved_pages}
    for page in sorted(translated, key=lambda p: p.depth):
        original = Page.objects.get(pk=by_key[page.translation_key].pk)
        new_parent_vi = original.get_parent()
        parent = Page.objects.filter(
            translation_key=new_parent_vi.translation_key, locale_id=page.locale_id
        ).first()
        current_parent = page.get_parent()
        if parent is None or parent.pk == current_parent.pk:
            continue
        if current_parent.translation_key == new_parent_vi.translation_key:
            continue  # its parent moved with it
        _move(page, parent, owner[original.pk].slug, user)

    # 3. Records of the moves and redirects from the old addresses.
    source_homes = Page.objects.filter(
        translation_key__in=[s.site.root_page.translation_key for s in work.sources]
    ).values_list("path", flat=True)
    behind = tuple(source_homes)
    for page_id, (site_id, path) in before.items():
        page = Page.objects.get(pk=page_id)
        vi_page = by_key.get(page.translation_key) if page.locale_id != default_locale.pk else page
        source = owner.get(vi_page.pk) if vi_page is not None else None
        if source is None:
            continue
        if page.locale_id == default_locale.pk or not page.path.startswith(behind):
            ContentMove.objects.get_or_create(
                page_id=page_id,
                from_unit=source,
                defaults={"to_unit": target, "old_url": source.site.root_url + path, "moved_at": now},
            )
            add_redirect(site_id=site_id, path=path, page=page_id)
        else:  # a translation left behind: its address leads to the Vietnamese page
            add_redirect(site_id=site_id, path=path, page=vi_page.pk)
    for source, section, model in work.emptied:
        counterpart = model.objects.child_of(target.site.root_page).order_by("path").first()
        if counterpart is not None:
            add_redirect(site_id=source.site_id, path=f"/{section.slug}/", page=counterpart)
    for source in work.sources:
        add_redirect(site_id=source.site_id, path="/", page=target.site.root_page)

    # 4. The sources' sites: nothing left live (their old paths are 404s that the redirects answer).
    homes = Page.objects.filter(translation_key__in=[s.site.root_page.translation_key for s in work.sources])
    for home in homes:
        for page in Page.objects.descendant_of(home, inclusive=True).live().specific().order_by("-depth"):
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)

    # 5. Records that follow.
    for category in records["categories"]:
        same = records["target_categories"].get(category.slug)
        if same is None:
            Category.objects.filter(pk=category.pk).update(unit=target)
            continue
        through = NewsArticlePage.categories.through
        article_ids = list(
            through.objects.filter(category=category).values_list("newsarticlepage_id", flat=True)
        )
        already = set(
            through.objects.filter(category=same, newsarticlepage_id__in=article_ids).values_list(
                "newsarticlepage_id", flat=True
            )
        )
        through.objects.bulk_create(
            [through(newsarticlepage_id=pk, category=same) for pk in article_ids if pk not in already]
        )
        through.objects.filter(category=category).delete()  # the link only: the category itself stays
    records["officials"].update(unit=target)
    records["questions"].update(unit=target)
    records["alerts"].update(unit=target)
    if records["targets"] and not records["target_has_target"]:
        ArticleTarget.objects.create(
            unit=target, monthly_articles=sum(t.monthly_articles for t in records["targets"]), updated_by=user
        )
    target_collection = target.collection
    records["images"].update(collection=target_collection)
    records["documents"].update(collection=target_collection)

    # 6. Users.
    if options["users"] == "move":
        for member, role, source in users:
            if role == "editors":
                member.groups.add(target.editors_group)
                member.groups.remove(source.editors_group)
            else:
                member.groups.add(target.approvers_group)
                member.groups.remove(source.approvers_group)

    # 7. Units.
    source_ids = [s.pk for s in work.sources]
    Unit.objects.filter(parent__in=source_ids).exclude(pk__in=source_ids).update(parent=target)
    Unit.all_objects.filter(pk__in=source_ids, dissolved_at__isnull=True).update(
        merged_into=target, dissolved_at=now
    )

    data = {
        "operation": "merge",
        "sources": [s.slug for s in work.sources],
        "target": target.slug,
        "pages": len(moved_pages),
        "archive": bool(options["archive"]),
        "users": options["users"],
    }
    log(
        instance=Page.objects.get(pk=target.site.root_page_id).specific,
        action=RESTRUCTURE_ACTION,
        data=data,
        user=user,
    )
    for source in work.sources:
        log(
            instance=Page.objects.get(pk=source.site.root_page_id).specific,
            action=RESTRUCTURE_ACTION,
            data=data,
            user=user,
        )

"""Writes for units: provisioning a unit's site, collection, groups and workflow."""

import logging
import re
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from sites.models import (
    ALLOWED_PARENT_LEVELS,
    TOP_LEVELS,
    BoardApprovalTask,
    FormerHostname,
    TakeDown,
    Unit,
    UnitApprovalTask,
    UnitLevel,
    UnitSettings,
)
from sites.registry import get_board_permissions, get_home_page_factory, get_section_builders
from sites.selectors import is_board_member, top_unit
from sites.signals import page_taken_down

logger = logging.getLogger(__name__)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)

# Page permissions per role. Editors write and submit. A unit's approvers review in the
# workflow but cannot publish past it: everything goes on to the editorial board, which
# alone publishes, schedules and takes down (the top unit's approvers are the board).
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
APPROVER_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
BOARD_PAGE_PERMISSIONS = APPROVER_PAGE_PERMISSIONS + ("publish_page", "bulk_delete_page")
# Collection permissions (Wagtail checks them on its base Image/Document models).
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# On the shared files collection every unit's groups may only choose (the board manages it).
SHARED_COLLECTION_PERMISSIONS = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))


class ProvisioningError(Exception):
    """Bad provisioning input. ``str(error)`` is a message for the user (Vietnamese)."""


@dataclass
class ProvisionResult:
    unit: Unit
    created: bool


def _permissions(app_label, codenames):
    perms = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    }
    missing = set(codenames) - set(perms)
    if missing:
        raise RuntimeError(f"Missing permissions {sorted(missing)}; run migrate first.")
    return [perms[c] for c in codenames]


def _grant_page_permissions(group, page, codenames):
    for permission in _permissions("wagtailcore", codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection_permissions(group, collection, permissions=COLLECTION_PERMISSIONS):
    for app_label, codename in permissions:
        (permission,) = _permissions(app_label, [codename])
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _grant_admin_access(group):
    (permission,) = _permissions("wagtailadmin", ["access_admin"])
    group.permissions.add(permission)


def _validate(*, name, slug, level, hostname, port):
    if not name or not name.strip():
        raise ProvisioningError(_("The unit name must not be empty."))
    if not SLUG_RE.match(slug or ""):
        raise ProvisioningError(
            _("Invalid slug “%(slug)s”: use lowercase letters without diacritics, digits and hyphens.")
            % {"slug": slug}
        )
    if level not in UnitLevel.values:
        raise ProvisioningError(
            _("Invalid level “%(level)s”. Valid levels: %(levels)s.")
            % {"level": level, "levels": ", ".join(UnitLevel.values)}
        )
    if not HOSTNAME_RE.match(hostname or ""):
        raise ProvisioningError(_("Invalid hostname “%(hostname)s”.") % {"hostname": hostname})
    if not (0 < int(port) < 65536):
        raise ProvisioningError(_("Invalid port %(port)s.") % {"port": port})


def _resolve_parent(parent):
    if parent is None or parent == "":
        return None
    if isinstance(parent, Unit):
        return parent
    try:
        return Unit.objects.select_related("site__root_page", "collection").get(slug=parent)
    except Unit.DoesNotExist:
        raise ProvisioningError(_("Unknown parent unit “%(parent)s”.") % {"parent": parent}) from None


def _wagtail_placeholder_sites():
    """The untouched welcome site that Wagtail's migrations create (no unit, a bare leaf page)."""
    return [
        site
        for site in Site.objects.filter(unit__isnull=True).select_related("root_page")
        if site.root_page.specific_class is Page and site.root_page.is_leaf() and site.root_page.depth == 2
    ]


def _remove_wagtail_welcome_site():
    for site in _wagtail_placeholder_sites():
        page = site.root_page
        site.delete()
        page.delete()


def _disarm_wagtail_default_groups():
    """Wagtail's migrations create "Editors" and "Moderators" with rights over the whole tree.

    In a portal every right comes from a unit's groups, so those rows go; the groups
    themselves are deleted when nobody is in them.
    """
    defaults = Group.objects.filter(
        name__in=["Editors", "Moderators"], unit_as_editors__isnull=True, unit_as_approvers__isnull=True
    )
    GroupPagePermission.objects.filter(group__in=defaults).delete()
    GroupCollectionPermission.objects.filter(group__in=defaults).delete()
    defaults.filter(user__isnull=True).delete()


def _ensure_shared_collection(container_collection):
    """The board's shared files: a collection beside the units' own, belonging to no unit, whose images and
    documents every unit's pages may use (``sites.selectors.collections_usable_by``). Made once."""
    unit_collections = Unit.objects.values("collection_id")
    shared = container_collection.get_children().exclude(pk__in=unit_collections).order_by("path").first()
    if shared is None:
        shared = container_collection.add_child(name=_("Shared files"))
    return shared


def _ensure_workflow(top_unit):
    """The single moderation workflow shared by every unit: unit approvers, then the board.

    It is the workflow assigned to the top unit's home (created with it). Idempotent, and it
    repairs a workflow whose steps are not exactly these two.
    """
    board_group = top_unit.approvers_group
    assignment = WorkflowPage.objects.select_related("workflow").filter(page=top_unit.site.root_page).first()
    if assignment is not None:
        workflow = assignment.workflow
    else:
        workflow = Workflow.objects.create(name=_("Article moderation"), active=True)
    unit_task = UnitApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if unit_task is None:
        unit_task = UnitApprovalTask.objects.create(name=_("Unit approval"))
    board_task = BoardApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if board_task is None:
        board_task = BoardApprovalTask.objects.create(name=_("Editorial board approval"))
    board_task.groups.set([board_group])
    steps = [unit_task.pk, board_task.pk]
    if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != steps:
        workflow.workflow_tasks.all().delete()
        for order, task_id in enumerate(steps):
            WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
    return workflow


def _check_existing(unit, *, level, parent, hostname, port):
    conflicts = []
    if unit.level != level:
        conflicts.append(_("level"))
    if unit.parent_id != (parent.pk if parent else None):
        conflicts.append(_("parent unit"))
    if unit.site.hostname != hostname or unit.site.port != int(port):
        conflicts.append(_("hostname"))
    if conflicts:
        raise ProvisioningError(
            _("A unit with slug “%(slug)s” already exists with a different %(fields)s.")
            % {"slug": unit.slug, "fields": ", ".join(conflicts)}
        )


@transaction.atomic
def provision_site(
    *,
    name,
    slug,
    level,
    hostname,
    parent=None,
    port=80,
    full_name=None,
    short_name=None,
    settings_values=None,
    sort_order=0,
    replacing_top=None,
):
    """Create (or complete) a unit and everything its site needs, in one transaction.

    Creates the unit's root ``HomePage`` and standard sections, the Wagtail ``Site``,
    a collection for the unit's images and files, the unit's editors and approvers
    groups (permissions limited to the unit's subtree and collection), the unit's
    site settings and its moderation workflow assignment.

    Idempotent: running it again with the same arguments completes anything missing
    and changes nothing else. Conflicting input (duplicate hostname, a slug that
    exists with other attributes, unknown parent, invalid level) raises
    ``ProvisioningError`` and leaves the database unchanged.

    Page tree: every unit's home sits side by side under one portal container page
    (a plain ``Page`` below Wagtail's root). The top unit's approvers — the editorial
    board — hold their permissions on that container, so they inherit to every unit,
    including ones provisioned later; a unit's own groups hold theirs on its home only.

    ``replacing_top`` (restructuring only: ``restructuring.reparent``): the new unit is to take over as the
    top unit from that one. It is provisioned without a parent beside the other homes, in the current portal
    container and workflow, not yet the board nor the default site; the caller makes it the top unit
    (``transfer_top``) in the same transaction, so the installation never keeps two top units.
    """
    hostname = (hostname or "").strip().lower()
    slug = (slug or "").strip()
    _validate(name=name, slug=slug, level=level, hostname=hostname, port=port)
    parent_unit = _resolve_parent(parent)

    # Level rules
    if parent_unit is None:
        if level not in TOP_LEVELS:
            raise ProvisioningError(_("A unit of level “%(level)s” needs a parent unit.") % {"level": level})
    elif parent_unit.level not in ALLOWED_PARENT_LEVELS[UnitLevel(level)]:
        raise ProvisioningError(
            _("A unit of level “%(level)s” cannot belong to a unit of level “%(parent_level)s”.")
            % {"level": level, "parent_level": parent_unit.level}
        )

    existing = Unit.objects.select_related("site__root_page", "parent").filter(slug=slug).first()
    if existing:
        _check_existing(existing, level=level, parent=parent_unit, hostname=hostname, port=port)
    elif parent_unit is None and replacing_top is None and Unit.objects.filter(parent__isnull=True).exists():
        raise ProvisioningError(_("This installation already has a top unit; give the new unit a parent."))

    clash = Site.objects.filter(hostname=hostname).exclude(
        pk__in=[site.pk for site in _wagtail_placeholder_sites()]
    )
    if existing:
        clash = clash.exclude(pk=existing.site_id)
    if clash.exists():
        raise ProvisioningError(
            _("The hostname “%(hostname)s” is already used by another site.") % {"hostname": hostname}
        )
    check_former_hostname(hostname, unit=existing)
    if replacing_top is not None and (parent_unit is not None or level not in TOP_LEVELS):
        raise ProvisioningError(
            _("A unit of level “%(level)s” cannot become the top unit.") % {"level": level}
        )
    if not existing and Group.objects.filter(name__in=_group_names(slug, parent_unit is None)).exists():
        raise ProvisioningError(
            _("Groups for slug “%(slug)s” already exist without a unit.") % {"slug": slug}
        )

    with translation.override("vi"):
        unit, created = _provision(
            existing=existing,
            name=name.strip(),
            slug=slug,
            level=level,
            hostname=hostname,
            port=int(port),
            parent_unit=parent_unit,
            full_name=full_name,
            short_name=short_name,
            settings_values=settings_values or {},
            sort_order=sort_order,
            successor_of=replacing_top,
        )
    logger.debug("Provisioned unit %s (%s)", unit.slug, "created" if created else "checked")
    return ProvisionResult(unit=unit, created=created)


def _group_names(slug, is_top):
    editors = _("editors")
    approvers = _("editorial board") if is_top else _("approvers")
    return [f"{slug} · {editors}", f"{slug} · {approvers}"]


def _provision(
    *,
    existing,
    name,
    slug,
    level,
    hostname,
    port,
    parent_unit,
    full_name,
    short_name,
    settings_values,
    sort_order,
    successor_of=None,
):
    is_top = parent_unit is None
    # a unit about to take over as the top unit (``replacing_top``) joins the current portal as it is
    founding = is_top and successor_of is None

    # Containers: the portal container page and collection hold every unit.
    if founding:
        if existing:
            container_page = existing.site.root_page.get_parent()
            container_collection = existing.collection.get_parent()
        else:
            _remove_wagtail_welcome_site()
            _disarm_wagtail_default_groups()
            root = Page.get_first_root_node()
            container_page = root.add_child(
                instance=Page(
                    title=_("Portal of %(name)s") % {"name": name}, slug=f"portal-{slug}", live=True
                )
            )
            container_collection = Collection.get_first_root_node().add_child(
                name=_("Portal of %(name)s") % {"name": name}
            )
    else:
        top = successor_of if successor_of is not None else top_unit(parent_unit)
        container_page = top.site.root_page.get_parent()
        container_collection = top.collection.get_parent()

    editors_name, approvers_name = _group_names(slug, is_top)
    if existing:
        editors, approvers = existing.editors_group, existing.approvers_group
        home_page = existing.site.root_page.specific
        site = existing.site
        collection = existing.collection
    else:
        editors = Group.objects.create(name=editors_name)
        approvers = Group.objects.create(name=approvers_name)
        home_page = container_page.add_child(instance=get_home_page_factory()(title=name, slug=slug))
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            site_name=name,
            root_page=home_page,
            is_default_site=founding,
        )
        collection = container_collection.add_child(name=name)

    unit = existing or Unit.objects.create(
        name=name,
        slug=slug,
        level=level,
        parent=parent_unit,
        site=site,
        collection=collection,
        editors_group=editors,
        approvers_group=approvers,
        sort_order=sort_order,
    )

    UnitSettings.objects.get_or_create(
        site=site,
        defaults={
            "full_name": full_name or name,
            "short_name": short_name or name,
            **settings_values,
        },
    )

    # Permissions: the unit's own groups on its home and collection only.
    _grant_page_permissions(editors, home_page, EDITOR_PAGE_PERMISSIONS)
    _grant_page_permissions(
        approvers, home_page, BOARD_PAGE_PERMISSIONS if is_top else APPROVER_PAGE_PERMISSIONS
    )
    shared_collection = _ensure_shared_collection(container_collection)
    for group in (editors, approvers):
        _grant_collection_permissions(group, collection)
        _grant_collection_permissions(group, shared_collection, SHARED_COLLECTION_PERMISSIONS)
        _grant_admin_access(group)
    if founding:
        grant_board_permissions(approvers)
        # The board moderates every unit: permissions on the containers inherit down.
        _grant_page_permissions(approvers, container_page, BOARD_PAGE_PERMISSIONS)
        _grant_collection_permissions(approvers, container_collection)

    workflow = _ensure_workflow(successor_of if successor_of is not None else top_unit(unit))
    WorkflowPage.objects.get_or_create(page=home_page, defaults={"workflow": workflow})

    _build_sections(unit, home_page)

    return unit, existing is None


def _build_sections(unit, home_page):
    for build_section in get_section_builders():
        build_section(unit=unit, home_page=home_page)


def ensure_standard_sections(*, unit):
    """Give an existing unit's site every standard section it lacks (the builders create only what is
    missing): what an upgrade that adds a required section runs for the units provisioned before it."""
    home_page = unit.site.root_page.specific
    with transaction.atomic(), translation.override("vi"):
        _build_sections(unit, home_page)


def grant_board_permissions(group=None):
    """Give the editorial board (the approvers of each top unit, or ``group``) the model permissions the apps
    registered for it (``sites.registry.BOARD_PERMISSIONS_HOOK``). Run on provisioning and after every
    ``migrate``, so a permission registered by a later release reaches existing boards too. Permissions not
    created yet (an app migrated later in the same run) are left to the next call."""
    if group is not None:
        groups = [group]
    else:
        tops = Unit.objects.filter(parent=None).select_related("approvers_group")
        groups = [unit.approvers_group for unit in tops]
    labels = [label.split(".") for label in get_board_permissions()]
    if not groups or not labels:
        return
    wanted = Q()
    for app_label, codename in labels:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(wanted))
    if group is not None and len(permissions) < len(labels):  # provisioning: everything is migrated by now
        found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        missing = sorted(set(get_board_permissions()) - found)
        raise RuntimeError(f"Missing permissions {missing}; run migrate first.")
    for board in groups:
        board.permissions.add(*permissions)


# --- Restructuring (issue #21): what renaming a unit and changing the top unit need ----------------------

# What the board holds on its own home beyond a unit's approvers.
BOARD_ONLY_PAGE_PERMISSIONS = tuple(p for p in BOARD_PAGE_PERMISSIONS if p not in APPROVER_PAGE_PERMISSIONS)


def validate_unit_input(*, name, slug, level, hostname, port):
    """Provisioning's checks of a unit's name, slug, level, hostname and port (``ProvisioningError``)."""
    _validate(name=name, slug=slug, level=level, hostname=hostname, port=port)


def group_names(slug, *, is_top):
    """``(editors, approvers)``: the names provisioning gives the groups of the unit ``slug`` (in Vietnamese,
    as it names them)."""
    with translation.override("vi"):
        return tuple(_group_names(slug, is_top))


def portal_title(name):
    """The title provisioning gives the portal container page and collection of the top unit ``name``."""
    with translation.override("vi"):
        return _("Portal of %(name)s") % {"name": name}


def portal_containers(unit):
    """``(container page, container collection)``: they hold every unit's home and collection."""
    return unit.site.root_page.get_parent(), unit.collection.get_parent()


def check_former_hostname(hostname, *, unit=None):
    """Refuse ``hostname`` when it is a former hostname of a unit other than ``unit``: requests to it are
    redirected to that unit's site (``sites.middleware.FormerHostnameMiddleware``)."""
    former = (
        FormerHostname.objects.filter(hostname=hostname)
        .exclude(unit_id=getattr(unit, "pk", None))
        .select_related("unit")
        .first()
    )
    if former is not None:
        raise ProvisioningError(
            _("The hostname “%(hostname)s” is a former hostname of %(unit)s and redirects there.")
            % {"hostname": hostname, "unit": former.unit.name}
        )


def _board_model_permissions():
    wanted = Q(pk__in=[])
    for label in get_board_permissions():
        app_label, codename = label.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(wanted))


def _translations(page):
    """``page`` and its translations (the English tree copies the permissions of the Vietnamese one)."""
    return list(Page.objects.filter(translation_key=page.translation_key))


def _move_page_permissions(*, page, old_group, new_group, codenames):
    for copy in _translations(page):
        GroupPagePermission.objects.filter(
            group=old_group, page=copy, permission__codename__in=codenames
        ).delete()
        _grant_page_permissions(new_group, copy, codenames)


@transaction.atomic
def transfer_top(*, old_top, new_top, keep_board_members=False):
    """Make ``new_top`` the top unit, with ``old_top`` (the top unit until now) under it: the district
    disappearing into its province, whose approvers become the editorial board.

    ``new_top`` has no parent (provisioned with ``replacing_top=old_top``) and its home sits beside the other
    homes under the portal container, so no page moves and no address changes. What moves from the old board
    (``old_top``'s approvers) to the new one: the page and collection permissions on the portal container and
    the board-only ones on the top home (Wagtail's translations of those pages too), the model permissions
    registered for the board, the board step of the moderation workflow (``BoardApprovalTask``), the group
    names ("... · Ban Biên tập"), the default Wagtail site and the portal container's titles. The old board's
    members stay ``old_top``'s approvers; with ``keep_board_members`` they also join the new board.
    Returns the old board's members.
    """
    old_home, new_home = old_top.site.root_page, new_top.site.root_page
    container_page, container_collection = portal_containers(old_top)
    old_board, new_board = old_top.approvers_group, new_top.approvers_group
    members = list(old_board.user_set.order_by("pk"))

    old_top.parent = new_top
    old_top.save(update_fields=["parent"])

    # Moderation: the new top home joins the shared workflow (it already has it when provisioned with
    # replacing_top), then the board step is the new board's.
    assignment = WorkflowPage.objects.filter(page=old_home).first()
    if assignment is not None:
        WorkflowPage.objects.update_or_create(page=new_home, defaults={"workflow": assignment.workflow})
    _ensure_workflow(new_top)

    # Permissions
    _move_page_permissions(
        page=container_page, old_group=old_board, new_group=new_board, codenames=BOARD_PAGE_PERMISSIONS
    )
    for copy in _translations(old_home):
        GroupPagePermission.objects.filter(
            group=old_board, page=copy, permission__codename__in=BOARD_ONLY_PAGE_PERMISSIONS
        ).delete()
    for copy in _translations(new_home):
        _grant_page_permissions(new_board, copy, BOARD_PAGE_PERMISSIONS)
    GroupCollectionPermission.objects.filter(group=old_board, collection=container_collection).delete()
    _grant_collection_permissions(new_board, container_collection)
    old_board.permissions.remove(*_board_model_permissions())
    grant_board_permissions(new_board)

    # Names: the groups say which is the board; the container carries the top unit's name.
    _rename_group(
        old_board, group_names(old_top.slug, is_top=True)[1], group_names(old_top.slug, is_top=False)[1]
    )
    _rename_group(
        new_board, group_names(new_top.slug, is_top=False)[1], group_names(new_top.slug, is_top=True)[1]
    )
    retitle_portal(container_page, container_collection, old_name=old_top.name, new_name=new_top.name)

    # The default site (answers unknown hosts) is the top unit's.
    old_site, new_site = old_top.site, new_top.site
    old_site.is_default_site = False
    old_site.save(update_fields=["is_default_site"])
    new_site.is_default_site = True
    new_site.save(update_fields=["is_default_site"])

    if keep_board_members and members:
        new_board.user_set.add(*members)
    return members


def _rename_group(group, old_name, new_name):
    if group.name == old_name and old_name != new_name:
        group.name = new_name
        group.save(update_fields=["name"])


def retitle_portal(container_page, container_collection, *, old_name, new_name):
    """Give the portal container page and collection the new top unit's name where they carried the old one
    (their slugs stay: every page's ``url_path`` starts with the container's)."""
    old_title, new_title = portal_title(old_name), portal_title(new_name)
    if old_title == new_title:
        return
    if container_page.title == old_title:
        container_page.title = new_title
        container_page.draft_title = new_title
        container_page.save(clean=False, update_fields=["title", "draft_title"])
    if container_collection.name == old_title:
        container_collection.name = new_title
        container_collection.save(update_fields=["name"])


def mirror_to_translation(page):
    """Give a new translation of a page (the English tree wagtail-localize builds beside the Vietnamese one)
    the page permissions and the workflow of its source: the unit's groups and the board keep their rights on
    the unit's English pages, and English pages go through the same moderation. Returns whether anything was
    copied."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return False
    source = Page.objects.filter(translation_key=page.translation_key, locale=default).first()
    if source is None:
        return False
    copied = False
    for group_id, permission_id in GroupPagePermission.objects.filter(page=source).values_list(
        "group_id", "permission_id"
    ):
        GroupPagePermission.objects.get_or_create(group_id=group_id, page=page, permission_id=permission_id)
        copied = True
    assignment = WorkflowPage.objects.filter(page=source).first()
    if assignment is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": assignment.workflow})
        copied = True
    return copied


# --- Take-down: the board unpublishes a page of any unit with a mandatory reason; its public URL then
# answers 410 Gone with a short notice, so readers and search engines learn the content was withdrawn.

TAKEDOWN_ACTION = "portal.takedown"


def can_take_down(user, page):
    return page.live and is_board_member(user) and page.permissions_for_user(user).can_unpublish()


@transaction.atomic
def take_down(*, page, user, reason):
    """Unpublish ``page`` (and keep its URL answering 410), recording who did it and why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a reason is required")
    page = page.specific
    site = page.get_site()
    url_parts = page.get_url_parts()
    path = url_parts[2] if url_parts else page.url_path
    page.unpublish(user=user, log_action=None)
    takedown = TakeDown.objects.create(page=page, site=site, path=path, reason=reason, user=user)
    log(instance=page, action=TAKEDOWN_ACTION, user=user, data={"reason": reason})
    page_taken_down.send(sender=TakeDown, takedown=takedown)
    return page

"""Re-parenting units: units move under another parent, and the top unit may change.

``plan_reparent`` lists what changes and writes nothing; ``apply_reparent`` re-plans inside one transaction
and carries the plan out. Every unit's home sits beside the others under the portal container
(docs/architecture.md, "Where unit roots sit in the page tree"), so a new parent moves no page and changes no
address: it changes the unit tree (menus "Đơn vị trực thuộc", "Tin huyện", "Tin từ cơ sở", reports by parent)
and, for the top unit, who the editorial board is.

The district disappearing (``make_top``): the province named as ``parent`` becomes the top unit and its
approvers the editorial board (``sites.services.transfer_top``); the old top unit (the district) and the
listed units go under it. ``provision_site`` refuses a second unit without a parent, so a province that does
not exist yet is provisioned here, in the same transaction, from ``name``, ``hostname``, ``port`` and
``level`` (``province`` by default): the installation never has two top units. The district itself may
afterwards be merged into the province (``restructuring.merge``).

Refused, with nothing changed: an unknown or dissolved unit or parent, a unit named twice, a unit under itself
or under its own descendant, a level that cannot sit under the parent's (``ALLOWED_PARENT_LEVELS``), the top
unit moved without ``make_top``. Units already under the parent are left alone: a plan run twice is empty the
second time.
"""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.http.request import validate_host
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log
from wagtail.models import Site, TaskState

from restructuring.plans import Plan, RestructuringError
from restructuring.rename import LOG_ACTION, RestructuringForm, active_unit, site_address, unit_choices
from sites.cache import everything_changed
from sites.models import ALLOWED_PARENT_LEVELS, TOP_LEVELS, BoardApprovalTask, Unit, UnitLevel
from sites.selectors import top_unit
from sites.services import (
    ProvisioningError,
    check_former_hostname,
    group_names,
    portal_containers,
    portal_title,
    provision_site,
    transfer_top,
    validate_unit_input,
)


@dataclass
class _NewTop:
    """A top unit to provision (it cannot exist before: provisioning refuses a second top unit)."""

    slug: str
    name: str
    level: str
    hostname: str
    port: int


@dataclass
class _Reparent:
    parent: Unit | None  # None: the new top unit, to provision
    new_top: _NewTop | None = None
    old_top: Unit | None = None
    make_top: bool = False  # the parent becomes the top unit (False as well when it already is)
    keep_board_members: bool = False
    moves: list = field(default_factory=list)  # units whose parent changes to ``parent``

    @property
    def parent_name(self):
        return self.parent.name if self.parent is not None else self.new_top.name

    @property
    def parent_level(self):
        return self.parent.level if self.parent is not None else self.new_top.level


def _level_label(level):
    return str(UnitLevel(level).label)


def _check_level(unit, parent_level, parent_name):
    if parent_level not in ALLOWED_PARENT_LEVELS[UnitLevel(unit.level)]:
        raise RestructuringError(
            _("%(unit)s (%(level)s) cannot sit under %(parent)s (%(parent_level)s).")
            % {
                "unit": unit.name,
                "level": _level_label(unit.level),
                "parent": parent_name,
                "parent_level": _level_label(parent_level),
            }
        )


def _new_top(*, slug, name, hostname, port, level):
    slug, name, level = (slug or "").strip(), (name or "").strip(), level or UnitLevel.PROVINCE
    hostname = (hostname or "").strip().lower().rstrip(".")
    try:
        validate_unit_input(name=name, slug=slug, level=level, hostname=hostname, port=port)
        check_former_hostname(hostname)
    except ProvisioningError as error:
        raise RestructuringError(str(error)) from None
    if level not in TOP_LEVELS:
        raise RestructuringError(
            _("A unit of level “%(level)s” cannot become the top unit.") % {"level": _level_label(level)}
        )
    if Site.objects.filter(hostname=hostname).exists():
        raise RestructuringError(
            _("The hostname “%(hostname)s” is already used by another site.") % {"hostname": hostname}
        )
    if Group.objects.filter(name__in=group_names(slug, is_top=True)).exists():
        raise RestructuringError(
            _("Groups for slug “%(slug)s” already exist without a unit.") % {"slug": slug}
        )
    return _NewTop(slug=slug, name=name, level=level, hostname=hostname, port=int(port))


def _resolve_parent(parent, *, make_top, name, hostname, port, level):
    slug = (parent or "").strip()
    if not slug:
        raise RestructuringError(
            _("Name the new parent unit: only one unit can be the top unit (make another one the top unit).")
        )
    found = Unit.all_objects.select_related("site__root_page", "approvers_group").filter(slug=slug).first()
    if found is not None:
        if found.is_dissolved:
            raise RestructuringError(
                _("The parent unit “%(name)s” was merged into another unit.") % {"name": found.name}
            )
        return found, None
    if make_top and (name or hostname):
        return None, _new_top(slug=slug, name=name, hostname=hostname, port=port, level=level)
    raise RestructuringError(_("Unknown parent unit “%(parent)s”.") % {"parent": slug})


def _prepare(
    *, units, parent, make_top=False, keep_board_members=False, name=None, hostname=None, port=80, level=None
):
    slugs = [(slug or "").strip() for slug in units or []]
    seen = set()
    for slug in slugs:
        if slug in seen:
            raise RestructuringError(_("The unit “%(slug)s” is named twice.") % {"slug": slug})
        seen.add(slug)
    if not slugs and not make_top:
        raise RestructuringError(_("Name the units to move."))
    moving = [active_unit(slug) for slug in slugs]
    parent_unit, new_top = _resolve_parent(
        parent, make_top=make_top, name=name, hostname=hostname, port=port, level=level
    )
    old_top = top_unit()
    work = _Reparent(
        parent=parent_unit, new_top=new_top, old_top=old_top, keep_board_members=keep_board_members
    )

    parent_of = dict(Unit.objects.values_list("pk", "parent_id"))
    parent_key = parent_unit.pk if parent_unit is not None else "new"
    if make_top and (parent_unit is None or parent_unit.parent_id is not None):
        work.make_top = True
        if work.parent_level not in TOP_LEVELS:
            raise RestructuringError(
                _("A unit of level “%(level)s” cannot become the top unit.")
                % {"level": _level_label(work.parent_level)}
            )
        if old_top is not None:
            _check_level(old_top, work.parent_level, work.parent_name)
            parent_of[old_top.pk] = parent_key
        parent_of[parent_key] = None

    for unit in moving:
        if parent_unit is not None and unit.pk == parent_unit.pk:
            raise RestructuringError(_("A unit cannot be its own parent: %(name)s.") % {"name": unit.name})
        if old_top is not None and unit.pk == old_top.pk:
            if work.make_top:
                continue  # goes under the new top unit anyway
            if parent_unit is None or unit.parent_id != parent_unit.pk:
                raise RestructuringError(
                    _("%(name)s is the top unit: it can only go under a unit made the new top unit.")
                    % {"name": unit.name}
                )
        _check_level(unit, work.parent_level, work.parent_name)
        if parent_unit is not None and unit.parent_id == parent_unit.pk:
            continue  # already there
        work.moves.append(unit)
        parent_of[unit.pk] = parent_key

    for unit in work.moves:  # no unit may end up under itself
        seen, up = {unit.pk}, parent_of.get(unit.pk)
        while up is not None:
            if up in seen:
                raise RestructuringError(
                    _("%(unit)s cannot go under %(parent)s, which belongs to it.")
                    % {"unit": unit.name, "parent": work.parent_name}
                )
            seen.add(up)
            up = parent_of.get(up)
    return work


def _parent_name(unit):
    return unit.parent.name if unit.parent_id else _("(none: top unit)")


def _plan(work):
    plan = Plan(
        operation="reparent",
        title=_("Move units under %(parent)s") % {"parent": work.parent_name},
    )
    new = work.new_top
    if new is not None:
        address = site_address(new.hostname, new.port)
        plan.add(
            "units",
            _("New unit %(name)s (%(slug)s, %(level)s), provisioned with its site, groups and sections")
            % {"name": new.name, "slug": new.slug, "level": _level_label(new.level)},
        )
        plan.add("hostnames", _("New site: %(address)s") % {"address": address})
        if not validate_host(new.hostname, settings.ALLOWED_HOSTS):
            plan.add(
                "hostnames",
                _("Warning: %(hostname)s is not in ALLOWED_HOSTS; add it there for the site to answer.")
                % {"hostname": new.hostname},
            )
    for unit in work.moves:
        plan.add(
            "units",
            _("%(name)s (%(slug)s): under %(old)s → under %(new)s")
            % {"name": unit.name, "slug": unit.slug, "old": _parent_name(unit), "new": work.parent_name},
        )
    if work.make_top:
        _plan_top(plan, work)
    if not plan.is_empty:
        plan.add(
            "pages", _("No page moves: every unit's home stays where it is, so every address keeps working.")
        )
    plan.counts["units"] = len(work.moves) + (1 if new is not None else 0) + (1 if work.make_top else 0)
    plan.data = {
        "parent": work.parent.pk if work.parent is not None else None,
        "moves": [unit.pk for unit in work.moves],
        "make_top": work.make_top,
    }
    return plan


def _plan_top(plan, work):
    old_top = work.old_top
    if work.parent is not None and work.parent.parent_id is not None:
        plan.add(
            "units",
            _("%(name)s (%(slug)s): under %(old)s → no parent")
            % {"name": work.parent.name, "slug": work.parent.slug, "old": _parent_name(work.parent)},
        )
    if old_top is None:
        plan.add("units", _("%(name)s becomes the top unit") % {"name": work.parent_name})
        return
    plan.add(
        "units",
        _("%(new)s becomes the top unit; %(old)s goes under it")
        % {"new": work.parent_name, "old": old_top.name},
    )
    new_slug = work.parent.slug if work.parent is not None else work.new_top.slug
    old_board_name = old_top.approvers_group.name
    new_board_name = (
        work.parent.approvers_group.name if work.parent is not None else group_names(new_slug, is_top=True)[1]
    )
    plan.add(
        "users",
        _("Editorial board: the group “%(old)s” → the group “%(new)s” (rights on every unit, the board step)")
        % {"old": old_board_name, "new": new_board_name},
    )
    members = list(old_top.approvers_group.user_set.order_by("username"))
    for user in members:
        who = user.get_full_name() or user.get_username()
        if work.keep_board_members:
            line = _("%(user)s, on the old board: joins the new board (and stays an approver of %(unit)s)")
        else:
            line = _(
                "%(user)s, on the old board: stays an approver of %(unit)s, no longer on the board "
                "(keep the board members to add them to the new board)"
            )
        plan.add("users", line % {"user": who, "unit": old_top.name})
    if work.parent is None and not (work.keep_board_members and members):
        plan.add(
            "users",
            _("The new board has no members yet: add them to the group “%(group)s”.")
            % {"group": new_board_name},
        )
    plan.counts["users"] = len(plan.lines["users"])
    waiting = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__in=BoardApprovalTask.objects.values("pk")
    ).count()
    plan.add(
        "other",
        _("Moderation: the board step of the workflow goes to the new board (%(count)s pages waiting at it)")
        % {"count": waiting},
    )
    old_address = old_top.site.root_url
    new_address = (
        work.parent.site.root_url
        if work.parent is not None
        else site_address(work.new_top.hostname, work.new_top.port)
    )
    plan.add("hostnames", _("Default site: %(old)s → %(new)s") % {"old": old_address, "new": new_address})
    container_page, container_collection = portal_containers(old_top)
    if portal_title(old_top.name) in (container_page.title, container_collection.name):
        plan.add(
            "other",
            _("Portal container: “%(old)s” → “%(new)s”")
            % {"old": portal_title(old_top.name), "new": portal_title(work.parent_name)},
        )


def plan_reparent(
    *, units, parent, make_top=False, keep_board_members=False, name=None, hostname=None, port=80, level=None
):
    """What moving ``units`` (slugs) under ``parent`` (a slug) would change; writes nothing.

    ``make_top``: ``parent`` becomes the top unit and the current top unit goes under it with ``units``; when
    ``parent`` does not exist yet it is provisioned from ``name``, ``hostname``, ``port`` and ``level``
    (``province`` by default). ``keep_board_members``: the old board's members join the new board. An empty
    plan means everything is already so. Raises ``RestructuringError`` for a bad plan."""
    return _plan(
        _prepare(
            units=units,
            parent=parent,
            make_top=make_top,
            keep_board_members=keep_board_members,
            name=name,
            hostname=hostname,
            port=port,
            level=level,
        )
    )


@transaction.atomic
def apply_reparent(
    *,
    user=None,
    units,
    parent,
    make_top=False,
    keep_board_members=False,
    name=None,
    hostname=None,
    port=80,
    level=None,
):
    """Carry out ``plan_reparent`` in one transaction; returns the plan it executed (empty: nothing done)."""
    work = _prepare(
        units=units,
        parent=parent,
        make_top=make_top,
        keep_board_members=keep_board_members,
        name=name,
        hostname=hostname,
        port=port,
        level=level,
    )
    plan = _plan(work)
    if plan.is_empty:
        return plan
    parent_unit = work.parent
    if work.new_top is not None:
        new = work.new_top
        try:
            parent_unit = provision_site(
                name=new.name,
                slug=new.slug,
                level=new.level,
                hostname=new.hostname,
                port=new.port,
                replacing_top=work.old_top,
            ).unit
        except ProvisioningError as error:
            raise RestructuringError(str(error)) from None
    changed = [*work.moves]
    if work.make_top:
        if parent_unit.parent_id is not None:
            parent_unit.parent = None
            parent_unit.save(update_fields=["parent"])
        if work.old_top is not None:
            transfer_top(
                old_top=work.old_top, new_top=parent_unit, keep_board_members=work.keep_board_members
            )
            changed.append(work.old_top)
        changed.append(parent_unit)
    for unit in work.moves:
        unit.parent = parent_unit
        unit.save(update_fields=["parent"])
    data = {
        "operation": "reparent",
        "parent": parent_unit.slug,
        "units": [unit.slug for unit in work.moves],
        "make_top": work.make_top,
        "previous_top": work.old_top.slug if work.make_top and work.old_top is not None else None,
        "keep_board_members": work.keep_board_members,
    }
    for unit in dict.fromkeys(changed):
        log(instance=unit.site.root_page.specific, action=LOG_ACTION, user=user, data=data)
    everything_changed()
    return plan


class ReparentForm(RestructuringForm):
    units = forms.ModelMultipleChoiceField(
        queryset=Unit.objects.none(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Units to move"),
    )
    parent = forms.ModelChoiceField(
        queryset=Unit.objects.none(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("New parent unit"),
    )
    make_top = forms.BooleanField(
        required=False,
        label=gettext_lazy("Make the parent the top unit"),
        help_text=gettext_lazy(
            "The current top unit goes under it and its approvers become the editorial board (the district "
            "disappearing into its province)."
        ),
    )
    keep_board_members = forms.BooleanField(
        required=False, label=gettext_lazy("Add the members of the old editorial board to the new one")
    )
    new_top_slug = forms.CharField(required=False, max_length=100, label=gettext_lazy("New top unit: slug"))
    new_top_name = forms.CharField(required=False, max_length=255, label=gettext_lazy("New top unit: name"))
    new_top_hostname = forms.CharField(
        required=False, max_length=255, label=gettext_lazy("New top unit: hostname")
    )
    new_top_port = forms.IntegerField(
        required=False, min_value=1, max_value=65535, initial=80, label=gettext_lazy("New top unit: port")
    )
    new_top_level = forms.ChoiceField(
        required=False,
        choices=[(level.value, level.label) for level in UnitLevel if level in TOP_LEVELS],
        initial=UnitLevel.PROVINCE,
        label=gettext_lazy("New top unit: level"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = unit_choices()
        self.fields["parent"].queryset = unit_choices()
        self.fields["new_top_slug"].help_text = gettext_lazy(
            "Only to make a unit that does not exist yet the top unit (leave the parent empty)."
        )

    def clean(self):
        data = super().clean()
        if data.get("parent") and data.get("new_top_slug"):
            raise forms.ValidationError(_("Choose the parent unit or describe a new top unit, not both."))
        if not data.get("parent") and not data.get("new_top_slug"):
            raise forms.ValidationError(_("Choose the new parent unit."))
        if data.get("new_top_slug") and not data.get("make_top"):
            raise forms.ValidationError(_("A new unit can only be created here to become the top unit."))
        return data

    def options(self):
        data = self.cleaned_data
        return {
            "units": [unit.slug for unit in data.get("units") or []],
            "parent": data["parent"].slug if data.get("parent") else data.get("new_top_slug"),
            "make_top": bool(data.get("make_top")),
            "keep_board_members": bool(data.get("keep_board_members")),
            "name": data.get("new_top_name") or None,
            "hostname": data.get("new_top_hostname") or None,
            "port": data.get("new_top_port") or 80,
            "level": data.get("new_top_level") or None,
        }

    def _planner(self):
        return plan_reparent

    def _applier(self):
        return apply_reparent

"""Renaming a unit: its name, slug, hostname and port, and everything that carries them.

``plan_rename`` lists what changes and writes nothing; ``apply_rename`` re-plans inside one transaction and
carries the plan out. What carries a unit's name, slug or hostname (provisioning gave them):

- the unit (``name``, ``slug``) and its Wagtail ``Site`` (``hostname``, ``port``, ``site_name`` where it was
  the name);
- its home page: the title where it was the name, the slug (always the unit's slug: provisioning needs it
  free for a later unit). The home is its site's root, so no public address changes and no page redirect is
  needed; the latest revision is corrected with it, so publishing the draft later does not bring the old
  name back;
- its groups ("<slug> · Biên tập viên" ...), where they still have provisioning's names, and its collection
  where it is named after the unit;
- its ``UnitSettings``: the old name is replaced inside the full and short names (e.g. "Cổng thông tin điện
  tử Xã A"); their English twins only where they were exactly the old name; the English home page likewise;
- for the top unit, the portal container page and collection ("Cổng thông tin ...").

The old hostname becomes a ``FormerHostname`` of the unit: ``sites.middleware.FormerHostnameMiddleware``
redirects every request to it permanently to the same path on the new address. Taking back one of the unit's
own former hostnames removes that row. A hostname another site or another unit's former hostname uses, a
slug another unit has (dissolved ones included), and what provisioning would refuse are refused.
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
from wagtail.models import Page, Site

from restructuring.plans import Plan, RestructuringError
from search.services import index_page
from sites.cache import everything_changed
from sites.models import FormerHostname, Unit, UnitSettings
from sites.services import (
    ProvisioningError,
    check_former_hostname,
    group_names,
    portal_containers,
    portal_title,
    retitle_portal,
    validate_unit_input,
)

LOG_ACTION = "portal.restructure"


def active_unit(unit):
    """The unit ``unit`` (a slug or a ``Unit``) with its site, home and groups loaded; refused when unknown or
    dissolved (merged into another unit)."""
    slug = unit.slug if isinstance(unit, Unit) else (unit or "").strip()
    found = (
        Unit.all_objects.select_related(
            "site__root_page", "collection", "editors_group", "approvers_group", "parent"
        )
        .filter(slug=slug)
        .first()
    )
    if found is None:
        raise RestructuringError(_("Unknown unit “%(slug)s”.") % {"slug": slug})
    if found.is_dissolved:
        raise RestructuringError(
            _("The unit “%(name)s” was merged into another unit and can no longer be changed.")
            % {"name": found.name}
        )
    return found


def site_address(hostname, port):
    """The root URL Wagtail gives a site with this hostname and port."""
    if port == 80:
        return f"http://{hostname}"
    if port == 443:
        return f"https://{hostname}"
    return f"http://{hostname}:{port}"


@dataclass
class _Rename:
    """What a rename changes, with the objects it changes (loaded by the plan)."""

    unit: Unit
    old_name: str
    new_name: str
    old_slug: str
    new_slug: str
    old_hostname: str
    new_hostname: str
    old_port: int
    new_port: int
    groups: list = field(default_factory=list)  # (group, new name)
    settings_fields: dict = field(default_factory=dict)  # {field: new value}
    translations: list = field(default_factory=list)  # other-language homes titled with the old name
    retitle_home: bool = False
    rename_collection: bool = False
    rename_site: bool = False
    retitle_portal: bool = False


def _clean_options(unit, *, name, slug, hostname, port):
    site = unit.site
    new_name = name.strip() if name and name.strip() else unit.name
    new_slug = slug.strip() if slug and slug.strip() else unit.slug
    new_hostname = hostname.strip().lower().rstrip(".") if hostname and hostname.strip() else site.hostname
    try:
        new_port = int(port) if port not in (None, "") else site.port
    except (TypeError, ValueError):
        raise RestructuringError(_("Invalid port %(port)s.") % {"port": port}) from None
    try:
        validate_unit_input(
            name=new_name, slug=new_slug, level=unit.level, hostname=new_hostname, port=new_port
        )
    except ProvisioningError as error:
        raise RestructuringError(str(error)) from None
    return new_name, new_slug, new_hostname, new_port


def _check_free(unit, *, new_slug, new_hostname):
    site, home = unit.site, unit.site.root_page
    if new_slug != unit.slug:
        if Unit.all_objects.filter(slug=new_slug).exclude(pk=unit.pk).exists():
            raise RestructuringError(
                _("The slug “%(slug)s” is already used by another unit.") % {"slug": new_slug}
            )
        own_groups = [unit.editors_group_id, unit.approvers_group_id]
        names = group_names(new_slug, is_top=unit.is_top)
        if Group.objects.filter(name__in=names).exclude(pk__in=own_groups).exists():
            raise RestructuringError(
                _("Groups for slug “%(slug)s” already exist without a unit.") % {"slug": new_slug}
            )
        if Page.objects.sibling_of(home).filter(slug=new_slug).exclude(pk=home.pk).exists():
            raise RestructuringError(
                _("A page with the slug “%(slug)s” already sits beside the units' home pages.")
                % {"slug": new_slug}
            )
    if new_hostname != site.hostname:
        if Site.objects.filter(hostname=new_hostname).exclude(pk=site.pk).exists():
            raise RestructuringError(
                _("The hostname “%(hostname)s” is already used by another site.") % {"hostname": new_hostname}
            )
        try:
            check_former_hostname(new_hostname, unit=unit)
        except ProvisioningError as error:
            raise RestructuringError(str(error)) from None


def _settings_changes(unit_settings, old_name, new_name):
    if unit_settings is None or old_name == new_name:
        return {}
    changes = {}
    for name in ("full_name", "short_name"):
        value = getattr(unit_settings, name)
        if old_name in value:
            changes[name] = value.replace(old_name, new_name)
    for name in ("full_name_en", "short_name_en"):  # English: only an untranslated copy of the name
        if getattr(unit_settings, name) == old_name:
            changes[name] = new_name
    return changes


def _prepare(*, unit, name, slug, hostname, port):
    unit = active_unit(unit)
    new_name, new_slug, new_hostname, new_port = _clean_options(
        unit, name=name, slug=slug, hostname=hostname, port=port
    )
    _check_free(unit, new_slug=new_slug, new_hostname=new_hostname)
    site, home = unit.site, unit.site.root_page
    work = _Rename(
        unit=unit,
        old_name=unit.name,
        new_name=new_name,
        old_slug=unit.slug,
        new_slug=new_slug,
        old_hostname=site.hostname,
        new_hostname=new_hostname,
        old_port=site.port,
        new_port=new_port,
    )
    renamed = new_name != unit.name
    if renamed:
        work.retitle_home = home.title == unit.name
        work.rename_collection = unit.collection.name == unit.name
        work.rename_site = site.site_name == unit.name
        work.settings_fields = _settings_changes(
            UnitSettings.objects.filter(site=site).first(), unit.name, new_name
        )
        work.translations = list(
            Page.objects.filter(translation_key=home.translation_key, title=unit.name).exclude(pk=home.pk)
        )
        if unit.is_top:
            container_page, container_collection = portal_containers(unit)
            old_title = portal_title(unit.name)
            work.retitle_portal = old_title in (container_page.title, container_collection.name)
    if new_slug != unit.slug:
        old_names = group_names(unit.slug, is_top=unit.is_top)
        new_names = group_names(new_slug, is_top=unit.is_top)
        for group, old, new in zip(
            (unit.editors_group, unit.approvers_group), old_names, new_names, strict=True
        ):
            if group.name == old:
                work.groups.append((group, new))
    return work


def _plan(work):
    unit = work.unit
    plan = Plan(
        operation="rename",
        title=_("Rename the unit %(name)s (%(slug)s)") % {"name": work.old_name, "slug": work.old_slug},
    )
    plan.data = {"unit": unit.pk}
    if work.new_name != work.old_name:
        plan.add("units", _("Name: “%(old)s” → “%(new)s”") % {"old": work.old_name, "new": work.new_name})
    if work.new_slug != work.old_slug:
        plan.add("units", _("Slug: %(old)s → %(new)s") % {"old": work.old_slug, "new": work.new_slug})
        plan.add(
            "pages",
            _("Home page slug: %(old)s → %(new)s (no public address changes: the home is the site root)")
            % {"old": work.old_slug, "new": work.new_slug},
        )
    if work.retitle_home:
        plan.add(
            "pages",
            _("Home page title: “%(old)s” → “%(new)s”") % {"old": work.old_name, "new": work.new_name},
        )
    for page in work.translations:
        plan.add(
            "pages",
            _("Translated home page (%(language)s) title: “%(old)s” → “%(new)s”")
            % {"language": page.locale.language_code, "old": page.title, "new": work.new_name},
        )
    old_address = site_address(work.old_hostname, work.old_port)
    new_address = site_address(work.new_hostname, work.new_port)
    if old_address != new_address:
        plan.add("hostnames", _("Site address: %(old)s → %(new)s") % {"old": old_address, "new": new_address})
    if work.new_hostname != work.old_hostname:
        plan.add(
            "hostnames",
            _("%(hostname)s becomes a former hostname of the unit") % {"hostname": work.old_hostname},
        )
        if FormerHostname.objects.filter(unit=unit, hostname=work.new_hostname).exists():
            plan.add(
                "hostnames",
                _("%(hostname)s, a former hostname of the unit, is its address again and no longer redirects")
                % {"hostname": work.new_hostname},
            )
        if not validate_host(work.new_hostname, settings.ALLOWED_HOSTS):
            plan.add(
                "hostnames",
                _("Warning: %(hostname)s is not in ALLOWED_HOSTS; add it there for the site to answer.")
                % {"hostname": work.new_hostname},
            )
        plan.add(
            "redirects",
            _("Every request to %(old)s is redirected permanently to the same path and query on %(new)s")
            % {"old": work.old_hostname, "new": new_address},
        )
    for group, new in work.groups:
        plan.add("users", _("Group “%(old)s” → “%(new)s”") % {"old": group.name, "new": new})
    if work.rename_collection:
        plan.add(
            "files", _("Collection “%(old)s” → “%(new)s”") % {"old": work.old_name, "new": work.new_name}
        )
    if work.rename_site:
        plan.add(
            "other", _("Site name: “%(old)s” → “%(new)s”") % {"old": work.old_name, "new": work.new_name}
        )
    unit_settings = UnitSettings.objects.filter(site=unit.site).first() if work.settings_fields else None
    for name, value in work.settings_fields.items():
        plan.add(
            "other",
            _("Unit information, %(field)s: “%(old)s” → “%(new)s”")
            % {
                "field": UnitSettings._meta.get_field(name).verbose_name,
                "old": getattr(unit_settings, name),
                "new": value,
            },
        )
    if work.retitle_portal:
        plan.add(
            "other",
            _("Portal container: “%(old)s” → “%(new)s”")
            % {"old": portal_title(work.old_name), "new": portal_title(work.new_name)},
        )
    return plan


def plan_rename(*, unit, name=None, slug=None, hostname=None, port=None):
    """What renaming ``unit`` (a slug) would change; writes nothing. Options left empty keep their value; an
    empty plan means the unit already has these. Raises ``RestructuringError`` for a bad plan."""
    return _plan(_prepare(unit=unit, name=name, slug=slug, hostname=hostname, port=port))


def _retitle(page, *, title=None, old_title=None, slug=None, old_slug=None):
    """Change a page's title and slug in place (no new revision, no publishing: the content stays as it is),
    and in its latest revision, which the editor opens and a later publish would bring back."""
    fields = []
    if title is not None:
        if page.title == old_title:
            page.title = title
            fields.append("title")
        if page.draft_title == old_title:
            page.draft_title = title
            fields.append("draft_title")
    if slug is not None and page.slug == old_slug:
        page.slug = slug
        fields += ["slug", "url_path"]
    if fields:
        page.save(clean=False, update_fields=fields)
    revision = page.latest_revision
    if revision is not None:
        content = revision.content
        before = dict(content)
        for key in ("title", "draft_title"):
            if title is not None and content.get(key) == old_title:
                content[key] = title
        if slug is not None and content.get("slug") == old_slug:
            content["slug"] = slug
            content["url_path"] = page.url_path
        if content != before:
            revision.save(update_fields=["content"])


def _carry_out(work):
    unit, site, home = work.unit, work.unit.site, work.unit.site.root_page
    if work.new_name != work.old_name or work.new_slug != work.old_slug:
        unit.name, unit.slug = work.new_name, work.new_slug
        unit.save(update_fields=["name", "slug"])
    slug_changed = work.new_slug != work.old_slug
    if work.retitle_home or slug_changed:
        _retitle(
            home,
            title=work.new_name if work.retitle_home else None,
            old_title=work.old_name,
            slug=work.new_slug if slug_changed else None,
            old_slug=work.old_slug,
        )
    for page in work.translations:
        _retitle(page, title=work.new_name, old_title=work.old_name)
    for group, new in work.groups:
        group.name = new
        group.save(update_fields=["name"])
    if work.rename_collection:
        unit.collection.name = work.new_name
        unit.collection.save(update_fields=["name"])
    if work.settings_fields:
        unit_settings = UnitSettings.objects.get(site=site)
        for name, value in work.settings_fields.items():
            setattr(unit_settings, name, value)
        unit_settings.save(update_fields=list(work.settings_fields))
    if work.retitle_portal:
        container_page, container_collection = portal_containers(unit)
        retitle_portal(container_page, container_collection, old_name=work.old_name, new_name=work.new_name)
    if work.new_hostname != work.old_hostname:
        FormerHostname.objects.filter(unit=unit, hostname=work.new_hostname).delete()
        FormerHostname.objects.get_or_create(hostname=work.old_hostname, defaults={"unit": unit})
    site_fields = {"hostname": work.new_hostname, "port": work.new_port}
    if work.rename_site:
        site_fields["site_name"] = work.new_name
    changed = [name for name, value in site_fields.items() if getattr(site, name) != value]
    if changed:
        for name in changed:
            setattr(site, name, site_fields[name])
        site.save(update_fields=changed)
    for page in [home, *work.translations]:
        if page.live:
            index_page(page.pk)


@transaction.atomic
def apply_rename(*, user=None, unit, name=None, slug=None, hostname=None, port=None):
    """Carry out ``plan_rename`` in one transaction; returns the plan it executed (empty: nothing done)."""
    work = _prepare(unit=unit, name=name, slug=slug, hostname=hostname, port=port)
    plan = _plan(work)
    if plan.is_empty:
        return plan
    _carry_out(work)
    log(
        instance=work.unit.site.root_page.specific,
        action=LOG_ACTION,
        user=user,
        data={
            "operation": "rename",
            "unit": work.unit.pk,
            "name": [work.old_name, work.new_name],
            "slug": [work.old_slug, work.new_slug],
            "hostname": [work.old_hostname, work.new_hostname],
            "port": [work.old_port, work.new_port],
        },
    )
    everything_changed()
    return plan


class RestructuringForm(forms.Form):
    """A form whose ``plan()`` returns the plan (or None, with the error on the form) and ``apply(user)``
    carries it out (or None, with the error on the form when it became impossible meanwhile)."""

    def options(self):
        raise NotImplementedError

    def _planner(self):
        raise NotImplementedError

    def _applier(self):
        raise NotImplementedError

    def plan(self):
        if not self.is_valid():
            return None
        try:
            return self._planner()(**self.options())
        except RestructuringError as error:
            self.add_error(None, str(error))
            return None

    def apply(self, user):
        if not self.is_valid():
            return None
        try:
            return self._applier()(user=user, **self.options())
        except RestructuringError as error:
            self.add_error(None, str(error))
            return None


def unit_choices():
    """The units a restructuring may name: those in service, in the order of reports."""
    return Unit.objects.active().order_by("parent_id", "sort_order", "name")


class RenameForm(RestructuringForm):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), to_field_name="slug", label=gettext_lazy("Unit")
    )
    name = forms.CharField(label=gettext_lazy("New name"), max_length=255, required=False)
    slug = forms.CharField(label=gettext_lazy("New slug"), max_length=100, required=False)
    hostname = forms.CharField(label=gettext_lazy("New hostname"), max_length=255, required=False)
    port = forms.IntegerField(label=gettext_lazy("New port"), min_value=1, max_value=65535, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices()
        for name in ("name", "slug", "hostname", "port"):
            self.fields[name].help_text = gettext_lazy("Leave empty to keep it.")

    def options(self):
        data = self.cleaned_data
        return {
            "unit": data["unit"].slug,
            "name": data.get("name") or None,
            "slug": data.get("slug") or None,
            "hostname": data.get("hostname") or None,
            "port": data.get("port"),
        }

    def _planner(self):
        return plan_rename

    def _applier(self):
        return apply_rename

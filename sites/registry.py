"""What the feature apps give every unit, registered through Wagtail hooks in their ``wagtail_hooks.py``.

``sites`` is the ground floor and imports no feature:

- ``UNIT_SECTIONS_HOOK``: ``fn(*, unit, home_page)`` adds a standard section to a unit's site.
  Provisioning calls every one, by ``order``, inside its transaction; each must be idempotent (create only
  what is missing: ``ensure_child_page``).
- ``BOARD_PERMISSIONS_HOOK``: ``fn()`` returns model permissions ("app_label.codename") the editorial board
  gets on provisioning and after every ``migrate``.
- the home page factory is one slot, not a hook: exactly one app (``home``) owns the home page model.
"""

from wagtail import hooks

UNIT_SECTIONS_HOOK = "portal_unit_sections"
BOARD_PERMISSIONS_HOOK = "portal_board_permissions"


def get_section_builders():
    """The registered section builders, by their hook ``order``."""
    return hooks.get_hooks(UNIT_SECTIONS_HOOK)


def get_board_permissions():
    """Every permission registered for the board, sorted, once each."""
    return sorted({permission for fn in hooks.get_hooks(BOARD_PERMISSIONS_HOOK) for permission in fn()})


_home_page_factory = None


def register_home_page_factory(func):
    """The app that owns the home page model registers how to create one."""
    global _home_page_factory
    _home_page_factory = func
    return func


def get_home_page_factory():
    if _home_page_factory is None:
        raise RuntimeError("No home page factory registered (is the 'home' app installed?)")
    return _home_page_factory


def ensure_child_page(parent, page_class, **fields):
    """Add a live, in-menu child of ``page_class`` under ``parent`` unless one exists (idempotent)."""
    if page_class.objects.child_of(parent).exists():
        return
    parent.add_child(instance=page_class(live=True, show_in_menus=True, **fields))


# --- Personal data (issue #20 §3) -----------------------------------------------------------------------
# ``PERSONAL_DATA_HOOK``: each feature that keeps people's contact details registers one provider *object*
# (``hooks.register(PERSONAL_DATA_HOOK, provider)``) with:
#   ``key``: a short stable name ("documents.draftcomment"), used in the log's counts;
#   ``label``: what its records are, for people ("Comments on drafts");
#   ``find(*, units, contact) -> list``: the records of the person with ``contact`` (a normalised e-mail or
#       phone number, ``sites.personal_data.normalise_contact``) held by ``units`` (Unit objects) only;
#   ``export(records) -> list[dict]``: every field held about the person, JSON-ready;
#   ``erase(records, *, reason) -> int``: blank the name (to "Đã xóa") and contact fields, keep the rest for
#       statistics, set ``contact_erased_at``; returns how many records were erased;
#   ``erase_expired(*, now) -> int``: the same for every record whose case closed more than the feature's
#       ``PORTAL_..._CONTACT_DAYS`` before ``now``.
# ``sites.personal_data`` calls them all (the admin view "Dữ liệu cá nhân" and the nightly beat task).
PERSONAL_DATA_HOOK = "portal_personal_data"


def get_personal_data_providers():
    """The registered personal-data providers, by their hook ``order``."""
    return hooks.get_hooks(PERSONAL_DATA_HOOK)

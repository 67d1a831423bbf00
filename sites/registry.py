"""Standard sections of a unit's site, registered by the feature apps.

``sites`` is the ground floor and imports no feature. Each feature app registers
a builder in its ``AppConfig.ready()``; provisioning calls every builder with the
unit's home page. Builders must be idempotent (create only what is missing).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionBuilder:
    name: str
    order: int
    build: Callable  # build(*, unit, home_page) -> None


_builders: dict[str, SectionBuilder] = {}


def register_section(name, *, order=100):
    def decorator(func):
        _builders[name] = SectionBuilder(name=name, order=order, build=func)
        return func

    return decorator


def get_section_builders():
    return sorted(_builders.values(), key=lambda b: (b.order, b.name))


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


_board_permissions: set[str] = set()


def register_board_permissions(*permissions):
    """Model permissions ("app_label.codename") the editorial board gets on provisioning."""
    _board_permissions.update(permissions)


def get_board_permissions():
    return sorted(_board_permissions)

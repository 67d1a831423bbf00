"""Generations: what tells every web process, at once, that a unit's public pages changed.

The scheme (docs/architecture.md, "Page cache"): the shared cache (Redis in production, the file cache of
``make run``) holds one *generation* token for everything (``all``) and one per unit. A cached public page and
any per-unit value remembered in a process (``remember``) are stored under the tokens read *before* they were
built; a change replaces the tokens after its transaction commits, so every process's next lookup misses and
builds afresh from the committed state. Nothing is ever deleted or scanned: old entries are no longer asked
for and expire.

What a change replaces:
- a page published, unpublished (expiry and take-down included), moved, deleted or switched on at its
  scheduled second: its unit's token, its ancestors' (the district's "Tin từ cơ sở", the top unit's pages)
  and its descendants' (every commune shows its district's news as "Tin huyện"); a page moved between units
  does so for both;
- anything else public pages show (units, sites, unit settings, alert banners, take-downs, redirects,
  locales, view restrictions, images and files, categories, comments shown on drafts): the ``all`` token.

A token is a random string, never a counter: a token lost (Redis evicting it, a restart) is replaced by a new
random one, never by a value an old entry was stored under.
"""

import threading
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

EVERYTHING = "all"
PREFIX = "pc:gen:"


def _key(scope):
    return f"{PREFIX}{scope}"


def _token():
    return uuid.uuid4().hex[:16]


def read(unit_id=None, *, also=()):
    """``(token of everything, token of unit_id)`` from the shared cache, in one round trip with the values of
    the keys in ``also`` when given (then ``(everything, unit, {key: value})``). A missing token is created,
    never assumed."""
    scopes = [EVERYTHING] if unit_id is None else [EVERYTHING, unit_id]
    keys = [_key(scope) for scope in scopes]
    found = cache.get_many([*keys, *also])
    if any(key not in found for key in keys):
        for key in keys:
            if key not in found:
                cache.add(key, _token(), None)
        found.update(cache.get_many(keys))
    everything = found.get(keys[0], "")
    unit = found.get(keys[1], "") if unit_id is not None else "-"
    if also:
        return everything, unit, {key: found.get(key) for key in also}
    return everything, unit


def bump(unit_ids=(), *, everything=False):
    """Replace the tokens now (callers inside a transaction use ``bump_on_commit``)."""
    tokens = {_key(unit_id): _token() for unit_id in set(unit_ids)}
    if everything:
        tokens[_key(EVERYTHING)] = _token()
    if tokens:
        cache.set_many(tokens, None)


def bump_on_commit(unit_ids=(), *, everything=False):
    """Replace the tokens now and again once the current transaction commits (once outside one).

    The second time is what makes it exact: a page built from the state before the commit, under the tokens
    of the first time, is never asked for again. The first makes the change show at once to the process that
    makes it (and in tests, whose transaction never commits)."""
    unit_ids = set(unit_ids)
    bump(unit_ids, everything=everything)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: bump(unit_ids, everything=everything))


def affected_units(units):
    """The ids of ``units``, their ancestors and their descendants: whose pages can show their content."""
    from sites.models import Unit

    wanted = {unit.pk if hasattr(unit, "pk") else unit for unit in units if unit is not None}
    if not wanted:
        return set()
    parent_of = dict(Unit.objects.values_list("pk", "parent_id"))
    children = {}
    for pk, parent in parent_of.items():
        children.setdefault(parent, []).append(pk)
    found = set()
    for pk in wanted:
        if pk not in parent_of:
            continue
        up = pk
        while up is not None and up not in found:
            found.add(up)
            up = parent_of.get(up)
        stack = list(children.get(pk, []))
        while stack:
            down = stack.pop()
            if down not in found:
                found.add(down)
                stack.extend(children.get(down, []))
        found.add(pk)
    return found


def pages_changed(pages):
    """Pages (objects or ids) changed on the public site: bump their units' trees after commit, or
    everything when a page belongs to no unit."""
    from wagtail.models import Page

    from sites.selectors import unit_for_page, units_with_roots

    pages = list(pages)
    ids = [page for page in pages if not isinstance(page, Page)]
    objects = [page for page in pages if isinstance(page, Page)]
    if ids:
        objects += list(Page.objects.filter(pk__in=ids))
    if not objects:
        return
    units = units_with_roots()
    owners = set()
    for page in objects:
        unit = unit_for_page(page, units)
        if unit is None:
            bump_on_commit(everything=True)
            continue
        owners.add(unit.pk)
    if owners:
        bump_on_commit(affected_units(owners))


def everything_changed():
    bump_on_commit(everything=True)


# --- Values a process remembers per generation ------------------------------------------------------------

_MEMO_SIZE = 4096
_memo = OrderedDict()
_memo_lock = threading.Lock()


def tokens_for(request, unit_id):
    """The tokens for ``unit_id``, read once per request (the page cache reads them before the view runs)."""
    memo = getattr(request, "_cache_tokens", None)
    if memo is None:
        memo = request._cache_tokens = {}
    if unit_id not in memo:
        memo[unit_id] = read(unit_id)
    return memo[unit_id]


def remember(request, name, unit_id, build):
    """``build()``'s value for ``unit_id`` in the active language, kept in this process until the unit's or
    everything's token changes. The value is shared between requests: callers treat it as read-only."""
    everything, unit = tokens_for(request, unit_id)
    if not (everything and unit):  # the shared cache is down: nothing can tell when the value changes
        return build()
    return _memoised((name, unit_id, get_language(), everything, unit), build)


def _memoised(key, build):
    with _memo_lock:
        if key in _memo:
            _memo.move_to_end(key)
            return _memo[key]
    value = build()
    with _memo_lock:
        _memo[key] = value
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return value


# The scope of the former hostnames (``sites.selectors.former_hostnames``): replaced only when one is saved or
# deleted (``sites.cache_signals``), so a unit or a site created costs the redirect map no rebuild.
HOSTNAMES = "hostnames"


def remember_in_scope(request, name, scope, build):
    """``build()``'s value kept in this process until the token of ``scope`` alone changes (not everything's):
    for values that depend on a few models only, which replace that token (``hostnames_changed``)."""
    _everything, token = tokens_for(request, scope)
    if not token:  # the shared cache is down
        return build()
    return _memoised((name, scope, token), build)


def hostnames_changed():
    bump_on_commit([HOSTNAMES])


def forget_remembered():
    """Empty this process's memo (tests)."""
    with _memo_lock:
        _memo.clear()

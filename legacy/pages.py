"""Import a legacy portal by its public pages: a config file names the pages and the CSS selectors.

``load_config(path)`` reads and checks the TOML config; ``Fetcher`` fetches over HTTP(S) from the hosts the
config allows only; ``list_urls`` reads the URL list, sitemap or RSS feed; ``read_page`` turns one fetched
page into an ``IncomingItem`` (its pictures and files landed through ``legacy.landing``); ``import_pages``
runs the whole import (the ``import_pages`` command is a thin shell around it).

Example config::

    [source]
    name = "ninhphuoc-cu"                    # optional; the ImportedItem source is "pages:<name>"
    hosts = ["ninhphuoc.ninhthuan.gov.vn"]    # the only hosts fetched from
    sitemap = "https://ninhphuoc.ninhthuan.gov.vn/sitemap.xml"   # or: urls = [...] / rss = "..."
    kind = "news"                             # or "page" (static pages under the unit's home)
    category = "tin-tuc"                      # optional fixed category key (through --category-map)

    [selectors]
    title = "h1.title"
    date = ".date"                            # text with dd/mm/yyyy ("ngày 12/05/2025", "12/05/2025 08:30")
    date_format = "dd/mm/yyyy"                # or "yyyy-mm-dd", "mm/dd/yyyy"
    lead = ".sapo"                            # optional: else the body's first paragraph
    body = ".content"
    images = ".content img"                   # optional: the first is the featured image
    attachments = "a.file"                    # optional: files outside the body land as attachments
    byline = ".author"                        # optional: else a short last line of the body
    category = ".breadcrumb a:last-child"     # optional: the item's category key from the page
    remove = [".share", ".tin-khac", ".related"]
"""

import hashlib
import re
import time
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as dtime
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.utils import timezone
from django.utils.translation import gettext as _

import requests
from bs4 import BeautifulSoup
from soupsieve import SelectorSyntaxError

from documents.validators import max_upload_bytes
from legacy import landing
from legacy.html import assign_ids, caption_text, html_to_blocks, html_to_text, is_file_url, normalise_space

USER_AGENT = (
    "PortalLegacyImporter/1.0 (+https://github.com/; moving a commune portal; polite, one page at a time)"
)
DEFAULT_TIMEOUT = 20  # seconds, for connecting and for each read
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_SITEMAP_DEPTH = 2
DATE_FORMATS = {
    "dd/mm/yyyy": ("day", "month", "year"),
    "mm/dd/yyyy": ("month", "day", "year"),
    "yyyy-mm-dd": ("year", "month", "day"),
    "yyyy/mm/dd": ("year", "month", "day"),
}
TIME_RE = re.compile(r"(\d{1,2})[:hH](\d{2})")
# Where a legacy page's list of other items starts: everything after it is not the article.
TAIL_HEADINGS = {
    "tin khác",
    "tin đã đưa",
    "các tin khác",
    "tin liên quan",
    "bài viết khác",
    "tin cùng chuyên mục",
}
BYLINE_MAX = 60
BATCH_SIZE = 20


class ConfigError(ValueError):
    """The config file cannot be used (message for the operator)."""


class FetchError(Exception):
    """A URL was not fetched: refused (host, scheme, size) or failed (network, status)."""


# --- config ------------------------------------------------------------------------------------------------


@dataclass
class PagesConfig:
    path: Path
    name: str
    hosts: list[str]
    urls: list[str] = field(default_factory=list)
    sitemap: str = ""
    rss: str = ""
    kind: str = "news"
    category: str = ""
    selectors: dict = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    date_format: str = "dd/mm/yyyy"

    @property
    def source(self):
        return f"pages:{self.name}"


def _require_str(table, key, where):
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(_("%(where)s: “%(key)s” must be a text.") % {"where": where, "key": key})
    return value.strip()


def load_config(path):
    """Read and check the TOML config at ``path``; raises ``ConfigError`` with a clear message."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(_("Config file not found: %(path)s") % {"path": path}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            _("Cannot read the config file %(path)s: %(error)s") % {"path": path, "error": error}
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            _("The config file %(path)s is not valid TOML: %(error)s") % {"path": path, "error": error}
        ) from None
    source = data.get("source")
    selectors = data.get("selectors")
    if not isinstance(source, dict):
        raise ConfigError(_("The config has no [source] section."))
    if not isinstance(selectors, dict):
        raise ConfigError(_("The config has no [selectors] section."))
    hosts = source.get("hosts")
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) and h.strip() for h in hosts):
        raise ConfigError(_("[source] hosts must list the hosts pages may be fetched from."))
    hosts = [h.strip().lower() for h in hosts]
    urls = source.get("urls", [])
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise ConfigError(_("[source] urls must be a list of addresses."))
    sitemap = _require_str(source, "sitemap", "[source]")
    rss = _require_str(source, "rss", "[source]")
    given = [name for name, value in (("urls", urls), ("sitemap", sitemap), ("rss", rss)) if value]
    if not given:
        raise ConfigError(_("[source] needs one of urls, sitemap or rss."))
    if len(given) > 1:
        raise ConfigError(
            _("[source] takes only one of urls, sitemap or rss (found: %(names)s).")
            % {"names": ", ".join(given)}
        )
    for url in [*urls, sitemap, rss]:
        if not url:
            continue
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(_("Not an http(s) address: %(url)s") % {"url": url})
        if not host_allowed(hosts, url):
            raise ConfigError(
                _("%(url)s is not on a host the config allows (%(hosts)s).")
                % {"url": url, "hosts": ", ".join(hosts)}
            )
    kind = _require_str(source, "kind", "[source]") or "news"
    if kind not in ("news", "page"):
        raise ConfigError(_("[source] kind must be “news” or “page”."))
    clean = {}
    for key in ("title", "date", "lead", "body", "images", "attachments", "byline", "category"):
        clean[key] = _require_str(selectors, key, "[selectors]")
    missing = [key for key in ("title", "body") if not clean[key]]
    if missing:
        raise ConfigError(_("[selectors] must name %(keys)s.") % {"keys": " and ".join(missing)})
    remove = selectors.get("remove", [])
    if isinstance(remove, str):
        remove = [remove]
    if not isinstance(remove, list) or not all(isinstance(r, str) for r in remove):
        raise ConfigError(_("[selectors] remove must be a list of selectors."))
    date_format = _require_str(selectors, "date_format", "[selectors]") or "dd/mm/yyyy"
    if date_format.lower() not in DATE_FORMATS:
        raise ConfigError(
            _("[selectors] date_format must be one of %(formats)s.") % {"formats": ", ".join(DATE_FORMATS)}
        )
    probe = BeautifulSoup("<p></p>", "lxml")
    for selector in [value for value in clean.values() if value] + remove:
        try:
            probe.select(selector)
        except SelectorSyntaxError:
            raise ConfigError(_("Not a valid CSS selector: %(selector)s") % {"selector": selector}) from None
    name = _require_str(source, "name", "[source]") or path.stem
    return PagesConfig(
        path=path,
        name=name[:200],
        hosts=hosts,
        urls=[u.strip() for u in urls],
        sitemap=sitemap,
        rss=rss,
        kind=kind,
        category=_require_str(source, "category", "[source]"),
        selectors=clean,
        remove=remove,
        date_format=date_format.lower(),
    )


def load_category_map(path):
    """The category map (``legacy.landing.load_category_map``: JSON, TOML, CSV/TSV); raises ConfigError."""
    try:
        return landing.load_category_map(path)
    except landing.CategoryMapError as error:
        raise ConfigError(str(error)) from None


# --- fetching ---------------------------------------------------------------------------------------------


def host_allowed(hosts, url):
    """``url``'s host is in ``hosts`` (an entry with a port matches that port only)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        return False
    netloc = f"{host}:{port}" if port else host
    return host in hosts or netloc in hosts


def canonical_url(url):
    """The key of a page: scheme and host lowercased, no fragment, default path "/"."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def old_path(url):
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    encoding: str | None


class Fetcher:
    """GET over http(s) from allowed hosts only, redirects checked hop by hop, bodies capped, politely."""

    def __init__(self, hosts, *, delay=0.0, timeout=DEFAULT_TIMEOUT, max_bytes=MAX_PAGE_BYTES, session=None):
        self.hosts = hosts
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self._last = None
        self.requests = 0

    def _wait(self):
        if self.delay and self._last is not None:
            remaining = self.delay - (time.monotonic() - self._last)
            if remaining > 0:
                time.sleep(remaining)
        self._last = time.monotonic()

    def check(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(_("not an http(s) address: %(url)s") % {"url": url})
        if not host_allowed(self.hosts, url):
            raise FetchError(_("host not allowed by the config: %(url)s") % {"url": url})

    def get(self, url, *, max_bytes=None):
        max_bytes = max_bytes or self.max_bytes
        for _hop in range(MAX_REDIRECTS + 1):
            self.check(url)
            self._wait()
            self.requests += 1
            try:
                response = self.session.get(url, timeout=self.timeout, allow_redirects=False, stream=True)
            except requests.RequestException as error:
                raise FetchError(
                    _("fetch failed: %(url)s (%(error)s)") % {"url": url, "error": type(error).__name__}
                ) from None
            with response:
                if response.is_redirect:
                    location = response.headers.get("Location", "")
                    url = urljoin(url, location)
                    continue
                if response.status_code != 200:
                    raise FetchError(
                        _("HTTP %(status)s: %(url)s") % {"status": response.status_code, "url": url}
                    )
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise FetchError(
                        _("larger than %(mb)s MB: %(url)s") % {"mb": max_bytes // (1024 * 1024), "url": url}
                    )
                chunks, size = [], 0
                try:
                    for chunk in response.iter_content(64 * 1024):
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(
                                _("larger than %(mb)s MB: %(url)s")
                                % {"mb": max_bytes // (1024 * 1024), "url": url}
                            )
                        chunks.append(chunk)
                except requests.RequestException as error:
                    raise FetchError(
                        _("fetch failed: %(url)s (%(error)s)") % {"url": url, "error": type(error).__name__}
                    ) from None
                content_type = response.headers.get("Content-Type", "")
                charset = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
                return Fetched(
                    url,
                    b"".join(chunks),
                    content_type.split(";")[0].strip().lower(),
                    charset and charset.group(1),
                )
        raise FetchError(_("too many redirects: %(url)s") % {"url": url})


# --- the list of pages ------------------------------------------------------------------------------------


def list_urls(config, fetcher):
    """``(urls, problems)``: the pages to import (config order, duplicates removed) with the date each
    feed gives (or None), and ``(url, reason)`` for listed addresses refused."""
    entries, problems = [], []
    if config.urls:
        entries = [(url, None) for url in config.urls]
    elif config.sitemap:
        entries = _sitemap(config.sitemap, fetcher, problems, depth=0)
    else:
        entries = _rss(config.rss, fetcher)
    seen, urls = set(), []
    for url, when in entries:
        url = canonical_url(url)
        if url in seen:
            continue
        seen.add(url)
        try:
            fetcher.check(url)
        except FetchError as error:
            problems.append((url, str(error)))
            continue
        urls.append((url, when))
    return urls, problems


def _xml(fetched):
    return BeautifulSoup(fetched.content, "xml")


def _sitemap(url, fetcher, problems, depth):
    doc = _xml(fetcher.get(url))
    entries = []
    for nested in doc.find_all("sitemap"):
        loc = nested.find("loc")
        if loc is None or depth >= MAX_SITEMAP_DEPTH:
            continue
        try:
            entries += _sitemap(urljoin(url, loc.get_text(strip=True)), fetcher, problems, depth + 1)
        except FetchError as error:
            problems.append((loc.get_text(strip=True), str(error)))
    for node in doc.find_all("url"):
        loc = node.find("loc")
        if loc is not None and loc.get_text(strip=True):
            lastmod = node.find("lastmod")
            entries.append(
                (
                    urljoin(url, loc.get_text(strip=True)),
                    _iso_date(lastmod.get_text(strip=True)) if lastmod else None,
                )
            )
    return entries


def _rss(url, fetcher):
    doc = _xml(fetcher.get(url))
    entries = []
    for item in doc.find_all(["item", "entry"]):
        link = item.find("link")
        if link is None:
            continue
        href = link.get("href") or link.get_text(strip=True)
        when = item.find(["pubDate", "published", "updated"])
        entries.append((urljoin(url, href), _feed_date(when.get_text(strip=True)) if when else None))
    return entries


def _iso_date(text):
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _feed_date(text):
    from email.utils import parsedate_to_datetime  # noqa: PLC0415  (RSS only)

    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return _iso_date(text)
    return value if timezone.is_aware(value) else timezone.make_aware(value)


# --- one page ---------------------------------------------------------------------------------------------


def parse_date(text, date_format="dd/mm/yyyy"):
    """The first date in ``text`` as an aware datetime (local time; its time when given), or None.

    Handles "21/09/2020", "Thứ hai, 21/09/2020 - 08:30", "ngày 12/5/2025", "12-05-2025", "12.05.2025" and
    ISO dates (a ``<time datetime>`` attribute) whatever the format."""
    text = normalise_space(text)
    if not text:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) and (iso := _iso_date(text)):
        return iso
    order = DATE_FORMATS.get(date_format, DATE_FORMATS["dd/mm/yyyy"])
    if order[0] == "year":
        pattern = r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})"
    else:
        pattern = r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"
    match = re.search(pattern, text)
    if not match:
        return None
    parts = dict(zip(order, map(int, match.groups()), strict=True))
    hour = minute = 0
    if clock := TIME_RE.search(text[: match.start()] + " " + text[match.end() :]):
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            hour = minute = 0
    try:
        return timezone.make_aware(
            datetime.combine(
                datetime(parts["year"], parts["month"], parts["day"]).date(), dtime(hour, minute)
            )
        )
    except ValueError:
        return None


def _select_text(doc, selector):
    if not selector:
        return ""
    node = doc.select_one(selector)
    if node is None:
        return ""
    if node.name == "meta":
        return normalise_space(node.get("content", ""))
    if node.name == "time" and node.get("datetime"):
        return node["datetime"]
    return normalise_space(node.get_text(" "))


def _cut_tail(body):
    """Drop a "Tin khác" / "Tin đã đưa" list and everything after it from the body."""
    for node in body.find_all(True):
        if node.find(True, recursive=False) is not None and node.name not in ("b", "strong", "span"):
            continue
        text = normalise_space(node.get_text(" ")).lower().rstrip(":")
        if text in TAIL_HEADINGS:
            # the node, its following siblings, and theirs up to the body
            cursor = node
            while cursor is not None and cursor is not body:
                for sibling in list(cursor.find_next_siblings()):
                    sibling.decompose()
                parent = cursor.parent
                cursor.decompose() if cursor is node else None
                cursor = parent
            return


def _text_before(body, node):
    """Whether any text of ``body`` comes before ``node``."""
    for text in node.find_all_previous(string=True):
        if body not in text.parents:
            break
        if normalise_space(text):
            return True
    return False


def _take_out(body, node, image):
    """Remove the featured picture from the body (the page shows it above), with its caption line, which
    becomes the image's caption when it has none."""
    container = node
    while (
        container.parent is not None
        and container.parent is not body
        and not normalise_space(container.parent.get_text(" "))
    ):
        container = container.parent
    following = container.find_next_sibling()
    if caption := caption_text(following):
        following.decompose()
        if not image.caption:
            image.caption = caption
            image.save(update_fields=["caption"])
    container.decompose()


def _paragraphs(body):
    return [
        p
        for p in body.find_all(["p", "div"])
        if not p.find(["p", "div", "table"]) and normalise_space(p.get_text(" "))
    ]


def _auto_byline(body):
    """A short last paragraph without final punctuation is the author's name (as news.legacy reads it)."""
    paragraphs = _paragraphs(body)
    if not paragraphs:
        return ""
    last = paragraphs[-1]
    text = normalise_space(last.get_text(" "))
    if len(text) > BYLINE_MAX or text.endswith((".", "…", ":", ";", "!", "?")) or last.find(["img", "a"]):
        return ""
    last.decompose()
    return text


class PageReader:
    """Turns one fetched page into an ``IncomingItem`` (pictures and files fetched and landed)."""

    def __init__(self, config, fetcher, ctx):
        self.config = config
        self.fetcher = fetcher
        self.ctx = ctx
        self._images = {}

    def decode(self, fetched):
        return BeautifulSoup(fetched.content, "lxml", from_encoding=fetched.encoding)

    def read(self, key, fetched, *, feed_date=None):
        """``(item, problem)``: the item, or None and why the page was skipped (``UNCHANGED`` when it was
        imported from this very content before: its pictures and files are then not fetched again)."""
        if fetched.content_type and "html" not in fetched.content_type:
            return None, _("not an HTML page (%(type)s)") % {"type": fetched.content_type}
        self._images = {}  # url -> Image | None, so a picture named twice on a page is fetched once
        doc = self.decode(fetched)
        selectors = self.config.selectors
        for selector in self.config.remove:
            for node in doc.select(selector):
                node.decompose()
        for node in doc.select("script, style, noscript"):
            node.decompose()
        title = _select_text(doc, selectors["title"])
        if not title:
            return None, _("no title (selector “%(selector)s” found nothing)") % {
                "selector": selectors["title"]
            }
        body = doc.select_one(selectors["body"])
        if body is None:
            return None, _("no body (selector “%(selector)s” found nothing)") % {
                "selector": selectors["body"]
            }
        _cut_tail(body)
        date_text = _select_text(doc, selectors["date"])
        checksum = self.checksum(doc, title, date_text, body)
        if self.ctx.is_unchanged(self.config.kind, key, checksum):
            return None, landing.UNCHANGED
        base_url = fetched.url
        published = parse_date(date_text, self.config.date_format) or feed_date
        warnings = []
        if selectors["date"] and published is None:
            warnings.append(_("no date found: imported with today's date"))

        lead = _select_text(doc, selectors["lead"]) if selectors["lead"] else ""
        if selectors["lead"] and (lead_node := body.select_one(selectors["lead"])) is not None:
            lead_node.decompose()  # a sapo inside the body is not repeated in it
        if not lead:
            paragraphs = [p for p in _paragraphs(body) if not p.find("img")]
            if paragraphs:
                lead = normalise_space(paragraphs[0].get_text(" "))
                paragraphs[0].decompose()  # shown above the body as the lead: not twice

        byline = _select_text(doc, selectors["byline"]) if selectors["byline"] else ""
        if selectors["byline"]:
            for node in body.select(selectors["byline"]):
                node.decompose()
        else:
            byline = _auto_byline(body)

        categories = []
        if self.config.category:
            categories.append(self.config.category)
        if selectors["category"] and (category := _select_text(doc, selectors["category"])):
            categories.append(category)

        image, extra_blocks = self.pictures(key, doc, body, base_url)
        extra_blocks += self.files(key, doc, body, base_url, warnings)
        link_titles = {}  # a file's title: the text of the first link to it
        for anchor in body.find_all("a", href=True):
            link_titles.setdefault(
                urljoin(base_url, anchor["href"].strip()), normalise_space(anchor.get_text(" "))
            )
        blocks, body_warnings = html_to_blocks(
            body.decode_contents(),
            base_url=base_url,
            resolve_image=lambda url: self.image(key, url),
            resolve_file=lambda url: self.document(key, url, title=link_titles.get(url, "")),
        )
        warnings += body_warnings
        item = landing.IncomingItem(
            key=key,
            kind=self.config.kind,
            title=html_to_text(title),
            lead=lead,
            body=blocks + extra_blocks,
            published_at=published,
            categories=categories,
            image=image,
            byline=byline,
            old_paths=sorted({old_path(key), old_path(fetched.url)} - {"/"}),
            source_url=key,
            warnings=warnings,
            checksum=checksum,
        )
        assign_ids(item.body)
        return item, ""

    def checksum(self, doc, title, date_text, body):
        """Of what the selectors take from the page (not the whole page: counters, clocks and sidebars
        change on every visit)."""
        selectors = self.config.selectors
        parts = [title, date_text, body.decode()]
        for name in ("lead", "images", "attachments", "byline", "category"):
            if selectors[name]:
                parts += [str(node) for node in doc.select(selectors[name])]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def pictures(self, key, doc, body, base_url):
        """``(featured image, image blocks)`` from the ``images`` selector: the first picture is the featured
        image (taken out of the body when nothing precedes it there: the page shows it above the body);
        pictures outside the body become image blocks after it."""
        selector = self.config.selectors["images"]
        if not selector:
            return None, []
        featured, blocks = None, []
        nodes = [n for n in doc.select(selector) if n.name == "img" and (n.get("src") or "").strip()]
        for index, node in enumerate(nodes):
            inside = body in node.parents
            if index and inside:
                continue  # converted in place with the body
            src = urljoin(base_url, node["src"].strip())
            alt = normalise_space(node.get("alt", ""))
            landed = self.image(key, src, alt=alt)
            if index == 0:
                featured = landed
                if inside and landed is not None and not _text_before(body, node):
                    _take_out(body, node, landed)
                continue
            if landed is not None:
                converted, _warnings = html_to_blocks(str(node), resolve_image=lambda _url, i=landed: i)
                blocks += converted
        return featured, blocks

    def files(self, key, doc, body, base_url, warnings):
        """Attachment blocks for the files the ``attachments`` selector names outside the body."""
        selector = self.config.selectors["attachments"]
        blocks = []
        for node in doc.select(selector) if selector else []:
            if body in node.parents or not (node.get("href") or "").strip():
                continue
            href = urljoin(base_url, node["href"].strip())
            title = normalise_space(node.get_text(" ")) or href.rsplit("/", 1)[-1]
            document = self.document(key, href, title=title)
            if document is None:
                warnings.append(_("file missing: %(url)s") % {"url": href})
                continue
            blocks.append({"type": "attachment", "value": {"document": document.pk, "title": title[:255]}})
        return blocks

    def _fetch_file(self, key, url):
        try:
            fetched = self.fetcher.get(url, max_bytes=max_upload_bytes() + 1)
        except FetchError as error:
            self.ctx.report.image_missing(key, str(error))
            return None
        return fetched.content

    def image(self, key, url, *, alt=""):
        if url in self._images:
            return self._images[url]
        self._images[url] = self._land_image(key, url, alt=alt)
        return self._images[url]

    def _land_image(self, key, url, *, alt=""):
        filename = urlsplit(url).path.rsplit("/", 1)[-1] or "image"
        content = self._fetch_file(key, url)
        if content is None:
            return None
        return landing.land_image(
            self.ctx, content=content, filename=filename, alt=normalise_space(alt), key=key
        )

    def document(self, key, url, *, title=""):
        if not is_file_url(url):
            return None
        filename = urlsplit(url).path.rsplit("/", 1)[-1] or "file"
        content = self._fetch_file(key, url)
        if content is None:
            return None
        return landing.land_document(
            self.ctx, content=content, filename=filename, title=title or filename, key=key
        )


# --- the run ---------------------------------------------------------------------------------------------


def default_report_path(config):
    from django.conf import settings  # noqa: PLC0415  (only when no --report is given)

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return (
        Path(settings.VAR_DIR) / "imports" / f"pages-{landing.slug_for(config.name) or 'import'}-{stamp}.csv"
    )


def import_pages(
    config,
    unit,
    *,
    drafts=False,
    category_map=None,
    limit=None,
    delay=0.0,
    user=None,
    report_path=None,
    progress=False,
    fetcher=None,
):
    """Import the pages ``config`` lists into ``unit``; returns the finished ``ImportRun``.

    Raises ``ConfigError`` when the categories cannot be mapped and ``FetchError`` when the list of pages
    (sitemap, feed) cannot be read; a page that cannot be fetched or read is skipped and reported.
    """
    from tqdm import tqdm  # noqa: PLC0415  (the command's progress bar; not needed to import this module)

    from legacy.models import ImportRun  # noqa: PLC0415  (keeps this module importable without the DB)

    try:
        ctx = landing.ImportContext(unit, config.source, drafts=drafts, category_map=category_map, user=user)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    fetcher = fetcher or Fetcher(config.hosts, delay=delay)
    urls, refused = list_urls(config, fetcher)
    run = ImportRun.objects.create(
        source=config.source,
        unit=unit,
        options={
            "config": str(config.path),
            "drafts": drafts,
            "limit": limit,
            "delay": delay,
            "category_map": category_map or {},
        },
    )
    for url, reason in refused:
        ctx.report.add(url, landing.SKIPPED, reason, old_url=url)
    if limit:
        urls = urls[:limit]
    reader = PageReader(config, fetcher, ctx)
    batch = []
    for url, feed_date in tqdm(urls, disable=not progress, unit=_("page"), dynamic_ncols=True):
        try:
            fetched = fetcher.get(url)
        except FetchError as error:
            ctx.report.add(url, landing.SKIPPED, str(error), old_url=url)
            continue
        item, problem = reader.read(url, fetched, feed_date=feed_date)
        if problem == landing.UNCHANGED:
            known = ctx.known(config.kind, url)
            ctx.report.add(
                url,
                landing.UNCHANGED,
                title=known.page.title,
                old_url=url,
                new_url=known.page.relative_url(ctx.site) or "",
            )
            continue
        if item is None:
            ctx.report.add(url, landing.SKIPPED, problem, old_url=url)
            continue
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            landing.run_batch(ctx, batch, landing.land)
            batch = []
    if batch:
        landing.run_batch(ctx, batch, landing.land)
    path = Path(report_path) if report_path else default_report_path(config)
    ctx.report.write_csv(path)
    run.finished_at = timezone.now()
    run.counts = {
        **ctx.report.counts,
        landing.IMAGE_MISSING: ctx.report.missing_images,
        "requests": fetcher.requests,
        "unmapped_categories": ctx.unmapped,
    }
    run.report_path = str(path)
    run.save(update_fields=["finished_at", "counts", "report_path"])
    run.report = ctx.report
    return run

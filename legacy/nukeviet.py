"""Reading a NukeViet 4 portal: its MySQL/MariaDB database (news, static pages) and a local copy of its
``uploads/`` folder, landed in a unit through ``legacy.landing``.

Tables (``<prefix>`` as given, e.g. ``nv4_vi_``; ``<data>`` the news module's data name, ``news``):
``<prefix><data>_rows`` joined with ``<prefix><data>_detail``, ``<prefix><data>_cat``, optionally
``<prefix><data>_sources`` and ``<prefix>page``. Text is stored HTML-entity-encoded ("NukeViet&#33;").
Rows are read through a server-side cursor in batches, each batch landed and committed on its own: an
interruption loses at most the batch in hand and a second run resumes (what was landed from the same content
is skipped by its checksum before its HTML or images are read).
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

import pymysql
import pymysql.cursors

from legacy.html import html_to_blocks
from legacy.landing import IncomingItem, land, land_document, land_image, run_batch

BATCH_SIZE = 200
TAG_RE = re.compile(r"<[^>]+>")


class NukeVietError(Exception):
    """A source that cannot be read: bad URL, unreachable server, missing table, unreadable uploads."""


@dataclass
class Source:
    database_url: str
    prefix: str = "nv4_vi_"
    uploads: Path | None = None
    module_alias: str = "news"  # in the old URLs
    module_data: str = "news"  # in the table names
    page_module_alias: str = "page"
    language: str = "vi"
    categories: dict = field(default_factory=dict)  # catid -> {"alias", "title", "parentid"}
    sources: dict = field(default_factory=dict)  # sourceid -> title

    def table(self, name):
        return f"{self.prefix}{self.module_data}_{name}"

    @property
    def page_table(self):
        return f"{self.prefix}page"

    @property
    def database(self):
        return urlsplit(self.database_url).path.lstrip("/")

    @property
    def key(self):
        """The ``ImportedItem.source`` of this portal's items."""
        return (
            f"nukeviet:{self.database}:{self.prefix}{'' if self.module_data == 'news' else self.module_data}"
        )


def connect(database_url, **options):
    """A PyMySQL connection for ``mysql://user:password@host:port/database`` (utf8mb4)."""
    parts = urlsplit(database_url or "")
    if parts.scheme not in {"mysql", "mariadb"} or not parts.hostname or not parts.path.strip("/"):
        raise NukeVietError(
            _("The database URL must look like mysql://user:password@host:3306/database, not “%(url)s”.")
            % {"url": _hide_password(database_url)}
        )
    try:
        return pymysql.connect(
            host=parts.hostname,
            port=parts.port or 3306,
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            database=unquote(parts.path.strip("/")),
            charset="utf8mb4",
            connect_timeout=10,
            **options,
        )
    except pymysql.MySQLError as error:
        raise NukeVietError(
            _("Cannot connect to the NukeViet database %(url)s: %(error)s")
            % {"url": _hide_password(database_url), "error": error.args[-1] if error.args else error}
        ) from error


def _hide_password(url):
    parts = urlsplit(url or "")
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url or ""


def _tables(connection):
    with connection.cursor() as cursor:
        cursor.execute("SHOW TABLES")
        return {row[0] for row in cursor.fetchall()}


def _columns(connection, table):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW COLUMNS FROM `{table}`")
        return {row[0] for row in cursor.fetchall()}


def check(connection, source):
    """Raise NukeVietError unless the news tables are there; read the categories and sources."""
    tables = _tables(connection)
    missing = [
        t for t in (source.table("rows"), source.table("detail"), source.table("cat")) if t not in tables
    ]
    if missing:
        raise NukeVietError(
            _("Table %(tables)s not found in the database %(db)s: check --prefix (now “%(prefix)s”).")
            % {"tables": ", ".join(missing), "db": source.database, "prefix": source.prefix}
        )
    if source.uploads is not None:
        if not source.uploads.is_dir():
            raise NukeVietError(
                _("The uploads folder %(path)s is not a readable folder.") % {"path": source.uploads}
            )
        if (source.uploads / "uploads").is_dir() and not (source.uploads / source.module_data).is_dir():
            source.uploads = source.uploads / "uploads"  # the site's root was given
        try:
            next(source.uploads.iterdir(), None)
        except OSError as error:
            raise NukeVietError(
                _("The uploads folder %(path)s cannot be read: %(error)s")
                % {"path": source.uploads, "error": error}
            ) from error
    with connection.cursor(pymysql.cursors.DictCursor) as cursor:
        cursor.execute(f"SELECT catid, parentid, title, alias FROM `{source.table('cat')}`")  # noqa: S608
        source.categories = {
            row["catid"]: {"alias": row["alias"], "title": decode(row["title"]), "parentid": row["parentid"]}
            for row in cursor.fetchall()
        }
        if source.table("sources") in tables:
            cursor.execute(f"SELECT sourceid, title FROM `{source.table('sources')}`")  # noqa: S608
            source.sources = {row["sourceid"]: decode(row["title"]) for row in cursor.fetchall()}
    return tables


def normalise_category_map(mapping, source):
    """Keys of the map may be category aliases or ids: make them aliases (the keys items carry)."""
    by_id = {str(catid): cat["alias"] for catid, cat in source.categories.items()}
    return {by_id.get(str(key).strip(), str(key).strip()): slug for key, slug in mapping.items()}


def count_rows(connection, source):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM `{source.table('rows')}`")  # noqa: S608
        news = cursor.fetchone()[0]
        pages = 0
        if source.page_table in _tables(connection):
            cursor.execute(f"SELECT COUNT(*) FROM `{source.page_table}`")  # noqa: S608
            pages = cursor.fetchone()[0]
    return news, pages


def news_batches(connection, source, *, batch_size=BATCH_SIZE):
    """The news rows with their details, ``batch_size`` at a time (see ``_batches``)."""
    detail_columns = _columns(connection, source.table("detail"))
    extra = ", ".join(f"d.`{c}`" for c in ("sourcetext", "keywords") if c in detail_columns)
    query = (
        "SELECT r.*, d.bodyhtml"  # noqa: S608 (table names from the options, checked against SHOW TABLES)
        + (f", {extra}" if extra else "")
        + f" FROM `{source.table('rows')}` r LEFT JOIN `{source.table('detail')}` d ON d.id = r.id"
        + " WHERE r.id > %s ORDER BY r.id LIMIT %s"
    )
    yield from _batches(connection, query, batch_size)


def page_batches(connection, source, *, batch_size=BATCH_SIZE):
    if source.page_table not in _tables(connection):
        return
    query = f"SELECT * FROM `{source.page_table}` WHERE id > %s ORDER BY id LIMIT %s"  # noqa: S608
    yield from _batches(connection, query, batch_size)


def _batches(connection, query, batch_size):
    """Rows of ``query`` (``id > %s ... LIMIT %s``) a batch at a time, each batch its own short query by key
    (streamed through a server-side cursor, so one batch at most is held in memory). One query left open for
    the whole run would be cut by the server (``net_write_timeout``) while a slow batch is being landed; a
    connection lost between batches is opened again."""
    last = -1
    while True:
        try:
            connection.ping(reconnect=False)
        except pymysql.MySQLError:
            connection.connect()  # the same settings, a new socket
        with connection.cursor(pymysql.cursors.SSDictCursor) as cursor:
            cursor.execute(query, [last, batch_size])
            rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


# --- rows to items ----------------------------------------------------------------------------------------


def decode(value):
    """NukeViet's entity-encoded text as plain text (tags dropped, spaces collapsed)."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = html.unescape(TAG_RE.sub(" ", html.unescape(str(value))))
    return " ".join(text.split())


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value or ""


def _time(value):
    try:
        value = int(value or 0)
    except (TypeError, ValueError):
        return None
    return datetime.fromtimestamp(value, tz=UTC) if value > 0 else None


def row_checksum(row):
    """The checksum of a source row as read (every column): equal means nothing changed at the source."""
    data = {k: (v.decode("utf-8", "replace") if isinstance(v, bytes) else v) for k, v in row.items()}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def category_ids(row):
    ids = []
    for part in [str(row.get("catid") or ""), *str(row.get("listcatid") or "").split(",")]:
        part = part.strip()
        if part.isdigit() and int(part) not in ids and int(part) != 0:
            ids.append(int(part))
    return ids


def news_paths(source, row):
    """The old addresses of a news row: ``/<module>/<category>/<alias>-<id>.html``, with the language prefix
    and the non-rewritten ``index.php`` form."""
    cat = source.categories.get(row.get("catid")) or {}
    cat_alias = cat.get("alias") or ""
    tail = f"{row.get('alias') or ''}-{row['id']}.html"
    op = f"{cat_alias}/{tail[:-5]}" if cat_alias else tail[:-5]
    main = f"/{source.module_alias}/{cat_alias}/{tail}" if cat_alias else f"/{source.module_alias}/{tail}"
    return [
        main,
        f"/{source.language}{main}",
        f"/index.php?language={source.language}&nv={source.module_alias}&op={op}",
    ]


def page_paths(source, row):
    alias = row.get("alias") or ""
    main = f"/{source.page_module_alias}/{alias}.html"
    return [
        main,
        f"/{source.language}{main}",
        f"/index.php?language={source.language}&nv={source.page_module_alias}&op={alias}",
    ]


class Uploads:
    """Files of the old site's ``uploads/`` folder, read by the addresses its pages use."""

    def __init__(self, root, module_data="news"):
        self.root = Path(root).resolve() if root is not None else None
        self.module_data = module_data

    def path_for(self, url):
        """The local file for ``/uploads/...`` (any host, with or without the language prefix), or for a path
        relative to uploads/<module>/ (``homeimgfile``); None outside the folder."""
        if self.root is None or not url:
            return None
        parts = urlsplit(url.strip())
        path = unquote(parts.path)
        if "/uploads/" in f"/{path.lstrip('/')}":
            relative = f"/{path.lstrip('/')}".split("/uploads/", 1)[1]
        elif parts.scheme or parts.netloc:
            return None  # another site's picture: not in the local copy
        else:
            relative = f"{self.module_data}/{path.lstrip('/')}"
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root):
            return None
        return candidate

    def read(self, url):
        """(bytes or None, the path tried)."""
        path = self.path_for(url)
        if path is None or not path.is_file():
            return None, str(path or url)
        try:
            return path.read_bytes(), str(path)
        except OSError:
            return None, str(path)


def _tags(row):
    keywords = decode(row.get("keywords"))
    return [tag.strip() for tag in keywords.split(",") if tag.strip()][:20]


def news_item(ctx, source, uploads, row, checksum, *, unchanged=False):
    """The ``IncomingItem`` for a news row; with ``unchanged`` only what landing needs to recognise it."""
    key = str(row["id"])
    title = decode(row.get("title"))
    paths = news_paths(source, row)
    if unchanged:
        return IncomingItem(key=key, title=title, checksum=checksum, old_paths=paths)

    def resolve_image(src):
        content, tried = uploads.read(src)
        return land_image(ctx, content=content, filename=tried, key=key)

    def resolve_file(href):
        content, tried = uploads.read(href)
        name = tried.rsplit("/", 1)[-1]
        return land_document(ctx, content=content, filename=tried, title=name, key=key)

    body, warnings = html_to_blocks(
        _text(row.get("bodyhtml")), resolve_image=resolve_image, resolve_file=resolve_file
    )
    if not body:
        warnings.append(_("empty body"))
    image = None
    if row.get("homeimgfile"):
        content, tried = uploads.read(row["homeimgfile"])
        image = land_image(ctx, content=content, filename=tried, alt=decode(row.get("homeimgalt")), key=key)
    published = _time(row.get("publtime")) or _time(row.get("addtime"))
    edited = _time(row.get("edittime"))
    source_name = decode(row.get("sourcetext")) or source.sources.get(row.get("sourceid"), "")
    return IncomingItem(
        key=key,
        kind="news",
        title=title,
        lead=decode(row.get("hometext")),
        body=body,
        published_at=published,
        updated_at=edited if edited and published and edited > published else published,
        live=str(row.get("status")) == "1",
        categories=[source.categories[cid]["alias"] for cid in category_ids(row) if cid in source.categories]
        + [str(cid) for cid in category_ids(row) if cid not in source.categories],
        image=image,
        byline=decode(row.get("author")),
        source=source_name,
        tags=_tags(row),
        old_paths=paths,
        source_url=paths[0],
        slug=row.get("alias") or "",
        expires_at=_time(row.get("exptime")),
        checksum=checksum,
        warnings=warnings,
    )


def page_item(ctx, source, uploads, row, checksum, *, unchanged=False):
    key = str(row["id"])
    title = decode(row.get("title"))
    paths = page_paths(source, row)
    if unchanged:
        return IncomingItem(key=key, kind="page", title=title, checksum=checksum, old_paths=paths)

    def resolve_image(src):
        content, tried = uploads.read(src)
        return land_image(ctx, content=content, filename=tried, key=f"page:{key}")

    def resolve_file(href):
        content, tried = uploads.read(href)
        return land_document(
            ctx, content=content, filename=tried, title=tried.rsplit("/", 1)[-1], key=f"page:{key}"
        )

    body, warnings = html_to_blocks(
        _text(row.get("bodytext")), resolve_image=resolve_image, resolve_file=resolve_file
    )
    description = decode(row.get("description"))
    if description:
        body.insert(0, {"type": "paragraph", "value": f"<p>{html.escape(description)}</p>"})
    added = _time(row.get("add_time", row.get("addtime")))
    edited = _time(row.get("edit_time", row.get("edittime")))
    status = row.get("status", 1)
    return IncomingItem(
        key=key,
        kind="page",
        title=title,
        body=body,
        published_at=added,
        updated_at=edited if edited and added and edited > added else added,
        live=str(status) == "1",
        old_paths=paths,
        source_url=paths[0],
        slug=row.get("alias") or "",
        checksum=checksum,
        warnings=warnings,
    )


def import_rows(ctx, source, uploads, batches, make_item, kind, *, limit=None, progress=None):
    """Land the rows of ``batches`` (one transaction per batch); returns the number of rows read."""
    done = 0
    for rows in batches:
        if limit is not None:
            rows = rows[: max(limit - done, 0)]
        if not rows:
            break
        ctx.prefetch(kind, [row["id"] for row in rows])
        checksums = [row_checksum(row) for row in rows]

        def land_row(ctx, pair):
            row, checksum = pair
            unchanged = ctx.is_unchanged(kind, row["id"], checksum)
            return land(ctx, make_item(ctx, source, uploads, row, checksum, unchanged=unchanged))

        run_batch(ctx, list(zip(rows, checksums, strict=True)), land_row)
        done += len(rows)
        if progress is not None:
            progress(len(rows))
        if limit is not None and done >= limit:
            break
    return done

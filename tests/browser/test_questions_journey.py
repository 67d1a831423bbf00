"""A visitor asks their commune a question on a phone and finds the answer once it is published.

In Chromium with JavaScript switched off for the visitor (the form works without it): /hoi-dap/ → "Đặt câu
hỏi" → the form sent without the consent box (the Vietnamese error, everything typed kept) → ticked → the
reference number. Between two browser sessions (no ORM call while Playwright runs, see
``tests/browser/conftest.py``) the commune's editor drafts the answer and it goes through the unit's
moderation workflow; then the visitor finds it on /hoi-dap/, and its page shows the question without the
contact details. The index, the form (fresh and with its errors) and the answer pass axe (no serious or
critical violation) and weigh at most 100 KB.
"""

import gzip
import re
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.translation import gettext

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import chromium
from tests.browser.test_public_site import MAX_WEIGHT, PHONE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAME = "Nguyễn Thị Hoa"
EMAIL = "hoa.nguyen@example.test"
PHONE_NUMBER = "0912 345 678"
TITLE = "Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu"
BODY = (
    "Gia đình tôi có thửa đất ở thôn Phước Lợi, sử dụng ổn định từ năm 1995, chưa được cấp giấy chứng nhận. "
    "Xin hỏi cần chuẩn bị hồ sơ gì và nộp ở đâu?"
)
ANSWER = "Ông/bà nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân xã."
REFERENCE = re.compile(r"HD-[0-9A-Z]{8}")


def vi(message):
    """What the visitor reads: the message in Vietnamese (as the catalog has it)."""
    with translation.override("vi"):
        return gettext(message)


@pytest.fixture
def people(portal, district, commune_a, settings):
    """Everything the journey needs exists before Chromium starts."""
    from questions.fields import ensure_default_fields

    # the live server runs in this process: generous limits, whatever other runs left in the rate cache
    settings.PORTAL_QUESTION_RATE_PER_ADDRESS = "1000/h"
    settings.PORTAL_QUESTION_RATE_PER_UNIT = "1000/h"
    ensure_default_fields()
    return {
        "editor": UserFactory(username="qa-editor", groups=[commune_a.editors_group]),
        "approver": UserFactory(username="qa-approver", groups=[commune_a.approvers_group]),
        "board": UserFactory(username="qa-board", groups=[district.approvers_group]),
    }


def serious_violations(axe, page):
    results = axe.run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def checked_pages(browser, urls):
    """{name: (serious axe violations, weight in bytes)} for each URL, in a JavaScript-enabled phone."""
    axe = Axe()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    result = {}
    for name, url in urls.items():
        weight = {}

        def record(response, weight=weight):
            if (
                response.request.resource_type in ("document", "stylesheet", "script")
                and response.status < 400
            ):
                weight[response.url] = len(gzip.compress(response.body()))

        page.on("response", record)
        page.goto(url, wait_until="networkidle")
        page.remove_listener("response", record)
        result[name] = (serious_violations(axe, page), sum(weight.values()))
    context.close()
    return result


def form_with_errors(browser, url):
    """Serious axe violations of the form as it comes back with its errors."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(url)
    page.click("form.questions-form button[type=submit]")
    page.wait_for_load_state()
    violations = serious_violations(Axe(), page)
    context.close()
    return violations


def ask(browser, portal, artifacts):
    """The visitor's question, without JavaScript; returns the reference number shown."""
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(portal["commune"] + "/hoi-dap/")
    page.get_by_role("link", name=vi("Ask a question")).first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/hoi-dap/dat-cau-hoi/"
    form = page.locator("form.questions-form")
    form.locator("[name=name]").fill(NAME)
    form.locator("[name=email]").fill(EMAIL)
    form.locator("[name=phone]").fill(PHONE_NUMBER)
    form.locator("select[name=field]").select_option(index=1)
    form.locator("[name=title]").fill(TITLE)
    form.locator("[name=body]").fill(BODY)
    assert not form.locator("[name=consent]").is_checked()  # never ticked in advance

    form.locator("button[type=submit]").click()  # without consent
    page.wait_for_load_state()
    consent_error = vi(
        "Please tick the box to agree to your data being processed; "
        "without it we cannot receive what you sent."
    )
    assert consent_error in page.locator("main").inner_text()
    form = page.locator("form.questions-form")
    kept = {name: form.locator(f"[name={name}]").input_value() for name in ("name", "email", "title", "body")}
    assert kept == {"name": NAME, "email": EMAIL, "title": TITLE, "body": BODY}  # nothing typed is lost
    assert form.locator("[name=phone]").input_value().replace(" ", "") == PHONE_NUMBER.replace(" ", "")
    assert form.locator("select[name=field]").input_value() != ""
    page.screenshot(path=str(artifacts / "journey-question-consent-refused.png"), full_page=True)

    form.locator("[name=consent]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/hoi-dap/da-gui/"
    text = page.locator("main").inner_text()
    assert vi("Reference number") in text
    reference = REFERENCE.search(text).group(0)
    page.screenshot(path=str(artifacts / "journey-question-sent.png"), full_page=True)
    context.close()
    return reference


def answer_through_moderation(reference, people):
    """The editor drafts the answer and submits it; each step of the unit's workflow approves it."""
    from questions.models import Question, QuestionPage
    from questions.services import start_answer

    question = Question.objects.get(reference=reference)
    assert (question.name, question.email, question.status) == (NAME, EMAIL, Question.Status.RECEIVED)
    assert question.consent_at is not None
    page = start_answer(question=question, user=people["editor"])
    page.answer = f"<p>{ANSWER}</p>"
    page.answered_by = "Ủy ban nhân dân xã Phước Hậu"
    page.save_revision(user=people["editor"])
    page.get_workflow().start(page, people["editor"])
    page.refresh_from_db()
    steps = 0
    while (state := page.current_workflow_task_state) is not None:
        task = state.task.specific
        actor = next(
            user
            for user in (people["approver"], people["board"])
            if any(action[0] == "approve" for action in task.get_actions(page, user))
        )
        task.on_action(state, actor, "approve")
        page.refresh_from_db()
        steps += 1
        assert steps < 5, "the workflow does not end"
    page = QuestionPage.objects.get(pk=page.pk)
    assert page.live
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED and question.answered_at is not None
    return urlsplit(page.url).path


def test_a_visitor_asks_on_a_phone_and_finds_the_published_answer(people, portal, artifacts):
    commune = portal["commune"]
    with chromium() as browser:
        reference = ask(browser, portal, artifacts)
        form_errors = form_with_errors(browser, commune + "/hoi-dap/dat-cau-hoi/")
        before = checked_pages(
            browser, {"index": commune + "/hoi-dap/", "form": commune + "/hoi-dap/dat-cau-hoi/"}
        )

    answer_path = answer_through_moderation(reference, people)

    with chromium() as browser:
        context = browser.new_context(**PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(commune + "/hoi-dap/")
        page.locator("main").get_by_role("link", name=TITLE).click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == answer_path
        main = page.locator("main").inner_text()
        html = page.content()
        page.screenshot(path=str(artifacts / "journey-question-answered.png"), full_page=True)
        context.close()
        after = checked_pages(browser, {"answer": commune + answer_path})

    assert TITLE in main and BODY.split(".")[0] in main and ANSWER in main
    for private in (EMAIL, PHONE_NUMBER, PHONE_NUMBER.replace(" ", ""), NAME, reference):
        assert private not in html, private  # no contact details, no name (not agreed), no reference
    assert vi("A citizen") in main  # the name only if the asker agreed

    assert form_errors == []
    checks = {**before, **after}
    assert {name: violations for name, (violations, _weight) in checks.items() if violations} == {}
    for name, (_violations, weight) in checks.items():
        assert 0 < weight <= MAX_WEIGHT, (name, weight)

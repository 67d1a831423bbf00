"""Citizens' questions for the tests: made through the services, as the public form and the admin do."""

from django.utils import timezone

import pytest

from questions.fields import ensure_default_fields
from questions.models import Question, QuestionField, QuestionPage
from questions.services import index_page_of, start_answer, submit_question


def question_index(unit):
    """The unit's /hoi-dap/ page (created if provisioning has not: the section hook lives in A2's hooks)."""
    return index_page_of(unit)


def default_field(name="Đất đai"):
    ensure_default_fields()
    return QuestionField.objects.get_or_create(name=name)[0]


def question(unit, **fields):
    """A question sent to ``unit`` as the public form sends it (``fields`` override the defaults)."""
    values = {
        "field": default_field(),
        "title": "Hỏi về cấp giấy chứng nhận quyền sử dụng đất",
        "body": "Gia đình tôi có thửa đất ở thôn 1, xin hỏi thủ tục cấp giấy chứng nhận lần đầu?",
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.test",
        "phone": "0912345678",
        "show_name": False,
        "attachment": None,
        "address": "203.0.113.7",
    }
    values.update(fields)
    return submit_question(unit=unit, **values)


def answer_page(made_question, user, *, answer="<p>Ông/bà nộp hồ sơ tại bộ phận một cửa.</p>", publish=False):
    """The draft answering ``made_question`` (``start_answer``) with an answer written; published directly
    when ``publish`` (the moderation is driven by the tests that test it)."""
    page = start_answer(question=made_question, user=user)
    page.answer = answer
    page.answered_by = "Ủy ban nhân dân"
    revision = page.save_revision(user=user)
    if publish:
        revision.publish()
    return QuestionPage.objects.get(pk=page.pk)


def many_answers(unit, count, *, field=None):
    """``count`` live answers of ``unit`` created directly (no revisions: fast), for query budgets."""
    index = question_index(unit)
    field = field or default_field()
    now = timezone.now()
    for number in range(count):
        index.add_child(
            instance=QuestionPage(
                title=f"Câu hỏi số {number}",
                slug=f"cau-hoi-{number}",
                live=True,
                first_published_at=now,
                last_published_at=now,
                field=field,
                question_text="Nội dung câu hỏi.",
                asker_label="Người dân",
                asked_on=now.date(),
                answer="<p>Trả lời.</p>",
            )
        )


def reload(made_question):
    return Question.objects.get(pk=made_question.pk)


# --- Helpers for the public tests -------------------------------------------------------------------------

FORM_PATH = "/hoi-dap/dat-cau-hoi/"
SENT_PATH = "/hoi-dap/da-gui/"


def form_data(**overrides):
    """What a visitor types in the question form (consent given); ``overrides`` replace or add values
    (``None`` removes one)."""
    data = {
        "name": "Trần Thị Bình",
        "email": "binh.tran@example.test",
        "phone": "0912 345 678",
        "field": str(default_field().pk),
        "title": "Hỏi về đăng ký khai sinh cho con",
        "body": "Con tôi sinh ngày 01/11, xin hỏi cần mang giấy tờ gì để đăng ký khai sinh tại xã?",
        "consent": "on",
        "website": "",
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def post_question(client, unit, data=None, **extra):
    """POST the form on ``unit``'s site."""
    return client.post(
        FORM_PATH, data if data is not None else form_data(), HTTP_HOST=unit.site.hostname, **extra
    )


@pytest.fixture
def eager_tasks():
    """Celery tasks run where they are queued (mails land in ``mail.outbox``)."""
    from portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def fresh_rates(settings, per_address=1000, per_unit=1000):
    """Limits with a window of their own (django_ratelimit's key contains the rate): no count left over from
    another test."""
    import random

    settings.PORTAL_QUESTION_RATE_PER_ADDRESS = f"{per_address}/{3600 + random.randrange(100000)}s"
    settings.PORTAL_QUESTION_RATE_PER_UNIT = f"{per_unit}/{3600 + random.randrange(100000)}s"

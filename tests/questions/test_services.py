"""The questions' services and demo data, without the web."""

from datetime import date, datetime

from django.utils import timezone

from questions.demo import fill_questions
from questions.fields import DEFAULT_FIELDS, ensure_default_fields
from questions.models import Question, QuestionField, QuestionIndexPage, QuestionPage
from questions.sections import build_questions_section
from questions.services import answer_published, due_date
from tests.factories.questions import answer_page, question, question_index, reload


def test_the_section_is_idempotent_and_creates_the_fields(commune_a):
    home = commune_a.site.root_page
    build_questions_section(unit=commune_a, home_page=home)
    build_questions_section(unit=commune_a, home_page=home)
    index = QuestionIndexPage.objects.child_of(home).get()
    assert index.live and index.slug == "hoi-dap"
    assert list(QuestionField.objects.values_list("name", flat=True)) == DEFAULT_FIELDS
    QuestionField.objects.filter(name="Khác").delete()
    ensure_default_fields()  # never brings back one the board deleted
    assert not QuestionField.objects.filter(name="Khác").exists()


def test_due_date_counts_working_days(settings):
    settings.PORTAL_QUESTION_ANSWER_WORKING_DAYS = 10
    friday = timezone.make_aware(datetime(2026, 12, 4, 16, 0))
    assert due_date(friday) == date(2026, 12, 18)  # two working weeks later
    settings.PORTAL_QUESTION_ANSWER_WORKING_DAYS = 1
    assert due_date(friday) == date(2026, 12, 7)  # Monday


def test_references_are_unique_and_unguessable(commune_a):
    made = [question(commune_a, title=f"Câu hỏi {n}") for n in range(5)]
    references = {q.reference for q in made}
    assert len(references) == 5
    assert all(len(reference) == 11 and reference.startswith("HD-") for reference in references)


def test_overdue(commune_a):
    asked = question(commune_a)
    assert asked.is_open and not asked.is_overdue(asked.due_on)
    assert asked.is_overdue(date.fromordinal(asked.due_on.toordinal() + 1))


def test_an_answer_published_without_a_question_changes_nothing(commune_a, editor_a):
    page = answer_page(question(commune_a), editor_a, publish=True)
    QuestionPage.objects.filter(pk=page.pk).update(question=None)
    page.refresh_from_db()
    assert answer_published(page) is None
    assert answer_published(question_index(commune_a)) is None


def test_the_demo_is_idempotent(commune_a, commune_b):
    assert fill_questions(commune_a) == 4
    assert fill_questions(commune_a) == 0
    assert fill_questions(commune_b) == 4
    mine = Question.objects.filter(unit=commune_a)
    assert mine.filter(status=Question.Status.ANSWERED).count() == 3
    assert mine.filter(status=Question.Status.RECEIVED).count() == 1
    pages = QuestionPage.objects.live().child_of(question_index(commune_a))
    assert pages.count() == 3
    assert all(reload(page.question).status == Question.Status.ANSWERED for page in pages)
    assert commune_a.name in pages.first().question_text or commune_a.name in str(pages.first().answer)

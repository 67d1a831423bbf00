"""Business actions on citizens' questions (issue #20).

A question arrives through the public form (``submit_question``), may be forwarded to the unit it belongs to
(``forward_question``), is answered by a ``QuestionPage`` drafted from it (``start_answer``) and published
through the unit's moderation (``answer_published``, on Wagtail's ``page_published``), or closed without a
public answer (``close_question``). Every mail to the asker goes from a Celery task after the commit.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy

from wagtail.log_actions import log

from feedback.personal_data import personal_data_kinds
from feedback.services import address_hash
from home.text import fold
from questions import tasks
from questions.models import Question, QuestionForward, QuestionIndexPage, QuestionPage, new_reference
from questions.sections import build_questions_section
from sites.workdays import add_working_days

FORWARD_ACTION = "questions.forward"
CLOSE_ACTION = "questions.close"
SLUG_MAX_LENGTH = 80
# What the published page says of an asker who did not agree to show their name.
ANONYMOUS_ASKER = gettext_lazy("A citizen")


def due_date(received_at):
    """The day an answer is due: ``PORTAL_QUESTION_ANSWER_WORKING_DAYS`` working days after the (local) day
    the question arrived."""
    return add_working_days(timezone.localdate(received_at), settings.PORTAL_QUESTION_ANSWER_WORKING_DAYS)


def _unique_reference():
    for _attempt in range(20):
        reference = new_reference()
        if not Question.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("no free question reference")  # 32**8 references: never in practice


def flags_for(*, title, body, phrases=()):
    """What the moderator should look at: the warning phrases found (``{"kind": "phrase", "value": ...}``) and
    the kinds of personal data the text seems to hold (``{"kind": "personal_data", "value": "phone"}``,
    "id" or "email": feedback.personal_data's kinds)."""
    flags = [{"kind": "phrase", "value": phrase.phrase, "note": phrase.note or ""} for phrase in phrases]
    flags += [{"kind": "personal_data", "value": kind} for kind in personal_data_kinds(f"{title}\n{body}")]
    return flags


def submit_question(
    *, unit, field, title, body, name, email, phone, show_name, attachment, address, warning_phrases=()
):
    """Record a visitor's question for ``unit`` (they consented: the form's box) and return it.

    ``attachment``: an uploaded file already checked, or None; ``address``: ``sites.client_ip.client_ip``'s,
    kept only as a salted hash; ``warning_phrases``: the board's warning phrases found in the text (the
    blocking ones were refused before), flagged for the moderator with any personal data the text holds.
    The acknowledgement mail (reference and due date) goes after the commit when an e-mail was given."""
    now = timezone.now()
    question = Question(
        reference=_unique_reference(),
        unit=unit,
        received_unit=unit,
        field=field,
        title=title,
        body=body,
        name=name,
        email=(email or "").strip().lower(),
        phone=phone or "",
        show_name=bool(show_name),
        consent_at=now,
        address_hash=address_hash(address) if address else "",
        received_at=now,
        due_on=due_date(now),
        flagged=flags_for(title=title, body=body, phrases=warning_phrases),
    )
    with transaction.atomic():
        if attachment:
            question.attachment_name = (getattr(attachment, "name", "") or "")[-255:]
            question.attachment.save(attachment.name, attachment, save=False)
        question.save()
        if question.email:
            transaction.on_commit(lambda: tasks.send_acknowledgement.delay(question.pk))
    return question


def forward_question(*, question, to_unit, reason, user):
    """Send the open ``question`` on to ``to_unit`` (which becomes its owner), with a ``QuestionForward`` row
    and a log entry; the asker is told after the commit. Raises ``ValidationError`` for a closed or answered
    question, one whose answer is being drafted, or ``to_unit`` already owning it."""
    if not question.is_open:
        raise ValidationError(gettext("Only a question waiting for an answer can be forwarded."))
    if QuestionPage.objects.filter(question=question).exists():
        raise ValidationError(
            gettext("An answer to this question is being drafted: delete the draft before forwarding it.")
        )
    if to_unit.pk == question.unit_id:
        raise ValidationError(gettext("The question already belongs to this unit."))
    with transaction.atomic():
        forward = QuestionForward.objects.create(
            question=question,
            from_unit_id=question.unit_id,
            to_unit=to_unit,
            reason=reason or "",
            forwarded_by=user,
        )
        question.unit = to_unit
        question.status = Question.Status.RECEIVED
        question.save(update_fields=["unit", "status"])
        log(
            instance=question,
            action=FORWARD_ACTION,
            user=user,
            data={
                "reference": question.reference,
                "from_unit": forward.from_unit_id,
                "from_unit_name": forward.from_unit.name,
                "to_unit": to_unit.pk,
                "to_unit_name": to_unit.name,
                "reason": forward.reason,
            },
        )
        if question.email:
            transaction.on_commit(lambda: tasks.send_forward_notice.delay(forward.pk))
    return forward


def index_page_of(unit):
    """The unit's /hoi-dap/ page, created (live) if it is missing."""
    index = QuestionIndexPage.objects.child_of(unit.site.root_page).first()
    if index is None:
        build_questions_section(unit=unit, home_page=unit.site.root_page)
        index = QuestionIndexPage.objects.child_of(unit.site.root_page).first()
    return index


def free_slug(parent, title):
    base = slugify(fold(title))[:SLUG_MAX_LENGTH].strip("-") or "cau-hoi"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def asker_label_for(question):
    """The name when the asker agreed to show it, else "Người dân" (in the site's language)."""
    if question.show_name and question.name:
        return question.name
    with translation.override(settings.LANGUAGE_CODE):
        return str(ANONYMOUS_ASKER)


def start_answer(*, question, user):
    """The draft ``QuestionPage`` answering ``question`` under its unit's /hoi-dap/ (owner ``user``), with the
    title, text, field, asker's label and date copied (never the contact details) and a first revision; the
    question is then being answered. An existing answer page is returned as it is."""
    existing = QuestionPage.objects.filter(question=question).first()
    if existing is not None:
        return existing
    if not question.is_open:
        raise ValidationError(gettext("This question is closed."))
    with transaction.atomic():
        index = index_page_of(question.unit)
        page = QuestionPage(
            title=question.title,
            slug=free_slug(index, question.title),
            live=False,
            owner=user,
            question=question,
            field=question.field,
            question_text=question.body,
            asker_label=asker_label_for(question),
            asked_on=timezone.localdate(question.received_at),
            # an empty paragraph: the page can be saved as a draft, and the editor's form still asks for the
            # answer (an empty rich text) before it is submitted or published
            answer="<p></p>",
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        Question.objects.filter(pk=question.pk).update(status=Question.Status.ANSWERING)
        question.status = Question.Status.ANSWERING
    return page


def answer_published(page):
    """``page`` (a QuestionPage) was published: its question is answered. The first publication sets
    ``answered_at`` and ``closed_at`` (from which the contact details' keeping time counts) and mails the
    asker the answer's address after the commit; a later correction changes nothing."""
    page = page.specific if hasattr(page, "specific") else page
    if not isinstance(page, QuestionPage) or not page.live or page.question_id is None:
        return None
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(pk=page.question_id).first()
        if question is None:
            return None
        first_time = question.answered_at is None
        now = timezone.now()
        question.status = Question.Status.ANSWERED
        if first_time:
            question.answered_at = now
        if question.closed_at is None or first_time:
            question.closed_at = now
        question.save(update_fields=["status", "answered_at", "closed_at"])
        if first_time and question.email:
            transaction.on_commit(lambda: tasks.send_answer_notice.delay(question.pk))
    return question


def answer_deleted(page):
    """The draft answering a question was deleted before publication: the question waits again."""
    if page.question_id is not None:
        Question.objects.filter(pk=page.question_id, status=Question.Status.ANSWERING).update(
            status=Question.Status.RECEIVED
        )


def close_question(*, question, reason, user):
    """Close ``question`` without a public answer (spam, duplicate, out of scope), with a log entry; the
    contact details' keeping time counts from now."""
    if not question.is_open:
        raise ValidationError(gettext("This question is already closed or answered."))
    with transaction.atomic():
        question.status = Question.Status.CLOSED
        question.close_reason = (reason or "")[:255]
        question.closed_at = timezone.now()
        question.save(update_fields=["status", "close_reason", "closed_at"])
        log(
            instance=question,
            action=CLOSE_ACTION,
            user=user,
            data={"reference": question.reference, "reason": question.close_reason},
        )
    return question

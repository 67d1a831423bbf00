"""Shared helpers of the admin tests of citizens' questions (tests/questions/test_admin*.py)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from questions.models import Question, QuestionField


def make_question(
    unit, *, title="Hỏi về cấp giấy chứng nhận", days_ago=0, due_in=10, attachment=None, **fields
):
    """A question as the public form leaves it, received ``days_ago`` days ago, due ``due_in`` days from
    today (negative: past due)."""
    received_at = timezone.now() - datetime.timedelta(days=days_ago)
    question = Question(
        unit=unit,
        received_unit=fields.pop("received_unit", unit),
        title=title,
        body=fields.pop("body", "Nội dung câu hỏi của người dân."),
        name=fields.pop("name", "Nguyễn Thị Hỏi"),
        email=fields.pop("email", "nguoi.hoi@example.test"),
        phone=fields.pop("phone", "0909123456"),
        consent_at=received_at,
        received_at=received_at,
        due_on=timezone.localdate() + datetime.timedelta(days=due_in),
        **fields,
    )
    if attachment is not None:
        name, content = attachment
        question.attachment_name = name
        question.attachment.save(name, ContentFile(content), save=False)
    question.save()
    return question


def make_field(name="Đất đai"):
    return QuestionField.objects.get_or_create(name=name)[0]

"""A published answer closes its question; a deleted draft answer reopens it (questions.services)."""

from django.db.models.signals import post_delete

from wagtail.signals import page_published

from questions.models import QuestionPage
from questions.services import answer_deleted, answer_published


def on_page_published(sender, instance, **kwargs):
    answer_published(instance)


def on_page_deleted(sender, instance, **kwargs):
    answer_deleted(instance)


def connect():
    post_delete.connect(on_page_deleted, sender=QuestionPage, dispatch_uid="questions-answer-deleted")
    page_published.connect(on_page_published, sender=QuestionPage, dispatch_uid="questions-answer-published")

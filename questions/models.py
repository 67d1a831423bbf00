"""Citizens' questions (hỏi đáp, issue #20): a visitor asks the unit whose site they are on, the unit's
editors answer through the unit's moderation workflow, and the published question-and-answer page shows the
question without the asker's contact details.

``Question`` is the private record (contact details, attachment, status, deadline); ``QuestionPage`` is the
public page, created as a draft from a question (``services.start_answer``) and published through moderation.
"""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.mixins import FoldedTitleMixin, UnitContextMixin

BODY_MAX_LENGTH = 5000
TITLE_MAX_LENGTH = 200
NAME_MAX_LENGTH = 120
REFERENCE_PREFIX = "HD-"
# Crockford's base32 without the letters people confuse (I, L, O, U)
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8


def new_reference():
    """An unguessable reference such as ``HD-7K2M9QXA`` (40 random bits; uniqueness is checked on save)."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class NoURLFileSystemStorage(FileSystemStorage):
    """Files on disk that have no address (``url`` is empty): they leave only through a view that checks
    who asks."""

    def url(self, name):
        return ""


class PrivateStorage(LazyObject):
    """Where attachments go: never under MEDIA_URL. On disk, ``PORTAL_PRIVATE_MEDIA_ROOT`` (nothing serves
    it); with S3 media, the default storage (private bucket, signed URLs)."""

    def _setup(self):
        if getattr(settings, "PORTAL_S3_BUCKET", ""):
            self._wrapped = default_storage
        else:
            location = settings.PORTAL_PRIVATE_MEDIA_ROOT
            self._wrapped = NoURLFileSystemStorage(location=str(location))


private_storage = PrivateStorage()


def attachment_path(instance, filename):
    """``hoi-dap/YYYY/MM/<random>.<ext>``: the original name is kept in ``attachment_name`` only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    extension = "".join(char for char in extension if char.isalnum())[:8] or "bin"
    now = timezone.localtime()
    return f"hoi-dap/{now:%Y/%m}/{secrets.token_hex(16)}.{extension}"


def get_private_storage():
    return private_storage


class QuestionField(models.Model):
    """A field (lĩnh vực) a question belongs to: land, civil status, social policy... Managed by the board."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    sort_order = models.IntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("question field")
        verbose_name_plural = _("question fields")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Question(models.Model):
    """A question as the visitor sent it: private (contact details, attachment) until erased; its public side
    is the ``QuestionPage`` that answers it."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ANSWERING = "answering", _("Being answered")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, default=new_reference, editable=False
    )
    unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="questions"
    )
    received_unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("received by"), on_delete=models.CASCADE, related_name="+"
    )
    field = models.ForeignKey(
        QuestionField,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    body = models.TextField(_("question"), max_length=BODY_MAX_LENGTH)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    show_name = models.BooleanField(_("show the name with the answer"), default=False)
    attachment = models.FileField(
        _("attachment"), upload_to=attachment_path, storage=get_private_storage, blank=True, max_length=255
    )
    attachment_name = models.CharField(_("attachment's name"), max_length=255, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    address_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    close_reason = models.CharField(_("reason for closing"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("answer due on"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    contact_erased_at = models.DateTimeField(_("contact details erased at"), null=True, blank=True)
    flagged = models.JSONField(_("flagged"), default=list, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["unit", "status", "received_at"], name="questions_unit_status_idx"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def is_open(self):
        """Still waiting for an answer (received, or an answer drafted and not yet published)."""
        return self.status in (self.Status.RECEIVED, self.Status.ANSWERING)

    def is_overdue(self, today=None):
        """Open and past its due date (``today``: the local date by default)."""
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today


class QuestionForward(models.Model):
    """One forwarding of a question to another unit (the statistics count them)."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="forwards"
    )
    from_unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("from unit"), on_delete=models.CASCADE, related_name="+"
    )
    to_unit = models.ForeignKey(
        "portal_sites.Unit", verbose_name=_("to unit"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forwarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    forwarded_at = models.DateTimeField(_("forwarded at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("question forwarding")
        verbose_name_plural = _("question forwardings")
        ordering = ["-forwarded_at"]

    def __str__(self):
        return f"{self.question.reference}: {self.from_unit} → {self.to_unit}"


class BlockedSender(models.Model):
    """A sender whose questions are refused (with a neutral message): an e-mail, a phone number or an address
    network. Managed by the board."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Phone")
        ADDRESS = "address", _("Address network")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # lower-case e-mail; digits-only phone with its leading 0; an IP network such as 203.0.113.0/24
    value = models.CharField(_("value"), max_length=255)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("blocked sender")
        verbose_name_plural = _("blocked senders")
        ordering = ["kind", "value"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="questions_blocked_unique")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"


class QuestionIndexPage(RoutablePageMixin, UnitContextMixin, FoldedTitleMixin, Page):
    """A unit's questions and answers at /hoi-dap/: the published answers (filter by field ``linh-vuc``,
    keyword ``q``, page ``trang``), the form at ``dat-cau-hoi/`` and the acknowledgement at ``da-gui/``."""

    template = "questions/question_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["questions.QuestionPage"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("questions and answers index")

    # The public routes: questions/views.py does the work.
    @path("")
    def index_route(self, request):
        from questions import views  # questions.views reads the pages defined here

        return views.index(request, self)

    @path("dat-cau-hoi/")
    def ask_route(self, request):
        from questions import views  # questions.views reads the pages defined here

        return views.ask(request, self)

    @path("da-gui/")
    def sent_route(self, request):
        from questions import views  # questions.views reads the pages defined here

        return views.sent(request, self)


class QuestionPage(UnitContextMixin, FoldedTitleMixin, Page):
    """A published question and its answer. The question's text is the published version (an editor may strip
    personal data from it); the asker's contact details never appear here."""

    question = models.OneToOneField(
        Question,
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answer_page",
    )
    field = models.ForeignKey(
        QuestionField,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question_text = models.TextField(
        _("question as published"),
        help_text=_("Remove any personal data (addresses, phone numbers, ID numbers) before publishing."),
    )
    asker_label = models.CharField(_("asked by"), max_length=NAME_MAX_LENGTH, blank=True)
    asked_on = models.DateField(_("asked on"), default=timezone.localdate)
    answer = RichTextField(_("answer"), features=["bold", "italic", "link", "ol", "ul", "document-link"])
    answered_by = models.CharField(_("answered by"), max_length=255, blank=True)

    template = "questions/question_page.html"
    parent_page_types = ["questions.QuestionIndexPage"]
    subpage_types = []

    content_panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("field"),
                FieldPanel("question_text"),
                FieldPanel("asker_label"),
                FieldPanel("asked_on"),
            ],
            heading=_("Question"),
        ),
        FieldPanel("answer"),
        FieldPanel("answered_by"),
    ]
    search_fields = [
        *FoldedTitleMixin.search_fields,
        index.SearchField("question_text"),
        index.SearchField("answer"),
        index.FilterField("field"),
    ]

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

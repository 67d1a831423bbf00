"""Queue the exact-time task when something gets a publication or expiry time."""

from django.db.models.signals import post_save

from wagtail.models import DraftStateMixin, Revision

from scheduling import services


def on_revision_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.approved_go_live_at is not None:
        services.after_commit(services.queue_publication, instance.pk, instance.approved_go_live_at)


def on_object_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, DraftStateMixin):
        return
    if instance.live and instance.expire_at is not None:
        services.after_commit(services.queue_expiry, instance._meta.label, instance.pk, instance.expire_at)


def connect():
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="scheduling_revision_saved")
    post_save.connect(on_object_saved, dispatch_uid="scheduling_object_saved")

from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.services import forget_old_addresses


class Command(BaseCommand):
    help = (
        "Clear the address hash of page ratings older than PORTAL_FEEDBACK_HASH_DAYS days (personal data, "
        "kept only for abuse handling). The Celery beat does it every night; this is for a server without "
        "a beat, or to run it now. Idempotent."
    )

    def handle(self, *args, **options):
        cleared = forget_old_addresses()
        self.stdout.write(
            self.style.SUCCESS(
                f"Address hashes cleared on {cleared} rating(s) older than "
                f"{settings.PORTAL_FEEDBACK_HASH_DAYS} days."
            )
        )

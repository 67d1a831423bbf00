"""Remove a user's two-step verification devices (a lost phone): they enrol again at their next sign-in."""

from django.core.management.base import BaseCommand, CommandError

from users.services import reset_two_step


class Command(BaseCommand):
    help = "Remove the two-step verification (TOTP) devices of these users; they enrol again at sign-in."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+")

    def handle(self, *args, **options):
        try:
            removed = reset_two_step(usernames=options["usernames"])
        except LookupError as error:
            raise CommandError(str(error)) from error
        for username, count in removed.items():
            self.stdout.write(f"{username}: {count} device(s) removed")
        self.stdout.write(self.style.SUCCESS(f"Reset two-step verification of {len(removed)} account(s)."))

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from restructuring.plans import RestructuringError
from restructuring.reparent import apply_reparent, plan_reparent
from sites.models import TOP_LEVELS


class Command(BaseCommand):
    help = (
        "Move units under another parent; with --make-top the parent becomes the top unit (the district "
        "disappearing into its province: the province's approvers become the editorial board). Prints the "
        "plan, then carries it out in one transaction. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--units", nargs="*", default=[], help="slugs of the units to move")
        parser.add_argument("--parent", required=True, help="slug of the new parent unit")
        parser.add_argument(
            "--make-top",
            action="store_true",
            help="the parent becomes the top unit and the current top unit goes under it",
        )
        parser.add_argument(
            "--keep-board-members",
            action="store_true",
            help="with --make-top: the old editorial board's members join the new board",
        )
        parser.add_argument(
            "--name", default=None, help="with --make-top, a parent that does not exist yet: its name"
        )
        parser.add_argument("--hostname", default=None, help="with --make-top, a new parent: its hostname")
        parser.add_argument("--port", type=int, default=80, help="with --make-top, a new parent: its port")
        parser.add_argument(
            "--level",
            default=None,
            choices=sorted(TOP_LEVELS),
            help="with --make-top, a new parent: its level (default: province)",
        )
        parser.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")

    def handle(self, *args, **options):
        names = ("units", "parent", "make_top", "keep_board_members", "name", "hostname", "port", "level")
        arguments = {name: options[name] for name in names}
        with translation.override("vi"):
            try:
                plan = plan_reparent(**arguments)
                self.stdout.write(plan.render())
                if options["dry_run"] or plan.is_empty:
                    self.stdout.write("Dry run: nothing changed." if options["dry_run"] else "Nothing to do.")
                    return
                plan = apply_reparent(**arguments)
            except RestructuringError as error:
                raise CommandError(str(error)) from error
        moved = len(plan.data.get("moves", []))
        top = f"; {options['parent']} is the top unit" if plan.data.get("make_top") else ""
        self.stdout.write(self.style.SUCCESS(f"Moved {moved} units under {options['parent']}{top}."))

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from restructuring.plans import RestructuringError
from restructuring.rename import apply_rename, plan_rename


class Command(BaseCommand):
    help = (
        "Rename a unit (name, slug, hostname, port): prints the plan, then carries it out in one "
        "transaction. The old hostname redirects permanently to the new one. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug of the unit, e.g. phuoc-hau")
        parser.add_argument("--name", default=None, help='new name, e.g. "Xã Phước Hậu Mới"')
        parser.add_argument("--slug", default=None, help="new slug")
        parser.add_argument("--hostname", default=None, help="new hostname, e.g. phuoc-hau-moi.localhost")
        parser.add_argument("--port", type=int, default=None, help="new port of the site")
        parser.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")

    def handle(self, *args, **options):
        arguments = {name: options[name] for name in ("unit", "name", "slug", "hostname", "port")}
        with translation.override("vi"):
            try:
                plan = plan_rename(**arguments)
                self.stdout.write(plan.render())
                if options["dry_run"] or plan.is_empty:
                    self.stdout.write("Dry run: nothing changed." if options["dry_run"] else "Nothing to do.")
                    return
                plan = apply_rename(**arguments)
            except RestructuringError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Renamed {options['unit']}: {sum(len(lines) for lines in plan.lines.values())} changes."
            )
        )

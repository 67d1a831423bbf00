"""manage.py merge_units --from A B C --slug X [--name N --hostname H --parent P] [--level L] [--port N]
[--archive] [--users move|list] [--dry-run]

Prints the plan (units, pages, files, users, hostnames, redirects, other records), then carries it out in one
transaction (``restructuring.merge``). ``--slug`` naming an existing unit merges the others into it. A second
run of the same command plans nothing and changes nothing; a bad plan stops with its message and changes
nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from restructuring.merge import apply_merge, plan_merge
from restructuring.plans import RestructuringError
from sites.models import UnitLevel


class Command(BaseCommand):
    help = "Merge units into a new unit (or an existing one), keeping every page, file, user and old address."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="sources", nargs="+", required=True, help="Slugs of the units to merge."
        )
        parser.add_argument(
            "--slug", required=True, help="The new unit's slug, or an existing unit to merge into."
        )
        parser.add_argument("--name", help="The new unit's name.")
        parser.add_argument("--hostname", help="The new unit's hostname.")
        parser.add_argument("--parent", help="The new unit's parent (slug).")
        parser.add_argument("--level", choices=UnitLevel.values, help="Default: the merged units' level.")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--archive",
            action="store_true",
            help="Keep each unit's pages as they are under “Lưu trữ <unit>” instead of joining the sections.",
        )
        parser.add_argument(
            "--users",
            choices=("move", "list"),
            default="move",
            help="move: editors and approvers join the new unit's groups; list: they stay and are listed.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the plan; change nothing.")

    def handle(self, *args, **options):
        merge = {
            key: options[key]
            for key in ("sources", "slug", "name", "hostname", "parent", "level", "port", "archive", "users")
        }
        try:
            plan = plan_merge(**merge)
        except RestructuringError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(plan.render())
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was changed."))
            return
        if plan.is_empty:
            self.stdout.write(_("Nothing to do."))
            return
        try:
            done = apply_merge(**merge)
        except RestructuringError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Merged %(count)s units into %(slug)s: %(pages)s pages, %(files)s files, "
                    "%(redirects)s redirects."
                )
                % {
                    "count": len(done.data.get("sources", [])),
                    "slug": merge["slug"],
                    "pages": done.counts.get("pages", 0),
                    "files": done.counts.get("files", 0),
                    "redirects": done.counts.get("redirects", 0),
                }
            )
        )

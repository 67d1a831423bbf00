"""manage.py import_procedures --unit <slug> <file.csv|file.json> [--publish|--draft] [--dry-run]

Reads administrative procedures from a CSV or JSON file (columns: see procedures/services.py and the sample
procedures/samples/thu-tuc-mau.csv) into the unit's /thu-tuc-hanh-chinh/. Every row is checked first: with any
bad row, every error is listed with its line and nothing is imported. Codes the unit already has are updated.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from procedures import services
from sites.models import Unit


class Command(BaseCommand):
    help = "Import administrative procedures from a CSV or JSON file into a unit's /thu-tuc-hanh-chinh/."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="The unit's slug.")
        parser.add_argument("file", help="A .csv or .json file in UTF-8.")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--publish", action="store_true", default=True, help="Publish them (default).")
        mode.add_argument(
            "--draft", action="store_true", help="Save them as drafts, to go through moderation."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; change nothing."
        )

    def handle(self, *args, **options):
        unit = Unit.objects.with_site().filter(slug=options["unit"]).first()
        if unit is None:
            raise CommandError(_("No unit with the slug %(slug)s.") % {"slug": options["unit"]})
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror})
        try:
            rows = services.read_file(data, name=path.name)
            result = services.import_procedures(
                unit=unit,
                rows=rows,
                publish=not options["draft"],
                dry_run=options["dry_run"],
                progress=self._progress if options["verbosity"] >= 1 else None,
            )
        except services.ImportFileError as error:
            raise CommandError("\n".join(str(message) for message in error.messages)) from None
        if result.errors:
            for problem in result.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(count)s problems found in %(file)s: nothing was imported.")
                % {"count": len(result.errors), "file": path.name}
            )
        summary = _("%(created)s procedures created, %(updated)s updated in %(unit)s.") % {
            "created": len(result.created),
            "updated": len(result.updated),
            "unit": unit.name,
        }
        if result.dry_run:
            summary = _("Dry run, nothing changed: %(summary)s") % {"summary": summary}
        self.stdout.write(self.style.SUCCESS(summary))

    def _progress(self, done, total):
        if done == total or done % 50 == 0:
            self.stdout.write(_("%(done)s/%(total)s procedures saved") % {"done": done, "total": total})

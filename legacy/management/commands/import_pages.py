"""python manage.py import_pages --config FILE --unit SLUG [--drafts] [--category-map FILE] [--report PATH]
[--limit N] [--delay SECONDS]: import a legacy portal by its public pages (see legacy/pages.py)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from legacy import pages
from sites.models import Unit


class Command(BaseCommand):
    help = "Import a legacy portal's pages (a URL list, a sitemap or an RSS feed) into a unit."

    def add_arguments(self, parser):
        parser.add_argument("--config", required=True, help="TOML file: [source] and [selectors].")
        parser.add_argument("--unit", required=True, help="Slug of the unit the pages land in.")
        parser.add_argument("--drafts", action="store_true", help="Land the pages as drafts.")
        parser.add_argument("--category-map", help="TOML or CSV file: source category -> category slug.")
        parser.add_argument("--report", help="Where to write the CSV report (default: var/imports/).")
        parser.add_argument("--limit", type=int, help="Import at most N pages of the list.")
        parser.add_argument(
            "--delay", type=float, default=0.0, help="Seconds to wait between requests (be polite)."
        )

    def handle(self, *args, **options):
        if options["limit"] is not None and options["limit"] < 1:
            raise CommandError(_("--limit must be a positive number."))
        if options["delay"] < 0:
            raise CommandError(_("--delay cannot be negative."))
        try:
            config = pages.load_config(options["config"])
            category_map = (
                pages.load_category_map(options["category_map"]) if options["category_map"] else None
            )
        except pages.ConfigError as error:
            raise CommandError(str(error)) from None
        unit = Unit.objects.filter(slug=options["unit"]).select_related("site").first()
        if unit is None:
            raise CommandError(_("No active unit with the slug “%(slug)s”.") % {"slug": options["unit"]})
        if unit.site is None:
            raise CommandError(_("The unit “%(slug)s” has no site.") % {"slug": unit.slug})
        try:
            run = pages.import_pages(
                config,
                unit,
                drafts=options["drafts"],
                category_map=category_map,
                limit=options["limit"],
                delay=options["delay"],
                report_path=options["report"],
                progress=sys.stderr.isatty(),
            )
        except (pages.ConfigError, pages.FetchError) as error:
            raise CommandError(str(error)) from None
        report = run.report
        if run.counts.get("unmapped_categories"):
            self.stdout.write(
                _("Unmapped categories: %(keys)s")
                % {
                    "keys": ", ".join(
                        f"{k} ({n})" for k, n in sorted(run.counts["unmapped_categories"].items())
                    )
                }
            )
        self.stdout.write(
            _("Imported pages into %(unit)s: %(summary)s. Report: %(path)s")
            % {"unit": unit.slug, "summary": report.summary(), "path": run.report_path}
        )

"""python manage.py import_nukeviet --database-url mysql://user:pass@host/db --prefix nv4_vi_ --unit SLUG
--uploads PATH [--module-alias news] [--module-data news] [--page-module-alias page] [--drafts]
[--category-map FILE] [--default-category SLUG] [--report PATH] [--limit N] [--batch-size N] [--no-pages]
[--no-progress]: bring in a NukeViet 4 portal's news and static pages (see legacy/nukeviet.py)."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from tqdm import tqdm

from legacy import nukeviet
from legacy.landing import CategoryMapError, ImportContext, load_category_map
from legacy.models import ImportRun
from sites import cache
from sites.models import Unit

RECORDED_OPTIONS = [
    "prefix",
    "unit",
    "uploads",
    "module_alias",
    "module_data",
    "page_module_alias",
    "language",
    "drafts",
    "category_map",
    "default_category",
    "report",
    "limit",
    "batch_size",
    "no_pages",
]


class Command(BaseCommand):
    help = "Import a NukeViet 4 portal (news and static pages) from its MySQL/MariaDB database into a unit."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", required=True, help="mysql://user:password@host:3306/database")
        parser.add_argument("--prefix", default="nv4_vi_", help="Table prefix, with its language (nv4_vi_).")
        parser.add_argument("--unit", required=True, help="Slug of the unit the content lands in.")
        parser.add_argument("--uploads", required=True, help="Local copy of the old site's uploads/ folder.")
        parser.add_argument("--module-alias", default="news", help="The news module's name in old URLs.")
        parser.add_argument("--module-data", default="news", help="The news module's name in table names.")
        parser.add_argument("--page-module-alias", default="page", help="The page module's name in old URLs.")
        parser.add_argument("--language", default="vi", help="The language prefix of old URLs.")
        parser.add_argument("--drafts", action="store_true", help="Land everything as drafts.")
        parser.add_argument(
            "--category-map", help="CSV or JSON: source category alias or id -> category slug."
        )
        parser.add_argument("--default-category", help="Category slug for news none of whose categories map.")
        parser.add_argument("--report", help="Where to write the CSV report (default: var/imports/).")
        parser.add_argument("--limit", type=int, help="Import at most N news rows (and N pages).")
        parser.add_argument(
            "--batch-size", type=int, default=nukeviet.BATCH_SIZE, help="Rows per transaction."
        )
        parser.add_argument("--no-pages", action="store_true", help="Leave the static pages out.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        if options["limit"] is not None and options["limit"] < 1:
            raise CommandError(_("--limit must be a positive number."))
        if options["batch_size"] < 1:
            raise CommandError(_("--batch-size must be a positive number."))
        unit = Unit.objects.filter(slug=options["unit"]).select_related("site__root_page").first()
        if unit is None:
            raise CommandError(_("No active unit with the slug “%(slug)s”.") % {"slug": options["unit"]})
        uploads = Path(options["uploads"]).expanduser()
        source = nukeviet.Source(
            database_url=options["database_url"],
            prefix=options["prefix"],
            uploads=uploads,
            module_alias=options["module_alias"].strip("/"),
            module_data=options["module_data"],
            page_module_alias=options["page_module_alias"].strip("/"),
            language=options["language"].strip("/"),
        )
        try:
            category_map = load_category_map(options["category_map"]) if options["category_map"] else {}
        except CategoryMapError as error:
            raise CommandError(str(error)) from None
        try:
            connection = nukeviet.connect(source.database_url)
        except nukeviet.NukeVietError as error:
            raise CommandError(str(error)) from None
        try:
            try:
                nukeviet.check(connection, source)
                news_total, pages_total = nukeviet.count_rows(connection, source)
            except nukeviet.NukeVietError as error:
                raise CommandError(str(error)) from None
            try:
                ctx = ImportContext(
                    unit,
                    source.key,
                    drafts=options["drafts"],
                    category_map=nukeviet.normalise_category_map(category_map, source),
                    default_category=options["default_category"],
                )
            except ValueError as error:
                raise CommandError(str(error)) from None
            if ctx.news_index is None:
                raise CommandError(_("The unit “%(slug)s” has no news section.") % {"slug": unit.slug})
            self._run(ctx, connection, source, options, news_total, pages_total)
        finally:
            connection.close()

    def _run(self, ctx, connection, source, options, news_total, pages_total):
        recorded = {k: options[k] for k in RECORDED_OPTIONS}  # not the URL: it may hold a password
        recorded["database"] = source.database
        run = ImportRun.objects.create(source=ctx.source, unit=ctx.unit, options=_jsonable(recorded))
        report_path = Path(
            options["report"]
            or settings.VAR_DIR
            / "imports"
            / f"nukeviet-{ctx.unit.slug}-{timezone.localtime():%Y%m%d-%H%M%S}.csv"
        )
        uploads = nukeviet.Uploads(source.uploads, source.module_data)
        limit = options["limit"]
        show = not options["no_progress"] and sys.stderr.isatty()
        total = min(news_total, limit) if limit else news_total
        if not options["no_pages"]:
            total += min(pages_total, limit) if limit else pages_total
        with tqdm(total=total, disable=not show, unit=_("items"), file=sys.stderr) as bar:
            try:
                nukeviet.import_rows(
                    ctx,
                    source,
                    uploads,
                    nukeviet.news_batches(connection, source, batch_size=options["batch_size"]),
                    nukeviet.news_item,
                    "news",
                    limit=limit,
                    progress=bar.update,
                )
                if not options["no_pages"]:
                    nukeviet.import_rows(
                        ctx,
                        source,
                        uploads,
                        nukeviet.page_batches(connection, source, batch_size=options["batch_size"]),
                        nukeviet.page_item,
                        "page",
                        limit=limit,
                        progress=bar.update,
                    )
            finally:
                # what was landed stays landed (each batch committed): report it even when interrupted
                cache.everything_changed()
                ctx.report.write_csv(report_path)
                run.finished_at = timezone.now()
                run.counts = {
                    **ctx.report.counts,
                    "image-missing": ctx.report.missing_images,
                    "unmapped_categories": ctx.unmapped,
                }
                run.report_path = str(report_path)
                run.save()
        if ctx.unmapped:
            self.stdout.write(
                _("Unmapped categories: %(keys)s")
                % {"keys": ", ".join(f"{k} ({n})" for k, n in sorted(ctx.unmapped.items()))}
            )
        self.stdout.write(
            _("Imported NukeViet %(db)s into %(unit)s: %(summary)s. Report: %(path)s")
            % {
                "db": source.database,
                "unit": ctx.unit.slug,
                "summary": ctx.report.summary(),
                "path": report_path,
            }
        )


def _jsonable(options):
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in options.items()}

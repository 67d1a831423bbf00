from django.core.management.base import BaseCommand, CommandError

from sites.models import UnitLevel
from sites.services import ProvisioningError, provision_site


class Command(BaseCommand):
    help = "Create (or complete) a unit's site, collection, groups and workflow. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='e.g. "Xã Phước Hậu"')
        parser.add_argument("--slug", required=True, help="e.g. phuoc-hau")
        parser.add_argument("--level", required=True, help=f"one of: {', '.join(UnitLevel.values)}")
        parser.add_argument("--hostname", required=True, help="e.g. phuoc-hau.localhost")
        parser.add_argument("--parent", default=None, help="slug of the parent unit")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--full-name", default=None)

    def handle(self, *args, **options):
        try:
            result = provision_site(
                name=options["name"],
                slug=options["slug"],
                level=options["level"],
                hostname=options["hostname"],
                parent=options["parent"],
                port=options["port"],
                full_name=options["full_name"],
            )
        except ProvisioningError as exc:
            raise CommandError(str(exc)) from exc
        unit = result.unit
        verb = "created" if result.created else "already present, checked"
        self.stdout.write(
            self.style.SUCCESS(f"Unit {unit.slug} {verb}: {unit.site.root_url}/ (site #{unit.site_id})")
        )

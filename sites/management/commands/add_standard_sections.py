from django.core.management.base import BaseCommand

from sites.models import Unit
from sites.services import ensure_standard_sections


class Command(BaseCommand):
    help = (
        "Give every unit's site the standard sections it lacks (introduction, leaders, administrative "
        "procedures, access to information ...). Idempotent; run after an upgrade that adds a section."
    )

    def handle(self, *args, **options):
        # the top unit first: a section may show what its parent publishes
        units = sorted(
            Unit.objects.select_related("site__root_page"),
            key=lambda u: (u.parent_id is not None, u.sort_order),
        )
        added = 0
        for number, unit in enumerate(units, start=1):
            before = unit.site.root_page.get_descendants().count()
            ensure_standard_sections(unit=unit)
            new = unit.site.root_page.get_descendants().count() - before
            added += new
            self.stdout.write(f"[{number}/{len(units)}] {unit.slug}: {new} page(s) added")
        self.stdout.write(
            self.style.SUCCESS(f"Standard sections checked on {len(units)} units; {added} pages added.")
        )

from django.core.management.base import BaseCommand

from search.services import rebuild


class Command(BaseCommand):
    help = "Index every live page for the public search again and drop entries of pages no longer searchable."

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]

        def progress(done, total):
            if self.verbosity:
                width = 30
                filled = width * done // max(total, 1)
                bar = "#" * filled + "." * (width - filled)
                self.stdout.write(f"\r  [{bar}] {done}/{total} pages", ending="")
                self.stdout.flush()

        count = rebuild(progress=progress)
        if self.verbosity:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} searchable pages."))

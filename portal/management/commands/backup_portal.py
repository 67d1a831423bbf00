from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump or SQLite's online backup) and MEDIA_ROOT, with SHA-256 checksums, "
        "into a new folder portal-backup-YYYYmmdd-HHMMSS under --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="folder that receives the backup folder")

    def handle(self, *args, **options):
        self.stdout.write("Backing up the database, then the media files...")
        try:
            result = create_backup(output_dir=options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        size = sum(entry["size"] for entry in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup ready: {result.path} ({manifest['database']['engine']} database, "
                f"{len(manifest['media']['files'])} media files, {size / 1_000_000:.1f} MB, "
                f"{result.seconds:.1f} s)"
            )
        )

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Verify a backup folder made by backup_portal and restore it into the configured database and "
        "MEDIA_ROOT. Refuses a damaged backup, and a database or media folder that is not empty unless "
        "--force. Stop the web server, worker and beat first; run migrate afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup folder (portal-backup-YYYYmmdd-HHMMSS)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of a database and media folder that are not empty",
        )
        parser.add_argument(
            "--verify-only", action="store_true", help="only check the checksums; change nothing"
        )

    def handle(self, *args, **options):
        try:
            if options["verify_only"]:
                manifest = verify_backup(path=options["path"])
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Backup intact: {options['path']} (made {manifest['created_at']}, "
                        f"{len(manifest['media']['files'])} media files)"
                    )
                )
                return
            self.stdout.write("Checking the checksums, then restoring the database and the media files...")
            result = restore_backup(path=options["path"], force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if result.unknown_migrations:
            self.stderr.write(
                self.style.WARNING(
                    "The backup was made by a newer version of the portal (migrations this code does not "
                    f"have: {', '.join(result.unknown_migrations)}); deploy that version before starting it."
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {result.path} (made {result.manifest['created_at']}): database and "
                f"{result.media_files} media files in {result.seconds:.1f} s. Now run `manage.py migrate`."
            )
        )

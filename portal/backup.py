"""Backup and restore of the whole portal: the database and the media files, with checksums.

A backup is a folder ``portal-backup-YYYYmmdd-HHMMSS/`` holding

- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or ``database.sqlite3`` (SQLite, copied with
  SQLite's online backup API, so it is consistent while the web server and the worker keep writing);
- ``media.tar``: every file under ``MEDIA_ROOT`` (originals, renditions, documents);
- ``manifest.json``: the SHA-256 and size of both files and of every media file, the database engine, the
  Django, Wagtail and Python versions, the latest applied migration of each app and the time.

The database is dumped before the media: a file uploaded in between is then an orphan in the backup
(harmless) rather than a row whose file is missing.

A restore checks every checksum before touching anything, refuses a database or ``MEDIA_ROOT`` that is not
empty unless ``force`` is given, and restores into the database and ``MEDIA_ROOT`` configured by the
environment, so the same backup can be restored into a fresh database and folder on another machine.
"""

import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

import wagtail

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
NAME_PREFIX = "portal-backup-"
CHUNK = 1024 * 1024
POSTGRESQL = "postgresql"
SQLITE = "sqlite"
# libpq reads these from the environment; the password never appears on a command line.
PG_ENVIRONMENT = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
PG_OPTION_ENVIRONMENT = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


class BackupError(Exception):
    """A backup or restore that cannot be done; nothing was changed (the message says what to do)."""


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    seconds: float


@dataclass
class RestoreResult:
    path: Path
    manifest: dict
    seconds: float
    media_files: int
    unknown_migrations: list = field(default_factory=list)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _engine(db):
    engine = db["ENGINE"]
    if engine.endswith("postgresql"):
        return POSTGRESQL
    if engine.endswith("sqlite3"):
        return SQLITE
    raise BackupError(_("Unsupported database engine “%(engine)s”.") % {"engine": engine})


def _pg_environment(db):
    env = dict(os.environ)
    for key, variable in PG_ENVIRONMENT.items():
        if db.get(key):
            env[variable] = str(db[key])
    for option, variable in PG_OPTION_ENVIRONMENT.items():
        if db.get("OPTIONS", {}).get(option):
            env[variable] = str(db["OPTIONS"][option])
    env["PGDATABASE"] = str(db["NAME"])
    return env


def _run(command, *, env, what, **kwargs):
    try:
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False, **kwargs)
    except FileNotFoundError:
        raise BackupError(_("%(program)s is not installed.") % {"program": command[0]})
    if completed.returncode != 0:
        raise BackupError(
            _("%(what)s failed: %(error)s") % {"what": what, "error": completed.stderr.strip()[-2000:]}
        )
    return completed


def _latest_migrations(connection):
    recorder = MigrationRecorder(connection)
    latest = {}
    for app, name in recorder.migration_qs.order_by("id").values_list("app", "name"):
        latest[app] = name
    return dict(sorted(latest.items()))


def _media_files(media_root):
    """Every regular file under ``media_root``, as sorted paths relative to it."""
    if not media_root.is_dir():
        return []
    return sorted(
        path.relative_to(media_root).as_posix()
        for path in media_root.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _dump_database(db, engine, target_dir):
    if engine == POSTGRESQL:
        target = target_dir / POSTGRES_DUMP
        _run(
            ["pg_dump", "--format=custom", "--no-password", f"--file={target}"],
            env=_pg_environment(db),
            what="pg_dump",
        )
        return target
    name = str(db["NAME"])
    if name == ":memory:" or name.startswith("file::memory:") or not Path(name).is_file():
        raise BackupError(_("The SQLite database “%(name)s” is not a file.") % {"name": name})
    target = target_dir / SQLITE_COPY
    source = sqlite3.connect(Path(name).resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def _archive_media(media_root, target_dir):
    """Tar every media file; return the archive and each file's checksum."""
    target = target_dir / MEDIA_ARCHIVE
    checksums = {}
    with tarfile.open(target, "w") as archive:
        for relative in _media_files(media_root):
            source = media_root / relative
            checksums[relative] = sha256_of(source)
            archive.add(source, arcname=relative, recursive=False)
    return target, checksums


def create_backup(*, output_dir, using=DEFAULT_DB_ALIAS, now=None):
    """Back up the database ``using`` and ``MEDIA_ROOT`` into a new folder under ``output_dir``.

    The folder is written as ``<name>.partial`` and renamed when complete, so an interrupted backup never
    looks like a finished one. Files are readable by the owner only: they hold personal data and password
    hashes. Raises ``BackupError`` (and leaves no folder behind) when the dump fails.
    """
    started = time.monotonic()
    connection = connections[using]
    db = connection.settings_dict
    engine = _engine(db)
    now = now or datetime.now(UTC)
    output_dir = Path(output_dir)
    media_root = Path(settings.MEDIA_ROOT)
    for served in (media_root, Path(settings.STATIC_ROOT)):
        # There it would be served to the public, and a media backup would swallow its predecessors.
        if output_dir.resolve().is_relative_to(served.resolve()):
            raise BackupError(
                _("Backups must not be written under “%(path)s”, which is served to the public.")
                % {"path": served}
            )
    output_dir.mkdir(parents=True, exist_ok=True)
    final = output_dir / f"{NAME_PREFIX}{now:%Y%m%d-%H%M%S}"
    if final.exists():
        raise BackupError(_("The folder “%(path)s” already exists.") % {"path": final})
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(mode=0o700)
    previous_umask = os.umask(0o077)
    try:
        migrations = _latest_migrations(connection)
        database_file = _dump_database(db, engine, partial)
        media_archive, media_checksums = _archive_media(media_root, partial)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": now.isoformat(timespec="seconds"),
            "database": {"engine": engine, "file": database_file.name},
            "versions": {
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "python": platform.python_version(),
            },
            "migrations": migrations,
            "files": {
                path.name: {"sha256": sha256_of(path), "size": path.stat().st_size}
                for path in (database_file, media_archive)
            },
            "media": {"archive": media_archive.name, "files": media_checksums},
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        os.umask(previous_umask)
    return BackupResult(path=final, manifest=manifest, seconds=time.monotonic() - started)


def verify_backup(*, path):
    """Check a backup folder against its manifest and return the manifest.

    Raises ``BackupError`` listing every missing file and every checksum or size that does not match.
    """
    path = Path(path)
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(_("No %(manifest)s in “%(path)s”.") % {"manifest": MANIFEST, "path": path})
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
        database_file = manifest["database"]["file"]
        engine = manifest["database"]["engine"]
        media_archive = manifest["media"]["archive"]
    except (ValueError, KeyError, TypeError):
        raise BackupError(_("The manifest “%(path)s” is unreadable.") % {"path": manifest_path})
    if manifest.get("format") != FORMAT_VERSION or engine not in (POSTGRESQL, SQLITE):
        raise BackupError(_("The manifest “%(path)s” is of an unknown format.") % {"path": manifest_path})
    problems = []
    for name in sorted({database_file, media_archive} - set(files)):
        problems.append(_("%(file)s: not listed in the manifest") % {"file": name})
    for name, expected in sorted(files.items()):
        file = path / name
        if Path(name).name != name:
            problems.append(_("%(file)s: not a plain file name") % {"file": name})
        elif not file.is_file():
            problems.append(_("%(file)s: missing") % {"file": name})
        elif file.stat().st_size != expected.get("size") or sha256_of(file) != expected.get("sha256"):
            problems.append(_("%(file)s: checksum does not match") % {"file": name})
    if problems:
        raise BackupError(
            _("The backup “%(path)s” is damaged; nothing was restored. %(problems)s")
            % {"path": path, "problems": "; ".join(problems)}
        )
    return manifest


def _database_is_empty(db, engine, connection):
    if engine == SQLITE:
        name = Path(db["NAME"])
        if not name.is_file() or name.stat().st_size == 0:
            return True
        probe = sqlite3.connect(name.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        try:
            (tables,) = probe.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()
        finally:
            probe.close()
        return tables == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
        (tables,) = cursor.fetchone()
    return tables == 0


def _restore_postgresql(db, file, *, force):
    env = _pg_environment(db)
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as scratch:
        errors = Path(scratch) / "pg_restore.err"
        psql = [
            "psql",
            "--no-psqlrc",
            "--quiet",
            "--no-password",
            "--set=ON_ERROR_STOP=1",
            "--single-transaction",
        ]
        if force:
            # Same transaction as the restore: a failure leaves the old database as it was.
            preamble = Path(scratch) / "preamble.sql"
            preamble.write_text("DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n")
            psql.append(f"--file={preamble}")
        psql.append("--file=-")
        with open(errors, "w") as error_stream:
            # pg_restore writes SQL; psql runs it all in one transaction.
            reader = subprocess.Popen(
                ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(file)],
                stdout=subprocess.PIPE,
                stderr=error_stream,
                env=env,
            )
            try:
                _run(psql, env=env, what="psql", stdin=reader.stdout)
            finally:
                reader.stdout.close()
                reader.wait()
        if reader.returncode != 0:
            raise BackupError(
                _("%(what)s failed: %(error)s") % {"what": "pg_restore", "error": errors.read_text()[-2000:]}
            )


def _restore_sqlite(db, file):
    target = Path(db["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True)
    destination = sqlite3.connect(target, timeout=30)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _restore_media(manifest, archive, media_root, *, force):
    if force and media_root.is_dir():
        for child in media_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        # The "data" filter refuses absolute paths, links and anything that would land outside media_root.
        tar.extractall(media_root, filter="data")
    expected = manifest["media"]["files"]
    damaged = [
        name
        for name, digest in expected.items()
        if not (media_root / name).is_file() or sha256_of(media_root / name) != digest
    ]
    if damaged:
        raise BackupError(
            _("Restored media files do not match the manifest: %(files)s")
            % {"files": ", ".join(damaged[:20])}
        )
    return len(expected)


def _unknown_migrations(manifest):
    """Migrations recorded in the backup that this code does not have (the backup is newer than the code)."""
    disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return sorted(
        f"{app}.{name}" for app, name in manifest.get("migrations", {}).items() if (app, name) not in disk
    )


def restore_backup(*, path, force=False, using=DEFAULT_DB_ALIAS):
    """Restore the backup folder ``path`` into the configured database ``using`` and ``MEDIA_ROOT``.

    Refuses, with ``BackupError`` and before changing anything, when a file is missing or damaged, when the
    backup's database engine is not the configured one, or when the database or ``MEDIA_ROOT`` already holds
    data and ``force`` is not given. With ``force`` the database's ``public`` schema (PostgreSQL) or file
    (SQLite) and the contents of ``MEDIA_ROOT`` are replaced. Stop the web server, worker and beat first and
    run ``migrate`` afterwards.
    """
    started = time.monotonic()
    path = Path(path)
    manifest = verify_backup(path=path)
    connection = connections[using]
    db = connection.settings_dict
    engine = _engine(db)
    if manifest["database"]["engine"] != engine:
        raise BackupError(
            _("The backup holds a %(backup)s database but the configured database is %(configured)s.")
            % {"backup": manifest["database"]["engine"], "configured": engine}
        )
    media_root = Path(settings.MEDIA_ROOT)
    if not force:
        occupied = _("%(what)s “%(name)s” is not empty; nothing was restored. Use --force to replace it.")
        if not _database_is_empty(db, engine, connection):
            raise BackupError(occupied % {"what": _("The database"), "name": db["NAME"]})
        if _media_files(media_root):
            raise BackupError(occupied % {"what": _("The media folder"), "name": media_root})
    unknown = _unknown_migrations(manifest)
    connections.close_all()
    database_file = path / manifest["database"]["file"]
    if engine == POSTGRESQL:
        _restore_postgresql(db, database_file, force=force)
    else:
        _restore_sqlite(db, database_file)
    media_files = _restore_media(manifest, path / manifest["media"]["archive"], media_root, force=force)
    if engine == POSTGRESQL:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # pg_restore leaves the planner without statistics
    return RestoreResult(
        path=path,
        manifest=manifest,
        seconds=time.monotonic() - started,
        media_files=media_files,
        unknown_migrations=unknown,
    )

"""Backup and restore (portal/backup.py): a backup restored into a fresh database and media folder brings back
the same pages, revisions, users and files; a damaged backup or an occupied target is refused untouched."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from wagtail.models import Page

import pytest

from portal.backup import MANIFEST, MEDIA_ARCHIVE, create_backup, sha256_of
from tests.factories import UserFactory, legal_document, make_file, make_image, make_unit, publish_article
from tests.portal.backup_snapshot import snapshot

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Target:
    """A fresh, empty database and media folder, used by ``manage.py`` subprocesses through the environment
    (DATABASE_URL and PORTAL_TEST_MEDIA_ROOT), as on a machine the backup is restored to."""

    def __init__(self, url, media_root):
        self.url = url
        self.media_root = media_root
        media_root.mkdir()

    def manage(self, *args, check=True):
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="portal.settings.test",
            DATABASE_URL=self.url,
            PORTAL_TEST_MEDIA_ROOT=str(self.media_root),
        )
        env.pop("PORTAL_TEST_DATABASE_NAME", None)
        completed = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check:
            assert completed.returncode == 0, completed.stderr
        return completed

    def snapshot(self, served=()):
        code = (
            "import json; from tests.portal.backup_snapshot import snapshot; "
            f"print(json.dumps(snapshot({list(served)!r})))"
        )
        return json.loads(self.manage("shell", "-c", code).stdout.strip().splitlines()[-1])


@pytest.fixture
def fresh_target(tmp_path):
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        yield Target(f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path / "restored-media")
        return
    import psycopg

    name = f"test_restore_{os.getpid()}"
    credentials = quote(db["USER"] or "", safe="") + (
        f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    )
    address = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    admin = psycopg.connect(
        dbname="postgres",
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Target(f"postgres://{credentials}@{address}/{name}", tmp_path / "restored-media")
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def content():
    """Two units with their groups, users, a published article with three revisions, a legal document with
    its PDF, an image with a rendition, and a file in a collection."""
    district = make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")
    commune = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
    editor = UserFactory(username="a-editor", groups=[commune.editors_group])
    UserFactory(username="board", groups=[district.approvers_group])
    image = make_image(commune.collection, title="Ảnh lễ hội")
    image.get_rendition("fill-400x300")
    article = publish_article(commune, title="Lễ hội Katê năm nay", slug="le-hoi-kate")
    article.title = "Lễ hội Katê năm nay (cập nhật)"
    article.save_revision(user=editor).publish()
    article.save_revision(user=editor)  # a draft on top of the live version
    legal_document(commune, number="12/QĐ-UBND")
    make_file(district.collection, "Báo cáo năm", name="bao-cao.pdf")
    return {"article": article, "host": commune.site.hostname}


def test_backup_restores_into_a_fresh_database_and_media_folder(content, fresh_target, tmp_path):
    served = [(content["host"], content["article"].get_url_parts()[2])]
    before = snapshot(served)
    assert len(before["revisions"]) >= 3 and before["documents"] and before["images"]
    assert before["responses"][0][2] == 200

    result = create_backup(output_dir=tmp_path / "backups")
    manifest = json.loads((result.path / MANIFEST).read_text())
    assert manifest["database"]["engine"] == ("sqlite" if connection.vendor == "sqlite" else "postgresql")
    assert manifest["migrations"]["wagtailcore"] and manifest["migrations"]["news"]
    assert manifest["versions"]["django"].startswith("5.2") and manifest["versions"]["wagtail"]
    for name, entry in manifest["files"].items():
        assert sha256_of(result.path / name) == entry["sha256"]
    assert manifest["media"]["files"] == before["media"]
    assert not list(result.path.parent.glob("*.partial"))
    assert oct(result.path.stat().st_mode & 0o777) == "0o700"

    started = time.monotonic()
    output = fresh_target.manage("restore_portal", str(result.path)).stdout
    restore_seconds = time.monotonic() - started
    assert "Restored" in output
    fresh_target.manage("migrate", "--noinput")
    after = fresh_target.snapshot(served)
    print(f"backup {result.seconds:.1f} s, restore (subprocess) {restore_seconds:.1f} s")  # noqa: T201

    for key in ("pages", "revisions", "users", "documents", "images", "media"):
        assert after[key] == before[key], key
    assert after["responses"][0][2] == 200
    assert "Lễ hội Katê năm nay (cập nhật)" in after["responses"][0][3]

    # The restored database is no longer empty: a second restore is refused unless forced.
    refused = fresh_target.manage("restore_portal", str(result.path), check=False)
    assert refused.returncode != 0 and "--force" in refused.stderr
    (fresh_target.media_root / "stray.txt").write_text("not from the backup")
    fresh_target.manage("restore_portal", str(result.path), "--force")
    forced = fresh_target.snapshot()
    for key in ("pages", "revisions", "users", "documents", "images", "media"):
        assert forced[key] == before[key], key


@pytest.fixture
def backup(content, tmp_path):
    return create_backup(output_dir=tmp_path / "backups").path


def state():
    media = Path(settings.MEDIA_ROOT)
    files = {p.relative_to(media).as_posix(): sha256_of(p) for p in media.rglob("*") if p.is_file()}
    return Page.objects.count(), sorted(Page.objects.values_list("title", flat=True)), files


def test_a_tampered_file_is_refused_and_nothing_changes(backup):
    with open(backup / MEDIA_ARCHIVE, "r+b") as archive:
        archive.seek(600)
        byte = archive.read(1)
        archive.seek(600)
        archive.write(bytes([byte[0] ^ 0xFF]))
    before = state()
    with translation.override("en"), pytest.raises(CommandError, match=f"{MEDIA_ARCHIVE}: checksum"):
        call_command("restore_portal", str(backup), "--force")
    assert state() == before
    with pytest.raises(CommandError, match=MEDIA_ARCHIVE):
        call_command("restore_portal", str(backup), "--verify-only")


def test_a_missing_file_or_manifest_is_refused(backup):
    database_file = json.loads((backup / MANIFEST).read_text())["database"]["file"]
    before = state()
    (backup / database_file).unlink()
    with translation.override("en"), pytest.raises(CommandError, match=f"{database_file}: missing"):
        call_command("restore_portal", str(backup), "--force")
    (backup / MANIFEST).unlink()
    with pytest.raises(CommandError, match=MANIFEST):
        call_command("restore_portal", str(backup), "--force")
    assert state() == before


def test_a_database_that_is_not_empty_is_refused_without_force(backup):
    before = state()
    with pytest.raises(CommandError, match="--force"):
        call_command("restore_portal", str(backup))
    assert state() == before


def test_a_backup_of_another_engine_is_refused(backup):
    manifest = json.loads((backup / MANIFEST).read_text())
    manifest["database"]["engine"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    (backup / MANIFEST).write_text(json.dumps(manifest))
    before = state()
    with pytest.raises(CommandError, match=manifest["database"]["engine"]):
        call_command("restore_portal", str(backup), "--force")
    assert state() == before


def test_the_commands_report_what_they_did(content, tmp_path, capsys):
    call_command("backup_portal", "--output", str(tmp_path / "backups"))
    output = capsys.readouterr().out
    assert "Backup ready:" in output
    (made,) = (tmp_path / "backups").iterdir()
    call_command("restore_portal", str(made), "--verify-only")
    assert "Backup intact" in capsys.readouterr().out


def test_a_backup_is_never_written_where_the_public_can_fetch_it():
    with pytest.raises(CommandError, match=str(settings.MEDIA_ROOT)):
        call_command("backup_portal", "--output", str(Path(settings.MEDIA_ROOT) / "backups"))
    assert not (Path(settings.MEDIA_ROOT) / "backups").exists()

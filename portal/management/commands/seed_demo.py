"""Build the demo: historical Ninh Phước district (Ninh Thuận) and its nine units."""

import io
import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from news.legacy import parse_legacy_article
from news.models import NewsArticlePage, NewsIndexPage
from portal.demo.files import emblem_png, simple_pdf
from sites.models import UnitSettings
from sites.services import ProvisioningError, provision_site

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "demo"


def _lower_first(text):
    return text[:1].lower() + text[1:]


class Command(BaseCommand):
    help = "Create the demo district, its nine units, accounts, news and documents. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port the sites are served on")
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")
        parser.add_argument("--reset-passwords", action="store_true")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates accounts with a known password; it refuses to run with DEBUG off. "
                "Use --force if you really mean it."
            )
        self.password = settings.DEMO_PASSWORD
        self.reset_passwords = options["reset_passwords"]
        self.counts = {
            "units": 0,
            "articles": 0,
            "new_articles": 0,
            "documents": 0,
            "new_documents": 0,
            "accounts": 0,
            "new_accounts": 0,
        }
        data = json.loads((DEMO_DIR / "units.json").read_text(encoding="utf-8"))
        port = options["port"]
        total = 1 + len(data["units"])
        try:
            with transaction.atomic():
                district = self._unit(data["district"], None, port, index=0, total=total)
                self._admin()
                self._district_content(district, data)
                for index, spec in enumerate(data["units"], start=1):
                    unit = self._unit(spec, district, port, index=index, total=total, data=data)
                    self._unit_content(unit, data)
        except ProvisioningError as exc:
            raise CommandError(str(exc)) from exc
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        c = self.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {c['units']} units, {c['articles']} articles ({c['new_articles']} new), "
                f"{c['documents']} documents ({c['new_documents']} new), "
                f"{c['accounts']} accounts ({c['new_accounts']} new); password from DEMO_PASSWORD."
            )
        )

    # --- units and accounts ---------------------------------------------------
    def _unit(self, spec, parent, port, *, index, total, data=None):
        if parent is None:
            values = dict(spec["settings"])
            hostname = spec["hostname"]
        else:
            fmt = {
                "name": spec["name"],
                "name_lower": _lower_first(spec["name"]),
                "slug": spec["slug"],
                "index": index,
            }
            values = {key: value.format(**fmt) for key, value in data["unit_settings"].items()}
            hostname = f"{spec['slug']}.localhost"
        result = provision_site(
            name=spec["name"],
            slug=spec["slug"],
            level=spec["level"],
            hostname=hostname,
            parent=parent,
            port=port,
            full_name=spec.get("full_name") or f"Trang thông tin điện tử {_lower_first(spec['name'])}",
            short_name=spec.get("short_name") or spec["name"],
            settings_values=values,
            sort_order=index,
        )
        unit = result.unit
        self._emblem(unit)
        self._account(f"{unit.slug}-editor", unit.editors_group, f"Biên tập viên {spec['name']}")
        self._account(f"{unit.slug}-approver", unit.approvers_group, f"Người duyệt {spec['name']}")
        self.counts["units"] += 1
        state = "created" if result.created else "present"
        self.stdout.write(f"[{index + 1}/{total}] {unit.name} ({unit.site.hostname}): {state}")
        return unit

    def _account(self, username, group, full_name):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": full_name, "email": f"{username}@example.gov.vn"},
        )
        if created or self.reset_passwords:
            user.set_password(self.password)
            user.save()
        user.groups.add(group)
        self.counts["accounts"] += 1
        self.counts["new_accounts"] += int(created)
        return user

    def _admin(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username="admin",
            defaults={"email": "admin@example.gov.vn", "is_staff": True, "is_superuser": True},
        )
        if created or self.reset_passwords:
            user.set_password(self.password)
            user.save()
        self.counts["accounts"] += 1
        self.counts["new_accounts"] += int(created)

    def _emblem(self, unit):
        unit_settings = UnitSettings.for_site(unit.site)
        if unit_settings.emblem_id:
            return
        Image = get_image_model()
        image = Image(
            title=f"Biểu trưng {unit.name}",
            collection=unit.collection,
            description=f"Biểu trưng {unit.name}",
            file=ImageFile(io.BytesIO(emblem_png()), name=f"emblem-{unit.slug}.png"),
        )
        image.save()
        unit_settings.emblem = image
        unit_settings.save()

    # --- content ----------------------------------------------------------------
    def _news_index(self, unit):
        return NewsIndexPage.objects.child_of(unit.site.root_page).get()

    def _article(
        self, index_page, *, slug, title, lead, paragraphs, published, event_date, byline, source=""
    ):
        self.counts["articles"] += 1
        if NewsArticlePage.objects.child_of(index_page).filter(slug=slug).exists():
            return
        body = [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs]
        article = NewsArticlePage(
            title=title,
            slug=slug,
            lead=lead[:400],
            body=json.dumps(body),
            published_date=published,
            event_date=event_date,
            byline=byline,
            source=source,
        )
        index_page.add_child(instance=article)
        article.save_revision().publish()
        self.counts["new_articles"] += 1

    def _document(self, unit, *, title, number):
        self.counts["documents"] += 1
        Document = get_document_model()
        if Document.objects.filter(collection=unit.collection, title=title).exists():
            return
        document = Document(title=title, collection=unit.collection)
        pdf = simple_pdf([unit.name, number, title])
        document.file.save(f"{number.replace('/', '-').lower()}.pdf", ContentFile(pdf), save=False)
        document.save()
        self.counts["new_documents"] += 1

    def _district_content(self, district, data):
        index_page = self._news_index(district)
        legacy = parse_legacy_article((DEMO_DIR / "sample-legacy-article.txt").read_text(encoding="utf-8"))
        published = timezone.make_aware(
            timezone.datetime.combine(legacy.published, timezone.datetime.min.time()).replace(hour=8)
        )
        self._article(
            index_page,
            slug="hop-danh-gia-trang-thong-tin-dien-tu-9-thang-2020",
            title=legacy.title,
            lead=legacy.lead,
            paragraphs=legacy.paragraphs[1:],
            published=published,
            event_date=legacy.event_date,
            byline=legacy.byline,
        )
        now = timezone.now()
        for spec in data["unit_articles"][:2]:
            self._article(index_page, **self._format_article(spec, district, now, "huyện Ninh Phước"))
        year = timezone.localdate().year
        for spec in data["district_documents"]:
            self._document(district, title=spec["title"].format(year=year), number=spec["number"])

    def _unit_content(self, unit, data):
        index_page = self._news_index(unit)
        now = timezone.now()
        for spec in data["unit_articles"]:
            self._article(index_page, **self._format_article(spec, unit, now, _lower_first(unit.name)))
        year = timezone.localdate().year
        for spec in data["unit_documents"]:
            self._document(unit, title=spec["title"].format(year=year), number=spec["number"])

    def _format_article(self, spec, unit, now, name_lower):
        fmt = {"name": unit.name, "name_lower": name_lower, "short": unit.name}
        published = now - timedelta(days=spec["days_ago"], hours=unit.sort_order)
        return {
            "slug": spec["slug"],
            "title": spec["title"].format(**fmt),
            "lead": spec["lead"].format(**fmt),
            "paragraphs": [p.format(**fmt) for p in spec["paragraphs"]],
            "published": published,
            "event_date": timezone.localtime(published).date() - timedelta(days=1),
            "byline": spec["byline"].format(**fmt),
        }

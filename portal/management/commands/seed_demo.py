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
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from agenda.demo import fill_schedule
from documents.demo_access import fill_access
from documents.models import DocumentIndexPage, LegalDocument, LegalDocumentAttachment
from feedback.demo import fill_feedback
from home.demo import fill_introduction
from home.demo_files import banner_jpeg, emblem_png, simple_pdf
from news.demo_leaders import fill_leaders
from news.legacy import parse_legacy_article
from news.models import NewsArticlePage, NewsIndexPage
from news.taxonomy import Category, Official
from procedures.demo import fill_procedures
from questions.demo import fill_questions
from reporting.models import ArticleTarget
from sites.models import UnitSettings
from sites.services import ProvisioningError, provision_site

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "demo"
DEMO_DISTRICT_TARGET, DEMO_UNIT_TARGET = 12, 6  # monthly article targets of the demo units
DEMO_ENGLISH_TITLE = "Ninh Phuoc District"
# The district's site information in English (the communes have none: their texts show in Vietnamese,
# marked lang="vi").
DEMO_ENGLISH_SETTINGS = {
    "full_name_en": "Ninh Phuoc District Portal",
    "short_name_en": "Ninh Phuoc",
    "address_en": "Quarter 1, Phuoc Dan Town, Ninh Phuoc District, Ninh Thuan Province",
    "managing_agency_en": "People's Committee of Ninh Phuoc District",
    "editor_in_chief_en": "Vice Chairman of the District People's Committee, Head of the Editorial Board",
    "licence_en": "Licence to operate an electronic information portal (demo data)",
    "introduction_en": (
        "Ninh Phuoc District lies in the south of Ninh Thuan Province and comprises Phuoc Dan Town and eight "
        "communes. The district portal publishes official information on the direction and administration of "
        "the Party committee and the authorities and on the district's economic and social life, defence and "
        "security."
    ),
}


# The district's introduction in English: (title, first paragraph) by slug.
DEMO_ENGLISH_INTRODUCTION = {
    "gioi-thieu": (
        "Introduction",
        "Ninh Phuoc District lies in the south of Ninh Thuan Province: one town and eight communes. "
        "These pages present its organisation, functions and duties, natural conditions, history, map, "
        "leaders and contacts.",
    ),
    "co-cau-to-chuc": ("Organisation structure", ""),
    "chuc-nang-nhiem-vu": (
        "Functions and duties",
        "The District People's Committee is the executive body of the District People's Council: it "
        "carries out the Constitution, laws and the Council's resolutions and manages the district's "
        "administration.",
    ),
    "lien-he": ("Contact information", ""),
}


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
                self._required_sections(district, is_top=True)
                self._target(district, DEMO_DISTRICT_TARGET)
                self._english_home(district)
                for index, spec in enumerate(data["units"], start=1):
                    unit = self._unit(spec, district, port, index=index, total=total, data=data)
                    self._unit_content(unit, data)
                    self._required_sections(unit, is_top=False)
                    self._target(unit, DEMO_UNIT_TARGET)
        except ProvisioningError as exc:
            raise CommandError(str(exc)) from exc
        call_command("update_index", verbosity=0)
        call_command("rebuild_search_index", verbosity=0)
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
        if parent is None:  # four-eyes: a board member's own article needs another board member
            self._account(f"{unit.slug}-approver-2", unit.approvers_group, f"Người duyệt 2 {spec['name']}")
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

    def _english_home(self, unit):
        """The district's English home, as the board would make it: translated with wagtail-localize (a
        draft, like every new translation), given its English title, then published."""
        english, _created = Locale.objects.get_or_create(language_code="en")
        info = UnitSettings.for_site(unit.site)
        for field, value in DEMO_ENGLISH_SETTINGS.items():
            if not getattr(info, field):
                setattr(info, field, value)
        info.save()
        home = unit.site.root_page.specific
        if home.get_translation_or_none(english) is None:
            translate_object(home, [english])
            translation = home.get_translation(english).specific
            translation.title = DEMO_ENGLISH_TITLE
            translation.save_revision().publish()
        self._english_introduction(home, english)

    def _english_introduction(self, home, english):
        """The introduction, its organisation and contact pages in English: what the decree on portals asked
        in English (organisation, functions, contact officials), translated as the board would."""
        introduction = home.get_children().filter(slug="gioi-thieu").first()
        if introduction is None or introduction.get_translation_or_none(english) is not None:
            return
        introduction = introduction.specific
        translate_object(introduction, [english])
        pages = [introduction] + [
            child.specific for child in introduction.get_children().filter(slug__in=DEMO_ENGLISH_INTRODUCTION)
        ]
        for page in pages:
            if page is not introduction:
                translate_object(page, [english])
            translated = page.get_translation(english).specific
            title, paragraph = DEMO_ENGLISH_INTRODUCTION[page.slug]
            translated.title = title
            if paragraph and hasattr(translated, "body"):
                translated.body = json.dumps([{"type": "paragraph", "value": f"<p>{paragraph}</p>"}])
            translated.save_revision().publish()

    def _target(self, unit, articles):
        """A monthly article target, as the board would set it (kept if one exists)."""
        ArticleTarget.objects.get_or_create(unit=unit, defaults={"monthly_articles": articles})

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

    def _taxonomy(self, unit, data, *, is_top):
        """The unit's tracked officials, and any categories it adds to the shared set."""
        officials = {}
        for order, spec in enumerate(data["district_officials"] if is_top else data["unit_officials"]):
            position = spec["position"] if is_top else f"{spec['position']} {_lower_first(unit.name)}"
            officials[spec["key"]], _created = Official.objects.get_or_create(
                unit=unit, position=position, defaults={"name": spec["name"], "sort_order": order}
            )
        for spec in data["unit_categories"].get(unit.slug, []):
            Category.objects.get_or_create(unit=unit, slug=spec["slug"], defaults={"name": spec["name"]})
        return officials

    def _banner(self, unit, title, seed):
        Image = get_image_model()
        existing = Image.objects.filter(collection=unit.collection, title=title).first()
        if existing:
            return existing
        image = Image(
            title=title,
            collection=unit.collection,
            description=title,
            caption=title,
            credit=f"Ảnh minh họa – {unit.name}",
            file=ImageFile(io.BytesIO(banner_jpeg(seed)), name=f"anh-{unit.slug}-{seed}.jpg"),
        )
        image.save()
        return image

    def _article(self, unit, spec, *, officials, published, event_date, seed, fmt=None):
        """Create one published article from a demo spec unless it exists (matched by slug).

        ``fmt`` fills the spec's {name} placeholders; without it the text is taken as is.
        """
        self.counts["articles"] += 1
        index_page = self._news_index(unit)
        if NewsArticlePage.objects.child_of(index_page).filter(slug=spec["slug"]).exists():
            return

        def text(value):
            return value.format(**fmt) if fmt else value

        title = text(spec["title"])
        paragraphs = [text(p) for p in spec["paragraphs"]]
        body = [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs]
        article = NewsArticlePage(
            title=title,
            slug=spec["slug"],
            lead=text(spec["lead"])[:400],
            body=json.dumps(body),
            published_date=published,
            event_date=event_date,
            byline=text(spec["byline"]),
            source=spec.get("source", ""),
            featured=spec.get("featured", False),
            show_on_all_units=spec.get("show_on_all_units", False),
            featured_image=self._banner(unit, title, seed) if spec.get("featured_image") else None,
        )
        article.categories = list(Category.objects.for_unit(unit).filter(slug__in=spec.get("categories", [])))
        article.officials = [officials[key] for key in spec.get("officials", [])]
        article.tags.set(spec.get("tags", []))
        index_page.add_child(instance=article)
        article.save_revision().publish()
        # as if it had gone live on its date, so the timeliness figures of the demo mean something
        NewsArticlePage.objects.filter(pk=article.pk).update(first_published_at=published)
        self.counts["new_articles"] += 1

    def _document(self, unit, *, title, number):
        self.counts["documents"] += 1
        Document = get_document_model()
        existing = Document.objects.filter(collection=unit.collection, title=title).first()
        if existing is not None:
            return existing
        document = Document(title=title, collection=unit.collection)
        pdf = simple_pdf([unit.name, number, title])
        document.file.save(f"{number.replace('/', '-').lower()}.pdf", ContentFile(pdf), save=False)
        document.save()
        self.counts["new_documents"] += 1
        return document

    def _legal_document(self, unit, spec, *, title, file):
        """A published LegalDocument for ``spec`` with ``file`` attached (skipped if it exists)."""
        body = f"UBND {unit.name}"
        if LegalDocument.objects.filter(number=spec["number"], issuing_body=body).exists():
            return
        index = DocumentIndexPage.objects.child_of(unit.site.root_page).first()
        issued = timezone.localdate() - timedelta(days=spec["days_ago"])
        page = LegalDocument(
            title=title[:255],
            slug=spec["number"].replace("/", "-").replace("Đ", "D").lower(),
            number=spec["number"],
            doc_type=spec["type"],
            issuing_body=body,
            signer="Nguyễn Văn An",
            signer_position="Chủ tịch UBND",
            issued_on=issued,
            effective_from=issued,
            field=spec["field"],
            summary=title,
            disclosure=spec["disclosure"],
        )
        if spec["disclosure"] == "du-thao-lay-y-kien":  # open for comments for a month
            page.comment_opens, page.comment_closes = issued, issued + timedelta(days=30)
        page.attachments = [LegalDocumentAttachment(document=file)]
        index.add_child(instance=page)
        page.save_revision().publish()

    def _district_content(self, district, data):
        officials = self._taxonomy(district, data, is_top=True)
        legacy = parse_legacy_article((DEMO_DIR / "sample-legacy-article.txt").read_text(encoding="utf-8"))
        legacy_spec = {
            "slug": "hop-danh-gia-trang-thong-tin-dien-tu-9-thang-2020",
            "title": legacy.title,
            "lead": legacy.lead,
            "paragraphs": legacy.paragraphs[1:],
            "byline": legacy.byline,
            "categories": ["hoat-dong-lanh-dao"],
            "tags": ["trang thông tin điện tử"],
        }
        published = timezone.make_aware(
            timezone.datetime.combine(legacy.published, timezone.datetime.min.time()).replace(hour=8)
        )
        self._article(
            district,
            legacy_spec,
            officials=officials,
            published=published,
            event_date=legacy.event_date,
            seed=0,
        )
        fmt = {"name": district.name, "name_lower": "huyện Ninh Phước", "short": district.name}
        specs = data["district_articles"] + data["unit_articles"][:2]
        self._recent_articles(district, specs, officials=officials, fmt=fmt, hours=2, first_seed=1)
        self._documents(district, data["district_documents"])

    def _unit_content(self, unit, data):
        officials = self._taxonomy(unit, data, is_top=False)
        fmt = {"name": unit.name, "name_lower": _lower_first(unit.name), "short": unit.name}
        self._recent_articles(
            unit,
            data["unit_articles"],
            officials=officials,
            fmt=fmt,
            hours=unit.sort_order,
            first_seed=10 * unit.sort_order,
        )
        self._documents(unit, data["unit_documents"])

    def _required_sections(self, unit, *, is_top):
        """The sections the law asks of every unit's portal (issue #19), filled as the unit would, then a few
        visitors' ratings of its pages."""
        fill_introduction(unit, is_top=is_top)
        fill_leaders(unit, is_top=is_top)
        fill_procedures(unit, is_top=is_top)
        fill_access(unit, is_top=is_top)
        fill_feedback(unit, is_top=is_top)
        fill_questions(unit)
        fill_schedule(unit)

    def _recent_articles(self, unit, specs, *, officials, fmt, hours, first_seed):
        """Articles dated ``days_ago`` (minus ``hours``) before now; each event that day or up to 2 before."""
        now = timezone.now()
        for seed, spec in enumerate(specs, start=first_seed):
            published = now - timedelta(days=spec["days_ago"], hours=hours)
            self._article(
                unit,
                spec,
                officials=officials,
                published=published,
                event_date=timezone.localtime(published).date() - timedelta(days=seed % 3),
                fmt=fmt,
                seed=seed,
            )

    def _documents(self, unit, specs):
        year = timezone.localdate().year
        for spec in specs:
            title = spec["title"].format(year=year)
            file = self._document(unit, title=title, number=spec["number"])
            self._legal_document(unit, spec, title=title, file=file)

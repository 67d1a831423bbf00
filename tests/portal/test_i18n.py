import re
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext, ngettext

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "portal" / "locale"
# Proper names that stay as they are in every language.
NAMES = {"Facebook", "Zalo", "RSS", "Atom"}


def catalog(language):
    return LOCALE / language / "LC_MESSAGES"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalog_is_complete(language):
    po = polib.pofile(str(catalog(language) / "django.po"))
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.metadata["Language"] == language


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|{\w+}")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_translations_keep_the_placeholders(language):
    """A translation that names another variable (a stale guess after a string changed) breaks the page."""
    po = polib.pofile(str(catalog(language) / "django.po"))
    for entry in po:
        wanted = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            assert set(PLACEHOLDER.findall(text)) <= wanted, entry.msgid


def test_both_catalogs_hold_the_same_strings():
    vi, en = (polib.pofile(str(catalog(language) / "django.po")) for language in ("vi", "en"))
    assert {entry.msgid for entry in vi} == {entry.msgid for entry in en}, "run `make messages`"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalog_is_compiled_from_the_po(language):
    po = polib.pofile(str(catalog(language) / "django.po"))
    mo = polib.mofile(str(catalog(language) / "django.mo"))
    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        assert entry.msgid in compiled, f"{entry.msgid!r} not in {language} django.mo: run `make messages`"
        if not entry.msgid_plural:
            assert compiled[entry.msgid] == entry.msgstr


def test_ui_strings_render_in_the_active_language():
    with translation.override("vi"):
        assert gettext("Skip to main content") == "Chuyển đến nội dung chính"
        assert gettext("News") == "Tin tức"
        assert gettext("News from the units") == "Tin từ cơ sở"
    with translation.override("en"):
        assert gettext("Skip to main content") == "Skip to main content"
        assert gettext("News from the units") == "News from the units"
        one = "%(counter)s item is waiting in moderation."
        many = "%(counter)s items are waiting in moderation."
        assert ngettext(one, many, 1) == one and ngettext(one, many, 2) == many
    with translation.override("vi"):
        assert ngettext(one, many, 2) == "%(counter)s bài đang chờ kiểm duyệt."


def visible_text(source):
    """What a template shows outside template tags, translation blocks, comments, scripts and styles."""
    for pattern in (
        r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}",
        r"{#.*?#}",
        r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}",
        r"{%\s*block body_?class\s*%}.*?{%\s*endblock\s*%}",  # class names
        r"<(script|style)\b.*?</\1>",
        r"{%.*?%}|{{.*?}}",
        r"<[^>]*>",
    ):
        source = re.sub(pattern, " ", source, flags=re.S)
    return source


def test_public_templates_hold_no_untranslated_words():
    """Every word a visitor reads comes through the catalogs (names of services aside); the bare
    500 page, rendered without any context, carries both languages itself."""
    templates = [
        path
        for path in ROOT.glob("*/templates/**/*.html")
        if "admin" not in path.parts and "wagtailadmin" not in path.parts and path.name != "500.html"
    ]
    assert len(templates) > 20
    offenders = {}
    for path in templates:
        words = set(re.findall(r"[^\W\d_]{2,}", visible_text(path.read_text()))) - NAMES
        if words:
            offenders[str(path.relative_to(ROOT))] = sorted(words)
    assert offenders == {}


def test_visible_text_finds_words_outside_translation_tags():
    source = '{% load i18n %}<p title="x">{% translate "News" %} Tin mới {{ page.title }}</p>{# note #}'
    assert re.findall(r"[^\W\d_]{2,}", visible_text(source)) == ["Tin", "mới"]


def test_wagtail_admin_speaks_vietnamese_to_a_commune_editor(client, commune_a, editor_a):
    """Wagtail's own Vietnamese catalog is small; ours supplies the strings an editor meets every day."""
    from tests.factories import news_index

    client.force_login(editor_a)
    add = f"/admin/pages/{news_index(commune_a).pk}/add_subpage/"
    with translation.override("vi"):
        html = client.get(add, follow=True).content.decode()
    expected = {"Save draft": "Lưu nháp", "More actions": "Thao tác khác", "Set schedule": "Hẹn giờ"}
    for english, vietnamese in expected.items():
        assert vietnamese in html and f">{english}<" not in html, english

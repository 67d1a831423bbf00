from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

import polib

CATALOG = Path(__file__).resolve().parents[2] / "portal" / "locale" / "vi" / "LC_MESSAGES"


def test_vi_catalog_is_complete():
    po = polib.pofile(str(CATALOG / "django.po"))
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_vi_catalog_is_compiled_from_the_po():
    po = polib.pofile(str(CATALOG / "django.po"))
    mo = polib.mofile(str(CATALOG / "django.mo"))
    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        assert entry.msgid in compiled, f"{entry.msgid!r} missing from django.mo: run `make messages`"
        if not entry.msgid_plural:
            assert compiled[entry.msgid] == entry.msgstr


def test_ui_strings_render_in_vietnamese():
    with translation.override("vi"):
        assert gettext("Skip to main content") == "Chuyển đến nội dung chính"
        assert gettext("News") == "Tin tức"

"""Comments on drafts ask for consent (Luật 91/2025/QH15 Art. 9): the notice above an unticked box; refusal
stores nothing and keeps what was typed; the name and contact are erased after the consultation."""

import re
import time
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext

import django_ratelimit.core
import pytest

from documents.models import DraftComment
from documents.personal_data import draft_comment_data
from sites.models import PersonalDataRequest, UnitSettings
from sites.personal_data import ConsentFormMixin, erase_expired_personal_data, erased_name
from tests.factories import legal_document

HOST = "phuoc-hau.localhost"
TODAY = date.today()
BODY = "Đề nghị bổ sung tuyến đường thôn 3 vào kế hoạch."


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))


@pytest.fixture
def contact_details(commune_a):
    info = UnitSettings.for_site(commune_a.site)
    info.managing_agency = "Ủy ban nhân dân huyện Ninh Phước"
    info.address = "Thôn Phước Hậu, huyện Ninh Phước"
    info.email = "ubnd@phuochau.gov.vn"
    info.phone = "0259 3851 234"
    info.save()
    return info


@pytest.fixture
def open_draft(commune_a, contact_details):
    return legal_document(
        commune_a,
        number="DT-07/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=TODAY - timedelta(days=1),
        comment_closes=TODAY + timedelta(days=10),
    )


def post(client, page, **data):
    payload = {"name": "Nguyễn Thị Hoa", "contact": "0912 345 678", "body": BODY, "consent": "on"}
    payload.update(data)
    payload = {key: value for key, value in payload.items() if value is not None}
    return client.post(f"/van-ban/{page.slug}/", payload, HTTP_HOST=HOST, REMOTE_ADDR="203.0.113.7")


def vi(text, **values):
    with translation.override("vi"):
        translated = gettext(text)
    return translated % values if values else translated


def consent_input(html):
    found = re.search(r'<input type="checkbox" name="consent"[^>]*>', html)
    assert found, "no consent box"
    return found.group()


def test_the_box_is_there_unticked_below_the_notice(client, open_draft):
    html = client.get(f"/van-ban/{open_draft.slug}/?consent=on", HTTP_HOST=HOST).content.decode()
    box = consent_input(html)
    assert "checked" not in box and "required" in box
    assert 'aria-describedby="personal-data-notice"' in box
    assert html.index('id="personal-data-notice"') < html.index(box)  # the notice comes first
    label = re.search(r'<label for="id_consent">([^<]*)</label>', html).group(1)
    assert label == vi(
        "I have read the notice on personal data above and agree to my data being processed for this purpose."
    )


def test_the_notice_names_controller_purpose_retention_and_rights(client, open_draft, settings):
    settings.PORTAL_COMMENT_CONTACT_DAYS = 45
    html = client.get(f"/van-ban/{open_draft.slug}/", HTTP_HOST=HOST).content.decode()
    notice = html[html.index('id="personal-data-notice"') : html.index('name="consent"')]
    for text in (
        "Xã Phước Hậu",
        "Thôn Phước Hậu, huyện Ninh Phước",
        "mailto:ubnd@phuochau.gov.vn",
        "tel:02593851234",
        vi("Your personal data"),
        vi("to receive and consider your comment on this draft, and to contact you about it if needed."),
        vi("your e-mail address or phone number"),
        "45",
        vi("the consultation on this draft ends"),
        vi("Your rights and how to use them"),
        vi("To withdraw your consent"),
        vi("To have it erased"),
        vi("To complain"),
    ):
        assert text in notice, text
    assert "<details" in notice and "<summary>" in notice  # the rights fold away without JavaScript


def test_refused_consent_stores_nothing_and_keeps_the_text(client, open_draft):
    response = post(client, open_draft, consent=None)
    html = response.content.decode()
    assert response.status_code == 400
    assert not DraftComment.objects.exists()
    with translation.override("vi"):
        assert str(ConsentFormMixin.consent_required_message) in html
    assert BODY in html and "0912 345 678" in html and "Nguyễn Thị Hoa" in html
    box = consent_input(html)
    assert "checked" not in box and 'aria-invalid="true"' in box and "id_consent-error" in box
    # a value other than a tick is no consent either
    assert post(client, open_draft, consent="").status_code == 400
    assert not DraftComment.objects.exists()


def test_consent_is_recorded_with_the_comment(client, open_draft):
    before = timezone.now()
    response = post(client, open_draft)
    assert response.status_code == 302
    comment = DraftComment.objects.get()
    assert comment.consent_at is not None and before <= comment.consent_at <= timezone.now()
    assert comment.contact_erased_at is None


def test_a_form_built_with_consent_in_its_initial_data_is_still_unticked(db):
    from django import forms

    class Form(ConsentFormMixin, forms.Form):
        name = forms.CharField()

    form = Form(initial={"consent": True})
    assert list(form.fields)[-1] == "consent"
    assert "checked" not in str(form["consent"])
    assert not Form({"name": "x"}).is_valid()


def test_contacts_are_erased_the_set_number_of_days_after_the_consultation(commune_a, settings):
    settings.PORTAL_COMMENT_CONTACT_DAYS = 90
    closes = date(2026, 3, 31)
    page = legal_document(
        commune_a,
        number="DT-08/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date(2026, 3, 1),
        comment_closes=closes,
    )
    still_open = legal_document(
        commune_a,
        number="DT-09/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date(2026, 3, 1),
        comment_closes=closes + timedelta(days=30),
    )
    comment = DraftComment.objects.create(
        page=page, name="Trần Văn Ba", contact="ba@example.vn", body="Đồng ý.", address_hash="x" * 64
    )
    later = DraftComment.objects.create(
        page=still_open, name="Lê Thị Tư", contact="0905 111 222", body="Ý kiến."
    )
    tz = timezone.get_current_timezone()

    # the 90th day after the closing: still kept
    assert (
        erase_expired_personal_data(now=datetime(2026, 6, 29, 12, tzinfo=tz))["documents.draftcomment"] == 0
    )
    comment.refresh_from_db()
    assert comment.contact == "ba@example.vn"

    # the day after: erased; the comment itself stays
    counts = erase_expired_personal_data(now=datetime(2026, 6, 30, 12, tzinfo=tz))
    assert counts["documents.draftcomment"] == 1
    comment.refresh_from_db()
    later.refresh_from_db()
    assert comment.name == erased_name() and comment.contact == "" and comment.address_hash == ""
    assert comment.body == "Đồng ý." and comment.contact_erased_at is not None
    assert later.contact == "0905 111 222"
    with translation.override("vi"):
        assert erased_name() == gettext("Erased")
    # every run is logged, without personal data
    runs = PersonalDataRequest.objects.filter(action="expired").order_by("pk")
    assert [run.counts.get("documents.draftcomment") for run in runs] == [0, 1]
    assert all(run.subject == "" and run.user is None for run in runs)
    # nothing left to find
    assert draft_comment_data.find(units=[commune_a], contact="ba@example.vn") == []

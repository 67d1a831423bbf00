"""Issue #20 §3: one person's data found, exported and erased by their unit (logged, masked), never another
unit's; the contacts normalised and masked."""

import json
from contextlib import nullcontext
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail import hooks

import pytest

from documents.models import DraftComment
from questions.personal_data import question_data
from sites.models import PersonalDataRequest
from sites.personal_data import erased_name, mask_contact, normalise_contact
from sites.registry import PERSONAL_DATA_HOOK, get_personal_data_providers
from tests.factories import UserFactory, legal_document

URL = reverse("portal_personal_data")
PHONE = "0912345678"


def vi(text):
    """``text`` as the page shows it: in Vietnamese, HTML-escaped."""
    with translation.override("vi"):
        return escape(gettext(text))


@pytest.fixture(autouse=True)
def providers_registered():
    """The questions' provider is registered by questions/wagtail_hooks.py; here it is in any case."""
    registered = question_data in get_personal_data_providers()
    with nullcontext() if registered else hooks.register_temporarily(PERSONAL_DATA_HOOK, question_data):
        yield


@pytest.fixture
def comments(commune_a, commune_b):
    mine = legal_document(
        commune_a,
        number="DT-01/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date.today() - timedelta(days=3),
        comment_closes=date.today() + timedelta(days=3),
    )
    theirs = legal_document(
        commune_b,
        number="DT-02/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date.today() - timedelta(days=3),
        comment_closes=date.today() + timedelta(days=3),
    )
    return {
        "a": DraftComment.objects.create(
            page=mine, name="Nguyễn Thị Hoa", contact="0912 345 678", body="Ý kiến A"
        ),
        "a2": DraftComment.objects.create(
            page=mine, name="Nguyễn Thị Hoa", contact="+84 912.345.678", body="A2"
        ),
        "b": DraftComment.objects.create(
            page=theirs, name="Nguyễn Thị Hoa", contact="0912-345-678", body="Ý kiến B"
        ),
        "other": DraftComment.objects.create(
            page=mine, name="Lê Văn Tám", contact="tam@example.vn", body="Khác"
        ),
    }


# --- contacts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("0912 345 678", PHONE),
        ("0912.345.678", PHONE),
        ("+84 912-345-678", PHONE),
        ("84912345678", PHONE),
        ("(0259) 3851 234", "02593851234"),
        ("  Hoa.Nguyen@Gmail.COM ", "hoa.nguyen@gmail.com"),
    ],
)
def test_contacts_are_normalised(given, normalised):
    assert normalise_contact(given) == normalised


@pytest.mark.parametrize(
    "bad", ["", "abc", "12345", "0912 345 678 9999", "hoa@", "@gmail.com", "0912abc678", "x" * 300]
)
def test_bad_contacts_are_refused_in_vietnamese(bad):
    with pytest.raises(ValidationError) as error:
        normalise_contact(bad)
    assert error.value.messages == [gettext("Enter a valid e-mail address or phone number.")]


def test_masks_keep_too_little_to_find_the_person():
    assert mask_contact("nguyenhoa@gmail.com") == "ng***@gmail.com"
    assert mask_contact(PHONE) == "09******78"
    assert mask_contact("02593851234") == "02*******34"


# --- who may use the view --------------------------------------------------------------------------------


def test_editors_may_not_use_it_and_see_no_menu_item(client, editor_a, commune_a, comments):
    client.force_login(editor_a)
    assert client.get(URL).status_code == 403
    response = client.post(URL, {"action": "export", "contact": PHONE, "unit": commune_a.pk})
    assert response.status_code == 403
    assert not PersonalDataRequest.objects.exists()
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db  # the former-hostname redirect reads its map once per generation
def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_approvers_see_their_units_only(client, approver_a, commune_a, commune_b):
    client.force_login(approver_a)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert f'value="{commune_a.pk}"' in html and f'value="{commune_b.pk}"' not in html
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu item


def test_the_board_may_choose_every_unit(client, board_member, commune_a, commune_b, district):
    client.force_login(board_member)
    html = client.get(URL).content.decode()
    for unit in (district, commune_a, commune_b):
        assert f'value="{unit.pk}"' in html


# --- find, export, erase -----------------------------------------------------------------------------------


def test_find_shows_only_the_units_records(client, approver_a, commune_a, comments):
    client.force_login(approver_a)
    response = client.post(URL, {"action": "find", "contact": "+84 912 345 678", "unit": commune_a.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "DT-01/UBND" in html and "DT-02/UBND" not in html
    assert "Lê Văn Tám" not in html
    assert f'value="{PHONE}"' in html  # the export and erase buttons carry the normalised contact


def test_another_units_id_is_refused_and_nothing_is_logged(client, approver_a, commune_b, comments):
    client.force_login(approver_a)
    for action in ("find", "export", "confirm", "erase"):
        response = client.post(URL, {"action": action, "contact": PHONE, "unit": commune_b.pk, "reason": "x"})
        assert response.status_code == 403, action
        assert "DT-02/UBND" not in response.content.decode()
    for bad in ("abc", "999999", "-1", "9" * 30, "１"):
        assert client.post(URL, {"action": "export", "contact": PHONE, "unit": bad}).status_code == 403
    assert not PersonalDataRequest.objects.exists()
    comments["b"].refresh_from_db()
    assert comments["b"].contact == "0912-345-678"


def test_bad_input_is_explained_in_vietnamese(client, approver_a, commune_a, comments):
    client.force_login(approver_a)
    response = client.post(URL, {"action": "find", "contact": "số của tôi", "unit": commune_a.pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert vi("Enter a valid e-mail address or phone number.") in html
    assert "số của tôi" in html  # kept
    response = client.post(URL, {"action": "find", "contact": "", "unit": commune_a.pk})
    assert response.status_code == 400 and vi("Enter the person's e-mail address or phone number.") in (
        response.content.decode()
    )
    assert not PersonalDataRequest.objects.exists()


def test_export_is_a_json_download_of_the_units_records_and_is_logged(
    client, approver_a, commune_a, comments
):
    client.force_login(approver_a)
    response = client.post(URL, {"action": "export", "contact": "0912 345 678", "unit": commune_a.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="du-lieu-ca-nhan-phuoc-hau-')
    assert PHONE not in response["Content-Disposition"]
    data = json.loads(response.content)
    records = [record for source in data["sources"] for record in source["records"]]
    assert sorted(record["comment"] for record in records if "comment" in record) == ["A2", "Ý kiến A"]
    assert {record["contact"] for record in records} == {"0912 345 678", "+84 912.345.678"}
    entry = PersonalDataRequest.objects.get()
    assert entry.action == "export" and entry.unit == commune_a and entry.user == approver_a
    assert entry.subject == "09******78" and entry.counts["documents.draftcomment"] == 2
    assert entry.counts["questions.question"] == 0


def test_erase_needs_a_confirmation_with_a_reason(client, approver_a, commune_a, comments):
    client.force_login(approver_a)
    confirm = client.post(URL, {"action": "confirm", "contact": PHONE, "unit": commune_a.pk})
    html = confirm.content.decode()
    assert confirm.status_code == 200 and 'name="reason"' in html and 'value="erase"' in html
    assert DraftComment.objects.filter(contact_erased_at__isnull=False).count() == 0  # nothing yet

    no_reason = client.post(URL, {"action": "erase", "contact": PHONE, "unit": commune_a.pk, "reason": " "})
    assert no_reason.status_code == 400
    assert vi("Give the reason for the erasure (the person's request).") in no_reason.content.decode()
    assert not PersonalDataRequest.objects.exists()
    # a GET never erases
    client.get(URL, {"action": "erase", "contact": PHONE, "unit": commune_a.pk, "reason": "x"})
    assert DraftComment.objects.filter(contact_erased_at__isnull=False).count() == 0


def test_erase_blanks_the_person_in_the_unit_only_and_is_logged(client, approver_a, commune_a, comments):
    client.force_login(approver_a)
    response = client.post(
        URL,
        {
            "action": "erase",
            "contact": PHONE,
            "unit": commune_a.pk,
            "reason": "Đơn yêu cầu ngày 02/01 qua thư.",
        },
    )
    assert response.status_code == 302 and response["Location"] == URL
    for key in ("a", "a2"):
        comments[key].refresh_from_db()
        assert comments[key].name == erased_name() and comments[key].contact == ""
        assert comments[key].contact_erased_at is not None
    assert comments["a"].body == "Ý kiến A"  # the text stays, anonymous
    for key in ("b", "other"):
        comments[key].refresh_from_db()
        assert comments[key].contact_erased_at is None and comments[key].name != erased_name()
    entry = PersonalDataRequest.objects.get()
    assert (entry.action, entry.unit, entry.user) == ("erase", commune_a, approver_a)
    assert entry.counts["documents.draftcomment"] == 2 and entry.reason.startswith("Đơn yêu cầu")
    # afterwards nothing is found
    found = client.post(URL, {"action": "export", "contact": PHONE, "unit": commune_a.pk})
    data = json.loads(found.content)
    assert all(source["records"] == [] for source in data["sources"])


def test_the_log_is_masked_and_confined(client, approver_a, approver_b, board_member, commune_a, comments):
    client.force_login(approver_a)
    client.post(URL, {"action": "export", "contact": "nguyenhoa@gmail.com", "unit": commune_a.pk})
    client.post(URL, {"action": "erase", "contact": PHONE, "unit": commune_a.pk, "reason": "Yêu cầu xóa."})
    for entry in PersonalDataRequest.objects.all():
        stored = json.dumps([entry.subject, entry.counts, entry.reason], ensure_ascii=False)
        assert PHONE not in stored and "nguyenhoa" not in stored and "912" not in stored
    html = client.get(URL).content.decode()
    assert "ng***@gmail.com" in html and "09******78" in html
    # unit B's approver does not see unit A's log; the board does
    client.force_login(approver_b)
    html = client.get(URL).content.decode()
    assert "ng***@gmail.com" not in html and "09******78" not in html
    client.force_login(board_member)
    html = client.get(URL).content.decode()
    assert "ng***@gmail.com" in html and "09******78" in html


def test_a_user_approving_two_units_chooses_between_them(client, commune_a, commune_b, comments):
    both = UserFactory(username="two-units", groups=[commune_a.approvers_group, commune_b.approvers_group])
    client.force_login(both)
    response = client.post(URL, {"action": "export", "contact": PHONE, "unit": commune_b.pk})
    data = json.loads(response.content)
    records = [record for source in data["sources"] for record in source["records"]]
    assert [record["comment"] for record in records] == ["Ý kiến B"]

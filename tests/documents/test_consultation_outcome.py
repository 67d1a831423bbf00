"""The outcome of a consultation on a draft: its states, validation, the public pages and the overdue list."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

import pytest

from documents.legal import Consultation, Disclosure, LegalDocument
from documents.selectors import overdue_outcomes
from tests.factories import legal_document
from tests.factories.documents_access import outcome_file

HOST = "phuoc-hau.localhost"
TODAY = timezone.localdate()


def draft(unit, opens, closes, number="DT-07/UBND", **fields):
    return legal_document(
        unit, number=number, disclosure=Disclosure.DRAFT, comment_opens=opens, comment_closes=closes, **fields
    )


def label(state):
    with translation.override("vi"):
        return str(Consultation(state).label)


def days(n):
    return TODAY + timedelta(days=n)


@pytest.mark.parametrize(
    ("opens", "closes", "state"),
    [
        (days(1), days(10), Consultation.UPCOMING),
        (days(-1), days(10), Consultation.OPEN),
        (days(-10), TODAY, Consultation.OPEN),  # the last day is still open
        (days(-10), days(-1), Consultation.GATHERING),
    ],
)
def test_states_follow_the_window_and_show_on_the_page_and_the_listing(
    client, commune_a, opens, closes, state
):
    page = draft(commune_a, opens, closes)
    assert page.consultation_state() == state
    html = client.get(f"/van-ban/{page.slug}/", HTTP_HOST=HOST).content.decode()
    assert label(state) in html
    assert ("consultation--gathering" in html) == (state == Consultation.GATHERING)
    listing = client.get("/van-ban/", HTTP_HOST=HOST).content.decode()
    assert label(state) in listing


def test_the_outcome_is_shown_with_its_report(client, commune_a):
    page = draft(commune_a, days(-40), days(-10))
    report = outcome_file(commune_a)
    page.outcome_report = report
    page.outcome_published_on = days(-2)
    page.outcome_summary = "Tiếp thu 12 ý kiến, giải trình 3 ý kiến."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.consultation_state() == Consultation.OUTCOME
    html = client.get(f"/van-ban/{page.slug}/", HTTP_HOST=HOST).content.decode()
    assert "consultation--outcome" in html and "consultation--gathering" not in html
    assert report.url in html and "Tiếp thu 12 ý kiến" in html
    assert days(-2).strftime("%d/%m/%Y") in html
    assert client.get(report.url, HTTP_HOST=HOST).status_code in (200, 302)  # public through the draft
    assert label(Consultation.OUTCOME) in client.get("/van-ban/", HTTP_HOST=HOST).content.decode()


def test_other_documents_have_no_consultation_state(client, commune_a):
    page = legal_document(commune_a, number="5/QĐ-UBND")
    assert page.consultation_state() is None
    html = client.get(f"/van-ban/{page.slug}/", HTTP_HOST=HOST).content.decode()
    assert "consultation--" not in html


def _errors(page):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return error.value.message_dict


def test_validation_of_the_outcome(commune_a):
    report = outcome_file(commune_a)
    # not a draft
    page = legal_document(commune_a, number="6/QĐ-UBND")
    page.outcome_report, page.outcome_published_on = report, days(-1)
    assert "outcome_report" in _errors(page)
    # comments still open
    page = draft(commune_a, days(-5), days(5), number="DT-08/UBND")
    page.outcome_report, page.outcome_published_on = report, TODAY
    assert "outcome_published_on" in _errors(page)
    # closed, but the outcome dated on or before the last day of comments, or in the future
    page = draft(commune_a, days(-30), days(-10), number="DT-09/UBND")
    page.outcome_report, page.outcome_published_on = report, days(-10)
    assert "outcome_published_on" in _errors(page)
    page.outcome_published_on = days(1)
    assert "outcome_published_on" in _errors(page)
    # a date or a summary without the report; the report without a date
    page.outcome_report, page.outcome_published_on = None, days(-1)
    assert "outcome_report" in _errors(page)
    page.outcome_published_on, page.outcome_summary = None, "Tóm tắt"
    assert "outcome_report" in _errors(page)
    page.outcome_report, page.outcome_summary = report, ""
    assert "outcome_published_on" in _errors(page)
    # right
    page.outcome_published_on = days(-1)
    page.full_clean()


def test_overdue_outcomes_per_setting_and_confined(commune_a, commune_b, district, settings):
    settings.PORTAL_CONSULTATION_OUTCOME_DAYS = 30
    late_a = draft(commune_a, days(-80), days(-31), number="DT-10/UBND")
    draft(commune_a, days(-60), days(-30), number="DT-11/UBND")  # due today: not overdue yet
    late_b = draft(commune_b, days(-90), days(-45), number="DT-12/UBND")
    done = draft(commune_b, days(-90), days(-60), number="DT-13/UBND")
    done.outcome_report, done.outcome_published_on = outcome_file(commune_b), days(-20)
    done.save_revision().publish()
    draft(commune_a, days(-90), days(-60), number="DT-14/UBND", publish=False)  # not live
    found = overdue_outcomes([district, commune_a, commune_b])
    assert [d.pk for d in found] == [late_b.pk, late_a.pk]  # longest overdue first
    assert (found[0].unit, found[0].days_overdue) == (commune_b, 15)
    assert [d.pk for d in overdue_outcomes([commune_a])] == [late_a.pk]
    settings.PORTAL_CONSULTATION_OUTCOME_DAYS = 60
    assert overdue_outcomes([district, commune_a, commune_b]) == []


def test_the_dashboard_panel_is_confined(client, commune_a, commune_b, editor_a, board_member):
    late_a = draft(commune_a, days(-80), days(-40), number="DT-15/UBND")
    late_b = draft(commune_b, days(-90), days(-45), number="DT-16/UBND")
    client.force_login(editor_a)
    html = client.get("/admin/").content.decode()
    assert "overdue-outcomes" in html
    assert late_a.number in html and late_b.number not in html
    client.force_login(board_member)
    html = client.get("/admin/").content.decode()
    assert late_a.number in html and late_b.number in html
    LegalDocument.objects.filter(pk__in=[late_a.pk, late_b.pk]).update(comment_closes=TODAY)
    assert "overdue-outcomes" not in client.get("/admin/").content.decode()  # nothing overdue: no panel

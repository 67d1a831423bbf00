"""The demo of the access-to-information section: filled, idempotent, and every figure has something."""

from django.utils import timezone

from documents.demo_access import fill_access
from documents.legal import Consultation, Disclosure, LegalDocument
from documents.selectors import overdue_outcomes
from reporting.disclosure import late_documents
from reporting.periods import Period
from tests.factories.documents_access import access_page

HOST = "phuoc-hau.localhost"


def test_fill_access_is_idempotent_and_fills_every_figure(client, district, commune_a):
    fill_access(district, is_top=True)
    fill_access(commune_a, is_top=False)
    count = LegalDocument.objects.count()
    fill_access(district, is_top=True)
    fill_access(commune_a, is_top=False)
    assert LegalDocument.objects.count() == count

    page = access_page(commune_a)
    assert page.live and page.focal_name and page.focal_email and page.request_form.file_extension == "docx"
    response = client.get("/tiep-can-thong-tin/", HTTP_HOST=HOST)
    assert response.status_code == 200
    listed = {item.key for item in response.context["disclosed"]}
    empty = {item.key for item in response.context["empty_items"]}
    for category in (Disclosure.FEES, Disclosure.REPORTS, Disclosure.FUNDS, Disclosure.PROCEDURES):
        assert f"documents:{category.value}" in listed
    assert f"documents:{Disclosure.INSPECTION.value}" in empty  # left empty on purpose

    drafts = LegalDocument.objects.filter(disclosure=Disclosure.DRAFT)
    states = {(d.number, d.issuing_body): d.consultation_state() for d in drafts}
    assert states[("DT-03/UBND", f"UBND {commune_a.name}")] == Consultation.OUTCOME
    assert states[("DT-04/UBND", f"UBND {district.name}")] == Consultation.GATHERING
    assert [d.number for d in overdue_outcomes([district, commune_a])] == ["DT-04/UBND"]

    today = timezone.localdate()
    _rows, late = late_documents(Period(today, today, ""), [district, commune_a])
    assert {"07/KH-UBND"} <= {d.number for d in late}

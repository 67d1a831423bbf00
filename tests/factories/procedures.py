"""Factories for administrative procedures."""

from procedures.models import ProcedureFormFile, ProcedureIndexPage, ProcedureLegalBasis, ProcedurePage


def procedure_index(unit):
    return ProcedureIndexPage.objects.child_of(unit.site.root_page).get()


def procedure(unit, *, publish=True, legal_documents=(), legal_texts=(), files=(), **fields):
    """A procedure of ``unit`` (published unless ``publish=False``), with legal bases (our documents and free
    texts) and forms to download (``files``: documents, or (document, label) pairs)."""
    n = ProcedurePage.objects.count() + 1
    fields.setdefault("code", f"1.{n:06d}")
    fields.setdefault("title", f"Thủ tục số {n}")
    fields.setdefault("slug", fields["code"].replace(".", "-"))
    fields.setdefault("field", "ho-tich")
    fields.setdefault("level", "cap-xa")
    fields.setdefault("steps", "Bước 1: nộp hồ sơ.\nBước 2: nhận kết quả.")
    page = ProcedurePage(live=False, **fields)
    page.legal_bases = [ProcedureLegalBasis(document=doc) for doc in legal_documents] + [
        ProcedureLegalBasis(text=text) for text in legal_texts
    ]
    page.form_files = [
        ProcedureFormFile(document=item[0], label=item[1])
        if isinstance(item, tuple)
        else ProcedureFormFile(document=item)
        for item in files
    ]
    procedure_index(unit).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ProcedurePage.objects.get(pk=page.pk)


def many_procedures(unit, count, *, shared=False, field="ho-tich"):
    """``count`` live procedures created directly (no revisions: fast), for query budgets."""
    index = procedure_index(unit)
    for i in range(count):
        index.add_child(
            instance=ProcedurePage(
                title=f"{unit.slug} thủ tục {i}",
                slug=f"tt-{i}",
                code=f"9.{i:06d}",
                field=field,
                level="cap-huyen" if shared else "cap-xa",
                live=True,
                show_on_all_units=shared,
            )
        )

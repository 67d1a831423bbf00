"""Statistics after a merge (issue #21): a past period shows the merged units as they were; the new unit
counts from the merge on; still one query per table."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reporting.periods import read_period
from reporting.reports import BUILDERS, ReportContext
from reporting.statistics import (
    articles_per_unit,
    documents_per_disclosure,
    month_progress,
    unit_label,
    units_for_period,
)
from restructuring.merge import apply_merge
from sites.models import Unit
from tests.factories import publish_article
from tests.factories.restructuring import three_communes

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MARCH_2025 = {"ky": "thang", "nam": "2025", "thang": "3"}
MERGE = {
    "sources": ["phuoc-hau", "phuoc-thai", "phuoc-son"],
    "name": "Xã Phước Hậu",
    "slug": "phuoc-hau-moi",
    "hostname": "phuoc-hau-moi.localhost",
    "parent": "ninh-phuoc",
}


def per_unit_table(period, units):
    return {row.unit.slug: (row.current, row.previous) for row in articles_per_unit(period, units)}


def report_rows(period, units, key):
    table = BUILDERS[key](ReportContext(period, units, 30))
    return [[str(cell) for cell in row] for row in table.rows]


def test_past_statistics_are_unchanged_and_the_target_counts_from_the_merge_on(district):
    communes = three_communes(district)  # three articles each in March 2025
    period, _ = read_period(MARCH_2025)
    units = [district, *(c.unit for c in communes)]
    before = per_unit_table(period, units)
    rows_before = report_rows(period, units, "don-vi")
    documents_before = report_rows(period, units, "van-ban")
    assert before["phuoc-thai"] == (3, 0)

    apply_merge(**MERGE)
    target = Unit.objects.get(slug="phuoc-hau-moi")
    visible = list(Unit.objects.order_by("sort_order", "name"))  # what the board now sees: no dissolved unit
    assert target in visible and not any(c.unit in visible for c in communes)

    shown = units_for_period(period, visible)
    assert {u.slug for u in shown} >= {"phuoc-hau", "phuoc-thai", "phuoc-son", "phuoc-hau-moi"}
    after = per_unit_table(period, shown)
    for slug in ("ninh-phuoc", "phuoc-hau", "phuoc-thai", "phuoc-son"):
        assert after[slug] == before[slug], slug
    assert after["phuoc-hau-moi"] == (0, 0)  # the moved articles were published before the merge
    # the report's own tables: the same rows as before, plus the new unit's
    for key, rows in (("don-vi", rows_before), ("van-ban", documents_before)):
        rows_after = report_rows(period, visible, key)
        new_rows = [row for row in rows_after if row[0] == target.name and set(row[1:3]) == {"0"}]
        assert new_rows, key
        rows_after.remove(new_rows[0])
        # the same rows, the merged units' names marked as such
        marks = {unit_label(c.unit.__class__.all_objects.get(pk=c.unit.pk)): c.unit.name for c in communes}
        assert any(mark != name for mark, name in marks.items())
        unmarked = [[marks.get(row[0], row[0]), *row[1:]] for row in rows_after]
        assert sorted(unmarked) == sorted(rows), key

    # from the merge on, the target counts: an article published now, and moved articles stay the sources'
    publish_article(target, title="Tin sau sáp nhập")
    now = datetime.now(TZ)
    this_month, _ = read_period({"ky": "thang", "nam": str(now.year), "thang": str(now.month)})
    current = per_unit_table(this_month, units_for_period(this_month, visible))
    assert current["phuoc-hau-moi"][0] == 1
    assert current["phuoc-thai"][0] == 0  # dissolved within this period: still listed, with what it had
    progress = {p.unit.slug: p.published for p in month_progress(visible)}
    assert progress["phuoc-hau-moi"] == 1


def test_a_period_after_the_merge_shows_no_dissolved_unit(district):
    three_communes(district)
    apply_merge(**MERGE)
    next_year, _ = read_period({"ky": "nam", "nam": str(datetime.now(TZ).year + 1)})
    assert not any(u.is_dissolved for u in units_for_period(next_year, list(Unit.objects.all())))


def test_one_query_per_table_after_a_merge(district, django_assert_num_queries):
    three_communes(district)
    apply_merge(**MERGE)
    period, _ = read_period(MARCH_2025)
    units = units_for_period(period, list(Unit.objects.all()))
    for unit in units:
        unit.site.root_page  # noqa: B018 (loaded before counting queries)
    with django_assert_num_queries(1):
        articles_per_unit(period, units)
    with django_assert_num_queries(1):
        labels, rows = documents_per_disclosure(period, units)
    assert {row.unit.slug: row.total for row in rows}["phuoc-son"] == 0  # its document is dated today

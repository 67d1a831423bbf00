"""The tables of the statistics page: each figure set as headings, rows, a chart and an export.

One builder per table (``BUILDERS``); the page shows one table at a time, as a tab (``bang=``), and so does an
export: each report reads only what it shows (docs/benchmarks.md).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.selectors import outcome_days, overdue_outcomes
from news.selectors import units_without_public_leaders
from reporting.charts import bar_chart
from reporting.delays import timeliness, turnaround, waiting
from reporting.disclosure import DISCLOSURE_WORKING_DAYS, late_documents
from reporting.questions import service_levels
from reporting.schedules import ScheduleCoverage, schedule_coverage
from reporting.statistics import (
    Comparison,
    articles_per_author,
    articles_per_category,
    articles_per_unit,
    coverage,
    documents_per_disclosure,
    inactive_units,
    unit_label,
    units_for_period,
)


@dataclass
class Link:
    text: str
    url: str

    def __str__(self):
        return self.text


@dataclass
class Table:
    key: str  # the ``bang=`` value and the anchor
    heading: str
    columns: list
    rows: list  # lists of cells; the first is the row's header
    chart: dict | None = None
    footer: list | None = None
    note: str = ""
    empty: str = ""  # shown instead of an empty table
    zero_warning: bool = False  # zeros shown in red (a category left empty)


def export_value(cell):
    """A cell as written to XLSX/CSV: numbers stay numbers, dates in dd/mm/yyyy."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime):
        return timezone.localtime(cell).strftime("%d/%m/%Y %H:%M")
    if isinstance(cell, datetime.date):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, Link):
        return cell.text
    return cell


NO_ARTICLES = gettext_lazy("No articles in either period.")


def _comparison_table(key, heading, column, comparisons, *, empty=NO_ARTICLES, note="", total=False):
    columns = [column, _("This period"), _("Same period last year"), _("Change"), _("Change (%)")]
    rows = [[c.label, c.current, c.previous, c.change, c.percent_text] for c in comparisons]
    footer = None
    if total and len(comparisons) > 1:
        whole = Comparison(
            _("All units"), sum(c.current for c in comparisons), sum(c.previous for c in comparisons)
        )
        footer = [whole.label, whole.current, whole.previous, whole.change, whole.percent_text]
    chart = bar_chart(
        [(c.label, [c.current, c.previous]) for c in comparisons],
        legend=[_("This period"), _("Same period last year")],
    )
    return Table(key, heading, columns, rows, chart=chart, footer=footer, note=note, empty=empty)


def per_unit(context):
    return _comparison_table(
        "don-vi",
        _("Articles published per unit"),
        _("Unit"),
        articles_per_unit(context.period, units_for_period(context.period, context.units)),
        total=True,
        note=_("Live articles only, by their publication date on the Asia/Ho_Chi_Minh calendar."),
    )


def per_category(context):
    return _comparison_table(
        "chuyen-muc",
        _("Articles per category"),
        _("Category"),
        articles_per_category(context.period, context.units),
        note=_("An article in two categories counts in both."),
    )


def per_author(context):
    return _comparison_table(
        "tac-gia",
        _("Articles per author"),
        _("Author"),
        articles_per_author(context.period, context.units),
    )


def per_official(context):
    rows = coverage(context.period, context.units)
    return Table(
        "lanh-dao",
        _("Coverage of the tracked officials"),
        [
            _("Official"),
            _("Position"),
            _("Unit"),
            _("This period"),
            _("Same period last year"),
            _("Change"),
            _("Change (%)"),
        ],
        [
            [
                r.official.name,
                r.official.position,
                r.unit.name,
                r.current,
                r.previous,
                r.change,
                r.percent_text,
            ]
            for r in rows
        ],
        chart=bar_chart(
            [
                (
                    f"{r.official.name} ({r.unit.name})" if len(context.units) > 1 else r.official.name,
                    [r.current, r.previous],
                )
                for r in rows
            ],
            legend=[_("This period"), _("Same period last year")],
        ),
        empty=_("No tracked officials: add them under Snippets › Officials."),
        note=_(
            "Live articles that name the official under “Officials covered”, wherever they were published."
        ),
    )


def on_time(context):
    rows = timeliness(context.period, context.units)
    return Table(
        "dung-han",
        _("Timeliness: from the event to publication"),
        [
            _("Unit"),
            _("Articles measured"),
            _("Median delay (hours)"),
            _("Within 24 hours"),
            _("Within 24 hours (%)"),
            _("Within 48 hours"),
            _("Within 48 hours (%)"),
            _("Without an event date"),
        ],
        [
            [
                r.label,
                r.articles,
                r.median_hours,
                r.within_24h,
                r.share_24h,
                r.within_48h,
                r.share_48h,
                r.undated,
            ]
            for r in rows
        ],
        chart=bar_chart(
            [(r.label, [r.share_24h, r.share_48h]) for r in rows],
            legend=[_("Within 24 hours (%)"), _("Within 48 hours (%)")],
            maximum=100,
            suffix="%",
        ),
        note=_(
            "Articles first published in the period. The delay runs from 00:00 on the event date to the "
            "moment the article went live; articles without an event date are not measured."
        ),
    )


def moderation(context):
    steps, rows = turnaround(context.period, context.units)
    columns = [_("Unit"), _("Submitted"), _("Sent back")]
    for step in steps:
        columns += [
            _("%(step)s: approved") % {"step": step},
            _("%(step)s: median hours") % {"step": step},
        ]
    columns += [_("Published"), _("To publication: median hours")]
    cells = []
    for r in rows:
        row = [r.label, r.submitted, r.sent_back]
        for step in r.steps:
            row += [step.approved, step.median_hours]
        cells.append(row + [r.published, r.median_hours_to_publication])
    legend = [*(_("%(step)s (hours)") % {"step": step} for step in steps), _("To publication (hours)")]
    chart = bar_chart(
        [(r.label, [*(s.median_hours for s in r.steps), r.median_hours_to_publication]) for r in rows],
        legend=legend,
    )
    return Table(
        "kiem-duyet",
        _("Moderation turnaround"),
        columns,
        cells,
        chart=chart,
        note=_(
            "Submissions made in the period; times run from submission to each approval (rework after a "
            "send-back included) and to the first publication after it."
        ),
    )


def in_moderation(context):
    items = waiting(context.units)
    per_unit = {}
    for item in items:
        per_unit[item.unit.name] = per_unit.get(item.unit.name, 0) + 1
    return Table(
        "dang-cho",
        _("Waiting in moderation now"),
        [
            _("Unit"),
            _("Title"),
            _("Step"),
            _("Submitted by"),
            _("Submitted at"),
            _("Waiting (hours)"),
        ],
        [
            [
                item.unit.name,
                Link(
                    item.page.get_admin_display_title(),
                    reverse("wagtailadmin_pages:edit", args=[item.page.pk]),
                ),
                item.step,
                _person(item.submitted_by),
                item.submitted_at,
                round(item.age.total_seconds() / 3600, 1),
            ]
            for item in items
        ],
        chart=bar_chart(
            sorted(((name, [n]) for name, n in per_unit.items()), key=lambda r: -r[1][0]),
            legend=[_("Items waiting")],
        )
        if items
        else None,  # fmt: skip
        empty=_("Nothing is waiting in moderation."),
        note=_("Oldest submission first; the age counts from the submission.") if items else "",
    )


def _person(user):
    if user is None:
        return "—"
    return f"{user.last_name} {user.first_name}".strip() or user.get_username()


def inactive(context):
    activities = inactive_units(context.units, days=context.inactive_days)
    return Table(
        "khong-hoat-dong",
        _("Units without an article in the last %(days)s days") % {"days": context.inactive_days},
        [_("Unit"), _("Last article"), _("Days without an article")],
        [
            [
                a.unit.name,
                timezone.localtime(a.last_published).date() if a.last_published else None,
                a.days_since if a.days_since is not None else _("never"),
            ]
            for a in activities
        ],
        chart=bar_chart(
            [(a.unit.name, [a.days_since]) for a in activities], legend=[_("Days without an article")]
        )
        if activities
        else None,
        empty=_("Every unit has published recently."),
    )


def documents(context):
    labels, rows = documents_per_disclosure(context.period, units_for_period(context.period, context.units))
    return Table(
        "van-ban",
        _("Documents published per disclosure category"),
        [_("Unit"), *labels, _("Total")],
        [[unit_label(row.unit), *row.counts, row.total] for row in rows],
        chart=bar_chart(
            [(unit_label(row.unit), [row.total]) for row in rows], legend=[_("Documents published")]
        ),
        note=_("Categories shown in red had no document in the period."),
        zero_warning=True,
    )


def late_per_unit(context):
    rows, _late = late_documents(context.period, context.units)
    return Table(
        "cong-khai-tre",
        _(
            "Documents disclosed more than %(days)s working days after their issue, per unit (Law on Access "
            "to Information, Art. 18(4))"
        )
        % {"days": DISCLOSURE_WORKING_DAYS},
        [
            _("Unit"),
            _("Documents published"),
            _("Published late"),
            _("Published late (%)"),
            _("Most working days over the limit"),
        ],
        [[r.unit.name, r.published, r.late, r.share, r.most_days_late] for r in rows],
        chart=bar_chart([(r.unit.name, [r.late]) for r in rows], legend=[_("Published late")]),
        note=_(
            "Law on Access to Information 2016, Art. 18(4): unless another law sets the time, information is "
            "disclosed within 5 working days of the day it is created. Documents first published in the "
            "period; working days from the date of issue to the first publication (weekends and public "
            "holidays not counted)."
        ),
    )


def late_list(context):
    _rows, late = late_documents(context.period, context.units)
    return Table(
        "cong-khai-tre-ds",
        _(
            "Documents disclosed more than %(days)s working days after their issue (Law on Access to "
            "Information, Art. 18(4))"
        )
        % {"days": DISCLOSURE_WORKING_DAYS},
        [
            _("Number"),
            _("Title"),
            _("Unit"),
            _("Date of issue"),
            _("First published"),
            _("Working days to publication"),
            _("Working days late"),
        ],
        [
            [
                d.number,
                Link(d.title, reverse("wagtailadmin_pages:edit", args=[d.pk])),
                d.unit.name,
                d.issued_on,
                d.published_on,
                d.working_days,
                d.days_late,
            ]
            for d in late
        ],
        empty=_("No document of the period was published late."),
        note=_("Most late first. Working days late: beyond the 5 working days of Art. 18(4)."),
    )


def drafts_without_outcome(context):
    drafts = overdue_outcomes(context.units)
    days = outcome_days()
    return Table(
        "du-thao",
        _("Drafts without a published outcome"),
        [_("Number"), _("Title"), _("Unit"), _("Comments closed"), _("Outcome due"), _("Days overdue")],
        [
            [
                d.number,
                Link(d.title, reverse("wagtailadmin_pages:edit", args=[d.pk])),
                d.unit.name if d.unit else "",
                d.comment_closes,
                d.due_on,
                d.days_overdue,
            ]
            for d in drafts
        ],
        empty=_("Every closed consultation has its outcome, or is still within %(days)s days.")
        % {"days": days},
        note=_(
            "Drafts for public comment whose comments closed more than %(days)s days ago without the report "
            "on the comments received. Whatever the period: what is overdue today."
        )
        % {"days": days},
    )


def units_without_leaders(context):
    units = units_without_public_leaders(context.units)
    return Table(
        "khong-lanh-dao",
        _("Units with no leaders listed"),
        [_("Unit")],
        [[unit.name] for unit in units],
        empty=_("Every unit lists its leaders."),
        note=_("Units whose leaders page shows nobody (no official in office shown publicly)."),
    )


def citizen_questions(context):
    rows, total = service_levels(context.period, context.units)

    def cells(row, label):
        return [
            label,
            row.received,
            row.forwarded,
            row.answered,
            row.on_time_share,
            row.median_days,
            row.open,
            row.overdue,
        ]

    return Table(
        "hoi-dap",
        _("Citizens' questions: received, forwarded, answered"),
        [
            _("Unit"),
            _("Questions received"),
            _("Forwarded to another unit"),
            _("Questions answered"),
            _("Answered by the deadline (%)"),
            _("Median working days to answer"),
            _("Waiting now"),
            _("Overdue now"),
        ],
        [cells(row, row.label) for row in rows],
        chart=bar_chart(
            [(row.label, [row.received, row.answered]) for row in rows],
            legend=[_("Questions received"), _("Questions answered")],
        ),
        footer=cells(total, _("All units")) if len(rows) > 1 else None,
        note=_(
            "Received: questions sent to the unit in the period (a forwarded question counts where it was "
            "first sent). Forwarded: questions the unit sent on to another unit in the period. Answered: "
            "answers published in the period, at the unit that answered. Days to answer are working days "
            "(weekends and public holidays not counted) from the day the question arrived to the day its "
            "answer was published; the deadline is %(days)s working days. Waiting and overdue: today, "
            "whatever the period."
        )
        % {"days": settings.PORTAL_QUESTION_ANSWER_WORKING_DAYS},
    )


def schedule_and_articles(context):
    rows = schedule_coverage(context.period, context.units)

    def cells(row, name, position, unit):
        return [name, position, unit, row.activities, row.articles, row.difference, row.share]

    footer = None
    if len(rows) > 1:
        total = ScheduleCoverage(None, None, sum(r.activities for r in rows), sum(r.articles for r in rows))
        footer = cells(total, _("All officials"), "", "")
    return Table(
        "lich-cong-tac",
        _("Leaders' activities in the work schedule and the articles covering them"),
        [
            _("Official"),
            _("Position"),
            _("Unit"),
            _("Activities in the schedule"),
            _("Articles covering them"),
            _("Activities minus articles"),
            _("Articles per 100 activities"),
        ],
        [cells(r, r.official.name, r.official.position, r.unit.name) for r in rows],
        chart=bar_chart(
            [
                (
                    f"{r.official.name} ({r.unit.name})" if len(context.units) > 1 else r.official.name,
                    [r.activities, r.articles],
                )
                for r in rows
            ],
            legend=[_("Activities in the schedule"), _("Articles covering them")],
        ),
        footer=footer,
        empty=_("No tracked officials: add them under Snippets › Officials."),
        note=_(
            "Activities: entries of the published weekly work schedules dated in the period that the "
            "official chairs or takes part in (once per activity). Articles: live articles published in the "
            "period that name the official under “Officials covered”, wherever they were published. Above "
            "zero, the difference shows activities that may not have been reported (an article can cover "
            "several activities)."
        ),
    )


TABS = (  # key, label of the tab
    ("don-vi", gettext_lazy("Per unit")),
    ("chuyen-muc", gettext_lazy("Per category")),
    ("tac-gia", gettext_lazy("Per author")),
    ("dung-han", gettext_lazy("Timeliness")),
    ("kiem-duyet", gettext_lazy("Moderation time")),
    ("dang-cho", gettext_lazy("Waiting now")),
    ("lanh-dao", gettext_lazy("Officials covered")),
    ("khong-hoat-dong", gettext_lazy("Inactive units")),
    ("van-ban", gettext_lazy("Documents")),
    ("cong-khai-tre", gettext_lazy("Late disclosure")),
    ("cong-khai-tre-ds", gettext_lazy("Late documents")),
    ("du-thao", gettext_lazy("Consultation outcomes")),
    ("khong-lanh-dao", gettext_lazy("No leaders listed")),
    ("hoi-dap", gettext_lazy("Q&A")),
    ("lich-cong-tac", gettext_lazy("Schedule and articles")),
)

BUILDERS = {
    "don-vi": per_unit,
    "chuyen-muc": per_category,
    "tac-gia": per_author,
    "dung-han": on_time,
    "kiem-duyet": moderation,
    "dang-cho": in_moderation,
    "lanh-dao": per_official,
    "khong-hoat-dong": inactive,
    "van-ban": documents,
    "cong-khai-tre": late_per_unit,
    "cong-khai-tre-ds": late_list,
    "du-thao": drafts_without_outcome,
    "khong-lanh-dao": units_without_leaders,
    "hoi-dap": citizen_questions,
    "lich-cong-tac": schedule_and_articles,
}


@dataclass
class ReportContext:
    period: object
    units: list
    inactive_days: int

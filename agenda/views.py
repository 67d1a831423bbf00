"""The public views of the work schedule: a week (this week by default), its printable layout, the iCalendar
feed; and the context of a week page of its own (its URL and the admin's preview)."""

from datetime import datetime, timedelta

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

import icalendar

from agenda import selectors
from agenda.models import ScheduleIndexPage
from agenda.weeks import VIETNAM, date_label, parse_week, this_monday, week_label, week_param
from sites.selectors import any_view_restriction, unit_for_request

PRINT_PARAM, WEEK_PARAM = "in", "tuan"
FEED_NAME = "lich.ics"


def week_view(index, request):
    """``/lich-cong-tac/``: this week, or the week of ``?tuan=2026-W49`` (a value that names no week: 404);
    ``?in=1``: the printable layout."""
    current = this_monday()
    raw = request.GET.get(WEEK_PARAM)
    monday = current if raw in (None, "") else parse_week(raw)
    printable = request.GET.get(PRINT_PARAM)
    if monday is None or printable not in (None, "", "1"):
        raise Http404
    page = selectors.live_week(index, monday)
    entries = selectors.entries_of(page) if page is not None else []
    base_url = index.get_url(request)
    context = {
        "week": week_context(monday, page, entries),
        "current_monday": current,
        "tabs": [
            {"label": _("This week"), "url": base_url, "current": monday == current},
            {
                "label": _("Next week"),
                "url": f"{base_url}?{WEEK_PARAM}={week_param(current + timedelta(weeks=1))}",
                "current": monday == current + timedelta(weeks=1),
            },
        ],
        "previous_url": f"{base_url}?{WEEK_PARAM}={week_param(monday - timedelta(weeks=1))}",
        "next_url": f"{base_url}?{WEEK_PARAM}={week_param(monday + timedelta(weeks=1))}",
        "print_url": f"{base_url}?{WEEK_PARAM}={week_param(monday)}&{PRINT_PARAM}=1",
        "screen_url": base_url if monday == current else f"{base_url}?{WEEK_PARAM}={week_param(monday)}",
        "feed_url": f"{base_url}{FEED_NAME}",
        "page_url": base_url,
        # an empty week by parameter: any week can be asked for, none should be indexed empty
        "noindex": page is None and monday != current,
    }
    if printable == "1":
        return index.render(request, context_overrides=context, template="agenda/schedule_print.html")
    return index.render(request, context_overrides=context)


def week_context(monday, page, entries):
    for entry in entries:  # what the table shows, worked out once
        entry.attending = attendees_label(entry)
        entry.adjusted_text = adjusted_label(entry.adjusted_at) if entry.adjusted_at else ""
    return {
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "label": week_label(monday),
        "param": week_param(monday),
        "page": page,
        "days": selectors.week_days(monday, entries),
        "empty": not entries,
    }


def week_page_context(page, request):
    """A week page served at its own address (or previewed in the admin, from its unsaved entries)."""
    if page.week_start is None:
        return {"week": None}
    if getattr(request, "is_preview", False) or page.pk is None:
        entries = list(page.entries.all())
    else:
        entries = selectors.entries_of(page)
    index = page.get_parent() if page.pk else None
    return {
        "week": week_context(page.week_start, page, entries),
        "index_url": index.get_url(request) if index is not None else None,
    }


# --- iCalendar -----------------------------------------------------------------------------------------


def ical_for_site(request, section):
    """``/<section>/lich.ics`` (agenda/urls.py): the feed of the request's unit's live, public schedule whose
    slug is ``section``; 404 otherwise."""
    unit = unit_for_request(request)
    index = (
        ScheduleIndexPage.objects.child_of(unit.site.root_page).live().filter(slug=section).first()
        if unit is not None
        else None
    )
    if index is None or (any_view_restriction(request) and index.get_view_restrictions().exists()):
        raise Http404
    return ical_feed(index, request)


def ical_feed(index, request):
    """``/lich-cong-tac/lich.ics``: the activities of the last four weeks, this week and next, one event each
    (its UID the entry's key at the unit's host name: the same across publications)."""
    unit = index.get_unit(request)
    host = unit.site.hostname if unit is not None else request.get_host().split(":")[0]
    entries = selectors.feed_entries(index, this_monday())
    calendar = build_calendar(entries, name=f"{index.title} – {unit.name if unit else host}", host=host)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response


def build_calendar(entries, *, name, host):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cong thong tin dien tu//Lich cong tac//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for entry in entries:
        calendar.add_component(build_event(entry, host))
    calendar.add_missing_timezones()
    return calendar


def build_event(entry, host):
    event = icalendar.Event()
    event.add("uid", f"{entry.key}@{host}")
    event.add("dtstart", datetime.combine(entry.day, entry.start_time, tzinfo=VIETNAM))
    if entry.end_time:
        event.add("dtend", datetime.combine(entry.day, entry.end_time, tzinfo=VIETNAM))
    published = entry.week_page.last_published_at or timezone.now()
    event.add("dtstamp", published)
    event.add("last-modified", entry.adjusted_at or published)
    event.add("summary", entry.content.strip().splitlines()[0][:200] if entry.content.strip() else "")
    if entry.location:
        event.add("location", entry.location)
    event.add("description", describe(entry))
    return event


def describe(entry):
    lines = [entry.content.strip()]
    if entry.chair_label:
        lines.append(_("Chaired by: %(who)s") % {"who": entry.chair_label})
    attending = attendees_label(entry)
    if attending:
        lines.append(_("Attending: %(who)s") % {"who": attending})
    if entry.preparing_body:
        lines.append(_("Prepared by: %(who)s") % {"who": entry.preparing_body})
    if entry.adjusted_at:
        lines.append(adjusted_label(entry.adjusted_at))
    return "\n".join(line for line in lines if line)


def attendees_label(entry):
    names = [official.name for official in entry.officials.all()]
    if entry.attendees.strip():
        names.append(entry.attendees.strip())
    return "; ".join(names)


def adjusted_label(moment):
    local = timezone.localtime(moment, VIETNAM)
    return _("Adjusted at %(time)s") % {"time": f"{local:%H:%M} {date_label(local.date())}"}

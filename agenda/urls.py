"""The schedule's iCalendar feed at /lich-cong-tac/lich.ics: Wagtail serves no path with a dot, so it is a URL
of its own. Include it in portal/urls.py before Wagtail's catch-all: ``path("", include("agenda.urls"))``."""

from django.urls import path

from agenda import views

urlpatterns = [path("<slug:section>/lich.ics", views.ical_for_site, name="agenda_ical")]

"""The portal's URLs with the schedule's feed, whether or not portal/urls.py includes agenda.urls yet."""

from django.urls import include, path

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("", include("agenda.urls")), *portal_urlpatterns]

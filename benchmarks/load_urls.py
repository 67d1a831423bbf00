"""The portal's URLs plus ``/__bench__/minimal``: the cheapest answer the whole middleware stack can give."""

from django.http import HttpResponse
from django.urls import path

from portal import urls as portal_urls


def minimal(request):
    return HttpResponse("ok")


handler500 = portal_urls.handler500
urlpatterns = [path("__bench__/minimal", minimal), *portal_urls.urlpatterns]

from django.template.response import TemplateResponse

from wagtail.models import Page, Site

from home.pagination import paginate
from home.text import clean_query

PAGE_SIZE = 10


def search(request):
    """Search live, public pages of the current site. Issue #7 makes it Vietnamese-aware."""
    query = clean_query(request.GET.get("q"))
    site = Site.find_for_request(request)
    results = None
    if query and site is not None:
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True).specific()
        results = paginate(request, pages.search(query), PAGE_SIZE)
    return TemplateResponse(request, "search/search.html", {"query": query, "results": results})

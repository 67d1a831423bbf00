from django.template.response import TemplateResponse

from sites.selectors import find_takedown


class TakeDownMiddleware:
    """Answer 410 Gone, with a notice, for the URL of a page the board has taken down.

    Runs only on 404 responses, so normal pages cost nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        takedown = find_takedown(request)
        if takedown is None:
            return response
        gone = TemplateResponse(request, "410.html", {"takedown": takedown}, status=410)
        return gone.render()

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Site

from portal import health


@never_cache
@require_GET
def healthz(request):
    """JSON state of database, cache and broker: 200 when all are up, 503 naming the failures."""
    results = health.run_checks()
    down = sorted(name for name, error in results.items() if error)
    payload = {
        "status": "ok" if not down else "error",
        "checks": {
            name: ({"ok": True} if error is None else {"ok": False, "error": error})
            for name, error in results.items()
        },
    }
    if down:
        payload["down"] = down
    # Workers and beat: reported, not part of the status (the web container stays healthy while
    # a worker restarts; the sweep catches up). The per-minute sweep records when it last ran.
    payload["worker"] = health.worker_state()
    return JsonResponse(payload, status=503 if down else 200)


@require_GET
def robots_txt(request):
    """Crawl everything public; keep out of the admin; point at this site's sitemap.

    The sitemap's address comes from the unit's configured Wagtail ``Site`` (the default site for a host
    that is no unit's), never from the Host header: any name matching ALLOWED_HOSTS would be echoed.
    """
    site = Site.find_for_request(request)
    root_url = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {root_url}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """500 handler that renders a static template: no database, no context processors."""
    template = loader.get_template("500.html")
    # The page's one inline style carries the Content-Security-Policy nonce (portal/security.py).
    return HttpResponseServerError(template.render({"csp_nonce": getattr(request, "csp_nonce", "")}))

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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
    """Crawl everything public; keep out of the admin; point at this host's sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.scheme}://{request.get_host()}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """500 handler that renders a static template: no database, no context processors."""
    from django.http import HttpResponseServerError
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())

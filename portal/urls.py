from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.documents import urls as wagtaildocs_urls

from assets import views as asset_views
from documents import views as document_views
from portal import views
from search import views as search_views
from users.views import ThrottledPasswordResetView

handler500 = "portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    # before Wagtail's own: its password reset, throttled (users/views.py)
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # Wagtail's exporting reports, formula-safe, answering ahead of Wagtail's own (sites/exports.py)
    path("admin/", include("sites.export_urls")),
    # Wagtail admin views confined to the user's units, ahead of Wagtail's own (sites/confinement.py)
    path("admin/", include("sites.confined_urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, never cached (the public rule is its before_serve_document hook, assets/)
    re_path(r"^documents/(\d+)/(.*)$", asset_views.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # Image renditions only: original images and documents go through Django's checks, never straight.
    urlpatterns += static(f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images")

# Vietnamese, the default language, has no prefix; English lives under /en/.
urlpatterns += i18n_patterns(
    path("tim-kiem/", search_views.search, name="search"),
    path("tim-kiem/goi-y/", search_views.suggest, name="search_suggest"),
    path("van-ban/tai-ve/<int:attachment_id>/", document_views.download, name="legal_document_download"),
    # "Thông tin có hữu ích không?" under every page (feedback/views.py), never in the page cache
    path("danh-gia/", include("feedback.urls")),
    # the leaders' schedule as iCalendar (/lich-cong-tac/lich.ics): Wagtail serves no path with a dot
    path("", include("agenda.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

"""RSS 2.0 and Atom feeds per site and per category, with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from news import selectors

FEED_SIZE = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    route = "rss"  # the index page's route (news.models.NewsIndexPage); "category_rss" for a category

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_page, category_slug=None):
        unit = index_page.get_unit(request)
        category = None
        if category_slug:
            category = selectors.category_for_unit(unit, category_slug)
            if category is None:
                raise Http404
        return {"index": index_page, "category": category, "unit": unit}

    def title(self, obj):
        name = obj["unit"].name if obj["unit"] else obj["index"].title
        if obj["category"]:
            return f"{name} – {obj['category'].name}"
        return f"{name} – {obj['index'].title}"

    def link(self, obj):
        return obj["index"].get_full_url(self.request)

    def feed_url(self, obj):
        # Django's default is the request's path on the Host header's domain: any name matching ALLOWED_HOSTS
        # would be echoed. The index page's URL comes from its unit's configured Wagtail Site.
        index, category = obj["index"], obj["category"]
        if category:
            route = index.reverse_subpage(f"category_{self.route}", args=[category.slug])
        else:
            route = index.reverse_subpage(self.route)
        return index.get_full_url(self.request) + route

    def description(self, obj):
        return _("Latest news from %(name)s") % {"name": self.title(obj)}

    def items(self, obj):
        articles = selectors.articles_under(obj["index"])
        if obj["category"]:
            articles = articles.filter(categories=obj["category"])
        return list(articles[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_date

    def item_updateddate(self, item):
        return item.last_published_at or item.published_date

    def item_author_name(self, item):
        return item.byline or None


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route = "atom"
    subtitle = NewsRssFeed.description

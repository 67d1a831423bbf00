"""Page ratings for the feedback tests."""

from feedback.models import PageRating
from feedback.services import record_rating


def rating(page, *, useful=False, comment="", status=None, address="203.0.113.9"):
    """A visitor's answer about ``page`` as the public form records it, then set to ``status`` if given."""
    made = record_rating(page=page, useful=useful, comment=comment, address=address)
    if status is not None:
        PageRating.objects.filter(pk=made.pk).update(status=status)
        made.refresh_from_db()
    return made


def rated_pages(unit, count, *, prefix="Trang", comment="", status=None, useful=False):
    """``count`` new live pages of ``unit`` with one rating each (a comment if given, then ``status``), made
    quickly (no revisions) for the query budgets. Returns the ratings."""
    from tests.factories import NewsArticlePageFactory, news_index

    index = news_index(unit)
    ratings = []
    for number in range(count):
        page = NewsArticlePageFactory.build(title=f"{prefix} {number}", slug=f"{prefix.lower()}-{number}")
        index.add_child(instance=page)
        ratings.append(
            PageRating(
                page=page,
                unit=unit,
                useful=useful if number % 3 else not useful,
                comment=f"{comment} {number}" if comment else "",
                status=status or (PageRating.Status.PENDING if comment else PageRating.Status.APPROVED),
                address_hash=f"{number:064d}",
            )
        )
    return PageRating.objects.bulk_create(ratings)

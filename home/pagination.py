from django.core.paginator import InvalidPage, Paginator


def paginate(request, items, per_page, *, paginator=None):
    """The requested page of ``items``; any bad or out-of-range ``?page=`` falls back to page 1.

    Not ``Paginator.get_page()``: that serves the *last* page for a number out of range (``?page=0`` and
    ``?page=-3`` included), where our listings answer with their first page.
    """
    paginator = paginator or Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        return paginator.page(1)

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, *, paginator=None):
    """The requested page of ``items``; any bad or out-of-range ``?page=`` falls back to page 1."""
    paginator = paginator or Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)

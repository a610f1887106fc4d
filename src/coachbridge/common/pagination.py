"""One page of a filtered list, with what the page links need (common/elements/pagination.html)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest


def page_of(request: HttpRequest, items: Any, per_page: int) -> dict[str, Any]:
    """``page_obj``: the page the request asks for; ``query_without_page``: the request's
    filters as a query string ending in "&", so a page link keeps them."""
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "query_without_page": f"{query.urlencode()}&" if query else ""}

"""Buttons whose address takes only POST, opened another way.

A form button posts to an address that only accepts POST. Without this middleware a browser
that lands on such an address with GET gets an empty 405: after logging in again (the login
page sends people on to ``next``, the button's address) or from a bookmark.
"""

from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_referer(request: HttpRequest) -> str:
    """The page the request came from, when it is a page of this site; else ""."""
    referer = request.headers.get("referer", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if allowed else ""


class ButtonAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "POST" and self._is_login_redirect(response):
            return self._back_after_login(request, response)
        if response.status_code == 405 and request.method in ("GET", "HEAD"):
            page = render(request, "405.html", {"back": safe_referer(request)}, status=405)
            page["Allow"] = response.get("Allow", "POST")
            return page
        return response

    @staticmethod
    def _is_login_redirect(response: HttpResponse) -> bool:
        if response.status_code != 302:
            return False
        return urlsplit(response["Location"]).path == resolve_url(settings.LOGIN_URL)

    @staticmethod
    def _back_after_login(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """After logging in, go back to the page with the button, not to its address."""
        back = safe_referer(request)
        if back:
            parts = urlsplit(response["Location"])
            query = parse_qs(parts.query)
            query[REDIRECT_FIELD_NAME] = [urlsplit(back)._replace(scheme="", netloc="").geturl()]
            response["Location"] = urlunsplit(parts._replace(query=urlencode(query, doseq=True)))
        return response

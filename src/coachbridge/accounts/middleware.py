from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Dutch first: the site speaks Dutch unless a person chose English.

    A member's stored choice wins, then the language cookie of the switch. The browser's
    Accept-Language is not used on purpose: many Dutch coaches run English browsers.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def chosen_language(self, request: HttpRequest) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in self.languages:
            return str(user.language)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        return cookie if cookie in self.languages else settings.LANGUAGE_CODE

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = self.chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response

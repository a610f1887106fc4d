"""Browser tests: Playwright drives the system Chromium (never `playwright install`)."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow its ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("COACHBRIDGE_CHROMIUM", "/usr/bin/chromium")
# Not test-results/: pytest-playwright empties that folder when a run starts.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screens"
DEMO_PASSWORD = "demo-coachbridge"


# Every browser test module sets `pytestmark = E2E`: the live server needs committed data.
E2E = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def demo(transactional_db):
    """The demo network. It also restores the themes and roles, which each test's flush removes."""
    call_command("demo", verbosity=0)


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take


def log_in(page, base_url, email, password=DEMO_PASSWORD):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_url(f"{base_url}/me/")


@pytest.fixture
def csp_violations(page):
    """A function that lists what the Content-Security-Policy blocked on the current page."""
    page.add_init_script(
        "window.__blocked = [];"
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.__blocked.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline')));"
    )
    return lambda: page.evaluate("window.__blocked || []")


@pytest.fixture
def open_page(browser):
    """A page in a browser context of its own (another person), closed after the test.

    Closing matters: an open context keeps connections to the live server alive until the
    server stops, and its request threads then fail.
    """
    contexts = []

    def make(**context_args):
        context = browser.new_context(**context_args)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()

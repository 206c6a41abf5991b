"""Fixtures of the web app's browser tests: one headless Chromium for the session, the
server's address and workspace (started by scripts/web-tests.sh), and screenshots on request."""
import os
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("APPRAISE_URL", "http://127.0.0.1:8080")
WORKSPACE = os.environ.get("APPRAISE_WORKSPACE", "")
SHOTS = os.environ.get("WEB_SCREENSHOTS", "")


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                     "--lang=vi"):
        options.add_argument(argument)
    binary = _chromium()
    if binary:
        options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The Debian driver, named explicitly so that Selenium Manager never goes to the internet.
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser):
    """Opens a path of the app and returns the driver, with JavaScript errors checked after."""
    def open_(path):
        browser.get(BASE + path)
        WebDriverWait(browser, 10, poll_frequency=0.05).until(
            lambda driver: driver.execute_script("return document.body.dataset.ready === 'true'"))
        return browser
    yield open_
    errors = [entry for entry in browser.get_log("browser")
              if entry["level"] == "SEVERE" and "/v1/" not in entry["message"]]
    assert not errors, errors


def screenshot(browser, name, full=False):
    """Saves docs/images/web-NAME.png (WEB_SCREENSHOTS=DIR) for the staff guide."""
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        if full:
            height = min(browser.execute_script("return document.documentElement.scrollHeight"), 2600)
            browser.set_window_size(1400, height)
        browser.save_screenshot(os.path.join(SHOTS, f"web-{name}.png"))
        if full:
            browser.set_window_size(1400, 1000)

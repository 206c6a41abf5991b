"""Small waits and reads shared by the browser tests."""
import json
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE


def wait(browser, condition, timeout=10):
    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(lambda driver: condition(driver))


def css(browser, selector):
    return browser.find_elements(By.CSS_SELECTOR, selector)


def api(path, body=None, method=None):
    """A JSON API call: (status, parsed body)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, None


def decisions_endpoint_exists():
    """Whether POST /v1/decisions is routed (issue 13): an empty body is refused, not 404."""
    status, _ = api("/v1/decisions", {})
    return status != 404

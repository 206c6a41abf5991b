"""Text from dossiers, decisions and rule messages is shown as text: markup in a name, in an
authority the rule's message quotes, and in a decision's reason runs nothing."""
import os
import shutil

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from conftest import WORKSPACE
from helpers import api

HOSTILE = '<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2;alert(1)">'


@pytest.fixture
def hostile_workspace():
    source = os.path.join(WORKSPACE, "bui-van-cuong.yaml")
    target = os.path.join(WORKSPACE, "zz-hostile.yaml")
    decisions = os.path.join(WORKSPACE, "decisions.yaml")
    shutil.copy(decisions, decisions + ".saved")
    quoted = "'" + HOSTILE.replace("'", "''") + "'"
    with open(source, encoding="utf-8") as file:
        text = file.read()
    text = (text.replace("id: NB-2025-008", "id: NB-XSS-1")
            .replace("name: Bùi Văn Cường", "name: " + quoted)
            .replace("citizen_id: 037075000888", "citizen_id: '037075000999'")
            .replace("authority: Cơ quan Cảnh sát điều tra Công an tỉnh Ninh Bình", "authority: " + quoted))
    with open(target, "w", encoding="utf-8") as file:
        file.write(text)
    # A decision whose reason and reference hold the markup, on a review finding.
    status, entry = api("/v1/candidates/NB-2025-013")
    assert status == 200
    review = next(f for f in entry["entry"]["findings"] if f["severity"] == "review")
    with open(decisions, "a", encoding="utf-8") as file:
        file.write(f"\n  - candidate: NB-2025-013\n    rule: {review['rule']}\n    at: '{review['location']['path']}'\n"
                   f"    outcome: upheld\n    reason: {quoted}\n    decided_by: {quoted}\n    decided_on: 2025-09-01\n")
    yield
    os.remove(target)
    shutil.move(decisions + ".saved", decisions)


def assert_nothing_ran(browser):
    assert browser.execute_script("return window.pwned === undefined")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert not browser.find_elements(By.CSS_SELECTOR, "main img")


def test_markup_in_dossiers_and_decisions_shows_literally(page, hostile_workspace):
    for path in ("/slates/slate", "/candidates/NB-XSS-1", "/candidates/NB-XSS-1?lang=en", "/candidates/NB-2025-013"):
        browser = page(path)
        assert_nothing_ran(browser)
        assert HOSTILE in browser.find_element(By.TAG_NAME, "main").text, path
    browser = page("/candidates/NB-XSS-1")
    message = browser.find_element(By.CSS_SELECTOR, "li.finding.disqualify .message").text
    assert HOSTILE in message
    browser = page("/playground")
    assert_nothing_ran(browser)

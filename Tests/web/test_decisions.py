"""The decision form of a review finding: refusals at their field with nothing written, and the
round trip through POST /v1/decisions to the slate's decisions file and back on reload."""
import hashlib
import os

import pytest
from selenium.webdriver.common.by import By

from conftest import WORKSPACE, screenshot
from helpers import css, decisions_endpoint_exists, wait


def decisions_digest():
    path = os.path.join(WORKSPACE, "decisions.yaml")
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def first_form(browser):
    form = wait(browser, lambda d: next((f for f in css(d, "form.decide") if f.is_displayed()), None))
    return form


def submit(form):
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def error_of(form, field):
    return form.find_element(By.CSS_SELECTOR, f"[data-field='{field}'] .field-error").text


def test_blank_reason_is_refused_at_its_field(page):
    before = decisions_digest()
    browser = page("/candidates/NB-2025-011")
    form = first_form(browser)
    form.find_element(By.NAME, "reason").send_keys("   ")
    form.find_element(By.NAME, "decided_by").send_keys("Tiểu ban Nhân sự")
    submit(form)
    wait(browser, lambda d: error_of(form, "reason"))
    assert "Bắt buộc" in error_of(form, "reason")
    assert form.find_element(By.NAME, "reason").get_attribute("aria-invalid") == "true"
    screenshot(browser, "decision-refused")
    assert decisions_digest() == before


def test_expiry_before_decision_date_is_refused(page):
    before = decisions_digest()
    browser = page("/candidates/NB-2025-011?lang=en")
    form = first_form(browser)
    form.find_element(By.NAME, "reason").send_keys("Verified with the inspectorate.")
    form.find_element(By.NAME, "decided_by").send_keys("Personnel subcommittee")
    browser.execute_script("arguments[0].value = '2025-08-01'", form.find_element(By.NAME, "decided_on"))
    browser.execute_script("arguments[0].value = '2025-07-01'", form.find_element(By.NAME, "expires"))
    submit(form)
    wait(browser, lambda d: error_of(form, "expires"))
    assert "after the decision date" in error_of(form, "expires")
    assert not error_of(form, "reason")
    assert decisions_digest() == before


def test_stale_content_fingerprint_is_refused(page):
    if not decisions_endpoint_exists():
        pytest.skip("POST /v1/decisions is not routed in this build (issue 13)")
    before = decisions_digest()
    browser = page("/candidates/NB-2025-011?lang=en")
    form = first_form(browser)
    browser.execute_script("arguments[0].value = 'sha256:' + '0'.repeat(64)", form.find_element(By.NAME, "content"))
    form.find_element(By.NAME, "reason").send_keys("Verified.")
    form.find_element(By.NAME, "decided_by").send_keys("Personnel subcommittee")
    submit(form)
    status = form.find_element(By.CSS_SELECTOR, ".form-status")
    wait(browser, lambda d: "refused" in status.get_attribute("class"))
    assert status.text
    assert decisions_digest() == before


def test_recorded_decision_is_applied_on_reload(page):
    if not decisions_endpoint_exists():
        pytest.skip("POST /v1/decisions is not routed in this build (issue 13)")
    browser = page("/candidates/NB-2025-007")
    assert "cần xem xét" in browser.find_element(By.CSS_SELECTOR, "dl.facts .badge").text
    form = first_form(browser)
    finding = form.find_element(By.XPATH, "ancestor::li[contains(@class, 'finding')]")
    rule = finding.get_attribute("data-rule")
    form.find_element(By.NAME, "reason").send_keys("Đã xác minh: kỷ luật đã hết hiệu lực theo quyết định số 45/QĐ.")
    form.find_element(By.NAME, "reference").send_keys("Biên bản số 14-BB/TBNS")
    form.find_element(By.NAME, "decided_by").send_keys("Tiểu ban Nhân sự")
    submit(form)
    status = form.find_element(By.CSS_SELECTOR, ".form-status")
    wait(browser, lambda d: "ok" in status.get_attribute("class") or "refused" in status.get_attribute("class"))
    assert "ok" in status.get_attribute("class"), status.text
    browser.refresh()
    decided = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, f"li.finding[data-rule='{rule}']"))
    assert "cleared" in decided.get_attribute("class")
    assert "45/QĐ" in decided.find_element(By.CSS_SELECTOR, ".decision").text
    assert "đủ điều kiện" in browser.find_element(By.CSS_SELECTOR, "dl.facts .badge").text
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "decision-applied", full=True)


def test_form_sends_the_contract_and_shows_server_refusals_at_their_field(page):
    """What the form sends to POST /v1/decisions, and a 422's diagnostics shown at their fields
    (the answer is stubbed here, so this runs with or without the endpoint)."""
    browser = page("/candidates/NB-2025-011?lang=en")
    browser.execute_script("""
        window.sent = [];
        window.fetch = async (url, options) => {
          window.sent.push({url, method: options.method, type: options.headers["Content-Type"], body: JSON.parse(options.body)});
          return new Response(JSON.stringify({error: {code: "decision.stale", message: "the finding changed",
            diagnostics: [{path: "content", message: "content differs"}, {path: "reference", message: "too long"}]}}),
            {status: 422, headers: {"Content-Type": "application/json"}});
        };""")
    form = first_form(browser)
    finding = form.find_element(By.XPATH, "ancestor::li[contains(@class, 'finding')]")
    form.find_element(By.CSS_SELECTOR, "input[type=radio][value=upheld]").click()
    form.find_element(By.NAME, "reason").send_keys("  Verified with the agency.  ")
    form.find_element(By.NAME, "reference").send_keys("BB 12")
    form.find_element(By.NAME, "decided_by").send_keys("Subcommittee")
    browser.execute_script("arguments[0].value = '2026-09-20'", form.find_element(By.NAME, "expires"))
    submit(form)
    wait(browser, lambda d: error_of(form, "reference"))
    sent = browser.execute_script("return window.sent")
    assert len(sent) == 1 and sent[0]["url"] == "/v1/decisions" and sent[0]["method"] == "POST"
    assert sent[0]["type"] == "application/json"
    body = sent[0]["body"]
    assert body == {
        "slate": "slate", "candidate": "NB-2025-011", "rule": finding.get_attribute("data-rule"),
        "at": body["at"], "content": form.find_element(By.NAME, "content").get_attribute("value"),
        "outcome": "upheld", "reason": "Verified with the agency.", "reference": "BB 12",
        "decided_on": "2025-09-20", "expires": "2026-09-20", "decided_by": "Subcommittee"}
    assert body["at"] and body["content"].startswith("sha256:")
    assert error_of(form, "reference") == "too long"
    status = form.find_element(By.CSS_SELECTOR, ".form-status")
    assert "the finding changed" in status.text and "refused" in status.get_attribute("class")
    assert "content differs" in status.text or "content differs" in form.text

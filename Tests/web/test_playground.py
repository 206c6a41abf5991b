"""The rule playground: a broken rule shows its diagnostic at its line, fixing it shows the
findings on the chosen dossier; a hostile paste gets a located error and the page stays usable."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import screenshot
from helpers import api, css, wait


def runs(browser):
    return int(browser.find_element(By.TAG_NAME, "body").get_attribute("data-playground-runs") or 0)


def set_text(browser, element_id, text):
    """Replaces a textarea's text and fires `input` as typing does."""
    area = browser.find_element(By.ID, element_id)
    browser.execute_script("arguments[0].value = arguments[1]", area, text[:-1])
    area.send_keys(text[-1])


def test_broken_rule_then_fixed(page):
    browser = page("/rules")
    screenshot(browser, "rules")
    browser.find_element(By.CSS_SELECTOR, "#rule-CASE-OPEN a.copy").click()
    wait(browser, lambda d: "/playground" in d.current_url and runs(d) >= 1, timeout=30)
    wait(browser, lambda d: css(d, "#pg-findings li.finding"), timeout=30)
    text = browser.find_element(By.ID, "rule-text").get_attribute("value")
    assert "CASE-OPEN" in text
    broken_line = text[: text.index("    when:")].count("\n") + 1
    before = runs(browser)
    set_text(browser, "rule-text", text.replace("    when:", "    whenn:", 1))
    wait(browser, lambda d: runs(d) > before, timeout=30)
    item = wait(browser, lambda d: css(d, "#diagnostics li.error"))[0]
    assert item.get_attribute("data-line") == str(broken_line)
    assert f"playground.yaml:{broken_line}:" in item.text
    assert "diag-error" in browser.find_element(By.ID, f"R{broken_line}").get_attribute("class")
    assert not css(browser, "#pg-findings li.finding")
    screenshot(browser, "playground-diagnostic")
    before = runs(browser)
    set_text(browser, "rule-text", text)
    wait(browser, lambda d: runs(d) > before, timeout=30)
    wait(browser, lambda d: css(d, "#pg-findings li.finding"), timeout=30)
    assert css(browser, "#diagnostics li.none")
    assert css(browser, "#examples li.pass") and not css(browser, "#examples li.fail")
    assert "CASE-OPEN" in browser.find_element(By.ID, "pg-findings").text
    screenshot(browser, "playground", full=True)


def test_hostile_yaml_is_a_located_error(page):
    browser = page("/playground")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    set_text(browser, "rule-text", bomb)
    wait(browser, lambda d: runs(d) >= 1, timeout=30)
    item = wait(browser, lambda d: css(d, "#diagnostics li.error"))[0]
    assert "playground.yaml:" in item.text
    # Still responsive: a pasted dossier that is not YAML is answered too.
    before = runs(browser)
    set_text(browser, "rule-text", "format: rules/1\nrules: [\n")
    wait(browser, lambda d: runs(d) > before, timeout=30)
    assert css(browser, "#diagnostics li.error")
    status, _ = api("/healthz")
    assert status == 200

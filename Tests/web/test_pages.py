"""Every page driven as a person would: workspace → slate → filter → candidate → finding;
sorting, the language switch, the print sheet, and axe on every page."""
import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from conftest import screenshot
from helpers import api, css, wait

PAGES = ["/", "/slates/slate", "/candidates/NB-2025-011", "/candidates/NB-2025-008", "/rules",
         "/playground?rule=CASE-OPEN", "/?lang=en", "/candidates/NB-2025-011?lang=en"]


def test_workspace_slate_filter_candidate_finding(page):
    browser = page("/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    screenshot(browser, "workspace", full=True)
    browser.find_element(By.CSS_SELECTOR, "#slates a[href='/slates/slate']").click()
    wait(browser, lambda d: d.current_url.endswith("/slates/slate") and d.execute_script("return document.body.dataset.ready === 'true'"))
    screenshot(browser, "slate", full=True)
    rows = css(browser, "#candidate-table tbody tr")
    review = [row for row in rows if row.get_attribute("data-verdict") == "review"]
    assert rows and review
    browser.find_element(By.CSS_SELECTOR, "#verdict-filter button[data-filter='review']").click()
    visible = wait(browser, lambda d: [r for r in css(d, "#candidate-table tbody tr") if r.is_displayed()]
                   if len([r for r in css(d, "#candidate-table tbody tr") if r.is_displayed()]) == len(review) else None)
    assert all(row.get_attribute("data-verdict") == "review" for row in visible)
    assert browser.find_element(By.CSS_SELECTOR, "#verdict-filter button[data-filter='review']").get_attribute("aria-pressed") == "true"
    screenshot(browser, "slate-review")
    link = visible[0].find_element(By.CSS_SELECTOR, "a")
    candidate = link.text
    link.click()
    wait(browser, lambda d: d.current_url.endswith("/candidates/" + candidate) and d.execute_script("return document.body.dataset.ready === 'true'"))
    finding = css(browser, "li.finding")[0]
    line = finding.get_attribute("data-line")
    lines = finding.get_attribute("data-lines").split()
    finding.find_element(By.CSS_SELECTOR, ".message").click()
    wait(browser, lambda d: "highlight" in d.find_element(By.ID, "L" + line).get_attribute("class"))
    assert "active" in finding.get_attribute("class")
    for other in lines:
        if other != line:
            assert "evidence-line" in browser.find_element(By.ID, "L" + other).get_attribute("class")
    # Scrolled so that the line is inside the dossier pane.
    inside = browser.execute_script(
        "const l = document.getElementById('L' + arguments[0]).getBoundingClientRect();"
        "const p = document.querySelector('.source').getBoundingClientRect();"
        "return l.top >= p.top - 1 && l.bottom <= p.bottom + 1;", line)
    assert inside
    screenshot(browser, "candidate")


def test_sorting_by_a_column(page):
    browser = page("/slates/slate")
    heading = browser.find_element(By.CSS_SELECTOR, "#candidate-table thead th:nth-child(4)")
    heading.find_element(By.TAG_NAME, "button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    counts = [int(r.find_elements(By.TAG_NAME, "td")[3].get_attribute("data-sort")) for r in css(browser, "#candidate-table tbody tr")]
    assert counts == sorted(counts)
    heading.find_element(By.TAG_NAME, "button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    counts = [int(r.find_elements(By.TAG_NAME, "td")[3].get_attribute("data-sort")) for r in css(browser, "#candidate-table tbody tr")]
    assert counts == sorted(counts, reverse=True)


def test_language_switch(page):
    browser = page("/slates/slate")
    assert "Thư mục làm việc" in browser.find_element(By.TAG_NAME, "nav").text
    browser.find_element(By.ID, "lang-switch").click()
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    assert "Workspace" in browser.find_element(By.TAG_NAME, "nav").text
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Slate")
    # The links keep the language; the verdict words are the reports' English ones.
    href = browser.find_element(By.CSS_SELECTOR, "#candidate-table tbody a").get_attribute("href")
    assert href.endswith("?lang=en")
    assert "eligible" in browser.find_element(By.ID, "verdict-filter").text
    screenshot(browser, "slate-en")
    browser.find_element(By.ID, "lang-switch").click()
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi")


def test_print_sheet_hides_navigation_and_forms(page):
    browser = page("/candidates/NB-2025-011")
    wait(browser, lambda d: css(d, "form.decide")[0].is_displayed())  # shown by the script
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "header.site").is_displayed()
        assert not any(form.is_displayed() for form in css(browser, "form.decide"))
        assert all(item.is_displayed() for item in css(browser, "li.finding"))
        assert browser.find_element(By.ID, "L1").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_disqualify_finding_has_no_form_and_says_why(page):
    browser = page("/candidates/NB-2025-008")
    disqualify = css(browser, "li.finding.disqualify")
    assert disqualify
    assert not disqualify[0].find_elements(By.CSS_SELECTOR, "form")
    assert "không bao giờ được miễn" in disqualify[0].find_element(By.CSS_SELECTOR, ".why-no-form").text


def test_without_javascript_the_pages_read(browser):
    """The server's HTML alone holds the data: the slate table and the candidate's lines."""
    import urllib.request
    from conftest import BASE
    html = urllib.request.urlopen(BASE + "/candidates/NB-2025-011").read().decode()
    assert 'id="L1"' in html and "li class=\"finding review" in html
    status, report = api("/v1/slates/slate/report?lang=vi")
    assert status == 200
    slate = urllib.request.urlopen(BASE + "/slates/slate").read().decode()
    for candidate in report["candidates"]:
        assert f'href="/candidates/{candidate["id"]}"' in slate


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(page, path):
    browser = page(path)
    if "playground" in path:
        wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-playground-runs"), timeout=30)
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious

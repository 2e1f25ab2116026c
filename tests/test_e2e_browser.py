"""An editor's day in a real browser: Debian's headless Chromium against a running `kb serve`.

Given `kb serve` and `kb worker` started as an office runs them (two processes, a fresh index and
instance folder under tmp_path) and an editor account made with `kb users add`, when the editor
signs in through the form, uploads three real documents (a .docx directive, a .pdf decision
and a Word .doc circular from ../shared/data) with the file picker, watches their job to
the end, searches a phrase of one of them, opens it, corrects its date, downloads the original
and signs out, then every page answers as a person would see it: the job says "xong", the
document is found under its own name, the corrected date is marked on its page and, once the
worker has applied it, shown in the results; the download is the uploaded file byte for byte,
and after signing out the editor's pages ask to sign in again.

The steps are tests in order sharing one browser and one server (a later step skips when an
earlier one did not get through). A failed step leaves a screenshot under its tmp_path and
prints the page's text. Without /usr/bin/chromium and /usr/bin/chromedriver (`make test`
installs them through tools/install-sysdeps.sh --test) the module skips, except under
KB_REQUIRE_BROWSER=1 (CI), where that fails. Waits are on the page's state with generous
limits, never on the clock.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from web_support import until as _until

pytestmark = [pytest.mark.e2e, pytest.mark.shared, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Flags without which Chromium hangs or fails on a machine with no network but the loopback.
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                  "--window-size=1280,1000", "--lang=vi")
#: Generous limits: a loaded machine may take long to start Python, load underthesea's model,
#: or ingest the three files.
START_SECONDS = 180
JOB_SECONDS = 240
PAGE_SECONDS = 60
EDITOR, PASSWORD = "bien-tap-vien", "mật khẩu đủ dài 2024"
#: The three uploads, from ../shared/data/gov-docs: one per format family. The PDF has a text
#: layer (a scanned one spends a minute in OCR, which tests/test_ocr.py covers).
DIRECTIVE = "CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN.docx"  # Chỉ thị 07/CT-TTg, 02/03/2012
UPLOADS = (DIRECTIVE, "QD-1074-QD-BXD-29-6-2026.pdf", "TT-15-2026-BCT-text.doc")
#: Words of the directive's title, as a reader would type them.
QUERY = "chấn chỉnh công tác quản lý khu kinh tế"


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if not missing:
        return None
    return (f"no browser: {', '.join(missing)} missing (Debian's chromium and chromium-driver; "
            "`make test` installs them with tools/install-sysdeps.sh --test where apt-get can)")


@pytest.fixture(scope="module", autouse=True)
def browser_available():
    """Skip the module without a browser, or fail under KB_REQUIRE_BROWSER=1."""
    reason = _missing_browser()
    if reason and os.environ.get("KB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"KB_REQUIRE_BROWSER=1 but {reason}")
    if reason:
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status == 200
    except OSError:
        return False



def _kb(index: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kb", "--index", str(index), *args]


def _stop(process: subprocess.Popen, sig: int) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=60)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kb serve` and `kb worker` over a fresh index, with an editor account; yields the URL."""
    home = tmp_path_factory.mktemp("e2e-server")
    index = home / "index"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KB_SERVE_PROCESSES": "1",
           "KB_SERVE_THREADS": "4", "KB_PROGRESS": "never"}
    made = subprocess.run(_kb(index, "users", "add", EDITOR, "--role", "editor",
                              "--password-stdin"), input=PASSWORD + "\n", text=True, cwd=home,
                          env=env, capture_output=True, timeout=START_SECONDS)
    assert made.returncode == 0, made.stderr
    port = _free_port()
    logs = {name: (home / f"{name}.log").open("w") for name in ("serve", "worker")}
    serve = subprocess.Popen(_kb(index, "serve", "--port", str(port)), cwd=home, env=env,
                             stdout=logs["serve"], stderr=subprocess.STDOUT)
    worker = subprocess.Popen(_kb(index, "worker"), cwd=home, env=env, stdout=logs["worker"],
                              stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        started = _until(lambda: _answers(url + "/login") or serve.poll() is not None,
                         START_SECONDS)
        assert started and serve.poll() is None, (home / "serve.log").read_text()
        yield url
    finally:
        _stop(worker, signal.SIGINT)  # `kb worker` stops on Ctrl+C between jobs
        _stop(serve, signal.SIGTERM)
        for log in logs.values():
            log.close()
        for name in logs:
            print(f"--- kb {name} ---\n" + (home / f"{name}.log").read_text()[-4000:])


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    """Chromium's download folder."""
    return tmp_path_factory.mktemp("e2e-downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    """One headless Chromium session for the whole journey (Debian's binary and driver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('e2e-chromium-profile')}")
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "intl.accept_languages": "vi-VN,vi"})
    service = Service(str(CHROMEDRIVER), log_output=str(tmp_path_factory.mktemp("e2e-driver")
                                                        / "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(PAGE_SECONDS * 2)
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def journey() -> dict:
    """What the earlier steps found (the job's page, the document's URL); a step that needs
    what a failed step should have left skips."""
    return {}


@pytest.fixture(autouse=True)
def keep_evidence(request, tmp_path):
    """After a failed step: a screenshot under tmp_path and the page's text in the output."""
    yield
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed or "browser" not in request.fixturenames:
        return
    driver = request.getfixturevalue("browser")
    shot = tmp_path / "failure.png"
    try:
        driver.save_screenshot(str(shot))
        text = f"URL: {driver.current_url}\n--- page text ---\n" + driver.find_element(
            "tag name", "body").text
    except Exception as exc:  # noqa: BLE001 - the evidence must not hide the failure
        text = f"(no page: {exc})"
    print(f"Screenshot: {shot}\n{text}")


def need(journey: dict, key: str):
    """What an earlier step left in ``journey``, or skip this step."""
    if key not in journey:
        pytest.skip(f"an earlier step did not get through (no {key})")
    return journey[key]


def wait(driver, seconds: float = PAGE_SECONDS, every: float = 0.5):
    """A WebDriverWait on ``driver`` (checking ``every`` seconds) that retries while the page
    is being replaced."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=every, ignored_exceptions=(
        NoSuchElementException, StaleElementReferenceException))


def css(driver, selector: str):
    """The element for ``selector`` once it is on the page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))


def all_css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def test_the_editor_signs_in_through_the_form(browser, server, journey):
    browser.get(server + "/login")
    assert css(browser, "h1").text == "Đăng nhập"
    css(browser, "input[name=username]").send_keys(EDITOR)
    css(browser, "input[name=password]").send_keys("mật khẩu sai")
    css(browser, "form.account button[type=submit]").click()
    assert css(browser, "p.notice.error").text == "Sai tên đăng nhập hoặc mật khẩu."

    css(browser, "input[name=password]").send_keys(PASSWORD)
    css(browser, "form.account button[type=submit]").click()
    wait(browser).until(lambda d: EDITOR in d.find_element("css selector", "nav.account").text)
    nav = css(browser, "nav.account").text
    assert "Tải lên" in nav and "Đăng xuất" in nav
    journey["signed_in"] = True


def test_three_files_chosen_in_the_picker_are_uploaded_and_ingested(browser, server, journey,
                                                                     shared_data):
    need(journey, "signed_in")
    paths = [shared_data / "gov-docs" / name for name in UPLOADS]
    browser.get(server + "/upload")
    css(browser, "#files").send_keys("\n".join(str(p) for p in paths))
    chosen = [li.text for li in all_css(browser, "#chosen li")]
    assert [c.split(" (")[0] for c in chosen] == list(UPLOADS)  # upload.js lists the choice
    css(browser, "form.upload-form button[type=submit]").click()

    wait(browser).until(lambda d: re.search(r"/jobs/\d+$", d.current_url))
    journey["job"] = browser.current_url
    assert "Tác vụ số" in css(browser, "h1").text
    # job.js follows the job without a reload: wait for it to say the job has finished.
    finished = wait(browser, JOB_SECONDS).until(
        lambda d: (s := d.find_element("id", "job-status").text) in ("xong", "thất bại") and s)
    assert finished == "xong", css(browser, "#job-error").text
    assert css(browser, "#job-done").text == "3" and css(browser, "#job-failed").text == "0"
    rows = {tuple(td.text for td in row.find_elements("tag name", "td"))[:2]
            for row in all_css(browser, "#job-files tr")[1:]}
    assert rows == {(name, "đã thêm") for name in UPLOADS}
    # Each file links the document it became (rendered by job.js from /api/jobs/<id>).
    links = {row.find_elements("tag name", "td")[0].text:
             [a.get_attribute("href") for a in row.find_elements("css selector", "td a")]
             for row in all_css(browser, "#job-files tr")[1:]}
    assert all(len(found) == 1 and "/documents/" in found[0] for found in links.values()), links
    journey["uploaded"] = {p.name: p.read_bytes() for p in paths}


def test_a_phrase_of_an_uploaded_directive_finds_it_under_its_own_name(browser, server, journey):
    need(journey, "uploaded")
    browser.get(server + "/")
    box = css(browser, "#q")
    box.send_keys(QUERY)
    css(browser, "form.search button[type=submit]").click()
    wait(browser).until(lambda d: all_css(d, "li.result") or all_css(d, "section.notice.empty"))
    results = all_css(browser, "li.result")
    names = [r.find_element("css selector", "p.path").text for r in results]
    assert names and names[0] == DIRECTIVE, names
    assert "Chỉ thị" in results[0].find_element("css selector", "span.kind").text
    assert "<mark>" in results[0].find_element("css selector", "p.snippet").get_attribute(
        "innerHTML")
    results[0].find_element("css selector", "h3 a").click()

    wait(browser).until(lambda d: "/documents/" in d.current_url)
    assert "07/CT-TTg" in css(browser, "article.document h1").text + css(
        browser, "table.metadata").text
    assert DIRECTIVE in css(browser, "table.metadata").text
    journey["document"] = browser.current_url.split("?")[0].split("#")[0]


def _metadata_rows(driver) -> dict:
    """The document page's metadata table: {label: its row}."""
    return {row.find_element("tag name", "th").text: row
            for row in all_css(driver, "article.document > table.metadata tr")}


def _marked(driver) -> dict[str, str]:
    """{label: value} of the metadata rows that carry a ``corrected`` mark."""
    return {label: row.find_element("tag name", "td").text
            for label, row in _metadata_rows(driver).items()
            if row.find_elements("css selector", ".corrected")}


def test_the_editor_corrects_the_date_on_the_web(browser, server, journey):
    document = need(journey, "document")
    browser.get(document)
    css(browser, "article.document")
    before = _metadata_rows(browser)["Ngày"].find_element("tag name", "td").text
    assert _marked(browser) == {}
    new_date = "05/03/2012" if not before.startswith("05/03/2012") else "06/03/2012"
    link = css(browser, "#edit-document")
    assert link.text == "Sửa thông tin"
    link.click()
    wait(browser).until(lambda d: d.current_url.split("?")[0].endswith("/edit"))
    field = css(browser, "input[name=date]")
    field.clear()
    field.send_keys(new_date)  # the DD/MM/YYYY form an office types
    css(browser, "#save-corrections").click()

    wait(browser).until(lambda d: d.current_url.split("?")[0].split("#")[0] == document
                        and "Ngày" in _marked(d))
    marked = _marked(browser)
    assert list(marked) == ["Ngày"]  # only the field that was changed is marked
    assert marked["Ngày"].startswith(new_date), marked

    # The worker applies the correction to the index: searching again shows the new date.
    def shown_date(driver) -> str | None:
        driver.get(f"{server}/?{urlencode({'q': QUERY})}")
        for result in all_css(driver, "li.result"):
            if result.find_element("css selector", "p.path").text == DIRECTIVE:
                return result.find_element("css selector", "span.date").text
        return None

    wait(browser, JOB_SECONDS, every=2).until(lambda d: shown_date(d) == new_date)


def test_the_original_downloads_byte_for_byte(browser, server, journey, downloads):
    document = need(journey, "document")
    uploaded = need(journey, "uploaded")
    browser.get(document)
    css(browser, "p.downloads a[href$='/original']").click()

    def arrived(_driver):
        done = [p for p in downloads.iterdir() if not p.name.endswith(".crdownload")]
        return done[0] if done else None

    saved = wait(browser, PAGE_SECONDS).until(arrived)
    assert saved.name == DIRECTIVE  # the name it was uploaded under, not the store's hash
    assert saved.read_bytes() == uploaded[DIRECTIVE]


def test_after_signing_out_the_editor_pages_ask_to_sign_in(browser, server, journey):
    need(journey, "signed_in")
    browser.get(server + "/")
    css(browser, "nav.account form button[type=submit]").click()
    wait(browser).until(lambda d: "Đăng nhập" in d.find_element("css selector", "nav.account")
                        .text)
    assert EDITOR not in css(browser, "nav.account").text
    for page in ("/upload", need(journey, "job").removeprefix(server)):
        browser.get(server + page)
        wait(browser).until(lambda d: "/login" in d.current_url)
        assert css(browser, "h1").text == "Đăng nhập"
        assert css(browser, "p.notice").text == "Cần đăng nhập để mở trang này."
        assert css(browser, "input[name=next]").get_attribute("value") == page

"""The end-to-end browser test's machinery: the real `sablier` binary serving a fresh store, and a
real headless Chromium that visits its pages, photographs each one and checks it with axe-core.

Why a real browser: the in-process route tests (Tests/SablierWebTests) read HTML; only a browser
shows that a person can actually get through the week's work — forms that submit, uploads,
redirects, the job pages that refresh themselves, cookies, the language switch — and lets axe-core
judge what the page looks like once rendered (contrast, names of controls, landmarks).

Everything lives in a temporary folder removed at the end; the server is stopped whatever happens.
Screenshots (NN-name.png), the axe report (axe-report.json) and the server's log go to
.build/screenshots/.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium_axe_python import Axe
from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, StaleElementReferenceException, TimeoutException,
                                        WebDriverException)
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parents[2]
BINARY = REPO / ".build" / "debug" / "sablier"
SHOTS = REPO / ".build" / "screenshots"

#: The password the RSI gives each person; the server makes them change it at first sign-in.
TEMPORARY_PASSWORD = "Provisoire des essais 2026"
#: The password each person then chooses, through /compte/mot-de-passe.
PASSWORD = "Sablier au navigateur 2026"

#: The people of the scenario: name, unit, role (as `sablier user add` takes them).
PEOPLE = [
    ("gestion.doc", "Secrétariat général", "gestion-documentaire"),
    ("aiprp", "Secrétariat général", "aiprp"),
    # The détenteur of the unit whose document the destruction list holds (the example's
    # paper student file, the one destruction due that the web can register: see the scenario).
    ("erables.dir", "École primaire des Érables (exemple)", "detenteur"),
    # The auditor, who reads the trail of it all (in English).
    ("verif", "Vérification interne", "verificateur"),
]

#: axe-core impacts that fail the test; "moderate" and "minor" are reported only.
FAILING_IMPACTS = ("serious", "critical")


def sablier(store, *arguments, stdin=None):
    """Runs the real binary at the operator's terminal, in the store's folder; fails loudly."""
    result = subprocess.run([str(BINARY), *arguments, "--db", str(store / "sablier.sqlite")], cwd=store,
                            input=stdin, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "LANG": "C.UTF-8"})
    if result.returncode != 0:
        raise AssertionError(f"sablier {' '.join(arguments)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port():
    """A port nobody listens on now: the kernel picks it for a socket bound to port 0."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]



def is_replaced(error):
    """True when Chromium says an element's document was replaced: a stale element, or, on a
    loaded machine, its inspector's "Node … does not belong to the document"."""
    return isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)


def replaced_page(old):
    """True once `old` (the previous page's <html>) no longer belongs to the page shown."""
    try:
        old.is_enabled()
        return False
    except WebDriverException as error:
        if is_replaced(error):
            return True
        raise

class Server:
    """`sablier serve` on a free loopback port over a fresh store, as the README sets one up."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / "serve.log"
        self.process = None

    def prepare(self):
        sablier(self.folder, "init", "--admin", "admin")
        for name, unit, role in PEOPLE:
            sablier(self.folder, "user", "add", name, "--unit", unit, "--role", role, "--as", "admin")
            # Only the RSI sets passwords, so each person changes theirs at first sign-in.
            sablier(self.folder, "user", "password", name, "--as", "admin", stdin=TEMPORARY_PASSWORD + "\n")

    def start(self):
        log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen([str(BINARY), "serve", "--port", str(self.port), "--db",
                                         str(self.folder / "sablier.sqlite")],
                                        cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"sablier serve stopped at start ({self.process.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"sablier serve did not answer /healthz within 60 s:\n{self.log()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def log(self):
        try:
            return self.log_path.read_text(encoding="utf-8")[-4000:]
        except OSError:
            return ""


def chromium():
    """Debian's Chromium through Debian's chromedriver, headless: CI runs as root without a display."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=fr-CA"):
        options.add_argument(argument)
    options.set_capability("unhandledPromptBehavior", "ignore")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def axe_results(driver):
    """axe-core's results for the page shown (every rule axe-core runs by default)."""
    axe = Axe(driver)
    axe.inject()
    return axe.run()


def page_problems(driver, results):
    """What fails a page: axe-core's serious and critical violations, a `lang` that is not fr or
    en, and anything but one `<h1>`; each with the rule, its help and the elements concerned."""
    problems = []
    for violation in results["violations"]:
        if violation.get("impact") not in FAILING_IMPACTS:
            continue
        nodes = "\n".join(f"      {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}"
                          for node in violation["nodes"])
        problems.append(f"[{violation['impact']}] {violation['id']} — {violation['help']}\n{nodes}")
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    if lang not in ("fr", "en"):
        problems.append(f"<html lang> is {lang!r}")
    headings = len(driver.find_elements(By.TAG_NAME, "h1"))
    if headings != 1:
        problems.append(f"{headings} <h1> on the page (one is expected)")
    return problems


class Visitor:
    """A person at the browser: every page they reach is photographed and checked by axe-core.

    Accessibility problems are collected rather than raised at once, so that one template's
    fault does not hide what the rest of the scenario would show; `test_zz_accessibility`
    fails on them all together.
    """

    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.count = 0
        self.pages = []
        self.problems = []

    # Navigation

    def visit(self, path, name):
        self.driver.get(self.base + path)
        return self.seen(name)

    def seen(self, name):
        """Records the page now shown: a full-page screenshot, axe-core, `lang` and one `<h1>`."""
        self.count += 1
        label = f"{self.count:02d}-{name}"
        self.screenshot(SHOTS / f"{label}.png")
        results = axe_results(self.driver)
        lang = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        self.pages.append({"page": label, "url": self.path(), "title": self.driver.title, "lang": lang,
                           "axeVersion": results.get("testEngine", {}).get("version"),
                           "violations": results["violations"], "incomplete": len(results["incomplete"]),
                           "passes": len(results["passes"])})
        self.problems += [f"{label} {self.path()}: {problem}" for problem in page_problems(self.driver, results)]
        return self

    def screenshot(self, target):
        height = self.driver.execute_script(
            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        self.driver.set_window_size(1280, min(max(height, 600), 8000))
        self.driver.save_screenshot(str(target))
        self.driver.set_window_size(1280, 900)

    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    # Reading the page

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def by_id(self, identifier):
        return self.driver.find_element(By.ID, identifier)

    def text(self, css="main"):
        return self.find(css).text

    def h1(self):
        return self.find("h1").text

    # Acting

    def fill(self, identifier, value):
        field = self.by_id(identifier)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        elif field.get_attribute("type") == "date":
            # Typed keys follow the browser's locale (mm/dd/yyyy here); the value is ISO everywhere.
            self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
        else:
            field.clear()
            field.send_keys(value)

    def submit(self, form_css):
        """Clicks the submit button of a form, accepting the confirmation it may ask (data-confirm)."""
        self.click(self.find(f"{form_css} button[type=submit], {form_css} input[type=submit]"))

    def click(self, element):
        """Clicks and waits for the next page; a button marked data-confirm asks first (sablier.js): yes."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        asks = element.get_attribute("data-confirm")
        try:
            element.click()
        except (StaleElementReferenceException, WebDriverException) as error:
            # On a loaded machine Chromium may report the click's node as gone while the page it
            # led to is already loading ("Node … does not belong to the document"): the click was
            # made. Clicking again would press the next page's button; wait for that page instead.
            if not is_replaced(error):
                raise
        if asks:
            try:
                WebDriverWait(self.driver, 5).until(expected_conditions.alert_is_present()).accept()
            except (TimeoutException, NoAlertPresentException):
                pass
        WebDriverWait(self.driver, 60).until(lambda driver: replaced_page(old))
        WebDriverWait(self.driver, 60).until(lambda driver: driver.execute_script("return document.readyState") == "complete")

    def wait_for_job(self, name, timeout=120):
        """Waits on a job page (it reloads itself every 2 s) until it shows its result link or its refusal."""
        assert self.path().startswith("/travaux/"), f"expected a job page, got {self.path()}"
        def ended(driver):
            # The job page reloads itself every 2 s: a look may fall between two of its documents.
            try:
                return driver.find_elements(By.CSS_SELECTOR, "main a.button.primary, main .error-summary")
            except WebDriverException as error:
                if is_replaced(error):
                    return False
                raise
        WebDriverWait(self.driver, timeout, poll_frequency=0.5).until(ended)
        self.seen(name)
        failures = self.finds("main .error-summary")
        assert not failures, f"the job failed: {self.text()}"
        return self.find("main a.button.primary")


@pytest.fixture(scope="session")
def server():
    assert BINARY.exists(), f"{BINARY} is missing: run `swift build --product sablier` first (scripts/test.sh does)"
    if SHOTS.exists():
        for old in list(SHOTS.glob("*.png")) + list(SHOTS.glob("*.json")):
            old.unlink()
    SHOTS.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="sablier-browser-"))
    running = Server(folder)
    try:
        running.prepare()
        running.start()
        yield running
    finally:
        running.stop()
        shutil.copyfile(running.log_path, SHOTS / "serve.log") if running.log_path.exists() else None
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def visitor(server):
    driver = chromium()
    person = Visitor(driver, server.base)
    try:
        yield person
    finally:
        (SHOTS / "axe-report.json").write_text(json.dumps(person.pages, indent=2, ensure_ascii=False), encoding="utf-8")
        driver.quit()


@pytest.fixture(scope="session")
def scenario():
    """What one step leaves for the next (a list's number, which steps passed)."""
    return {"passed": set()}

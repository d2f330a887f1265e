"""A week's work in Sablier, in a real headless Chromium against the real server (issue 13):
the records manager imports the calendar (after a file with an error) and registers the example
documents, the AIPRP officer confirms a flagged document, the records manager proposes a
destruction list, the unit's détenteur approves it, it is executed and its certificate opened.

Each test is one step and leaves what the next needs in `scenario`; they run in this order.
A step whose prerequisite failed is skipped, naming it, so that the first failure is the one read.
Every page reached is photographed to .build/screenshots/NN-name.png and checked by axe-core
(see conftest.py); `test_zz_accessibility` fails on every serious or critical violation found.
"""
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import PASSWORD, REPO, TEMPORARY_PASSWORD, axe_results, page_problems


def needs(scenario, *steps):
    missing = [step for step in steps if step not in scenario["passed"]]
    if missing:
        pytest.skip(f"needs the step(s) {', '.join(missing)}, which did not pass")


def passed(scenario, step):
    scenario["passed"].add(step)


def sign_in(visitor, name, first_time=False):
    """Signs in through /connexion; the first time, changes the password the RSI set, as the server requires."""
    visitor.visit("/connexion", f"sign-in-{name}")
    visitor.fill("name", name)
    visitor.fill("password", TEMPORARY_PASSWORD if first_time else PASSWORD)
    visitor.submit("form[action='/connexion']")
    if first_time:
        assert visitor.path() == "/compte/mot-de-passe", f"a reset password must be changed first; got {visitor.path()}"
        visitor.seen(f"password-to-change-{name}")
        assert "réinitialisé" in visitor.text(".notice.warning")
        visitor.fill("current", TEMPORARY_PASSWORD)
        visitor.fill("new", PASSWORD)
        visitor.fill("confirm", PASSWORD)
        visitor.submit("form[action='/compte/mot-de-passe']")
        assert visitor.path().startswith("/connexion"), visitor.path()
        visitor.seen(f"password-changed-{name}")
        assert "connectez-vous avec le nouveau" in visitor.text(".notice")
        visitor.fill("name", name)
        visitor.fill("password", PASSWORD)
        visitor.submit("form[action='/connexion']")
    assert visitor.path() == "/tableau-de-bord", f"{name} was not signed in: {visitor.path()} {visitor.text()}"
    visitor.seen(f"dashboard-{name}")
    who = visitor.finds("header .who")
    if not who:  # a page that is not the site's (a 404 before the dashboard exists) has no header
        visitor.driver.get(visitor.base + "/compte")
        who = visitor.finds("header .who")
    assert who and name in who[0].text, visitor.text("body")


def sign_out(visitor):
    visitor.submit("form[action='/deconnexion']")
    assert visitor.path().startswith("/connexion"), visitor.path()
    assert "déconnecté" in visitor.text("main")


def test_00_the_checker_sees_a_faulty_page(visitor):
    """The check every page goes through finds what it is there to find (else it proves nothing)."""
    visitor.driver.get("data:text/html;charset=utf-8,<!doctype html><html><head><title>x</title></head><body>"
                       "<main><h2>Sans titre</h2><input type=text>"
                       "<p style='color:%23777;background:%23888'>Texte pâle</p></main></body></html>")
    problems = "\n".join(page_problems(visitor.driver, axe_results(visitor.driver)))
    assert "[critical] label" in problems, problems
    assert "[serious] color-contrast" in problems, problems
    assert "[serious] html-has-lang" in problems, problems
    assert "0 <h1>" in problems, problems


# 1. The records manager signs in (the frame: sign-in, password, account, language, sign-out).

def test_01_records_manager_signs_in(visitor, scenario):
    sign_in(visitor, "gestion.doc", first_time=True)
    passed(scenario, "sign-in")


def test_02_account_language_and_sign_out(visitor, scenario):
    needs(scenario, "sign-in")
    visitor.visit("/compte", "account")
    assert visitor.h1() == "Mon compte"
    assert "Responsable de la gestion documentaire" in visitor.text("main")
    assert "Secrétariat général" in visitor.text("main")

    visitor.click(visitor.find("a.lang-switch"))
    visitor.seen("account-en")
    assert visitor.find("html").get_attribute("lang") == "en"
    assert visitor.h1() == "My account"
    assert visitor.path() == "/compte"
    assert "Records manager" in visitor.text("main")
    visitor.click(visitor.find("a.lang-switch"))
    assert visitor.find("html").get_attribute("lang") == "fr"
    assert visitor.h1() == "Mon compte"

    sign_out(visitor)
    visitor.seen("signed-out")
    # Signed out, a page of the site leads back to the sign-in form, and the session is gone for good.
    visitor.visit("/compte", "signed-out-account")
    assert visitor.path().startswith("/connexion"), visitor.path()
    assert visitor.finds("#name") and visitor.finds("#password")

    sign_in(visitor, "gestion.doc")
    passed(scenario, "frame")


# 2. The calendar: a damaged file is refused with its error at its line; the good one is imported.

CALENDAR = REPO / "calendars" / "exemple-css" / "calendrier-exemple-css.xml"


def damaged_calendar(folder):
    """A copy of the example calendar with one period written in words: where, and the file."""
    lines = CALENDAR.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if "<annees>2</annees>" in line)
    lines[index] = lines[index].replace("<annees>2</annees>", "<annees>deux</annees>")
    target = folder / "calendrier-endommage.xml"
    target.write_text("\n".join(lines), encoding="utf-8")
    return index + 1, target


def import_calendar(visitor, scenario, folder):
    visitor.visit("/calendrier", "calendar-versions-none")
    assert visitor.h1().startswith("Calendrier"), visitor.h1()
    visitor.visit("/calendrier/importer", "calendar-import")
    line, damaged = damaged_calendar(folder)
    visitor.by_id("fichier").send_keys(str(damaged))
    visitor.submit("form[action='/calendrier/importer']")
    visitor.seen("calendar-check-refused")
    assert visitor.finds(".error-summary"), visitor.text()
    rows = visitor.finds("table.diagnostics tbody tr")
    assert rows, visitor.text()
    cells = [cell.text for cell in rows[0].find_elements(By.TAG_NAME, "td")]
    assert cells[0] == str(line), cells
    assert "deux" in " ".join(cells), cells
    assert not visitor.finds("form[action='/calendrier/importer/confirmer']"), "a refused file offers no confirmation"

    visitor.visit("/calendrier/importer", "calendar-import-again")
    visitor.by_id("fichier").send_keys(str(CALENDAR))
    visitor.submit("form[action='/calendrier/importer']")
    visitor.seen("calendar-check-accepted")
    assert not visitor.finds(".error-summary"), visitor.text()
    assert "15" in visitor.text("dl.card-fields"), visitor.text("dl.card-fields")
    visitor.submit("form[action='/calendrier/importer/confirmer']")
    visitor.click(visitor.wait_for_job("calendar-import-job"))
    visitor.seen("calendar-version-1")
    assert visitor.path().startswith("/calendrier/versions/1"), visitor.path()
    assert "1" in visitor.h1()
    assert len(visitor.finds("main table tbody tr")) == 15
    visitor.visit("/calendrier", "calendar-versions")
    assert "calendrier-exemple-css.xml" in visitor.text("main table"), visitor.text("main")


def test_02_records_manager_imports_the_calendar(visitor, scenario, tmp_path):
    needs(scenario, "frame")
    import_calendar(visitor, scenario, tmp_path)
    passed(scenario, "calendar")


# 3. The register: the boxes, then the example documents (examples/registre-exemple.csv).

REGISTER = REPO / "examples" / "registre-exemple.csv"
BOXES = [("B-2023-RF-01", "Centre administratif / Local 012 / Rayon 2", "États financiers 2022-2023"),
         ("B-2014-RF-01", "Entrepôt / Allée 4 / Tablette 2", "Budgets 2013-2014")]


def register_documents(visitor, scenario):
    for code, location, contents in BOXES:
        visitor.visit("/registre/boites", f"boxes-{code}")
        visitor.fill("code", code)
        visitor.fill("location", location)
        visitor.fill("contents", contents)
        visitor.submit("form[action='/registre/boites']")
        assert "La boîte a été ajoutée" in visitor.text(".notice"), visitor.text()
    visitor.seen("boxes")
    listed = visitor.text("main table")
    assert all(code in listed for code, _, _ in BOXES), listed

    # A digital document's file is registered at the server's command line only: through the
    # pages, each row that names one is refused at its line, and nothing is registered.
    with_files = [number for number, row in enumerate(REGISTER.read_text(encoding="utf-8").splitlines(), start=1)
                  if number > 1 and row.split(",")[8]]
    visitor.visit("/registre/importer", "register-import")
    visitor.by_id("fichier").send_keys(str(REGISTER))
    visitor.submit("form[action='/registre/importer']")
    visitor.seen("register-import-refused")
    assert "Rien n'a été enregistré" in visitor.text("main"), visitor.text()
    lines = sorted({int(row.find_element(By.CSS_SELECTOR, "td").text)
                    for row in visitor.finds("table.diagnostics tbody tr.is-error")})
    assert lines == with_files, (lines, with_files)

    # Then the good rows only: the paper documents.
    visitor.by_id("fichier").send_keys(str(REGISTER))
    checkbox = visitor.by_id("ignorer")
    if not checkbox.is_selected():
        checkbox.click()
    visitor.submit("form[action='/registre/importer']")
    visitor.seen("register-imported")
    total = len(REGISTER.read_text(encoding="utf-8").splitlines()) - 1
    facts = visitor.text("section.notice dl")
    assert str(total - len(with_files)) in facts.split("\n")[1], facts
    assert ", ".join(map(str, with_files)) in facts, facts
    scenario["registered"] = total - len(with_files)

    visitor.visit("/registre", "register-search")
    assert visitor.text("main p[role=status] strong").split()[0] == str(scenario["registered"]), visitor.text("main")
    assert "ELV-2010-0001" in visitor.text("main table")


def test_03_records_manager_registers_the_example_documents(visitor, scenario):
    needs(scenario, "calendar")
    register_documents(visitor, scenario)
    passed(scenario, "register")


# 4. The AIPRP officer scans the register and confirms a flagged document.

FLAGGED = "ELV-2010-0001"  # a student's file (rule 7101, personal information), due for destruction


def review_privacy(visitor, scenario):
    sign_out(visitor)
    sign_in(visitor, "aiprp", first_time=True)
    visitor.visit("/renseignements-personnels", "privacy-queue")
    assert FLAGGED in references(visitor), visitor.text("main")
    if visitor.finds("form[action='/renseignements-personnels/analyse']"):
        visitor.submit("form[action='/renseignements-personnels/analyse']")
        result = visitor.wait_for_job("privacy-scan-job")
        assert "L'analyse du registre est terminée" in visitor.text(".notice"), visitor.text()
        visitor.click(result)
        visitor.seen("privacy-queue-after-scan")
    row = next(r for r in visitor.finds("main table tbody tr") if r.find_element(By.CSS_SELECTOR, "td").text == FLAGGED)
    assert "À réviser" in row.text, row.text
    visitor.click(row.find_element(By.CSS_SELECTOR, "td a"))
    visitor.seen("privacy-document")
    assert FLAGGED in visitor.h1()
    visitor.by_id("decision-confirm").click()
    visitor.fill("note", "Dossier d'élève : renseignements personnels ; détruire à l'échéance.")
    visitor.submit("section form.stack")
    visitor.seen("privacy-confirmed")
    assert "La décision est enregistrée" in visitor.text(".notice"), visitor.text()
    assert "Confirmé" in visitor.text("dl.card-fields"), visitor.text("dl.card-fields")
    assert "aiprp" in visitor.text("ol.timeline")
    scenario["confirmed"] = FLAGGED
    sign_out(visitor)
    sign_in(visitor, "gestion.doc")


def test_04_aiprp_officer_confirms_a_flagged_document(visitor, scenario):
    needs(scenario, "register")
    review_privacy(visitor, scenario)
    passed(scenario, "privacy")


# 5. The records manager proposes a destruction list.

AS_OF = "2026-11-29"

def propose_destruction(visitor, scenario):
    visitor.visit("/listes", "lists")
    assert visitor.h1() == "Listes de disposition"
    visitor.fill("action", "destroy")
    # A fixed day, so that what is due does not grow with the years the test is run in.
    visitor.fill("asOf", AS_OF)
    visitor.submit("form[action='/listes']")
    visitor.seen("list-proposed")
    assert "proposée" in visitor.text(".notice"), visitor.text()
    link = visitor.find("main a.button.primary")
    number = re.fullmatch(r"/listes/(\d+)", link.get_attribute("href").replace(visitor.base, "")).group(1)
    proposed = references(visitor)
    # The one destruction due that the AIPRP officer has reviewed; the others wait for review.
    assert scenario["confirmed"] in proposed, proposed
    scenario["list"] = number
    scenario["list_references"] = proposed
    visitor.click(link)
    visitor.seen("list-proposed-card")
    assert visitor.path() == f"/listes/{number}"
    assert state(visitor) == "Proposée"
    assert AS_OF in visitor.text("dl.card-fields")


def test_05_records_manager_proposes_a_destruction_list(visitor, scenario):
    needs(scenario, "frame", "privacy")
    propose_destruction(visitor, scenario)
    passed(scenario, "proposal")


# 6. The détenteur of the documents' unit approves it.

def approve(visitor, scenario):
    sign_out(visitor)
    sign_in(visitor, "erables.dir", first_time=True)
    # Another unit's document answers exactly as one that does not exist.
    visitor.visit("/registre/documents/SG-PV-CA-2019", "other-unit-document")
    other = visitor.text("main").replace("SG-PV-CA-2019", "REF")
    visitor.visit("/registre/documents/SG-PV-CA-1900", "missing-document")
    missing = visitor.text("main").replace("SG-PV-CA-1900", "REF")
    assert other == missing, (other, missing)
    assert "Procès-verbaux" not in other
    number = scenario["list"]
    visitor.visit(f"/listes/{number}", "list-to-approve")
    assert state(visitor) == "Proposée"
    assert references(visitor) == scenario["list_references"]
    # Executing is the records manager's: the détenteur is not offered it.
    assert not visitor.finds("form[action$='/executer']")
    visitor.click(visitor.by_id("approve"))
    visitor.seen("list-approved")
    assert visitor.path().startswith(f"/listes/{number}"), visitor.path()
    assert "approuvée" in visitor.text(".notice")
    assert state(visitor) == "Approuvée"
    assert "erables.dir" in visitor.text("dl.card-fields")


def test_06_detenteur_approves_it(visitor, scenario):
    needs(scenario, "proposal")
    approve(visitor, scenario)
    passed(scenario, "approval")


# 7. The records manager executes it (a person other than the approver; proposing and
#    executing may be the same person: docs/PERMISSIONS.md, README "Disposition").

def execute(visitor, scenario):
    sign_out(visitor)
    sign_in(visitor, "gestion.doc")
    number = scenario["list"]
    visitor.visit(f"/listes/{number}", "list-to-execute")
    assert state(visitor) == "Approuvée"
    # The list holds a paper file: its method of destruction goes on the certificate.
    visitor.fill("method", "déchiquetage")
    visitor.fill("vendorCertificate", "DCH-2026-0412")
    visitor.submit(f"form[action='/listes/{number}/executer']")
    result = visitor.wait_for_job("list-execution-job")
    assert "exécutée" in visitor.text("main"), visitor.text()
    visitor.click(result)
    visitor.seen("list-executed")
    assert visitor.path().startswith(f"/listes/{number}"), visitor.path()
    assert state(visitor) == "Exécutée"
    assert set(row_states(visitor)) == {"Détruit"}, row_states(visitor)


def test_07_records_manager_executes_it(visitor, scenario):
    needs(scenario, "approval")
    execute(visitor, scenario)
    passed(scenario, "execution")


# 8. The certificate of destruction, printable, lists the documents destroyed.

def certificate(visitor, scenario):
    number = scenario["list"]
    visitor.click(visitor.find(f"a[href='/listes/{number}/certificat']"))
    visitor.seen("certificate")
    assert visitor.path() == f"/listes/{number}/certificat"
    assert number in visitor.h1()
    assert references(visitor) == scenario["list_references"]
    facts = visitor.text("dl.card-fields")
    assert "déchiquetage" in facts and "DCH-2026-0412" in facts, facts
    for who in ("gestion.doc", "erables.dir"):
        assert who in facts, facts
    assert len(visitor.finds(".signatures .signature")) >= 2


def test_08_certificate_lists_the_documents(visitor, scenario):
    needs(scenario, "execution")
    certificate(visitor, scenario)
    passed(scenario, "certificate")


# The auditor reads the week in English: the dashboard, the due list and the audit trail.

def in_english(visitor, scenario):
    sign_out(visitor)
    sign_in(visitor, "verif", first_time=True)
    visitor.driver.get(visitor.base + "/langue?vers=en&retour=/tableau-de-bord")
    for path, name in (("/tableau-de-bord", "dashboard-en"), ("/echeancier", "due-en"), ("/journal", "audit-en")):
        visitor.visit(path, name)
        assert visitor.find("html").get_attribute("lang") == "en", path
        assert visitor.path().startswith(path), visitor.path()
    # The trail holds the week's work, by who did it.
    trail = visitor.text("main")
    assert "gestion.doc" in trail and "erables.dir" in trail, trail[:2000]
    visitor.driver.get(visitor.base + "/langue?vers=fr&retour=/compte")
    assert visitor.find("html").get_attribute("lang") == "fr"


def test_09_auditor_reads_in_english(visitor, scenario):
    needs(scenario, "frame")
    in_english(visitor, scenario)
    passed(scenario, "english")


def references(visitor):
    """The first column of the page's first table of documents (their references), in order."""
    return [cell.text for cell in visitor.finds("main table tbody tr td:first-child")]


def state(visitor):
    return visitor.find("h1 .badge").text


def row_states(visitor):
    return [cell.text for cell in visitor.finds("main table tbody tr td:last-child")]


# The last step: every page the scenario reached, judged by axe-core.

def test_zz_accessibility(visitor):
    assert visitor.pages, "no page was visited"
    problems = "\n".join(visitor.problems)
    assert not visitor.problems, f"accessibility problems on {len(visitor.problems)} page(s) " \
                                 f"(see .build/screenshots/axe-report.json):\n{problems}"

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

from conftest import PASSWORD, TEMPORARY_PASSWORD, axe_results, page_problems


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


# The last step: every page the scenario reached, judged by axe-core.

def test_zz_accessibility(visitor):
    assert visitor.pages, "no page was visited"
    problems = "\n".join(visitor.problems)
    assert not visitor.problems, f"accessibility problems on {len(visitor.problems)} page(s) " \
                                 f"(see .build/screenshots/axe-report.json):\n{problems}"

#!/usr/bin/env python3
"""Screenshots of Sablier's pages as a person sees them, in headless Chromium.

Usage: scripts/screenshot.py BASE_URL USER PASSWORD OUT_DIR PATH [PATH...]
  e.g. scripts/screenshot.py http://127.0.0.1:8080 gestion.doc '…' .build/screenshots /tableau-de-bord /registre
Signs in through /connexion, then saves OUT_DIR/<path as name>.png for each PATH (full page,
1280 px wide; add ?lang=en… by visiting /langue?vers=en&retour=/ first as a PATH if wanted).
Runs with the virtual environment scripts/setup.sh makes: .build/browser-venv/bin/python.
"""
import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser(width=1280, height=900):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=fr-CA"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(driver, base, user, password):
    driver.get(base + "/connexion")
    driver.find_element(By.ID, "name").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/connexion'] button[type=submit]").click()


def full_page(driver, path):
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(1280, min(max(height, 600), 8000))
    driver.save_screenshot(path)
    driver.set_window_size(1280, 900)


def main():
    if len(sys.argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    base, user, password, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    driver = browser()
    try:
        sign_in(driver, base, user, password)
        for path in sys.argv[5:]:
            driver.get(base + path)
            name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "root"
            target = os.path.join(out, name + ".png")
            full_page(driver, target)
            print(target)
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Installs the system packages Sablier builds and tests with (Debian/Ubuntu), once.
# libxml2-dev: XML parsing and XSD validation; libsqlite3-dev: the embedded store (GRDB);
# libxml2-utils and sqlite3: the reference tools the benchmarks compare against.
# poppler-utils: pdftotext, which reads the text of PDF files for the personal-information scan;
# ripgrep: the reference tool the scan benchmark compares against.
# chromium, chromium-driver, python3-venv: the end-to-end test of the web pages in a real headless
# browser (Tests/browser), driven from Python's selenium in the virtual environment made below.
# postgresql-15, postgresql-client-15: the PostgreSQL store's contract tests and benchmarks run
# against a throw-away cluster of Debian's PostgreSQL 15 (scripts/postgres.sh, started by
# scripts/test.sh); the client gives psql, to look into it.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libxml2-dev libxml2-utils libsqlite3-dev sqlite3 poppler-utils ripgrep
          chromium chromium-driver python3-venv postgresql-15 postgresql-client-15)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: the Swift toolchain (6.1 or later) is not on the PATH" >&2; exit 1; }

# The browser test's Python packages, pinned in Tests/browser/requirements.txt, in a virtual
# environment of the project's own (Debian's Python refuses pip installs outside one). Installed
# only when a pin is missing or differs, so that a second run costs a fraction of a second.
venv=.build/browser-venv
requirements=Tests/browser/requirements.txt
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" - "$requirements" <<'PY'
import sys
from importlib import metadata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, version = line.split("==")
    try:
        if metadata.version(name) != version:
            sys.exit(1)
    except metadata.PackageNotFoundError:
        sys.exit(1)
PY
then
  echo "setup: installing the browser test's Python packages into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
fi

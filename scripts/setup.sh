#!/usr/bin/env bash
# Installs the system packages Sablier builds and tests with (Debian/Ubuntu), once.
# libxml2-dev: XML parsing and XSD validation; libsqlite3-dev: the embedded store (GRDB);
# libxml2-utils and sqlite3: the reference tools the benchmarks compare against.
# poppler-utils: pdftotext, which reads the text of PDF files for the personal-information scan;
# ripgrep: the reference tool the scan benchmark compares against.
set -euo pipefail

packages=(pkg-config libxml2-dev libxml2-utils libsqlite3-dev sqlite3 poppler-utils ripgrep)
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

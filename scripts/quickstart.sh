#!/usr/bin/env bash
# The main job on the embedded default (SQLite): import the example calendar of a centre de
# services scolaire into ./sablier.sqlite (or $SABLIER_DB) and print what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product sablier
sablier=".build/debug/sablier"
"$sablier" calendar import calendars/exemple-css/calendrier-exemple-css.xml
"$sablier" calendar versions
"$sablier" calendar list

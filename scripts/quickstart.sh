#!/usr/bin/env bash
# The main job on the embedded default (SQLite), in ./sablier.sqlite (or $SABLIER_DB):
# create the first user (admin, RSI) and the records manager (gestion.doc), import the example calendar of a centre de services scolaire, register the example documents
# (digital files measured from examples/fichiers, paper records in boxes), then print what is
# due today and what waits. Run again, it stores a second calendar version (nothing changed)
# and keeps the documents already registered.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product sablier
sablier=".build/debug/sablier"
# Every command acts as a user of the store: the first one (an RSI) is created with init, and
# the RSI adds the records manager who runs the main job.
if ! "$sablier" user list --as admin >/dev/null 2>&1; then
    "$sablier" init --admin admin
    "$sablier" user add gestion.doc --unit "Secrétariat général" --role gestion-documentaire --as admin
fi
export SABLIER_USER=gestion.doc
"$sablier" calendar import calendars/exemple-css/calendrier-exemple-css.xml
"$sablier" calendar versions
if "$sablier" document show SG-PV-CA-2019 >/dev/null 2>&1; then
    echo "The example documents are already registered."
else
    "$sablier" box add B-2023-RF-01 --location "Centre administratif / Local 012 / Rayon 2" --contents "États financiers 2022-2023"
    "$sablier" box add B-2014-RF-01 --location "Entrepôt / Allée 4 / Tablette 2" --contents "Budgets 2013-2014"
    "$sablier" document import examples/registre-exemple.csv
fi
echo
echo "Due today:"
"$sablier" due
echo
"$sablier" waiting

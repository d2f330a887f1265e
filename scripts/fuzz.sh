#!/usr/bin/env bash
# Builds the libFuzzer targets (the separate package Fuzz/) and runs them on seed corpora taken
# from the repository's real files (see docs/SECURITY.md, "Fuzzing").
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     default: all, 60 s per target
#   scripts/fuzz.sh --list                      the targets
#   scripts/fuzz.sh --build                     build only
#
# Each target runs SECONDS (`-max_total_time`), an input taking over 10 s is a hang
# (`-timeout=10`), over 2 GB a failure (`-rss_limit_mb=2048`). The work folder
# ($FUZZ_WORK, default Fuzz/.build-fuzz/work, git-ignored) keeps per target the growing
# corpus, the run's log and `findings/`: the crash-*, timeout-*, oom-* inputs to replay with
#   Fuzz/.build-fuzz/debug/<Target> findings/<file>
# The script exits 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch=Fuzz/.build-fuzz
work=${FUZZ_WORK:-$scratch/work}

# name  target  max_len  seeds (globs under the repository, and ../shared/data when present)
targets=(
  "gala         FuzzGALACalendar         32768  calendars/*/*.xml"
  "native       FuzzNativeCalendar       32768  calendars/*/*.xml"
  "spreadsheet  FuzzSpreadsheetCalendar  70000  calendars/*/*.csv calendars/*/*.ods ../shared/data/calendars/*/*.csv ../shared/data/calendars/*/*.ods"
  "register     FuzzRegisterCSV          8192   examples/*.csv"
  "text-plain   FuzzPlainText            16384  corpus/privacy/files/*.txt"
  "text-csv     FuzzCSVText              16384  corpus/privacy/files/*.csv examples/*.csv calendars/gala-example-hbarchivistes/*.csv"
  "text-html    FuzzHTMLText             16384  corpus/privacy/files/*.html"
  "text-xml     FuzzXMLText              32768  corpus/privacy/files/*.xml calendars/*/*.xml"
  "text-rtf     FuzzRTFText              16384  corpus/privacy/files/*.rtf"
  "text-office  FuzzOfficeText           16384  corpus/privacy/files/*.docx corpus/privacy/files/*.odt"
  "text-pdf     FuzzPDFText              16384  corpus/privacy/files/*.pdf"
)

build() {
  swift build --package-path Fuzz --scratch-path "$scratch" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" >&2
}

case "${1:-all}" in
  --list) for line in "${targets[@]}"; do set -- $line; echo "$1 ($2)"; done; exit 0 ;;
  --build) build; exit 0 ;;
esac
wanted=${1:-all}
seconds=${2:-60}
build

found=0
ran=0
for line in "${targets[@]}"; do
  set -f; set -- $line; set +f
  name=$1 target=$2 maxlen=$3; shift 3
  [[ $wanted == all || $wanted == "$name" || $wanted == "$target" ]] || continue
  ran=1
  dir=$work/$name
  mkdir -p "$dir/corpus" "$dir/findings" "$dir/tmp"
  # Seeds: copied under their SHA-1, so a file in two places is one seed.
  for pattern in "$@"; do
    for seed in $pattern; do
      [[ -f $seed ]] || continue
      cp "$seed" "$dir/corpus/$(sha1sum "$seed" | cut -c1-40)"
    done
  done
  echo "== $name ($target): $(ls "$dir/corpus" | wc -l) inputs in the corpus, $seconds s, max_len $maxlen"
  status=0
  # Swift's own backtracer is off: libFuzzer and AddressSanitizer report the crash and save the
  # input. Leaks are not checked: the Swift runtime's caches look like leaks to LeakSanitizer.
  (cd "$dir" && SWIFT_BACKTRACE=enable=no TMPDIR="$PWD/tmp" ASAN_OPTIONS=detect_leaks=0 \
    "$root/$scratch/debug/$target" corpus \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" \
      -detect_leaks=0 -print_final_stats=1 -artifact_prefix=findings/ > log 2>&1) || status=$?
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)" "$dir/log" | tail -2 || true
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$dir/log" || true
  rm -rf "$dir/tmp"/*
  if (( status != 0 )) || [[ -n $(ls "$dir/findings") ]]; then
    found=1
    echo "!! $name: exit $status; findings in $dir/findings:"; ls "$dir/findings"
    grep -E "ERROR|Fatal error|SUMMARY" "$dir/log" | head -5 || true
  fi
done
(( ran )) || { echo "no target named $wanted: scripts/fuzz.sh --list" >&2; exit 2; }
exit $found

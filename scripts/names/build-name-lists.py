#!/usr/bin/env python3
"""Builds Sablier's given-name and surname lists, and the Swift file that carries them.

Why: the detector of names without a label (SablierPrivacy) recognises a word as a common
given name or surname. The lists come from lawful, public, documented sources only (see
data/names/README.md); this script is the derivation, so anyone can check and redo it.

Two steps:
  --from-raw DIR   derive data/names/given-names.txt and surnames.txt from the raw downloads
                   in DIR (kept out of git; data/names/README.md says where each comes from);
                   and english-words.txt (the names that are common English words, from
                   --english-words, SCOWL's size-35 list by default);
  (always)         write Sources/SablierPrivacy/Names/NameLists+Data.swift from the lists in
                   data/names/ (given-names.txt, surnames.txt, common-words.txt, english-words.txt).
  --check          write nothing; exit 1 if the Swift file differs from what the lists give.

Output is deterministic: sorted, one folded name per line.
"""

import argparse
import collections
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ left in scripts/names

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "data", "names")
SWIFT = os.path.join(ROOT, "Sources", "SablierPrivacy", "Names", "NameLists+Data.swift")

# Derivation thresholds (data/names/README.md quotes them).
QUEBEC_MIN_CHILDREN = 10  # a given name borne by at least this many children born in Quebec 1980–2020
FRANCE_MIN_PEOPLE = 200  # a given name borne by at least this many people born in France 1900–2021
US_MIN_PEOPLE = 2000  # a given name borne by at least this many people born in the US 1920–2023
US_FIRST_YEAR = 1920  # older years name few of the people a document names today
CENSUS_TOP_SURNAMES = 30000  # the most frequent surnames of the US Census 2010, by rank
# SCOWL's size-35 American English list (Debian's wamerican-small): a name that is one of its
# lowercase words is also a common English word (Grant, Drew, Hazel).
ENGLISH_WORDS = "/usr/share/dict/american-english-small"

# The Latin-1 letters U+00C0–U+00FF folded as TextBytes.folded(at:) folds them.
_LATIN1 = {}
for code in range(0xC0, 0x100):
    low = code & 0x1F
    if low <= 0x06:
        folded = "a"
    elif low == 0x07:
        folded = "c"
    elif low <= 0x0B:
        folded = "e"
    elif low <= 0x0F:
        folded = "i"
    elif low == 0x10:
        folded = "d"
    elif low == 0x11:
        folded = "n"
    elif low <= 0x16:
        folded = "o"
    elif low == 0x17:
        folded = None  # × ÷
    elif low == 0x18:
        folded = "o"
    elif low <= 0x1C:
        folded = "u"
    elif low == 0x1D:
        folded = "y"
    elif low == 0x1E:
        folded = "t"
    else:
        folded = "s" if code == 0xDF else "y"
    _LATIN1[chr(code)] = folded
_LATIN1["\u0152"] = _LATIN1["\u0153"] = "o"  # Œ œ, as the engine folds them


def fold(name):
    """The key of a name as NameLists looks it up: lowercase ASCII letters, accents off,
    dashes as `-`, apostrophes left out (O'Brien → obrien, as the Census writes it); None when
    a character is outside what the engine folds to a letter."""
    out = []
    for char in name.strip():
        if "a" <= char <= "z":
            out.append(char)
        elif "A" <= char <= "Z":
            out.append(char.lower())
        elif char in "-\u2010\u2011\u2013\u2014":
            out.append("-")
        elif char in "'\u2018\u2019":
            continue
        elif char in _LATIN1 and _LATIN1[char]:
            out.append(_LATIN1[char])
        else:
            return None
    key = "".join(out)
    if not key or key.startswith("-") or key.endswith("-") or "--" in key:
        return None
    return key


def read_list(name):
    path = os.path.join(DATA, name)
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def write_list(name, header, entries):
    with open(os.path.join(DATA, name), "w", encoding="utf-8") as handle:
        for line in header:
            handle.write(f"# {line}\n")
        for entry in sorted(set(entries)):
            handle.write(entry + "\n")


def quebec_given_names(raw):
    """Retraite Québec's given names (1980–2020, both sexes), as copied in desautm/prenoms."""
    import rdata_reader

    columns = rdata_reader.data_frame(os.path.join(raw, "prenoms.rda"), "prenoms")
    totals = collections.Counter()
    for name, count in zip(columns["name"], columns["n"]):
        if name and count:
            totals[name] += count
    keys = collections.Counter()
    for name, count in totals.items():
        key = fold(name)
        if key:
            keys[key] += count
    return {key for key, count in keys.items() if count >= QUEBEC_MIN_CHILDREN}


def france_given_names(raw):
    """INSEE's Fichier des prénoms (France, 1900–2021), as copied in ThinkR-open/prenoms."""
    import rdata_reader

    columns = rdata_reader.data_frame(os.path.join(raw, "prenoms_france.rda"), "prenoms_france")
    keys = collections.Counter()
    for name, count in zip(columns["name"], columns["n"]):
        key = fold(name or "")
        if key and count:
            keys[key] += count
    return {key for key, count in keys.items() if count >= FRANCE_MIN_PEOPLE}


def us_given_names(raw):
    """The US Social Security Administration's national baby names (yobYYYY.txt: name,sex,count)."""
    keys = collections.Counter()
    folder = os.path.join(raw, "ssa")
    for file in sorted(os.listdir(folder)):
        if not (file.startswith("yob") and file.endswith(".txt")) or int(file[3:7]) < US_FIRST_YEAR:
            continue
        with open(os.path.join(folder, file), encoding="ascii") as handle:
            for line in handle:
                name, _, count = line.strip().split(",")
                key = fold(name)
                if key:
                    keys[key] += int(count)
    return {key for key, count in keys.items() if count >= US_MIN_PEOPLE}


def census_surnames(raw):
    """The US Census Bureau's 2010 surnames by rank, as copied in kosukeimai/wru."""
    import rdata_reader

    columns = rdata_reader.data_frame(os.path.join(raw, "surnames2010.RData"), "surnames2010")
    keys = set()
    for name in columns["surname"]:
        key = fold(name or "")
        if key:
            keys.add(key)  # a folded name met again counts once
        if len(keys) >= CENSUS_TOP_SURNAMES:
            break
    return keys


def english_words(path):
    """The lowercase words of an English word list (one word a line), folded."""
    words = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word = line.strip()
            if word and word.isascii() and word.isalpha() and word.islower():
                words.add(word)
    return words


def derive(raw, english_path):
    sys.path.insert(0, HERE)
    not_names = set(read_list("not-names.txt"))
    given = quebec_given_names(raw) | france_given_names(raw) | us_given_names(raw)
    given = {name for name in given if name not in not_names and len(name) > 1}
    surnames = {name for name in census_surnames(raw) if name not in not_names and len(name) > 1}
    write_list("given-names.txt", [
        "Given names, folded (lowercase, accents off). Derived by scripts/names/build-name-lists.py;",
        "sources and licences in data/names/README.md. Do not edit: regenerate.",
    ], given)
    write_list("surnames.txt", [
        "Surnames, folded (lowercase, accents off). Derived by scripts/names/build-name-lists.py;",
        "sources and licences in data/names/README.md. Do not edit: regenerate.",
    ], surnames)
    common = set(read_list("common-words.txt"))
    english = english_words(english_path)
    write_list("english-words.txt", [
        "Given names and surnames that are also common English words (SCOWL size 35, lowercase),",
        "folded. Derived by scripts/names/build-name-lists.py; see data/names/README.md. Do not edit.",
    ], {name for name in given | surnames if name in english and name not in common})


def swift_source():
    given = read_list("given-names.txt")
    surnames = read_list("surnames.txt")
    common = sorted(set(read_list("common-words.txt")) | set(read_list("english-words.txt")))

    def literal(entries):
        return "\n".join("        " + entry for entry in entries)

    return f'''// Generated by scripts/names/build-name-lists.py from data/names/: do not edit, regenerate.
// Sources and licences: data/names/README.md.

extension NameLists {{
    /// The given names of data/names/given-names.txt ({len(given)}), one folded name a line.
    static let givenNameText = """
{literal(given)}
        """

    /// The surnames of data/names/surnames.txt ({len(surnames)}), one folded name a line.
    static let surnameText = """
{literal(surnames)}
        """

    /// The common French and English words of data/names/common-words.txt and english-words.txt
    /// ({len(common)}), one folded word a line: a name that is also one of these is ambiguous on
    /// its own.
    static let commonWordText = """
{literal(common)}
        """
}}
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from-raw", metavar="DIR", help="derive the lists from the raw downloads in DIR")
    parser.add_argument("--english-words", metavar="FILE", default=ENGLISH_WORDS, help=f"English word list (default {ENGLISH_WORDS})")
    parser.add_argument("--check", action="store_true", help="only check that the Swift file is up to date")
    arguments = parser.parse_args()
    if arguments.from_raw:
        derive(arguments.from_raw, arguments.english_words)
    source = swift_source()
    if arguments.check:
        with open(SWIFT, encoding="utf-8") as handle:
            if handle.read() != source:
                print(f"{SWIFT} differs from data/names: run scripts/names/build-name-lists.py", file=sys.stderr)
                return 1
        return 0
    with open(SWIFT, "w", encoding="utf-8") as handle:
        handle.write(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())

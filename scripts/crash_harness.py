#!/usr/bin/env python3
"""Kills Sablier's long commands with SIGKILL at seeded points and checks that nothing was lost.

Issue 14 asks that a `kill -9` at any moment leave the store whole: an import all or nothing, an
audit trail that verifies, no file gone without its certificate entry and no document recorded
destroyed while its file exists, and the interrupted command completing when run again. This
harness drives the REAL built binary (`.build/debug/sablier` unless `--binary`), as an operator
would, on four workloads set up through the command line itself:

  document-import   `document import` of a register CSV of --documents rows, each naming a real
                    small file under the store's folder;
  calendar-import   `calendar import` of the Valcourt calendar (calendars/valcourt-admq-2015, the
                    copy of ../shared/data/calendars) over that register: every document is
                    recounted in the import's transaction;
  disposition       `disposition execute` of an approved destruction list of --files documents,
                    each with its file;
  privacy-scan      `privacy scan --all` of --files documents whose files hold a SIN and an e-mail.

For each workload the command is first run once uninterrupted on a fresh copy of its store, to
measure its duration and the state it leaves. Then, for each of --points kill points, the store
is restored, the command started and killed (its whole process group, SIGKILL) after a delay
drawn from --seed, stratified over the measured duration (point i falls in the i-th slice), so
that kills spread from the process's start to its end. After each kill it checks:

  - PRAGMA integrity_check is ok and PRAGMA foreign_key_check finds nothing;
  - `sablier audit verify` passes;
  - the workload's own invariant (an import is all or nothing, a list's files against its
    certificate entries and tombstones, a scan's findings complete per file);
then runs the interrupted command again, checks that it completes, and checks everything again.

A kill is counted as landed mid-run only when the process had not exited yet; the summary says how
many did, per workload (a kill after exit proves nothing). The delays are reproducible; where a
given delay lands in the work depends on the machine's speed, so a failure is reported with its
seed, workload, point and delay and is replayed with `--seed S --points P --only W --point I`.

Stdlib only. Dates are fixed in the fixtures (documents closed in 2010, a list drawn for
2020-06-30), so nothing depends on the day the harness runs.
"""

import argparse
import collections
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIVE_CALENDAR = os.path.join(REPOSITORY, "calendars/exemple-css/calendrier-exemple-css.xml")
VALCOURT_CALENDAR = os.path.join(REPOSITORY, "calendars/valcourt-admq-2015/ValcourtADMQ_2015-11-09.csv")
UNIT = "Secrétariat général"
LIST_DAY = "2020-06-30"  # the destruction list's day: the documents closed in 2010 were due long before
STATIC_FILES = "import"  # files/import/: the register CSV's files, read and never changed
WORKLOADS = ["document-import", "calendar-import", "disposition", "privacy-scan"]


class Failure(Exception):
    """A check that failed after a kill (or in the setup): the harness reports it and goes on."""


class Store:
    """One working folder holding the store (sablier.sqlite, its audit key if any) and its files.

    Documents are registered by absolute path, so every trial runs at the same path: a snapshot is
    a copy of the whole folder, restored in place before each trial. The files live in a folder
    under the database's own folder, which the register may read with or without declared roots.
    """

    def __init__(self, root, binary):
        self.root = root
        self.binary = binary
        self.work = os.path.join(root, "work")
        self.db = os.path.join(self.work, "sablier.sqlite")
        self.environment = {key: value for key, value in os.environ.items()
                            if not key.startswith("SABLIER_") and key not in ("LC_ALL", "LC_MESSAGES")}
        self.environment["LANG"] = "en_CA.UTF-8"

    def arguments(self, arguments, user):
        return [self.binary] + arguments + ["--db", self.db] + (["--as", user] if user else [])

    def run(self, arguments, user, expect=(0,)):
        """Runs one command to its end; a status outside `expect` is a failure naming it."""
        result = subprocess.run(self.arguments(arguments, user), cwd=self.work, env=self.environment,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
        if expect is not None and result.returncode not in expect:
            raise Failure(f"sablier {' '.join(arguments)} exited {result.returncode}: "
                          f"{(result.stderr or result.stdout).strip()[-800:]}")
        return result

    def snapshot(self, name):
        """Copies the working folder but the import's files, which no command changes (and are many)."""
        target = os.path.join(self.root, "snapshot-" + name)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.work, target, symlinks=True, ignore=self.static)

    def restore(self, name):
        for entry in os.scandir(self.work):
            if entry.name == "files":
                for folder in os.scandir(entry.path):
                    if folder.name != STATIC_FILES:
                        shutil.rmtree(folder.path)
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        shutil.copytree(os.path.join(self.root, "snapshot-" + name), self.work, symlinks=True, dirs_exist_ok=True)

    def static(self, folder, names):
        return [STATIC_FILES] if os.path.basename(folder) == "files" else []

    def keep(self, label):
        """Copies the working folder aside (a failing state, for a person to look at)."""
        target = os.path.join(self.root, "failed-" + label)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.work, target, symlinks=True, ignore=self.static)
        return target

    def query(self, sql, parameters=()):
        """Reads the store as the next opener would: SQLite rolls a hot journal back first."""
        connection = sqlite3.connect(self.db, timeout=30)
        try:
            return connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()

    def scalar(self, sql, parameters=()):
        return self.query(sql, parameters)[0][0]


# ---------------------------------------------------------------- checks every trial makes

def check_store(store):
    """The checks that hold after any kill: SQLite's own, the foreign keys, the audit chain."""
    try:
        integrity = store.query("PRAGMA integrity_check")
    except sqlite3.Error as error:
        raise Failure(f"SQLite cannot read the store: {error}")
    if integrity != [("ok",)]:
        raise Failure(f"PRAGMA integrity_check: {integrity[:5]}")
    foreign = store.query("PRAGMA foreign_key_check")
    if foreign:
        raise Failure(f"PRAGMA foreign_key_check: {foreign[:5]}")
    verified = store.run(["audit", "verify"], "admin", expect=None)
    if verified.returncode != 0:
        raise Failure(f"audit verify exited {verified.returncode}: {(verified.stdout + verified.stderr).strip()[-800:]}")


# ---------------------------------------------------------------- the workloads

class Workload:
    """A command to kill, its store, what must hold after a kill and after it is run again."""

    name = ""
    snapshot = ""
    user = "gestion.doc"
    arguments = []

    def __init__(self):
        # What the kills left, by kind (reported, to show where they landed in the work).
        self.tally = collections.Counter()

    def measured(self, store):
        """Called after the uninterrupted run: checks its result and keeps what the trials compare to."""

    def after_kill(self, store):
        """Checks the workload's invariant on the state a kill left; returns what `after_rerun` needs."""

    def rerun(self, store, state):
        """Runs the command again on the state a kill left and checks it completed."""
        store.run(self.arguments, self.user)
        self.complete(store)

    def complete(self, store):
        """Checks the state of a finished command."""


class DocumentImport(Workload):
    """The register holds all of an import or none of it; run again, it registers each row once."""

    name = "document-import"
    snapshot = "calendar"

    def __init__(self, rows):
        super().__init__()
        self.rows = rows
        self.arguments = ["document", "import", "import.csv"]

    def count(self, store):
        return store.scalar("SELECT count(*) FROM document WHERE reference LIKE 'IMP-%'")

    def audit_count(self, store):
        return store.scalar("SELECT count(*) FROM audit_entry")

    def measured(self, store):
        self.complete(store)

    def before(self, store):
        self.audit_before = self.audit_count(store)

    def after_kill(self, store):
        count = self.count(store)
        if count not in (0, self.rows):
            raise Failure(f"the register holds {count} of the import's {self.rows} references (all or none)")
        events = store.scalar("SELECT count(*) FROM document_event e JOIN document d ON d.id = e.document "
                              "WHERE d.reference LIKE 'IMP-%'")
        if count == 0 and events:
            raise Failure(f"{events} events recorded for documents the register does not hold")
        if count == 0 and self.audit_count(store) != self.audit_before:
            raise Failure("the audit trail changed although the import registered nothing")
        self.tally["none registered" if count == 0 else "all registered"] += 1
        return count

    def rerun(self, store, count):
        result = store.run(self.arguments, self.user, expect=None)
        if count == 0 and result.returncode != 0:
            raise Failure(f"re-run of an import that registered nothing exited {result.returncode}: "
                          f"{result.stderr.strip()[-800:]}")
        if count == self.rows and result.returncode == 0:
            raise Failure("re-run of an import already registered was accepted: rows registered twice?")
        self.complete(store)

    def complete(self, store):
        count = self.count(store)
        if count != self.rows:
            raise Failure(f"after the import the register holds {count} of its {self.rows} references")
        measured = store.scalar("SELECT count(*) FROM document WHERE reference LIKE 'IMP-%' AND file_sha256 IS NOT NULL")
        if measured != self.rows:
            raise Failure(f"{self.rows - measured} imported documents lack their file's SHA-256")


class CalendarImport(Workload):
    """A calendar version is stored with every document recounted under it, or not at all."""

    name = "calendar-import"
    snapshot = "register"

    def __init__(self):
        super().__init__()
        self.arguments = ["calendar", "import", VALCOURT_CALENDAR]

    @staticmethod
    def fingerprint(store):
        versions = store.scalar("SELECT count(*) FROM calendar_version")
        latest_rules = store.scalar("SELECT count(*) FROM calendar_rule WHERE version = (SELECT max(number) FROM calendar_version)")
        digest = hashlib.sha256()
        for row in store.query("SELECT reference, calendar_version, phase, waiting, due_on, transfer_on, final_on, final_action "
                               "FROM document ORDER BY reference"):
            digest.update(repr(row).encode())
        audit = store.scalar("SELECT count(*) FROM audit_entry")
        return (versions, latest_rules, audit, digest.hexdigest())

    def before(self, store):
        self.before_state = self.fingerprint(store)

    def measured(self, store):
        self.after_state = self.fingerprint(store)
        if self.after_state[0] != self.before_state[0] + 1:
            raise Failure(f"the uninterrupted import left {self.after_state[0]} versions")
        if self.after_state[3] == self.before_state[3]:
            raise Failure("the uninterrupted import recounted no document: the workload tests nothing")

    def after_kill(self, store):
        state = self.fingerprint(store)
        if state == self.before_state:
            self.tally["as before"] += 1
            return "none"
        if state == self.after_state:
            self.tally["as after"] += 1
            return "all"
        raise Failure(f"the store is neither as before the import nor as after it "
                      f"(versions, rules of the latest, audit entries: {state[:3]}; "
                      f"before {self.before_state[:3]}, after {self.after_state[:3]}; "
                      f"documents {'unchanged' if state[3] == self.before_state[3] else 'as after' if state[3] == self.after_state[3] else 'partly recounted'})")

    def rerun(self, store, outcome):
        store.run(self.arguments, self.user)
        if outcome == "none" and self.fingerprint(store) != self.after_state:
            raise Failure("re-run of an interrupted calendar import did not leave the state of an uninterrupted one")


class Disposition(Workload):
    """No file is gone without its certificate entry, nor a document destroyed while its file exists."""

    name = "disposition"
    snapshot = "approved"

    def __init__(self, files):
        super().__init__()
        self.files = files
        self.arguments = ["disposition", "execute", "1"]

    def items(self, store):
        return store.query(
            "SELECT i.reference, i.file_path, i.state, d.phase, "
            "(SELECT count(*) FROM tombstone t WHERE t.document = i.document), "
            "(SELECT count(*) FROM document_event e WHERE e.document = i.document AND e.kind = 'destroyed') "
            "FROM disposition_item i JOIN document d ON d.id = i.document WHERE i.list = 1 ORDER BY i.position")

    def after_kill(self, store):
        items = self.items(store)
        if len(items) != self.files:
            raise Failure(f"the list holds {len(items)} items, not {self.files}")
        gone = 0
        for reference, path, state, phase, tombstones, destroyed in items:
            exists = os.path.lexists(path)
            if not exists:
                gone += 1
                if state not in ("started", "done"):
                    raise Failure(f"{reference}: its file {path} is gone but its item is {state} (no certificate entry)")
            recorded = state == "done" or phase == "inactif-detruit" or tombstones or destroyed
            if recorded and exists:
                raise Failure(f"{reference}: recorded destroyed (item {state}, phase {phase}, tombstone {tombstones}, "
                              f"event {destroyed}) while its file {path} exists")
            if state == "done" and not (phase == "inactif-detruit" and tombstones == 1 and destroyed == 1):
                raise Failure(f"{reference}: item done without its phase, tombstone and event "
                              f"(phase {phase}, tombstone {tombstones}, event {destroyed})")
            if state != "done" and (tombstones or destroyed or phase == "inactif-detruit"):
                raise Failure(f"{reference}: item {state} but tombstone {tombstones}, event {destroyed}, phase {phase}")
            if state == "started":
                self.tally["an item started, file deleted" if not exists else "an item started, file still there"] += 1
        done = sum(1 for item in items if item[2] == "done")
        self.tally["none done" if done == 0 else "all done" if done == len(items) else "some done"] += 1
        return gone

    def rerun(self, store, gone):
        if store.scalar("SELECT state FROM disposition_list WHERE number = 1") == "executed":
            # The kill came after the last item: run again, execute must refuse and change nothing.
            store.run(self.arguments, self.user, expect=(75,))
        else:
            store.run(self.arguments, self.user)
        self.complete(store)

    def complete(self, store):
        state = store.scalar("SELECT state FROM disposition_list WHERE number = 1")
        if state != "executed":
            raise Failure(f"after execute the list is {state}")
        items = self.items(store)
        left = [reference for reference, path, item, *_ in items if item != "done" or os.path.lexists(path)]
        if left:
            raise Failure(f"after execute {len(left)} items are not done or kept their file: {left[:5]}")
        tombstones = store.scalar("SELECT count(*) FROM tombstone WHERE list = 1")
        if tombstones != self.files:
            raise Failure(f"after execute {tombstones} tombstones for {self.files} documents")

    def measured(self, store):
        self.complete(store)


class PrivacyScan(Workload):
    """Each file's scan is stored whole with its findings; run again, the scan completes."""

    name = "privacy-scan"
    snapshot = "register-small"

    def __init__(self, files):
        super().__init__()
        self.files = files
        self.arguments = ["privacy", "scan", "--all"]

    def after_kill(self, store):
        self.invariant(store)
        scanned = store.scalar("SELECT count(*) FROM privacy_document_scan")
        self.tally["none scanned" if scanned == 0 else "all scanned" if scanned == self.files else "some scanned"] += 1
        return scanned

    def invariant(self, store):
        partial = store.query(
            "SELECT s.sha256, s.finding_count, s.truncated, (SELECT count(*) FROM privacy_finding f WHERE f.sha256 = s.sha256) "
            "FROM privacy_scan s")
        for sha256, expected, truncated, found in partial:
            if found != expected and not (truncated and found < expected):
                raise Failure(f"scan {sha256[:12]}…: {found} findings stored of its {expected}")
        wrong = store.query(
            "SELECT d.reference FROM privacy_document_scan p JOIN document d ON d.id = p.document "
            "WHERE p.sha256 <> d.file_sha256")
        if wrong:
            raise Failure(f"documents recorded scanned with another file's digest: {wrong[:5]}")

    def rerun(self, store, scanned):
        store.run(self.arguments, self.user)
        self.complete(store)

    def complete(self, store):
        self.invariant(store)
        scanned = store.scalar("SELECT count(*) FROM privacy_document_scan")
        if scanned != self.files:
            raise Failure(f"after the scan {scanned} of {self.files} documents are recorded scanned")
        flagged = store.scalar("SELECT count(*) FROM privacy_scan WHERE flagged")
        if flagged != self.files:
            raise Failure(f"after the scan {flagged} of {self.files} files are flagged (each holds a SIN)")

    def measured(self, store):
        self.complete(store)


# ---------------------------------------------------------------- setting the stores up

def write_register(store, name, prefix, count, copy, text):
    """Writes `count` small files under files/NAME/ and a register CSV naming them."""
    folder = os.path.join(store.work, "files", name)
    os.makedirs(folder, exist_ok=True)
    lines = ["reference,title,rule,copy,support,holder,opened,closed,path"]
    for index in range(count):
        path = os.path.join(folder, f"{prefix.lower()}{index:05d}.txt")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text(index))
        lines.append(f"{prefix}{index:05d},Document {index},1101,{copy},DM,{UNIT},2009-07-01,2010-06-15,{path}")
    with open(os.path.join(store.work, name + ".csv"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


def minutes(index):
    return f"Procès-verbal {index}\n" + "Résolution adoptée à l'unanimité par le conseil. " * 20 + "\n"


def personal(index):
    # 046 454 286 is a Luhn-valid SIN that appears in public examples; the label makes it certain.
    return (f"Dossier {index}\nNAS : 046 454 286\nCourriel : jean.tremblay{index}@example.org\n"
            + "Texte ordinaire sans renseignement. " * 40 + "\n")


def set_up(store, documents, files):
    """Creates the snapshots every workload starts from, through the real command line."""
    os.makedirs(store.work)
    store.run(["init", "--admin", "admin"], None)
    for name in ("gestion.doc", "archiviste"):
        store.run(["user", "add", name, "--unit", UNIT, "--role", "gestion-documentaire"], "admin")
    store.run(["calendar", "import", NATIVE_CALENDAR], "gestion.doc")
    # The import's documents are principal copies kept permanently (rule 1101, C): never destroyed.
    write_register(store, "import", "IMP-", documents, "principal", minutes)
    # The small register's are secondary copies destroyed two years after closing (1101, D), due since 2013.
    write_register(store, "small", "REG-", files, "secondaire", personal)
    store.snapshot("calendar")
    store.run(["document", "import", "small.csv"], "gestion.doc")
    store.snapshot("register-small")
    store.run(["disposition", "propose", "--as-of", LIST_DAY, "--action", "destroy"], "gestion.doc")
    store.run(["disposition", "approve", "1"], "archiviste")
    store.snapshot("approved")
    # The calendar is imported over the whole register: the state the import leaves.
    store.restore("calendar")
    store.run(["document", "import", "import.csv"], "gestion.doc")
    store.snapshot("register")


# ---------------------------------------------------------------- the checks can fail

def self_test(store, workloads):
    """Damages each workload's store as a faulty command could, and checks that the harness says so.

    A check that cannot fail proves nothing: this runs before the trials, on the same snapshots.
    """
    def edit(*statements):
        connection = sqlite3.connect(store.db)
        try:
            for statement in statements:
                connection.execute(statement)
            connection.commit()
        finally:
            connection.close()

    def first_file(state):
        return store.scalar(f"SELECT file_path FROM disposition_item WHERE list = 1 AND state = '{state}' ORDER BY position LIMIT 1")

    imported = "(SELECT id FROM document WHERE reference LIKE 'IMP-%' AND id % 2 = 0)"
    cases = [
        ("an entry of the audit trail rewritten", "approved", workloads["disposition"],
         lambda: edit("UPDATE audit_entry SET details = '{}' WHERE sequence = 2"), check_store),
        ("half of an import registered", "register", workloads["document-import"],
         lambda: edit(f"DELETE FROM document_event WHERE document IN {imported}", f"DELETE FROM document WHERE id IN {imported}"),
         workloads["document-import"].after_kill),
        ("one document recounted of a calendar import", "register", workloads["calendar-import"],
         lambda: edit("UPDATE document SET due_on = '1999-06-30' WHERE reference = 'IMP-00001'"),
         workloads["calendar-import"].after_kill),
        ("a file deleted without its certificate entry", "approved", workloads["disposition"],
         lambda: os.unlink(first_file("pending")), workloads["disposition"].after_kill),
        ("a document recorded destroyed while its file exists", "approved", workloads["disposition"],
         lambda: edit("UPDATE disposition_item SET state = 'done', started_at = 1, done_at = 1 WHERE list = 1 AND position = 0"),
         workloads["disposition"].after_kill),
        ("a scan stored without one of its findings", "register-small", workloads["privacy-scan"],
         lambda: (store.run(["privacy", "scan", "--all"], "gestion.doc"),
                  edit("DELETE FROM privacy_finding WHERE rowid = (SELECT min(rowid) FROM privacy_finding)")),
         workloads["privacy-scan"].after_kill),
    ]
    for label, snapshot, workload, damage, check in cases:
        store.restore(snapshot)
        if hasattr(workload, "before"):
            workload.before(store)
        damage()
        try:
            check(store)
        except Failure as failure:
            print(f"self-test: {label}: caught ({str(failure)[:120]})", flush=True)
            continue
        finally:
            workload.tally.clear()
        raise Failure(f"self-test: {label} went unnoticed")
    print(f"self-test: {len(cases)} kinds of damage, each caught", flush=True)


# ---------------------------------------------------------------- running

def start(store, workload):
    output = open(os.path.join(store.root, "killed.log"), "w")
    process = subprocess.Popen(store.arguments(workload.arguments, workload.user), cwd=store.work,
                               env=store.environment, stdin=subprocess.DEVNULL, stdout=output,
                               stderr=subprocess.STDOUT, start_new_session=True)
    output.close()
    return process


def wait_for_journal(store, process):
    """Polls until SQLite's rollback journal appears (a write transaction began) or the process ends."""
    journal = store.db + "-journal"
    while not os.path.exists(journal):
        if process.poll() is not None:
            return False
        time.sleep(0.0002)
    return True


def measure(store, workload, runs=2):
    """Runs the command uninterrupted (twice; the shorter run counts, the first may warm the caches):
    its duration, how long after its first write transaction began it ended, and the state the
    trials compare to."""
    durations = []
    for _ in range(runs):
        store.restore(workload.snapshot)
        if hasattr(workload, "before"):
            workload.before(store)
        began = time.monotonic()
        process = start(store, workload)
        wait_for_journal(store, process)
        writing = time.monotonic()
        status = process.wait()
        ended = time.monotonic()
        durations.append((ended - began, ended - writing))
        if status != 0:
            with open(os.path.join(store.root, "killed.log"), encoding="utf-8", errors="replace") as log:
                raise Failure(f"the uninterrupted run exited {status}: {log.read()[-800:]}")
        workload.measured(store)
        check_store(store)
    return min(durations)


def trial(store, workload, delay, after_journal):
    """Kills one run `delay` seconds after its start, or after its first write transaction began,
    and checks; returns (landed mid-run, hot journal left)."""
    store.restore(workload.snapshot)
    if hasattr(workload, "before"):
        workload.before(store)
    process = start(store, workload)
    if after_journal:
        wait_for_journal(store, process)
    time.sleep(delay)
    landed = process.poll() is None
    if landed:
        os.killpg(process.pid, signal.SIGKILL)
    status = process.wait()
    if not landed and status != 0:
        raise Failure(f"the run exited {status} on its own before the kill")
    journal = os.path.exists(store.db + "-journal") or os.path.exists(store.db + "-wal")
    check_store(store)
    outcome = workload.after_kill(store)
    workload.rerun(store, outcome)
    check_store(store)
    return landed, journal


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPOSITORY, ".build/debug/sablier"))
    parser.add_argument("--seed", type=int, default=14, help="draws the kill delays (default 14)")
    parser.add_argument("--points", type=int, default=20, help="kill points per workload (default 20)")
    parser.add_argument("--only", choices=WORKLOADS, action="append", help="run only this workload (repeatable)")
    parser.add_argument("--point", type=int, help="replay only this point (0-based) of the seeded draw")
    parser.add_argument("--documents", type=int, default=5000, help="rows of the register CSV imported (default 5000)")
    parser.add_argument("--files", type=int, default=300, help="files destroyed, and files scanned (default 300)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"crash harness: no sablier binary at {binary} (swift build --product sablier)")

    root = tempfile.mkdtemp(prefix="sablier-crash-")
    # A copy, so that every run uses the same binary even if `swift build` relinks it meanwhile.
    copied = os.path.join(root, "sablier")
    shutil.copy2(binary, copied)
    store = Store(root, copied)
    began = time.monotonic()
    print(f"crash harness: seed {options.seed}, {options.points} points per workload, binary {binary}, folder {root}",
          flush=True)
    set_up(store, options.documents, options.files)
    register = DocumentImport(options.documents)
    workloads = {
        "document-import": register,
        "calendar-import": CalendarImport(),
        "disposition": Disposition(options.files),
        "privacy-scan": PrivacyScan(options.files),
    }
    failures = []
    durations = {}
    for name in WORKLOADS:
        try:
            durations[name] = measure(store, workloads[name])
        except Failure as failure:
            failures.append(f"{name}: uninterrupted run: {failure}")
            print(f"FAIL {failures[-1]}", flush=True)
    if not failures:
        try:
            self_test(store, workloads)
        except Failure as failure:
            failures.append(str(failure))
            print(f"FAIL {failure}", flush=True)
    for name in WORKLOADS if not failures else []:
        if options.only and name not in options.only:
            continue
        workload, (duration, writing) = workloads[name], durations[name]
        # One generator per workload, so that --only replays the same delays as a full run. Even
        # points are spread over the whole run (start-up, reading, measuring files, writing); odd
        # points over what follows the first write transaction's start, where a kill must be
        # rolled back or resumed, which a short transaction at the end of a long read would
        # otherwise rarely see.
        draw = random.Random(f"{options.seed}/{name}")
        whole, written = (options.points + 1) // 2, options.points // 2
        # Both spans are cut to their first 90 %: a run on a loaded machine varies by more than
        # the last tenth, and a kill after the process exited proves nothing.
        delays = [(0.9 * duration * (index // 2 + draw.random()) / whole, False) if index % 2 == 0
                  else (0.9 * writing * (index // 2 + draw.random()) / written, True)
                  for index in range(options.points)]
        landed = journals = tried = 0
        for index, (delay, after_journal) in enumerate(delays):
            if options.point is not None and index != options.point:
                continue
            tried += 1
            try:
                mid, journal = trial(store, workload, delay, after_journal)
                landed += mid
                journals += journal
            except Failure as failure:
                kept = store.keep(f"{name}-{index}")
                replay = (f"scripts/crash_harness.py --seed {options.seed} --points {options.points} "
                          f"--only {name} --point {index}")
                failures.append(f"{name} point {index} (kill {delay:.3f} s after {'the first write transaction began' if after_journal else 'the start'}): {failure} — replay: {replay}; state kept in {kept}")
                print(f"FAIL {failures[-1]}", flush=True)
        left = ", ".join(f"{kind} {count}" for kind, count in sorted(workload.tally.items()))
        print(f"{name}: uninterrupted {duration:.2f} s, {writing:.2f} s from its first write transaction; {tried} kills, {landed} landed mid-run, "
              f"{journals} left a hot journal; left: {left}; "
              + ("FAILED" if any(f.startswith(name) for f in failures) else "every check passed"), flush=True)
        if tried and landed == 0 and options.point is None and options.points >= 3:
            failures.append(f"{name}: no kill landed before the command finished: the workload is too small to test anything")
            print(f"FAIL {failures[-1]}", flush=True)

    print(f"crash harness: {time.monotonic() - began:.0f} s in all; " + ("no failure" if not failures else f"{len(failures)} failure(s)"))
    if not failures and not options.keep:
        shutil.rmtree(root, ignore_errors=True)
    elif failures:
        print(f"crash harness: the working folder is kept in {root}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

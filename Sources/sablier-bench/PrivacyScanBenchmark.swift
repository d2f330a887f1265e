import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times `sablier privacy scan FILE…` on generated plain-text files against ripgrep searching
/// the same files for comparable patterns (one regular expression per detector family), both
/// on one core (`rg -j1`; the scan is sequential), best of several runs, as separate
/// processes. Prints MB/s, documents/s, the scan's peak memory, and the ratio of the two times.
///
/// ripgrep only finds lines matching patterns; Sablier also decodes and validates the text,
/// checks Luhn and date plausibility, reads context words around every candidate, masks an
/// excerpt per finding, and prints a JSON line per file.
struct PrivacyScanBenchmark {
    var megabytes: Int
    var files: Int
    var runs: Int
    /// The dense corpus (`PrivacyDenseTextGenerator`: an identifier on almost every line)
    /// instead of prose with one identifier line in twenty.
    var dense = false

    /// ASCII word boundaries (`(?-u:\b)`): Unicode ones make ripgrep leave its DFA for a far
    /// slower engine on French text (1 MB/s measured), which would flatter the ratio.
    static let patterns = [
        #"(?-u:\b)\d{3}[ -]\d{3}[ -]\d{3}(?-u:\b)"#,
        #"(?-u:\b)[A-Z]{4} ?\d{4} ?\d{4}(?-u:\b)"#,
        #"(?-u:\b)[A-Z]\d{4}[- ]?\d{6}[- ]?\d{2}(?-u:\b)"#,
        #"(?-u:\b)[A-Z]{2}\d{6}(?-u:\b)|(?-u:\b)[A-Z]\d{6}[A-Z]{2}(?-u:\b)"#,
        #"(?-u:\b)[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?-u:\b)"#,
        #"\(?(?-u:\b)[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}(?-u:\b)"#,
        #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,
        #"(?-u:\b)\d{5}[- ]\d{3}[- ]\d{7,12}(?-u:\b)"#,
        #"(?-u:\b)(?:\d{4}[ -]){3}\d{4}(?-u:\b)"#,
        #"(?i)(date de naissance|né\(?e?\)? le|date of birth|dob)\s*:?\s*\d"#,
        #"(?i)(?-u:\b)(allergi|diagnos|médica|medica|plan d'intervention|tdah|adhd|épilep|epilep|diab|asthm)"#,
        #"(?i)(?-u:\b)(nom de l'élève|nom|prénom|parent|mère|père|student name|name)\s*:"#,
        // Issue 17's detectors: a civic address (number, street type) or a post office box…
        #"(?-u:\b)\d{1,5},? (?:rue|av\.|avenue|boul\.|boulevard|ch\.|chemin|rang|montée|route|Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Crescent)(?-u:\b)"#,
        #"(?i)(?-u:\b)(?:case postale|C\.P\.|P\.O\. Box|PO Box) \d+"#,
        // …and a name without a label: two capitalised words, or `SURNAME, Given`.
        #"(?-u:\b)[A-ZÀ-Ý][a-zà-ÿ]+[ -][A-ZÀ-Ý][a-zà-ÿ]+(?-u:\b)|(?-u:\b)[A-ZÀ-Ý][A-ZÀ-Ý'-]+, [A-ZÀ-Ý][a-zà-ÿ]+(?-u:\b)"#,
    ]

    /// User and system time of the children waited for so far, in seconds.
    static func childrenCPU() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    func run() throws {
        let tools = try Tools.locate()
        guard let rg = Tools.which("rg") else { throw BenchError("ripgrep is not installed (Debian: apt-get install ripgrep)") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-privacy-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let paths = dense
            ? try PrivacyDenseTextGenerator.write(megabytes: megabytes, files: files, into: work)
            : try PrivacyTextGenerator.write(megabytes: megabytes, files: files, into: work)
        let bytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? NSNumber)?.intValue ?? 0) }
        print("privacy scan: \(paths.count) plain-text files\(dense ? " (dense: forms, class lists, payroll, letters)" : ""), "
            + "\(String(format: "%.1f", Double(bytes) / 1_000_000)) MB, best of \(runs) runs, one core")

        let database = work.appendingPathComponent("bench.sqlite").path
        try BenchStore.prepare(database, tools: tools)
        try Tools.run(tools.sablier, ["privacy", "public", "add", "--phone", "450 555-0100", "--db", database, "--as", "bench"])
        // The scan exits 1 when a file cannot be read; none here, so any failure is real.
        var sablierCPU = Double.infinity, ripgrepCPU = Double.infinity
        let sablier = try Timing.best(of: runs) {
            let before = Self.childrenCPU()
            try Tools.run(tools.sablier, ["privacy", "scan", "--db", database, "--as", "bench"] + paths)
            sablierCPU = min(sablierCPU, Self.childrenCPU() - before)
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        let ripgrep = try Timing.best(of: runs) {
            let before = Self.childrenCPU()
            try Tools.run(rg, ["--no-config", "-j1", "-c", "--no-messages"] + Self.patterns.flatMap { ["-e", $0] } + paths, acceptingStatus: [0, 1])
            ripgrepCPU = min(ripgrepCPU, Self.childrenCPU() - before)
        }
        let flagged = try Tools.output(tools.sablier, ["privacy", "scan", "--db", database, "--as", "bench"] + paths)
            .split(separator: "\n").filter { $0.contains("\"flagged\":true") }.count
        let megabytesRead = Double(bytes) / 1_000_000
        print(String(format: "  rg -j1 (%d patterns)                 %8.1f ms  %7.1f MB/s", Self.patterns.count, ripgrep * 1000, megabytesRead / ripgrep))
        print(String(format: "  sablier privacy scan FILE…           %8.1f ms  %7.1f MB/s  %6.1f documents/s  (goal ≥ 50 MB/s)",
                     sablier * 1000, megabytesRead / sablier, Double(paths.count) / sablier))
        print(String(format: "  ratio sablier / rg                   %8.2f×", sablier / ripgrep))
        // CPU time (user + system) says what one core does when other work shares the machine.
        print(String(format: "  CPU time: rg %.1f ms (%.1f MB/s), sablier %.1f ms (%.1f MB/s), ratio %.2f×", ripgrepCPU * 1000,
                     megabytesRead / ripgrepCPU, sablierCPU * 1000, megabytesRead / sablierCPU, sablierCPU / ripgrepCPU))
        print(String(format: "  sablier peak memory (max RSS)        %8.1f MB", peak))
        print("  files flagged: \(flagged) of \(paths.count)")
    }
}

/// Plain text shaped like an organisation's files: French and English prose, minutes, budget
/// lines and forms, with identifiers (labelled or not), business numbers, budget codes and
/// dates sprinkled through. Deterministic.
enum PrivacyTextGenerator {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    }

    static let prose = [
        "Le conseil d'établissement a adopté le budget de fonctionnement de l'école pour l'année scolaire 2025-2026 à l'unanimité.",
        "La direction rappelle que les sorties éducatives doivent être approuvées au moins trente jours à l'avance.",
        "Les travaux de réfection de la toiture se dérouleront pendant la semaine de relâche, du 2 au 6 mars.",
        "The Council of Commissioners approved the capital budget and the awarding of the snow removal contract.",
        "Parents are reminded that the school bus schedule is available on the portal since August 15.",
        "Résolution CA-2025-06-111 : il est résolu d'autoriser les virements entre les postes 1-10-100-00-210 et 1-20-210-00-541.",
        "Le comité de parents sera consulté sur les critères d'inscription des élèves et sur le calendrier scolaire.",
        "Facture 2025-08871, bon de commande BC-25-00412, montant total de 9 379,09 $, payable net 30 jours.",
        "The principal thanked the staff for the successful open house held on October 16 at 7:00 p.m.",
        "La politique de gestion documentaire s'applique à tous les documents, quel que soit leur support.",
        "Poste budgétaire 3-10-120-15-4518 : perfectionnement du personnel, budget révisé de 55 000 $.",
        "Les membres présents constatent le quorum et la séance est ouverte à 19 h 04 à la bibliothèque.",
    ]

    static func identifierLine(_ random: inout Random) -> String {
        let number = random.int(100...999)
        switch random.int(0...11) {
        case 0: return "Nom de l'élève : Léa Tremblay — Code permanent : TREL71531204"
        case 1: return "NAS : 264 175 696 — date de naissance : 1984-07-02"
        case 2: return "Cellulaire du parent : 450 555-0\(number)"
        case 3: return "Courriel : parent.\(number)@courriel.example"
        case 4: return "Adresse du domicile : \(number), rue des Érables, Mirabel (Québec) J7J 1C7"
        case 5: return "No TPS : 855641437 RT0001 — No TVQ : 1218556414 TQ0001"
        case 6: return "Téléphone : 450 555-0100, poste \(number)"
        case 7: return "Allergie sévère aux arachides — EpiPen dans le sac"
        case 8: return "Student name: Liam Fletcher; Grade 5; homeroom \(number)"
        case 9: return "Numéro de carte : 4111 1111 1111 1111"
        case 10: return "Matricule : 118\(number)"
        default: return "Budget line 1-20-230-00-\(number): classroom supplies"
        }
    }

    /// Writes the files and returns their paths.
    static func write(megabytes: Int, files: Int, into directory: URL) throws -> [String] {
        var random = Random(state: 2025)
        let perFile = max(1, megabytes * 1_000_000 / max(1, files))
        var paths: [String] = []
        for index in 0..<files {
            var text = ""
            text.reserveCapacity(perFile + 256)
            var line = 0
            while text.utf8.count < perFile {
                text += line % 20 == 19 ? identifierLine(&random) : random.pick(prose)
                text += "\n"
                line += 1
            }
            let url = directory.appendingPathComponent(String(format: "document-%04d.txt", index))
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        return paths
    }
}

extension Tools {
    /// Runs a program to completion with its output discarded; fails on an exit status not accepted.
    static func run(_ program: String, _ arguments: [String], acceptingStatus accepted: Set<Int32>) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard accepted.contains(process.terminationStatus) else {
            throw BenchError("\(program) exited with \(process.terminationStatus)")
        }
    }
}

/// How many documents of one holder unit are in one phase on one support (one `GROUP BY` line).
public struct DocumentTally: Sendable, Hashable, Codable {
    public var holder: String
    public var phase: Phase
    /// The support's code (`PA`, `DM`, …).
    public var support: String
    public var count: Int

    public init(holder: String, phase: Phase, support: String, count: Int) {
        self.holder = holder; self.phase = phase; self.support = support; self.count = count
    }
}

/// How many documents of one holder unit in one phase one box holds, and the box's shelf space.
public struct BoxTally: Sendable, Hashable, Codable {
    public var box: String
    public var holder: String
    public var phase: Phase
    public var documents: Int
    /// The shelf space the box takes, in millimetres; nil when nobody gave its size.
    public var linearMillimetres: Int?

    public init(box: String, holder: String, phase: Phase, documents: Int, linearMillimetres: Int?) {
        self.box = box; self.holder = holder; self.phase = phase; self.documents = documents; self.linearMillimetres = linearMillimetres
    }
}

/// One line of the volumes report's documents: a unit, a phase, a support.
public struct VolumeDocumentLine: Sendable, Hashable, Codable {
    public var holder: String
    public var phase: Phase
    public var support: String
    public var documents: Int
}

/// The boxes of one unit (or of several) in one phase (or several), and their linear metres.
///
/// A box is counted once: under its unit when all its documents are that unit's, else under
/// the "several units" line (`holder` nil) — in a report limited to a unit, under that unit
/// whatever else it holds (`VolumeReport.init`); under its phase when all its documents are in it,
/// else under "several phases" (`phase` nil). Boxes of destroyed documents stay under the
/// phase `inactif-detruit` (the shelf space their destruction freed).
public struct VolumeBoxLine: Sendable, Hashable, Codable {
    /// Nil: boxes holding documents of several units.
    public var holder: String?
    /// Nil: boxes holding documents in several phases.
    public var phase: Phase?
    public var boxes: Int
    /// The metres of the boxes whose size is known (`box.linear_mm`), to the millimetre.
    public var linearMetres: Double
    /// Boxes without a size: their metres are not in `linearMetres`.
    public var boxesWithoutSize: Int

    public init(holder: String?, phase: Phase?, boxes: Int, linearMetres: Double, boxesWithoutSize: Int) {
        self.holder = holder; self.phase = phase; self.boxes = boxes; self.linearMetres = linearMetres
        self.boxesWithoutSize = boxesWithoutSize
    }
}

/// The register's volumes: documents by phase, support and holder unit, and the shelf space
/// (linear metres) of the boxes that hold them, where boxes give a size.
public struct VolumeReport: Sendable, Hashable, Codable {
    /// The unit the report was limited to (`--unit`, or a détenteur's own), nil for the whole organisation.
    public var unit: String?
    public var documents: [VolumeDocumentLine]
    public var boxes: [VolumeBoxLine]
    public var totalDocuments: Int
    public var totalBoxes: Int
    public var totalLinearMetres: Double
    public var totalBoxesWithoutSize: Int

    /// Folds the store's tallies into the report. `reaches` says which holder units the
    /// reader may count (a détenteur's own, or the `--unit` asked for): a box counts when any
    /// of its documents is theirs, and is classed by those documents only — their unit, their
    /// phases — with its whole shelf space, the space the unit's files take. A report limited
    /// to a unit thus never says that a box also holds another unit's documents, nor in which
    /// phase those are; the organisation-wide report keeps its "several units" line.
    public init(unit: String?, documents: [DocumentTally], boxes: [BoxTally], reaches: (String) -> Bool) {
        self.unit = unit
        var documentCounts: [VolumeDocumentKey: (holder: String, count: Int)] = [:]
        // In the holders' byte order, so that a unit written two ways is named alike whatever the store's order.
        for tally in documents.sorted(by: { $0.holder < $1.holder }) where reaches(tally.holder) {
            let key = VolumeDocumentKey(unit: Access.unitKey(tally.holder), phase: tally.phase, support: tally.support)
            documentCounts[key, default: (tally.holder, 0)].count += tally.count
        }
        self.documents = documentCounts.map { key, value in
            VolumeDocumentLine(holder: value.holder, phase: key.phase, support: key.support, documents: value.count)
        }.sorted { a, b in
            if a.holder != b.holder { return String.reportOrder(a.holder, b.holder) }
            return (a.phase.order, a.support) < (b.phase.order, b.support)
        }

        struct Box { var holders: [String: String] = [:]; var phases: Set<Phase> = []; var millimetres: Int?; var reached = false }
        var byBox: [String: Box] = [:]
        // Only the reader's documents say anything of a box: another unit's, beside them, is
        // neither named nor counted.
        for tally in boxes.sorted(by: { ($0.box, $0.holder) < ($1.box, $1.holder) }) where reaches(tally.holder) {
            var box = byBox[tally.box, default: Box(millimetres: tally.linearMillimetres)]
            let key = Access.unitKey(tally.holder)
            if box.holders[key] == nil { box.holders[key] = tally.holder }
            box.phases.insert(tally.phase)
            box.reached = true
            byBox[tally.box] = box
        }
        struct LineKey: Hashable { var unit: String?; var phase: Phase? }
        var lines: [LineKey: (holder: String?, boxes: Int, millimetres: Int, withoutSize: Int)] = [:]
        // In box order, so that a unit written two ways is named as its first box names it.
        for (_, box) in byBox.sorted(by: { $0.key < $1.key }) where box.reached {
            let holder = box.holders.count == 1 ? box.holders.values.first : nil
            let key = LineKey(unit: holder.map(Access.unitKey), phase: box.phases.count == 1 ? box.phases.first : nil)
            var line = lines[key, default: (holder, 0, 0, 0)]
            line.boxes += 1
            if let millimetres = box.millimetres { line.millimetres += millimetres } else { line.withoutSize += 1 }
            lines[key] = line
        }
        self.boxes = lines.map { key, line in
            VolumeBoxLine(holder: line.holder, phase: key.phase, boxes: line.boxes, linearMetres: Double(line.millimetres) / 1000,
                          boxesWithoutSize: line.withoutSize)
        }.sorted { a, b in
            // Each unit's boxes in the units' order, then those of several units.
            switch (a.holder, b.holder) {
            case let (x?, y?) where x != y: return String.reportOrder(x, y)
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (a.phase?.order ?? Phase.allCases.count) < (b.phase?.order ?? Phase.allCases.count)
            }
        }
        totalDocuments = self.documents.reduce(0) { $0 + $1.documents }
        totalBoxes = self.boxes.reduce(0) { $0 + $1.boxes }
        totalLinearMetres = Double(lines.values.reduce(0) { $0 + $1.millimetres }) / 1000
        totalBoxesWithoutSize = self.boxes.reduce(0) { $0 + $1.boxesWithoutSize }
    }

    /// A unit as `Access.sameUnit` compares it.
}

private struct VolumeDocumentKey: Hashable {
    var unit: String
    var phase: Phase
    var support: String
}

extension Phase {
    /// The life cycle's order: actif, semi-actif, inactif-verse, inactif-detruit.
    var order: Int { Phase.allCases.firstIndex(of: self) ?? Phase.allCases.count }
}

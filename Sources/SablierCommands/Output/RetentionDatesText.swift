import SablierApplication

extension RetentionDates {
    /// `transfer D, destroy D`, or `waits for CODE`: a document's dates in one cell of the
    /// command line's tables (`document correct`, `document reclassify`, `calendar impact`),
    /// in the same words as their other columns and the due list's actions.
    var summary: String {
        if let waiting { return "waits for " + waiting }
        return [transferOn.map { "transfer \($0)" }, finalOn.map { "\(finalAction ?? "-") \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }
}

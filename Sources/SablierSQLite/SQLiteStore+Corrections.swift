public import SablierStore

extension SQLiteStore: CorrectionStore {}

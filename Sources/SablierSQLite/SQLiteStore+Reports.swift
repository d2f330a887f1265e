public import SablierStore

extension SQLiteStore: ReportStore {}

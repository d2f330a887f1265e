public import SablierStore

extension SQLiteStore: RelinkStore {}

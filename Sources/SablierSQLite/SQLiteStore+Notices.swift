public import SablierStore

extension SQLiteStore: NoticeStore {}

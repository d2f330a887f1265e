#ifndef SABLIER_CSQLITE_SHIM_H
#define SABLIER_CSQLITE_SHIM_H

/* SQLite's process-wide settings, which sqlite3_config sets: a variadic C function, which
   Swift cannot call. GRDB reaches SQLite itself through its own module (GRDBSQLite); this
   one only holds what Sablier configures before opening its first connection. */
#include <sqlite3.h>

/* Turns off SQLite's memory statistics (sqlite3_status, the soft heap limit, neither of
   which Sablier uses). With them on, every allocation and release SQLite makes takes a
   process-wide mutex to count it: an eighth of the time it takes to register a million
   documents. Returns SQLITE_MISUSE, and changes nothing, once SQLite is initialized. */
static inline int sablier_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif

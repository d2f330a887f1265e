#ifndef SABLIER_CSPAWN_H
#define SABLIER_CSPAWN_H

#include <spawn.h>

/// Adds to `actions` the closing of every descriptor from `from` up: glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not show
/// (it is declared only under _GNU_SOURCE). Returns 0, or an errno value.
int sablier_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int from);

/// Sets `attributes` (initialised by the caller) so that the child starts in a process group
/// of its own, which can be killed whole, with no signal blocked and every signal at its
/// default action, whatever Sablier's own mask and handlers are: the one way every external
/// tool Sablier runs (pdftotext, sendmail) is started. Returns 0, or an errno value.
int sablier_spawnattr_isolate(posix_spawnattr_t *attributes);

#endif

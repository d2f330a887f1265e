#ifndef SABLIER_CSPAWN_H
#define SABLIER_CSPAWN_H

#include <spawn.h>

/// Adds to `actions` the closing of every descriptor from `from` up: glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not show
/// (it is declared only under _GNU_SOURCE). Returns 0, or an errno value.
int sablier_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int from);

#endif

#ifndef FOOTAGE_LAUNCH_RULE_H
#define FOOTAGE_LAUNCH_RULE_H

#include <stdbool.h>

/// Whether `footage-lean` can run a command line (the arguments after the program name): its
/// first word names a command that needs no media library, and no word asks for help, the
/// version or completions, which come from the full tree. `footage` decides with this before
/// anything else starts, and `footage-lean` checks again with the same rule.
bool footage_runs_lean(int count, const char *const *arguments);

/// The commands `footage-lean` runs, by the name they are called with (for the test that keeps
/// this list and the Swift `LeanCommand` the same).
int footage_lean_command_count(void);
const char *footage_lean_command_name(int index);

#endif

#include "LaunchRule.h"

#include <stddef.h>
#include <string.h>

static const char *const lean_commands[] = {
    "probe", "init", "register", "clips", "show", "provenance", "verify",
    "article", "claims", "link", "mark", "unresolved", "check", "export",
};

// Words that ask for help, the version or completions. ArgumentParser would answer these from
// the lean tree's smaller root, so they go to the full tree even where they are only an option's
// value (handing on is always correct, only slower).
static const char *const full_tree_words[] = {
    "help", "-h", "-help", "--help", "-hh", "--help-hidden", "--version", "--experimental-dump-help",
    "--generate-completion-script",
};

#define COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

static bool listed(const char *word, const char *const *list, int count) {
    for (int index = 0; index < count; index++) {
        if (strcmp(word, list[index]) == 0) return true;
    }
    return false;
}

bool footage_runs_lean(int count, const char *const *arguments) {
    if (count < 1 || !listed(arguments[0], lean_commands, COUNT(lean_commands))) return false;
    for (int index = 0; index < count; index++) {
        if (listed(arguments[index], full_tree_words, COUNT(full_tree_words))) return false;
        if (strncmp(arguments[index], "---", 3) == 0) return false;
    }
    return true;
}

int footage_lean_command_count(void) { return COUNT(lean_commands); }

const char *footage_lean_command_name(int index) {
    return index >= 0 && index < COUNT(lean_commands) ? lean_commands[index] : NULL;
}

// `footage`, the program people run: it picks the command tree for a command line from its words
// alone and replaces itself with that program (`execv`, same arguments). Catalogue commands go to
// `footage-lean`, which loads no media library; everything else (frames, analyze, help, usage
// errors) goes to `footage-full`. Being this small, it starts and hands on in about a millisecond,
// where a command tree started only to hand on would cost several.
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "LaunchRule.h"

// The folder of the running executable (the real file, not a link to it), with its final slash;
// empty when it cannot be told.
static void own_folder(char *folder, size_t size, const char *invoked) {
    ssize_t length = readlink("/proc/self/exe", folder, size - 1);
    if (length > 0) {
        folder[length] = '\0';
    } else {
        snprintf(folder, size, "%s", invoked);
    }
    char *slash = strrchr(folder, '/');
    if (slash) {
        slash[1] = '\0';
    } else {
        folder[0] = '\0';
    }
}

int main(int argc, char **argv) {
    const char *tree = footage_runs_lean(argc - 1, (const char *const *)argv + 1) ? "footage-lean" : "footage-full";
    char folder[PATH_MAX];
    own_folder(folder, sizeof folder, argc > 0 ? argv[0] : "");
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s%s", folder, tree);
    char *fallback[] = {path, NULL};
    if (argc > 0) {
        argv[0] = path;
    } else {
        argv = fallback;
    }
    execv(path, argv);
    char reason[256];
    snprintf(reason, sizeof reason, "%s", strerror(errno));
    for (char *letter = reason; *letter; letter++) *letter = (char)tolower((unsigned char)*letter);
    fprintf(stderr, "footage: cannot run %s: %s (%s must be installed beside footage)\n", path, reason, tree);
    return 70;
}

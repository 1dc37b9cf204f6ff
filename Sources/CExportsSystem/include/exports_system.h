#ifndef FOOTAGE_EXPORTS_SYSTEM_H
#define FOOTAGE_EXPORTS_SYSTEM_H

// What Swift cannot reach reliably: `struct stat` and `struct dirent` are declared by several
// imported C modules, so their fields are read here and handed back as plain integers.

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>

enum exports_file_kind {
    EXPORTS_KIND_FILE = 1,
    EXPORTS_KIND_FOLDER = 2,
    EXPORTS_KIND_LINK = 3,
    EXPORTS_KIND_OTHER = 4,
};

/// `fstatat(folder, name, AT_SYMLINK_NOFOLLOW)`: the kind of `name` (never following it) and,
/// for a regular file, its size. Returns -1 with errno set on failure.
static inline int exports_kind_at(int folder, const char *name, int64_t *size) {
    struct stat info;
    if (fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) != 0) return -1;
    *size = (int64_t)info.st_size;
    if (S_ISREG(info.st_mode)) return EXPORTS_KIND_FILE;
    if (S_ISDIR(info.st_mode)) return EXPORTS_KIND_FOLDER;
    if (S_ISLNK(info.st_mode)) return EXPORTS_KIND_LINK;
    return EXPORTS_KIND_OTHER;
}

/// The name of a directory entry returned by `readdir`.
static inline const char *exports_entry_name(const struct dirent *entry) {
    return entry->d_name;
}

#endif

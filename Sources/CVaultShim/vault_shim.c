#define _GNU_SOURCE
#include <fcntl.h>
#include "vault_shim.h"

int vault_start_writeback(int descriptor, long long offset, long long length) {
    return sync_file_range(descriptor, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE);
}

#ifndef VAULT_SHIM_H
#define VAULT_SHIM_H

/* What Swift's Glibc module does not expose (sync_file_range needs _GNU_SOURCE). The header
   includes no system header, so that it cannot disagree with Swift's view of them. */

/* Starts writing back a range of a file without waiting, so that the final fsync of a large
   copy has little left to do. Returns 0, or -1 with errno set. */
int vault_start_writeback(int descriptor, long long offset, long long length);

#endif

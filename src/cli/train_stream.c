/* train_stream.c — train's choice between loading the training set whole and
 * streaming it from disk (--stream, --max-resident-mb). */
#include <unistd.h>

#include "cli/cli.h"

/* Half of physical memory, as a default that leaves room for the model, the
 * test set and everything else on the machine. */
static uint64_t default_limit(void) {
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page <= 0) return (uint64_t)4 << 30;   /* unknown: 4 GiB */
    return (uint64_t)pages * (uint64_t)page / 2;
}

int cli_train_streams(const char *dir, int force, int64_t max_mb, char *mode, size_t cap) {
    mode[0] = '\0';
    if (force) {
        snprintf(mode, cap, "streamed from disk (--stream)");
        return 1;
    }
    cnnc_error err;
    cnnc_error_clear(&err);
    uint64_t bytes = 0;
    if (cnnc_data_train_bytes(dir, &bytes, &err) != CNNC_OK) return 0;
    const uint64_t limit = max_mb > 0 ? (uint64_t)max_mb << 20 : default_limit();
    const double mib = (double)bytes / (1024.0 * 1024.0), lim = (double)limit / (1024.0 * 1024.0);
    const char *what = max_mb > 0 ? "--max-resident-mb" : "half of physical memory";
    if (bytes > limit) {
        snprintf(mode, cap, "streamed from disk (%.1f MiB decoded > %s, %.0f MiB)", mib, what, lim);
        return 1;
    }
    if (max_mb > 0) snprintf(mode, cap, "loaded whole (%.1f MiB decoded <= --max-resident-mb, %.0f MiB)", mib, lim);
    return 0;
}

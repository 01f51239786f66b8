/* atomic_write.c — write a whole file so that a reader sees the old file or the
 * new one, never half of either: a temporary beside it, fsync, rename, then
 * fsync of the folder so the rename itself is durable. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/test_hooks.h"
#include "io/io_util.h"

static int write_all(int fd, const void *data, size_t len) {
    const unsigned char *p = data;
    while (len > 0) {
        size_t chunk = len > ((size_t)1 << 30) ? ((size_t)1 << 30) : len;
        ssize_t w = write(fd, p, chunk);
        if (w < 0) {
            if (errno == EINTR) continue;
            return 0;
        }
        if (w == 0) {
            errno = ENOSPC;
            return 0;
        }
        p += w;
        len -= (size_t)w;
    }
    return 1;
}

int cnnc_io_write_atomic_parts(const char *path, const cnnc_io_part *parts, int32_t n_parts) {
    char tmp[1200];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= sizeof tmp) return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    int ok = 1, e = 0;
    for (int32_t k = 0; ok && k < n_parts; k++) {
        ok = write_all(fd, parts[k].data, parts[k].len);
        /* the crash-safety tests kill -9 the process here, half-written */
        if (ok && k == 0) cnnc_hook_save_pause();
    }
    if (!ok) e = errno ? errno : EIO;
    if (ok && fsync(fd) != 0) { ok = 0; e = errno; }
    if (close(fd) != 0 && ok) { ok = 0; e = errno; }
    if (ok && rename(tmp, path) != 0) { ok = 0; e = errno; }
    if (!ok) {
        unlink(tmp);
        return e ? e : EIO;
    }
    char dir[1200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == dir) dir[1] = '\0';
    else *slash = '\0';
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);   /* best effort: some file systems refuse fsync on folders */
        close(dfd);
    }
    return 0;
}

cnnc_status cnnc_io_write_atomic(const char *path, const void *data, size_t n, cnnc_error *err) {
    cnnc_io_part part = {data, n};
    int e = cnnc_io_write_atomic_parts(path, &part, 1);
    if (!e) return CNNC_OK;
    if (e < 0) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "path too long: '%.200s'", path);
    cnnc_io_os_error(err, e, path);
    if (err) {
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len, " (nothing was written, any previous file is unchanged)");
    }
    return CNNC_ERR_IO;
}

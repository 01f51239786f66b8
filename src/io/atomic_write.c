/* atomic_write.c — write a whole file so that a reader sees the old file or the
 * new one, never half of either: a temporary beside it, fsync, rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "io/io_util.h"

cnnc_status cnnc_io_write_atomic(const char *path, const void *data, size_t n, cnnc_error *err) {
    char tmp[1200];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= sizeof tmp)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "path too long: '%.200s'", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return cnnc_io_os_error(err, errno, path);
    const char *p = (const char *)data;
    int e = 0;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) { e = w < 0 ? errno : EIO; break; }
        p += w;
        n -= (size_t)w;
    }
    if (!e && fsync(fd) != 0) e = errno;
    if (close(fd) != 0 && !e) e = errno;
    if (!e && rename(tmp, path) != 0) e = errno;
    if (e) {
        unlink(tmp);
        cnnc_io_os_error(err, e, path);
        size_t len = strlen(err ? err->message : "");
        if (err) snprintf(err->message + len, sizeof err->message - len, " (nothing was written, any previous file is unchanged)");
        return CNNC_ERR_IO;
    }
    return CNNC_OK;
}

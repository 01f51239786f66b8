/* io_util.h — shared helpers for the src/io readers and writers (internal). */
#ifndef CNNC_IO_UTIL_H
#define CNNC_IO_UTIL_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cnnc/status.h"

/* The last path component, for messages ("t10k-labels-idx1-ubyte.gz"). */
static inline const char *cnnc_io_basename(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Python's exception class for an errno, as open() would raise it. */
static inline const char *cnnc_io_os_error_type(int errnum) {
    switch (errnum) {
    case ENOENT: return "FileNotFoundError";
    case EACCES: case EPERM: return "PermissionError";
    case EISDIR: return "IsADirectoryError";
    case ENOTDIR: return "NotADirectoryError";
    case EEXIST: return "FileExistsError";
    default: return "OSError";
    }
}

/* "FileNotFoundError: [Errno 2] No such file or directory: 'path'" — exactly as
 * Python prints a failed open(); err->file is set to the path. */
static inline cnnc_status cnnc_io_os_error(cnnc_error *err, int errnum, const char *path) {
    if (err) snprintf(err->file, sizeof err->file, "%s", path);
    return cnnc_error_set(err, CNNC_ERR_IO, cnnc_io_os_error_type(errnum), "[Errno %d] %s: '%s'", errnum,
                          strerror(errnum), path);
}

/* Write a file whole or not at all: PATH.tmp.PID, fsync, rename over PATH, fsync
 * of the folder. On failure the temporary is removed, the previous file is
 * unchanged, and the errno comes back (0: written; -1: the path is too long for the
 * temporary's name). */
typedef struct cnnc_io_part { const void *data; size_t len; } cnnc_io_part;
int cnnc_io_write_atomic_parts(const char *path, const cnnc_io_part *parts, int32_t n_parts);
/* The same for one buffer, with err naming the path as Python's OSError. */
cnnc_status cnnc_io_write_atomic(const char *path, const void *data, size_t n, cnnc_error *err);

/* A format error about a file: "NAME: what went wrong" (no exception type, the
 * file name leads), with err->file set to the full path. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static inline cnnc_status cnnc_io_format_error(cnnc_error *err, const char *path, const char *fmt, ...) {
    if (!err) return CNNC_ERR_IO;
    char what[CNNC_ERR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(err->file, sizeof err->file, "%s", path);
    return cnnc_error_set(err, CNNC_ERR_IO, "", "%s: %s", cnnc_io_basename(path), what);
}

#endif

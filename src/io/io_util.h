/* io_util.h — shared helpers for the src/io readers and writers (internal). */
#ifndef CNNC_IO_UTIL_H
#define CNNC_IO_UTIL_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cnnc/status.h"

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
    if (err) snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
    return cnnc_error_set(err, CNNC_ERR_IO, cnnc_io_os_error_type(errnum), "[Errno %d] %s: '%.900s'", errnum,
                          strerror(errnum), path);
}

/* Write a file whole or not at all. The file lands where open(PATH, "wb") would
 * write: PATH, or the end of its chain of symlinks; a new path or a regular file
 * is replaced, anything else (device node, directory, FIFO, socket) is refused
 * naming PATH and what it is. The data goes to TARGET.tmp.PID, fsync, rename over
 * TARGET, fsync of the folder. On failure the temporary is removed, the previous
 * file is unchanged, and err says so ("... (nothing was saved, any previous file
 * is unchanged)"). */
typedef struct cnnc_io_part { const void *data; size_t len; } cnnc_io_part;
cnnc_status cnnc_io_write_atomic_parts(const char *path, const cnnc_io_part *parts, int32_t n_parts, cnnc_error *err);
/* The same for one buffer. */
cnnc_status cnnc_io_write_atomic(const char *path, const void *data, size_t n, cnnc_error *err);
/* Where a save to PATH would land (TARGET: PATH or its symlinks' end), or the
 * error a save would give because of what is there. */
cnnc_status cnnc_io_save_target(const char *path, char *target, size_t cap, cnnc_error *err);
/* The two halves of an atomic write, so that several files can be committed
 * together (a checkpoint and its optimizer sidecar): stage writes and syncs the
 * temporary; commit renames it over the target; discard removes it. */
typedef struct cnnc_io_staged {
    char path[1024];      /* as given (for messages) */
    char target[1024];    /* where it lands */
    char tmp[1100];
    int active;           /* a temporary exists */
} cnnc_io_staged;
cnnc_status cnnc_io_stage_parts(const char *path, const cnnc_io_part *parts, int32_t n_parts, cnnc_io_staged *s,
                                cnnc_error *err);
cnnc_status cnnc_io_commit(cnnc_io_staged *s, cnnc_error *err);
void cnnc_io_discard(cnnc_io_staged *s);
/* rename(FROM, TO) then fsync of TO's folder; err names TO. */
cnnc_status cnnc_io_rename(const char *from, const char *to, cnnc_error *err);

/* A safetensors file staged (see cnnc_io_stage_parts); cnnc_st_writer_save is
 * this plus cnnc_io_commit. */
typedef struct cnnc_st_writer cnnc_st_writer;
cnnc_status cnnc_st_writer_stage(cnnc_st_writer *w, const char *path, cnnc_io_staged *staged, cnnc_error *err);

/* Whether DIR is in torchvision's ImageFolder layout (DIR/train or DIR/test is a
 * folder) rather than IDX files (data_set.c). */
int cnnc_data_is_folder_set(const char *dir);

/* A format error about a file, worded like the rest of the CLI's errors:
 * "ValueError: /full/path/x.safetensors: what went wrong (and what was
 * expected)"; err->file is set to the full path. The status stays CNNC_ERR_IO. */
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
    snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
    return cnnc_error_set(err, CNNC_ERR_IO, "ValueError", "%.400s: %s", path, what);
}

#endif

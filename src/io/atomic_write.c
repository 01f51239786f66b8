/* atomic_write.c — write a whole file so that a reader sees the old file or the
 * new one, never half of either: a temporary beside it, fsync, rename, then
 * fsync of the folder so the rename itself is durable.
 *
 * Where the file lands is decided first, as open(PATH, "wb") (torch.save)
 * would: a symlink at PATH is followed and its target is replaced; a new path
 * or a regular file is written; anything else (a device node, a directory, a
 * FIFO, a socket) is refused with the path and what it is, and nothing is
 * replaced. The write is split in two steps (stage: the temporary, written and
 * synced; commit: the rename) so that a checkpoint can make two files one unit. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* "[Errno 28] No space left on device: 'PATH'" plus what became of the old file. */
static cnnc_status save_os_error(cnnc_error *err, int errnum, const char *path) {
    cnnc_io_os_error(err, errnum, path);
    if (err) {
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len, "%s",
                 errnum == ENOSPC ? " (disk full: nothing was saved, any previous file is unchanged)"
                                  : " (nothing was saved, any previous file is unchanged)");
    }
    return CNNC_ERR_IO;
}

static const char *file_kind(mode_t mode) {
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISDIR(mode)) return "a directory";
    return "not a regular file";
}

static cnnc_status too_long(cnnc_error *err, const char *path) {
    return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "path too long: '%.200s'", path);
}

/* Follow the symlinks at PATH as open() would; the end of the chain (which may
 * not exist yet) goes to `out`. 0, an errno, or -1 (too long). */
static int follow_links(const char *path, char *out, size_t cap) {
    if ((size_t)snprintf(out, cap, "%s", path) >= cap) return -1;
    for (int hops = 0;; hops++) {
        struct stat sb;
        if (lstat(out, &sb) != 0) return errno == ENOENT ? 0 : errno;   /* a new file (or a missing folder: open says) */
        if (!S_ISLNK(sb.st_mode)) return 0;
        if (hops >= 40) return ELOOP;
        char link[PATH_MAX];
        ssize_t n = readlink(out, link, sizeof link - 1);
        if (n < 0) return errno;
        link[n] = '\0';
        if (link[0] == '/') {
            if ((size_t)snprintf(out, cap, "%s", link) >= cap) return -1;
        } else {
            char *slash = strrchr(out, '/');
            size_t keep = slash ? (size_t)(slash - out) + 1 : 0;   /* relative to the link's folder */
            if (keep + (size_t)n + 1 > cap) return -1;
            memmove(out + keep, link, (size_t)n + 1);
        }
    }
}

cnnc_status cnnc_io_save_target(const char *path, char *target, size_t cap, cnnc_error *err) {
    int e = follow_links(path, target, cap);
    if (e < 0) return too_long(err, path);
    if (e) return save_os_error(err, e, path);
    struct stat sb;
    if (stat(target, &sb) != 0) return CNNC_OK;   /* a new file */
    if (S_ISDIR(sb.st_mode)) return save_os_error(err, EISDIR, path);
    if (!S_ISREG(sb.st_mode)) {
        if (err) snprintf(err->file, sizeof err->file, "%s", path);
        int linked = strcmp(target, path) != 0;
        return cnnc_error_set(err, CNNC_ERR_IO, "OSError",
                              "cannot save to '%s'%s%s%s: it is %s, and cnnc saves only over a regular file or to a "
                              "new path (nothing was saved)",
                              path, linked ? " (a symlink to '" : "", linked ? target : "", linked ? "')" : "",
                              file_kind(sb.st_mode));
    }
    if (access(target, W_OK) != 0 && errno == EACCES) return save_os_error(err, EACCES, path);
    return CNNC_OK;
}

cnnc_status cnnc_io_stage_parts(const char *path, const cnnc_io_part *parts, int32_t n_parts, cnnc_io_staged *s,
                                cnnc_error *err) {
    memset(s, 0, sizeof *s);
    cnnc_status st = cnnc_io_save_target(path, s->target, sizeof s->target, err);
    if (st != CNNC_OK) return st;
    if ((size_t)snprintf(s->path, sizeof s->path, "%s", path) >= sizeof s->path ||
        (size_t)snprintf(s->tmp, sizeof s->tmp, "%s.tmp.%ld", s->target, (long)getpid()) >= sizeof s->tmp)
        return too_long(err, path);
    struct stat old;
    int had_old = stat(s->target, &old) == 0;
    int fd = open(s->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return save_os_error(err, errno, path);
    int ok = 1, e = 0;
    if (had_old) (void)fchmod(fd, old.st_mode & 07777);   /* replacing a file keeps its permissions, as open() does */
    for (int32_t k = 0; ok && k < n_parts; k++) {
        ok = write_all(fd, parts[k].data, parts[k].len);
        /* the crash-safety tests kill -9 the process here, half-written */
        if (ok && k == 0) cnnc_hook_save_pause();
    }
    if (!ok) e = errno ? errno : EIO;
    if (ok && fsync(fd) != 0) { ok = 0; e = errno; }
    if (close(fd) != 0 && ok) { ok = 0; e = errno; }
    if (!ok) {
        unlink(s->tmp);
        return save_os_error(err, e ? e : EIO, path);
    }
    s->active = 1;
    return CNNC_OK;
}

/* fsync of the folder holding `file`, so that a rename in it is durable. */
static void sync_folder(const char *file) {
    char dir[sizeof ((cnnc_io_staged *)0)->target];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == dir) dir[1] = '\0';
    else *slash = '\0';
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);   /* best effort: some file systems refuse fsync on folders */
        close(dfd);
    }
}

cnnc_status cnnc_io_commit(cnnc_io_staged *s, cnnc_error *err) {
    if (!s->active) return CNNC_OK;
    s->active = 0;
    if (rename(s->tmp, s->target) != 0) {
        int e = errno;
        unlink(s->tmp);
        return save_os_error(err, e, s->path);
    }
    sync_folder(s->target);
    return CNNC_OK;
}

void cnnc_io_discard(cnnc_io_staged *s) {
    if (s->active) unlink(s->tmp);
    s->active = 0;
}

cnnc_status cnnc_io_write_atomic_parts(const char *path, const cnnc_io_part *parts, int32_t n_parts, cnnc_error *err) {
    cnnc_io_staged s;
    cnnc_status st = cnnc_io_stage_parts(path, parts, n_parts, &s, err);
    if (st != CNNC_OK) return st;
    return cnnc_io_commit(&s, err);
}

cnnc_status cnnc_io_write_atomic(const char *path, const void *data, size_t n, cnnc_error *err) {
    cnnc_io_part part = {data, n};
    return cnnc_io_write_atomic_parts(path, &part, 1, err);
}

cnnc_status cnnc_io_rename(const char *from, const char *to, cnnc_error *err) {
    if (rename(from, to) != 0) return save_os_error(err, errno, to);
    sync_folder(to);
    return CNNC_OK;
}

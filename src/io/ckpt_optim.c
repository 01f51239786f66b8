/* ckpt_optim.c — the optimizer sidecar of a checkpoint and the pairing of the
 * two files into one unit.
 *
 * Both files carry "run_id" (random, one per training run) and "step" (the
 * optimizer step); the sidecar also records the optimizer ("optim": sgd, adam,
 * adamw) and its hyperparameters. A save stages both temporaries, moves the
 * old sidecar to SIDECAR.prev, renames the new sidecar and then the new weights
 * into place, and removes .prev. Whatever instant a crash hits, the weights on
 * disk have their own sidecar beside them, as SIDECAR or as SIDECAR.prev; a
 * resume takes the one whose run id and step match and refuses anything else,
 * naming what differs. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "io/ckpt_internal.h"

void cnnc_ckpt_optim_path(const char *path, char *out, size_t cap) {
    size_t n = strlen(path), ext = strlen(".safetensors");
    if (n > ext && strcmp(path + n - ext, ".safetensors") == 0)
        snprintf(out, cap, "%.*s.optim.safetensors", (int)(n - ext), path);
    else
        snprintf(out, cap, "%s.optim", path);
}

uint64_t cnnc_ckpt_new_run_id(void) {
    uint64_t id = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC), ok = 0;
    if (fd >= 0) {
        ok = read(fd, &id, sizeof id) == (ssize_t)sizeof id;
        close(fd);
    }
    if (!ok) {   /* no entropy source: time and pid, mixed (splitmix64) */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        id = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32);
        id += 0x9e3779b97f4a7c15u;
        id = (id ^ (id >> 30)) * 0xbf58476d1ce4e5b9u;
        id = (id ^ (id >> 27)) * 0x94d049bb133111ebu;
        id ^= id >> 31;
    }
    return id ? id : 1;
}

void cnnc_ckpt_format_run_id(uint64_t id, char out[17]) { snprintf(out, 17, "%016" PRIx64, id); }

uint64_t cnnc_ckpt_parse_run_id(const char *text) {
    if (!text || strlen(text) != 16 || strspn(text, "0123456789abcdef") != 16) return 0;
    return (uint64_t)strtoull(text, NULL, 16);
}

/* ---- the optimizer's kind and hyperparameters as metadata ---- */

static const char *const OPTIM_KEY[] = {"sgd", "adam", "adamw"};
static const char *const OPTIM_CLASS[] = {"SGD", "Adam", "AdamW"};

static const char *optim_class(cnnc_optim_kind k) { return (unsigned)k < 3 ? OPTIM_CLASS[k] : "?"; }

static cnnc_status put_float(cnnc_st_writer *w, const char *key, float v, cnnc_error *err) {
    char num[40];
    snprintf(num, sizeof num, "%.9g", (double)v);
    return cnnc_st_writer_meta(w, key, num, err);
}

static cnnc_status put_optim_config(cnnc_st_writer *w, const cnnc_optim_config *c, cnnc_error *err) {
    cnnc_status st = cnnc_st_writer_meta(w, "optim", (unsigned)c->kind < 3 ? OPTIM_KEY[c->kind] : "?", err);
    if (st == CNNC_OK) st = put_float(w, "lr", c->lr, err);
    if (st == CNNC_OK) st = put_float(w, "weight_decay", c->weight_decay, err);
    if (c->kind == CNNC_OPTIM_SGD) {
        if (st == CNNC_OK) st = put_float(w, "momentum", c->momentum, err);
        if (st == CNNC_OK) st = put_float(w, "dampening", c->dampening, err);
        if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "nesterov", c->nesterov ? "1" : "0", err);
    } else {
        char betas[80];
        snprintf(betas, sizeof betas, "%.9g,%.9g", (double)c->beta1, (double)c->beta2);
        if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "betas", betas, err);
        if (st == CNNC_OK) st = put_float(w, "eps", c->eps, err);
    }
    return st;
}

static float get_float(const cnnc_st_file *f, const char *key, float dflt) {
    const char *s = cnnc_st_meta(f, key);
    if (!s) return dflt;
    char *end;
    float v = strtof(s, &end);
    return end != s ? v : dflt;
}

/* The recorded optimizer: 1 when the sidecar names one, 0 for older sidecars. */
static int get_optim_config(const cnnc_st_file *f, cnnc_optim_config *c) {
    const char *k = cnnc_st_meta(f, "optim");
    int kind = -1;
    for (int i = 0; k && i < 3; i++)
        if (!strcmp(k, OPTIM_KEY[i])) kind = i;
    if (kind < 0) return 0;
    *c = cnnc_optim_default((cnnc_optim_kind)kind);
    c->lr = get_float(f, "lr", c->lr);
    c->weight_decay = get_float(f, "weight_decay", c->weight_decay);
    c->momentum = get_float(f, "momentum", c->momentum);
    c->dampening = get_float(f, "dampening", c->dampening);
    const char *n = cnnc_st_meta(f, "nesterov");
    if (n) c->nesterov = !strcmp(n, "1");
    const char *b = cnnc_st_meta(f, "betas");
    if (b) sscanf(b, "%f,%f", &c->beta1, &c->beta2);
    c->eps = get_float(f, "eps", c->eps);
    return 1;
}

/* ---- saving ---- */

cnnc_status cnnc_ckpt_stage_optim(cnnc_engine *e, const char *path, uint64_t run_id, cnnc_io_staged *staged,
                                  cnnc_error *err) {
    memset(staged, 0, sizeof *staged);
    char opath[1024], num[32], rid[17];
    cnnc_ckpt_optim_path(path, opath, sizeof opath);
    cnnc_st_writer *w = cnnc_st_writer_new();
    int64_t floats = cnnc_engine_trainable_floats(e), step = 0;
    float *m = malloc((size_t)floats * sizeof(float) + 1), *v = malloc((size_t)floats * sizeof(float) + 1);
    cnnc_status st = CNNC_OK;
    if (!w || !m || !v) st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory saving %s", opath);
    if (st == CNNC_OK) st = cnnc_engine_read_optim_state(e, m, v, &step, err);
    if (st == CNNC_OK) st = cnnc_st_writer_add(w, "optim.m", CNNC_F32, 1, &floats, m, err);
    if (st == CNNC_OK) st = cnnc_st_writer_add(w, "optim.v", CNNC_F32, 1, &floats, v, err);
    if (st == CNNC_OK) st = cnnc_st_writer_add(w, "optim.step", CNNC_I64, 0, NULL, &step, err);
    if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "format", "cnnc-optim", err);
    snprintf(num, sizeof num, "%" PRId64, cnnc_engine_steps(e));
    if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "step", num, err);
    cnnc_ckpt_format_run_id(run_id, rid);
    if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "run_id", rid, err);
    if (st == CNNC_OK) st = put_optim_config(w, cnnc_engine_optim_config(e), err);
    if (st == CNNC_OK) st = cnnc_st_writer_stage(w, opath, staged, err);
    free(m);
    free(v);
    cnnc_st_writer_free(w);
    return st;
}

cnnc_status cnnc_ckpt_commit_pair(cnnc_io_staged *weights, cnnc_io_staged *optim, cnnc_error *err) {
    if (!optim) return cnnc_io_commit(weights, err);
    char prev[sizeof optim->target + 8];
    snprintf(prev, sizeof prev, "%s.prev", optim->target);
    int moved = 0;
    cnnc_status st = CNNC_OK;
    if (access(optim->target, F_OK) == 0) {
        if ((st = cnnc_io_rename(optim->target, prev, err)) == CNNC_OK) moved = 1;
    }
    if (st == CNNC_OK) st = cnnc_io_commit(optim, err);
    if (st == CNNC_OK) st = cnnc_io_commit(weights, err);   /* the weights' rename completes the pair */
    if (st != CNNC_OK) {
        cnnc_io_discard(optim);
        cnnc_io_discard(weights);
        if (moved) (void)rename(prev, optim->target);   /* the old weights are in place: their sidecar back */
        return st;
    }
    (void)unlink(prev);   /* also one left by an earlier save that was cut off */
    return CNNC_OK;
}

/* ---- loading ---- */

typedef struct text { char *p; size_t cap, n; } text;

static void add(text *t, const char *fmt, const char *a, const char *b) {
    if (t->n + 1 >= t->cap) return;
    int r = snprintf(t->p + t->n, t->cap - t->n, fmt, t->n ? "; " : "", a, b);
    if (r > 0) t->n += (size_t)r;
    if (t->n >= t->cap) t->n = t->cap - 1;
}

/* What makes sidecar `o` not belong with weights `w` ("" when it does). Files
 * from before run ids pair by step alone. */
static void pair_diff(const cnnc_st_file *w, const cnnc_st_file *o, char *out, size_t cap) {
    text t = {out, cap, 0};
    out[0] = '\0';
    const char *ws = cnnc_st_meta(w, "step"), *os = cnnc_st_meta(o, "step");
    const char *wr = cnnc_st_meta(w, "run_id"), *orr = cnnc_st_meta(o, "run_id");
    if (!ws || !os || strcmp(ws, os) != 0)
        add(&t, "%sit is from optimizer step %s, the weights from step %s", os ? os : "(none)", ws ? ws : "(none)");
    if ((wr || orr) && (!wr || !orr || strcmp(wr, orr) != 0))
        add(&t, "%sit is from run %s, the weights from run %s", orr ? orr : "(none)", wr ? wr : "(none)");
}

cnnc_status cnnc_ckpt_open_sidecar(cnnc_engine *e, const cnnc_st_file *w, const char *path, cnnc_st_file **out,
                                   char *used, size_t used_cap, cnnc_ckpt_meta *meta, cnnc_error *err) {
    *out = NULL;
    used[0] = '\0';
    char opath[1024], target[1024], prev[1100], diff[400] = "";
    cnnc_ckpt_optim_path(path, opath, sizeof opath);
    if (cnnc_io_save_target(opath, target, sizeof target, NULL) != CNNC_OK) snprintf(target, sizeof target, "%s", opath);
    snprintf(prev, sizeof prev, "%s.prev", target);
    const char *cands[2] = {opath, prev};
    int seen = 0;
    for (int k = 0; k < 2 && !*out; k++) {
        if (access(cands[k], F_OK) != 0) continue;
        cnnc_st_file *of = NULL;
        cnnc_status st = cnnc_st_read(cands[k], &of, err);
        if (st != CNNC_OK) {
            if (k == 0) return st;
            continue;   /* a damaged .prev is no candidate; the sidecar's own mismatch is reported */
        }
        char d[400];
        pair_diff(w, of, d, sizeof d);
        if (!d[0]) {
            *out = of;
            snprintf(used, used_cap, "%s", cands[k]);
        } else {
            if (!seen++) snprintf(diff, sizeof diff, "%s", d);
            cnnc_st_free(of);
        }
    }
    if (!*out && seen) {
        if (err) snprintf(err->file, sizeof err->file, "%.255s", opath);
        cnnc_error_set(err, CNNC_ERR_IO, "RuntimeError",
                       "the optimizer state in %.300s does not belong with the weights in %.300s: %s (a save was cut off, or "
                       "another run saved to the same path)",
                       opath, path, diff);
        if (err) snprintf(err->hint, sizeof err->hint, "resume from the weights alone by moving %.900s away", opath);
        return CNNC_ERR_IO;
    }
    if (!*out) return CNNC_OK;
    cnnc_optim_config rec;
    if (!get_optim_config(*out, &rec)) return CNNC_OK;   /* a sidecar from before the optimizer was recorded */
    const cnnc_optim_config *now = cnnc_engine_optim_config(e);
    if (now && rec.kind != now->kind) {
        if (err) snprintf(err->file, sizeof err->file, "%.255s", used);
        cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                       "%.900s holds %s optimizer state but this run uses %s: the state of one is not the state of the "
                       "other",
                       used, optim_class(rec.kind), optim_class(now->kind));
        if (err)
            snprintf(err->hint, sizeof err->hint, "resume with --optim %s, or from the weights alone by moving %.900s away",
                     OPTIM_KEY[rec.kind], opath);
        cnnc_st_free(*out);
        *out = NULL;
        return CNNC_ERR_USAGE;
    }
    if (meta) {
        meta->has_optim_config = 1;
        meta->optim = rec;
    }
    return CNNC_OK;
}

/* ---- before training: can a checkpoint be saved there? ---- */

static cnnc_status probe(const char *path, cnnc_error *err) {
    char target[1024], tmp[1100];
    cnnc_status st = cnnc_io_save_target(path, target, sizeof target, err);
    if (st != CNNC_OK) return st;
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", target, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return cnnc_io_os_error(err, errno, path);
    close(fd);
    unlink(tmp);
    return CNNC_OK;
}

cnnc_status cnnc_ckpt_check_save_path(const char *path, int with_optim, cnnc_error *err) {
    if (!path) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_ckpt_check_save_path: NULL argument");
    cnnc_status st = probe(path, err);
    if (st == CNNC_OK && with_optim) {
        char opath[1024];
        cnnc_ckpt_optim_path(path, opath, sizeof opath);
        st = probe(opath, err);
    }
    return st;
}

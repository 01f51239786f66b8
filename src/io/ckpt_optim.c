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
#include <math.h>
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

static const char *const OPTIM_KEY[CNNC_OPTIM_KIND_COUNT] = {"sgd", "adam", "adamw", "adadelta", "rmsprop", "adagrad"};
static const char *const OPTIM_CLASS[CNNC_OPTIM_KIND_COUNT] = {"SGD", "Adam", "AdamW", "Adadelta", "RMSprop", "Adagrad"};

static const char *optim_class(cnnc_optim_kind k) { return (unsigned)k < CNNC_OPTIM_KIND_COUNT ? OPTIM_CLASS[k] : "?"; }

static cnnc_status put_float(cnnc_st_writer *w, const char *key, float v, cnnc_error *err) {
    char num[40];
    snprintf(num, sizeof num, "%.9g", (double)v);
    return cnnc_st_writer_meta(w, key, num, err);
}

static cnnc_status put_optim_config(cnnc_st_writer *w, const cnnc_optim_config *c, cnnc_error *err) {
    cnnc_status st =
        cnnc_st_writer_meta(w, "optim", (unsigned)c->kind < CNNC_OPTIM_KIND_COUNT ? OPTIM_KEY[c->kind] : "?", err);
    if (st == CNNC_OK) st = put_float(w, "lr", c->lr, err);
    if (st == CNNC_OK) st = put_float(w, "weight_decay", c->weight_decay, err);
    if (c->kind == CNNC_OPTIM_SGD || c->kind == CNNC_OPTIM_RMSPROP)
        if (st == CNNC_OK) st = put_float(w, "momentum", c->momentum, err);
    if (c->kind == CNNC_OPTIM_SGD) {
        if (st == CNNC_OK) st = put_float(w, "dampening", c->dampening, err);
        if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "nesterov", c->nesterov ? "1" : "0", err);
        return st;
    }
    if (c->kind == CNNC_OPTIM_ADAM || c->kind == CNNC_OPTIM_ADAMW) {
        char betas[80];
        snprintf(betas, sizeof betas, "%.9g,%.9g", (double)c->beta1, (double)c->beta2);
        if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "betas", betas, err);
    }
    if (st == CNNC_OK) st = put_float(w, "eps", c->eps, err);
    if (c->kind == CNNC_OPTIM_ADADELTA && st == CNNC_OK) st = put_float(w, "rho", c->rho, err);
    if (c->kind == CNNC_OPTIM_RMSPROP && st == CNNC_OK) st = put_float(w, "alpha", c->alpha, err);
    if (c->kind == CNNC_OPTIM_RMSPROP && st == CNNC_OK) st = cnnc_st_writer_meta(w, "centered", c->centered ? "1" : "0", err);
    if (c->kind == CNNC_OPTIM_ADAGRAD && st == CNNC_OK) st = put_float(w, "lr_decay", c->lr_decay, err);
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
    for (int i = 0; k && i < CNNC_OPTIM_KIND_COUNT; i++)
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
    c->rho = get_float(f, "rho", c->rho);
    c->alpha = get_float(f, "alpha", c->alpha);
    const char *ce = cnnc_st_meta(f, "centered");
    if (ce) c->centered = !strcmp(ce, "1");
    c->lr_decay = get_float(f, "lr_decay", c->lr_decay);
    return 1;
}

/* ---- the learning-rate schedule as metadata ("sched" and "sched.*") ---- */

static cnnc_status put_double(cnnc_st_writer *w, const char *key, double v, cnnc_error *err) {
    char num[40];
    snprintf(num, sizeof num, "%.17g", v);
    return cnnc_st_writer_meta(w, key, num, err);
}

static cnnc_status put_sched(cnnc_st_writer *w, const cnnc_sched_config *s, double next_lr, cnnc_error *err) {
    char list[CNNC_SCHED_MAX_MILESTONES * 21 + 1];
    size_t n = 0;
    list[0] = '\0';
    for (int k = 0; k < s->n_milestones && n < sizeof list; k++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%lld", k ? "," : "", (long long)s->milestones[k]);
    const struct { const char *key; double v; } D[] = {
        {"sched.per_step", s->per_step},         {"sched.step_size", (double)s->step_size},
        {"sched.gamma", s->gamma},               {"sched.t_max", (double)s->t_max},
        {"sched.eta_min", s->eta_min},           {"sched.max_lr", s->max_lr},
        {"sched.total_steps", (double)s->total_steps}, {"sched.pct_start", s->pct_start},
        {"sched.anneal_linear", s->anneal_linear}, {"sched.cycle_momentum", s->cycle_momentum},
        {"sched.base_momentum", s->base_momentum}, {"sched.max_momentum", s->max_momentum},
        {"sched.div_factor", s->div_factor},     {"sched.final_div_factor", s->final_div_factor},
        {"sched.warmup_steps", (double)s->warmup_steps}, {"sched.warmup_start_factor", s->warmup_start_factor},
        {"sched.next_lr", next_lr},
    };
    cnnc_status st = cnnc_st_writer_meta(w, "sched", cnnc_sched_name(s->kind), err);
    if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "sched.milestones", list, err);
    for (size_t k = 0; st == CNNC_OK && k < sizeof D / sizeof D[0]; k++) st = put_double(w, D[k].key, D[k].v, err);
    return st;
}

static double get_double(const cnnc_st_file *f, const char *key, double dflt) {
    const char *s = cnnc_st_meta(f, key);
    if (!s) return dflt;
    char *end;
    double v = strtod(s, &end);
    return end != s && isfinite(v) ? v : dflt;
}

/* The recorded schedule: 1 when the sidecar names one, 0 when none (older files too);
 * -1 when it is malformed (an unknown name or milestones that do not parse). */
static int get_sched(const cnnc_st_file *f, cnnc_sched_config *s) {
    const char *name = cnnc_st_meta(f, "sched");
    if (!name) return 0;
    int kind = cnnc_sched_parse(name);
    if (kind < 0) return -1;
    *s = cnnc_sched_default((cnnc_sched_kind)kind);
    s->per_step = get_double(f, "sched.per_step", s->per_step) != 0;
    s->step_size = (int64_t)get_double(f, "sched.step_size", 0);
    s->gamma = get_double(f, "sched.gamma", s->gamma);
    s->t_max = (int64_t)get_double(f, "sched.t_max", 0);
    s->eta_min = get_double(f, "sched.eta_min", 0);
    s->max_lr = get_double(f, "sched.max_lr", 0);
    s->total_steps = (int64_t)get_double(f, "sched.total_steps", 0);
    s->pct_start = get_double(f, "sched.pct_start", s->pct_start);
    s->anneal_linear = get_double(f, "sched.anneal_linear", 0) != 0;
    s->cycle_momentum = get_double(f, "sched.cycle_momentum", s->cycle_momentum) != 0;
    s->base_momentum = get_double(f, "sched.base_momentum", s->base_momentum);
    s->max_momentum = get_double(f, "sched.max_momentum", s->max_momentum);
    s->div_factor = get_double(f, "sched.div_factor", s->div_factor);
    s->final_div_factor = get_double(f, "sched.final_div_factor", s->final_div_factor);
    s->warmup_steps = (int64_t)get_double(f, "sched.warmup_steps", 0);
    s->warmup_start_factor = get_double(f, "sched.warmup_start_factor", s->warmup_start_factor);
    const char *list = cnnc_st_meta(f, "sched.milestones");
    s->n_milestones = 0;
    for (const char *p = list; p && *p;) {
        char *end;
        long long m = strtoll(p, &end, 10);
        if (end == p || (*end && *end != ',') || s->n_milestones == CNNC_SCHED_MAX_MILESTONES) return -1;
        s->milestones[s->n_milestones++] = m;
        p = *end ? end + 1 : end;
    }
    return 1;
}

/* ---- saving ---- */

/* --ema: the weights file holds the average, so the sidecar keeps what training
 * continues from: every entry as "model.<name>", and "ema.n_averaged". */
static cnnc_status put_trained_weights(cnnc_engine *e, cnnc_st_writer *w, const char *opath, cnnc_error *err) {
    cnnc_status st = cnnc_ckpt_add_entries(w, e, "model.", cnnc_engine_read_param, opath, err);
    const int64_t count = cnnc_engine_ema_count(e);
    if (st == CNNC_OK) st = cnnc_st_writer_add(w, "ema.n_averaged", CNNC_I64, 0, NULL, &count, err);
    return st;
}

cnnc_status cnnc_ckpt_stage_optim(cnnc_engine *e, const char *path, uint64_t run_id, const cnnc_ckpt_meta *meta,
                                  cnnc_io_staged *staged, cnnc_error *err) {
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
    if (st == CNNC_OK && meta && meta->has_sched)
        st = put_sched(w, &meta->sched, cnnc_engine_lr_at(e, cnnc_engine_steps(e) + 1), err);
    float *u = NULL;
    if (st == CNNC_OK && cnnc_engine_optim_has_grad_avg(e)) {   /* RMSprop(centered=True) */
        if (!(u = malloc((size_t)floats * sizeof(float) + 1)))
            st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory saving %s", opath);
        if (st == CNNC_OK) st = cnnc_engine_read_optim_grad_avg(e, u, err);
        if (st == CNNC_OK) st = cnnc_st_writer_add(w, "optim.grad_avg", CNNC_F32, 1, &floats, u, err);
    }
    if (st == CNNC_OK && cnnc_engine_has_ema(e)) st = put_trained_weights(e, w, opath, err);
    if (st == CNNC_OK) st = cnnc_st_writer_stage(w, opath, staged, err);
    free(u);
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
        int sched = get_sched(*out, &meta->sched);
        if (sched < 0) {
            if (err) snprintf(err->file, sizeof err->file, "%.255s", used);
            cnnc_error_set(err, CNNC_ERR_IO, "ValueError", "%.900s: its learning-rate schedule (\"sched\" metadata) "
                           "is malformed", used);
            cnnc_st_free(*out);
            *out = NULL;
            return CNNC_ERR_IO;
        }
        meta->has_sched = sched;
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

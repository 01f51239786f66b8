/* check_sweep.c — `cnnc check MODEL --sweep H=8..512[,W=8..512] | HW=8..512`:
 * which input sizes validate, as runs of valid sizes plus each distinct
 * error with the first size that meets it. The shape pass runs without
 * messages or allocation per size, on --jobs threads that own row ranges.
 * A .py class is traced once into its graph (at the base input, or at the
 * first size in the range that forward gets through), which must hold at
 * every size: a forward that bakes in a size is refused.
 *
 * Bounded: at most SWEEP_MAX_ROWS values of H (the sweep keeps one row of
 * results per H) and SWEEP_MAX_SIZES sizes in all (about 10 s at the 8-15 M
 * sizes/s of docs/check-at-scale.md); a larger sweep is refused up front with
 * the limits and why, before anything is allocated. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/check.h"

static int default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 256 ? 256 : n) : 1;
}

#define MAX_DISTINCT 64
#define SWEEP_MAX_ROWS 100000
#define SWEEP_MAX_SIZES 100000000
#define MAX_RUNS 8

typedef struct distinct {
    int32_t layer;
    char key[160];          /* the message with numbers as '#' */
    int64_t first_h, first_w, hits;
} distinct;

typedef struct row { int32_t n; int64_t lo[MAX_RUNS], hi[MAX_RUNS]; int more; } row;

typedef struct sweep_job {
    const cnnc_model *model;
    cnnc_shape base;
    int64_t h0, h1, w0, w1, step;
    int square;
    int64_t row_lo, row_hi;   /* this thread's rows (indices into H) */
    row *rows;
    distinct d[MAX_DISTINCT];
    int n_d;
    int64_t valid, points;
    int64_t best_h, best_w;
} sweep_job;

static void template_of(const char *msg, char *out, size_t cap) {
    size_t o = 0;
    for (const char *p = msg; *p && o + 1 < cap; p++) {
        if (*p >= '0' && *p <= '9') { if (!o || out[o - 1] != '#') out[o++] = '#'; }
        else out[o++] = *p;
    }
    out[o] = '\0';
}

static void *sweep_worker(void *arg) {
    sweep_job *j = (sweep_job *)arg;
    cnnc_shape in = j->base;
    int nd = in.ndim;
    int32_t prev_layer = -2;
    int prev_d = -1;
    /* Counted in locals and stored once: the jobs sit next to each other in
     * memory, and per-size stores into them made the threads share cache lines. */
    int64_t points = 0, valid = 0;
    for (int64_t r = j->row_lo; r < j->row_hi; r++) {
        int64_t h = j->h0 + r;
        row *rw = &j->rows[r];
        rw->n = 0; rw->more = 0;
        int64_t wa = j->square ? h : j->w0, wb = j->square ? h : j->w1;
        int in_run = 0;
        for (int64_t w = wa; w <= wb; w++) {
            in.d[nd - 2] = h;
            in.d[nd - 1] = w;
            int32_t f = cnnc_shape_failing_layer(j->model, &in, 1, NULL);
            points++;
            if (f < 0) {
                valid++;
                if (j->best_h < 0 || h * w < j->best_h * j->best_w) { j->best_h = h; j->best_w = w; }
                if (in_run) rw->hi[rw->n - 1] = w;
                else if (rw->n < MAX_RUNS) { rw->lo[rw->n] = w; rw->hi[rw->n] = w; rw->n++; in_run = 1; }
                else rw->more = 1;
                prev_layer = -1;
                continue;
            }
            in_run = 0;
            if (f == prev_layer && prev_d >= 0) { j->d[prev_d].hits++; continue; }
            /* a new failing layer: get the message once */
            cnnc_error e;
            cnnc_shape_pass_nohint(j->model, &in, 1, &e);
            char key[160];
            template_of(e.message, key, sizeof key);
            int k;
            for (k = 0; k < j->n_d; k++) if (j->d[k].layer == f && !strcmp(j->d[k].key, key)) break;
            if (k == j->n_d && k < MAX_DISTINCT) {
                distinct *d = &j->d[j->n_d++];
                d->layer = f;
                snprintf(d->key, sizeof d->key, "%s", key);
                d->first_h = h; d->first_w = w; d->hits = 0;
            }
            if (k < j->n_d) j->d[k].hits++;
            prev_layer = f;
            prev_d = k < j->n_d ? k : -1;
        }
    }
    j->points = points;
    j->valid = valid;
    return NULL;
}

static int parse_range(const char *s, int64_t *lo, int64_t *hi) {
    char *e;
    long long a = strtoll(s, &e, 10);
    if (e == s) return 0;
    if (*e == '\0' || *e == ',') { *lo = *hi = a; return 1; }
    if (strncmp(e, "..", 2)) return 0;
    const char *t = e + 2;
    long long b = strtoll(t, &e, 10);
    if (e == t || (*e && *e != ',') || a < 0 || b < a) return 0;
    *lo = a; *hi = b;
    return 1;
}

static void print_runs(const row *rw) {
    for (int32_t k = 0; k < rw->n; k++)
        printf("%s%lld..%lld", k ? ", " : "", (long long)rw->lo[k], (long long)rw->hi[k]);
    if (rw->more) printf(", ...");
}

static int same_runs(const row *a, const row *b) {
    if (a->n != b->n || a->more != b->more) return 0;
    for (int32_t k = 0; k < a->n; k++) if (a->lo[k] != b->lo[k] || a->hi[k] != b->hi[k]) return 0;
    return 1;
}

/* A .py class's graph for the sweep: traced at `base`, else at the first size
 * in [h0..h1] x [w0..w1] (row by row, at most 4096 tries) that forward gets through. */
static cnnc_status trace_for_sweep(const check_opts *o, cnnc_source *src, cnnc_shape *base, int64_t h0, int64_t h1,
                                   int64_t w0, int64_t w1, int square, cnnc_trace **t, cnnc_error *err) {
    cnnc_error first;
    cnnc_status st = cnnc_source_trace(src, o->class_name, o->args, base, 1, 1, t, &first);
    if (st == CNNC_OK || st != CNNC_ERR_SHAPE) { if (err) *err = first; return st; }
    int tries = 0;
    for (int64_t h = h0; h <= h1 && tries < 4096; h++)
        for (int64_t w = square ? h : w0; w <= (square ? h : w1) && tries < 4096; w++, tries++) {
            cnnc_shape in = *base;
            in.d[in.ndim - 2] = h;
            in.d[in.ndim - 1] = w;
            cnnc_trace_free(*t);
            *t = NULL;
            if (cnnc_source_trace(src, o->class_name, o->args, &in, 1, 1, t, err) == CNNC_OK) { *base = in; return CNNC_OK; }
        }
    cnnc_trace_free(*t);
    *t = NULL;
    if (err) *err = first;
    return st;
}

int check_sweep(const check_opts *o, const char *path) {
    cnnc_model *m = NULL;
    cnnc_source *src = NULL;
    cnnc_trace *t = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    int py = cli_is_py(path);
    cnnc_status st = py ? cnnc_source_load(path, &src, &err) : cnnc_model_load(path, &m, &err);
    if (st) return cli_fail(&err);
    cnnc_shape base;
    if (py && !o->n_inputs) {
        if ((st = cnnc_source_default_input(src, o->class_name, o->args, &base, &err)) != CNNC_OK) {
            cnnc_source_free(src);
            return cli_fail(&err);
        }
        if (o->batch > 0) base.d[0] = o->batch;
    } else {
        check_input_for(o, 0, m, &base);
    }
    if (base.ndim < 3) { cnnc_source_free(src); cnnc_model_free(m); return cli_usage("check", "--sweep needs an input with H and W"); }
    int64_t h0, h1, w0, w1;
    int square = 0;
    const char *s = o->sweep;
    int ok = 0;
    w0 = w1 = base.d[base.ndim - 1];
    h0 = h1 = base.d[base.ndim - 2];
    if (!strncmp(s, "HW=", 3)) { ok = parse_range(s + 3, &h0, &h1); square = 1; w0 = h0; w1 = h1; }
    else if (!strncmp(s, "H=", 2)) {
        ok = parse_range(s + 2, &h0, &h1);
        const char *c = strchr(s, ',');
        if (ok && c) ok = !strncmp(c + 1, "W=", 2) && parse_range(c + 3, &w0, &w1);
    } else if (!strncmp(s, "W=", 2)) ok = parse_range(s + 2, &w0, &w1);
    if (!ok) {
        cnnc_source_free(src); cnnc_model_free(m);
        return cli_usage("check", "bad --sweep '%s' (e.g. H=8..512, H=8..512,W=8..512 or HW=8..512)", s);
    }
    /* the bounds, before anything is allocated (ranges are 0 <= lo <= hi < 2^63) */
    uint64_t n_h = (uint64_t)(h1 - h0) + 1, n_w = square ? 1 : (uint64_t)(w1 - w0) + 1;
    if (n_h > SWEEP_MAX_ROWS || n_w > SWEEP_MAX_SIZES || n_h * n_w > SWEEP_MAX_SIZES) {
        cnnc_source_free(src); cnnc_model_free(m);
        if (n_h > SWEEP_MAX_ROWS)
            return cli_usage("check", "--sweep %s has %llu values of H; the limit is %d (the sweep keeps a row of results "
                                      "per H value in memory): narrow the range", s, (unsigned long long)n_h, SWEEP_MAX_ROWS);
        double sizes = (double)n_h * (double)n_w;
        return cli_usage("check", "--sweep %s has %.0f sizes; the limit is %d (about 10 s of shape passes): narrow the "
                                  "ranges", s, sizes, SWEEP_MAX_SIZES);
    }
    if (py) {
        st = trace_for_sweep(o, src, &base, h0, h1, w0, w1, square, &t, &err);
        if (st == CNNC_OK && t->shape_dependent > 0) {
            if (t->shape_dependent_const)
                cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                               "forward() at line %d computes with a tensor not made from its input (a parameter or "
                               "constant used directly); --sweep re-runs the shape pass over a graph of layers only "
                               "(check sizes one by one with --input)", (int)t->shape_dependent);
            else
                cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                               "forward() reads a size at line %d in a way that holds for one input size only; --sweep "
                               "needs a graph that holds at every size (check sizes one by one with --input)",
                               (int)t->shape_dependent);
            snprintf(err.file, sizeof err.file, "%s", path);
            err.line = t->shape_dependent;
            st = CNNC_ERR_UNSUPPORTED;
        }
        if (st) { cnnc_trace_free(t); cnnc_source_free(src); return cli_fail(&err); }
    }
    const cnnc_model *model = py ? t->model : m;
    int64_t n_rows = h1 - h0 + 1;
    row *rows = (row *)calloc((size_t)n_rows, sizeof *rows);
    int jobs = o->jobs > 0 ? o->jobs : default_jobs();
    if (jobs > n_rows) jobs = (int)n_rows;
    sweep_job *js = (sweep_job *)calloc((size_t)jobs, sizeof *js);
    pthread_t *th = (pthread_t *)calloc((size_t)jobs, sizeof *th);
    if (!rows || !js || !th) { free(rows); free(js); free(th); cnnc_trace_free(t); cnnc_source_free(src); cnnc_model_free(m); return cli_out_of_memory("check", "the sweep"); }
    double t0 = cli_now();
    for (int i = 0; i < jobs; i++) {
        sweep_job *j = &js[i];
        j->model = model; j->base = base; j->h0 = h0; j->h1 = h1; j->w0 = w0; j->w1 = w1; j->square = square;
        j->row_lo = n_rows * i / jobs; j->row_hi = n_rows * (i + 1) / jobs;
        j->rows = rows; j->best_h = -1; j->best_w = -1;
        if (pthread_create(&th[i], NULL, sweep_worker, j) != 0) sweep_worker(j), th[i] = 0;
    }
    for (int i = 0; i < jobs; i++) if (th[i]) pthread_join(th[i], NULL);
    double dt = cli_now() - t0;
    /* merge: distinct errors in sweep order (threads own increasing rows) */
    distinct all[MAX_DISTINCT];
    int n_all = 0;
    int64_t valid = 0, points = 0, bh = -1, bw = -1;
    for (int i = 0; i < jobs; i++) {
        sweep_job *j = &js[i];
        valid += j->valid; points += j->points;
        if (j->best_h >= 0 && (bh < 0 || j->best_h * j->best_w < bh * bw)) { bh = j->best_h; bw = j->best_w; }
        for (int k = 0; k < j->n_d; k++) {
            int q;
            for (q = 0; q < n_all; q++) if (all[q].layer == j->d[k].layer && !strcmp(all[q].key, j->d[k].key)) break;
            if (q == n_all && n_all < MAX_DISTINCT) all[n_all++] = j->d[k];
            else if (q < n_all) all[q].hits += j->d[k].hits;
        }
    }
    char bs[128];
    cnnc_shape_format(&base, bs, sizeof bs);
    printf("sweep %s of %s (input %s): %lld sizes, %lld valid (%.3f s, %.1f M sizes/s, %d jobs)\n", o->sweep, path, bs,
           (long long)points, (long long)valid, dt, dt > 0 ? (double)points / dt / 1e6 : 0.0, jobs);
    if (valid) {
        printf("valid:\n");
        for (int64_t r = 0; r < n_rows;) {
            int64_t e = r;
            if (square) {   /* one size per row: group valid rows */
                while (e + 1 < n_rows && (rows[e + 1].n > 0) == (rows[r].n > 0)) e++;
                if (rows[r].n) printf("  HW=%lld..%lld\n", (long long)(h0 + r), (long long)(h0 + e));
            } else {
                while (e + 1 < n_rows && same_runs(&rows[e + 1], &rows[r])) e++;
                if (rows[r].n) {
                    printf("  H=%lld..%lld W=", (long long)(h0 + r), (long long)(h0 + e));
                    print_runs(&rows[r]);
                    printf("\n");
                }
            }
            r = e + 1;
        }
        cnnc_shape sm = base;
        sm.d[sm.ndim - 2] = bh; sm.d[sm.ndim - 1] = bw;
        cnnc_shape_format(&sm, bs, sizeof bs);
        printf("smallest valid: %s\n", bs);
    }
    for (int q = 0; q < n_all; q++) {
        cnnc_shape at = base;
        at.d[at.ndim - 2] = all[q].first_h; at.d[at.ndim - 1] = all[q].first_w;
        cnnc_error e;
        cnnc_shape_pass_nohint(model, &at, 1, &e);
        char line[CNNC_ERR_TEXT + 64];
        cnnc_error_line(&e, line, sizeof line);
        cnnc_shape_format(&at, bs, sizeof bs);
        printf("error (%lld sizes, first at %s, %s line %d): %s\n", (long long)all[q].hits, bs, e.layer, e.line, line);
    }
    free(rows); free(js); free(th);
    cnnc_trace_free(t);
    cnnc_source_free(src);
    cnnc_model_free(m);
    return valid ? 0 : 1;
}


/* check_many.c — `cnnc check` for PyTorch .py sources, many files at once,
 * and input-size sweeps.
 *
 *   cnnc check FILE.py [--class NAME] [--input SHAPE]... [--fix] [--json]
 *   cnnc check DIR_OR_FILES... [--input SHAPE] [--jobs N] [--json]
 *   cnnc check MODEL --sweep H=8..512[,W=8..512] | HW=8..512 [--batch N] [--jobs N]
 *
 * Many files: the main thread walks the paths and feeds a bounded queue;
 * --jobs workers (pthreads) read and check one file each and print one line
 * per model under a lock. Memory stays flat: a file is freed once its line
 * is out, and the queue holds at most QUEUE_SLOTS paths. */
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/check_many.h"
#include "cnnc/pyread.h"

#define MAX_INPUTS 16
#define QUEUE_SLOTS 256
#define PATH_CAP 4096
#define MAX_CLASSES 64

typedef struct opts {
    cnnc_shape inputs[MAX_INPUTS];
    int n_inputs;
    const char *class_name;
    int json, fix, jobs;
    const char *sweep;
    int64_t batch;
} opts;

/* ------------------------------------------------------------ output */

typedef struct counts { long models, ok, shape, unsupported, unreadable, files; } counts;

static const char *status_word(cnnc_status st) {
    switch (st) {
    case CNNC_OK: return "ok";
    case CNNC_ERR_SHAPE: return "shape";
    case CNNC_ERR_UNSUPPORTED: return "unsupported";
    default: return "unreadable";
    }
}

static void count(counts *c, cnnc_status st) {
    c->models++;
    if (st == CNNC_OK) c->ok++;
    else if (st == CNNC_ERR_SHAPE) c->shape++;
    else if (st == CNNC_ERR_UNSUPPORTED) c->unsupported++;
    else c->unreadable++;
}

/* One result line, written to `f` (a per-file memstream). */
static void result_line(FILE *f, const opts *o, const char *path, const char *cls, const cnnc_shape *in, cnnc_status st,
                        const cnnc_shape *out, const cnnc_error *err) {
    if (o->json) {
        fputs("{\"file\": ", f);
        cli_json_str(f, path);
        if (cls) { fputs(", \"class\": ", f); cli_json_str(f, cls); }
        if (in) { fputs(", \"input\": ", f); cli_json_shape(f, in); }
        fprintf(f, ", \"ok\": %s, \"status\": \"%s\"", st == CNNC_OK ? "true" : "false", status_word(st));
        if (st == CNNC_OK) { fputs(", \"output\": ", f); cli_json_shape(f, out); fputs("}\n", f); return; }
        fputs(", \"type\": ", f); cli_json_str(f, err->type);
        fputs(", \"message\": ", f); cli_json_str(f, err->message);
        fprintf(f, ", \"line\": %d, \"layer\": ", err->line);
        cli_json_str(f, err->layer);
        fputs(", \"hint\": ", f); cli_json_str(f, err->hint);
        fputs("}\n", f);
        return;
    }
    fprintf(f, "%s%s%s", path, cls ? ":" : "", cls ? cls : "");
    if (in && o->n_inputs > 1) { char s[128]; cnnc_shape_format(in, s, sizeof s); fprintf(f, " %s", s); }
    if (st == CNNC_OK) {
        char s[128];
        cnnc_shape_format(out, s, sizeof s);
        fprintf(f, ": ok %s\n", s);
        return;
    }
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(err, line, sizeof line);
    fprintf(f, ": %s", line);
    if (err->line > 0) fprintf(f, " (line %d%s%s)", err->line, err->layer[0] ? ", " : "", err->layer);
    if (err->hint[0]) fprintf(f, "; hint: %s", err->hint);
    fputc('\n', f);
}

static int has_ext(const char *p, const char *ext) {
    size_t n = strlen(p), e = strlen(ext);
    return n > e && !strcmp(p + n - e, ext);
}

static void input_for(const opts *o, int k, const cnnc_model *m, const cnnc_py_model *pm, cnnc_shape *in) {
    if (o->n_inputs) { *in = o->inputs[k]; return; }
    if (pm) { cnnc_py_default_input(pm, in); }
    else if (m && m->has_input && m->input_ndim + 1 <= CNNC_MAX_DIMS) {
        in->ndim = m->input_ndim + 1;
        in->d[0] = 2;
        for (int32_t i = 0; i < m->input_ndim; i++) in->d[i + 1] = m->input[i];
    } else { in->ndim = 4; in->d[0] = 2; in->d[1] = 1; in->d[2] = 28; in->d[3] = 28; }
    if (o->batch > 0 && in->ndim >= 1) in->d[0] = o->batch;
}

/* Check one file; its lines go to `f`. Every failure stays with this file. */
static void check_file(const opts *o, const char *path, FILE *f, counts *c) {
    cnnc_error err;
    cnnc_error_clear(&err);
    c->files++;
    int n_in = o->n_inputs ? o->n_inputs : 1;
    if (has_ext(path, ".cnn")) {
        cnnc_model *m = NULL;
        cnnc_status st = cnnc_model_load(path, &m, &err);
        if (st) { result_line(f, o, path, NULL, NULL, st, NULL, &err); count(c, st); return; }
        for (int k = 0; k < n_in; k++) {
            cnnc_shape in, out;
            input_for(o, k, m, NULL, &in);
            st = cnnc_shape_pass(m, &in, NULL, &out, &err);
            result_line(f, o, path, NULL, &in, st, &out, &err);
            count(c, st);
        }
        cnnc_model_free(m);
        return;
    }
    /* .py: read once, one model per nn.Module class (or --class) */
    FILE *src = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0;
    cnnc_status st = CNNC_OK;
    if (!src) {
        st = cnnc_error_set(&err, CNNC_ERR_IO, "OSError", "cannot open '%s'", path);
    } else {
        struct stat sb;
        if (fstat(fileno(src), &sb) == 0 && (size_t)sb.st_size > CNNC_PY_MAX_BYTES) {
            st = cnnc_error_set(&err, CNNC_ERR_PARSE, "SyntaxError", "source is too large for a model (%lld bytes)", (long long)sb.st_size);
        } else {
            size_t cap = sb.st_size > 0 ? (size_t)sb.st_size + 1 : 4096;
            text = (char *)malloc(cap);
            if (!text) st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
            else {
                size_t n;
                while ((n = fread(text + len, 1, cap - len, src)) > 0) {
                    len += n;
                    if (len == cap) {
                        if (cap > CNNC_PY_MAX_BYTES) { st = cnnc_error_set(&err, CNNC_ERR_PARSE, "SyntaxError", "source is too large for a model"); break; }
                        char *nt = (char *)realloc(text, cap * 2);
                        if (!nt) { st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); break; }
                        text = nt;
                        cap *= 2;
                    }
                }
                if (ferror(src)) st = cnnc_error_set(&err, CNNC_ERR_IO, "OSError", "cannot read '%s'", path);
            }
        }
        fclose(src);
    }
    char (*names)[CNNC_NAME_MAX] = NULL;
    int32_t n_cls = 0;
    if (!st) {
        names = (char (*)[CNNC_NAME_MAX])calloc(MAX_CLASSES, CNNC_NAME_MAX);
        if (!names) st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        else n_cls = cnnc_py_classes(text, len, path, names, MAX_CLASSES, &err);
        if (n_cls < 0) st = err.status ? err.status : CNNC_ERR_PARSE;
        else if (n_cls == 0 && !st) st = cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", "no nn.Module subclass in %s", path);
        if (n_cls > MAX_CLASSES) n_cls = MAX_CLASSES;
    }
    if (st) {
        if (!err.file[0]) snprintf(err.file, sizeof err.file, "%s", path);
        result_line(f, o, path, NULL, NULL, st, NULL, &err);
        count(c, st);
        free(text);
        free(names);
        return;
    }
    int matched = 0;
    for (int32_t ci = 0; ci < n_cls; ci++) {
        if (o->class_name && strcmp(o->class_name, names[ci])) continue;
        matched = 1;
        cnnc_py_model *pm = NULL;
        cnnc_error_clear(&err);
        st = cnnc_py_read(text, len, path, names[ci], &pm, &err);
        if (st) { result_line(f, o, path, names[ci], NULL, st, NULL, &err); count(c, st); continue; }
        for (int k = 0; k < n_in; k++) {
            cnnc_shape in, out;
            input_for(o, k, NULL, pm, &in);
            st = cnnc_py_check(pm, &in, &out, &err);
            result_line(f, o, path, n_cls > 1 || o->class_name ? names[ci] : NULL, &in, st, &out, &err);
            count(c, st);
        }
        cnnc_py_free(pm);
    }
    if (!matched) {
        cnnc_error_set(&err, CNNC_ERR_USAGE, "NameError", "no nn.Module class '%s' in %s", o->class_name, path);
        result_line(f, o, path, NULL, NULL, CNNC_ERR_USAGE, NULL, &err);
        count(c, CNNC_ERR_USAGE);
    }
    free(text);
    free(names);
}

/* ------------------------------------------------------- work queue */

typedef struct queue {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    char (*slots)[PATH_CAP];
    int head, count, done;
    pthread_mutex_t out_mu;
    counts total;
    const opts *o;
} queue;

static void queue_push(queue *q, const char *path) {
    pthread_mutex_lock(&q->mu);
    while (q->count == QUEUE_SLOTS) pthread_cond_wait(&q->not_full, &q->mu);
    snprintf(q->slots[(q->head + q->count) % QUEUE_SLOTS], PATH_CAP, "%s", path);
    q->count++;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static void *worker(void *arg) {
    queue *q = (queue *)arg;
    char path[PATH_CAP];
    for (;;) {
        pthread_mutex_lock(&q->mu);
        while (q->count == 0 && !q->done) pthread_cond_wait(&q->not_empty, &q->mu);
        if (q->count == 0) { pthread_mutex_unlock(&q->mu); break; }
        memcpy(path, q->slots[q->head], PATH_CAP);
        q->head = (q->head + 1) % QUEUE_SLOTS;
        q->count--;
        pthread_cond_signal(&q->not_full);
        pthread_mutex_unlock(&q->mu);
        char *buf = NULL;
        size_t blen = 0;
        FILE *mem = open_memstream(&buf, &blen);
        counts c = {0, 0, 0, 0, 0, 0};
        if (mem) {
            check_file(q->o, path, mem, &c);
            fclose(mem);
        }
        pthread_mutex_lock(&q->out_mu);
        if (buf) fwrite(buf, 1, blen, stdout);
        q->total.models += c.models; q->total.ok += c.ok; q->total.shape += c.shape;
        q->total.unsupported += c.unsupported; q->total.unreadable += c.unreadable; q->total.files += c.files;
        pthread_mutex_unlock(&q->out_mu);
        free(buf);
    }
    return NULL;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Depth-first walk, sorted per directory so --jobs 1 output is stable. */
static void walk(queue *q, const char *path, int top) {
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (top) queue_push(q, path);   /* the worker reports it */
        return;
    }
    if (!S_ISDIR(sb.st_mode)) {
        if (top || has_ext(path, ".py") || has_ext(path, ".cnn")) queue_push(q, path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) return;
    size_t cap = 64, n = 0;
    char **names = (char **)malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            char **nn = (char **)realloc(names, cap * 2 * sizeof *nn);
            if (!nn) break;
            names = nn;
            cap *= 2;
        }
        names[n] = strdup(e->d_name);
        if (names[n]) n++;
    }
    closedir(d);
    if (!names) return;
    qsort(names, n, sizeof *names, cmp_str);
    char child[PATH_CAP];
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(child, sizeof child, "%s/%s", path, names[i]);
        if (w > 0 && (size_t)w < sizeof child) walk(q, child, 0);
        free(names[i]);
    }
    free(names);
}

static int default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 256 ? 256 : n) : 1;
}

static int run_many(const opts *o, char **paths, int n_paths) {
    queue q;
    memset(&q, 0, sizeof q);
    q.o = o;
    q.slots = (char (*)[PATH_CAP])malloc((size_t)QUEUE_SLOTS * PATH_CAP);
    if (!q.slots) { fprintf(stderr, "cnnc check: out of memory\n"); return 3; }
    pthread_mutex_init(&q.mu, NULL);
    pthread_mutex_init(&q.out_mu, NULL);
    pthread_cond_init(&q.not_empty, NULL);
    pthread_cond_init(&q.not_full, NULL);
    int jobs = o->jobs > 0 ? o->jobs : default_jobs();
    pthread_t *th = (pthread_t *)calloc((size_t)jobs, sizeof *th);
    int started = 0;
    double t0 = cli_now();
    for (int i = 0; th && i < jobs; i++)
        if (pthread_create(&th[i], NULL, worker, &q) == 0) started++;
    if (!started) { fprintf(stderr, "cnnc check: cannot start worker threads\n"); free(th); free(q.slots); return 3; }
    for (int i = 0; i < n_paths; i++) walk(&q, paths[i], 1);
    pthread_mutex_lock(&q.mu);
    q.done = 1;
    pthread_cond_broadcast(&q.not_empty);
    pthread_mutex_unlock(&q.mu);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    double dt = cli_now() - t0;
    counts *c = &q.total;
    FILE *sf = o->json ? stderr : stdout;
    fprintf(sf, "%ld models in %ld files: %ld ok, %ld shape errors, %ld unsupported, %ld unreadable (%.2f s, %d jobs)\n",
            c->models, c->files, c->ok, c->shape, c->unsupported, c->unreadable, dt, started);
    free(th);
    free(q.slots);
    pthread_mutex_destroy(&q.mu);
    pthread_mutex_destroy(&q.out_mu);
    pthread_cond_destroy(&q.not_empty);
    pthread_cond_destroy(&q.not_full);
    if (c->unreadable) return 2;
    if (c->shape || c->unsupported) return 1;
    return c->models ? 0 : 2;
}

/* --------------------------------------------------------------- --fix */

/* Replace span [b, e) of text with `with`. */
static char *splice(const char *text, size_t len, size_t b, size_t e, const char *with) {
    size_t wl = strlen(with), n = len - (e - b) + wl;
    char *out = (char *)malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, text, b);
    memcpy(out + b, with, wl);
    memcpy(out + b + wl, text + e, len - e);
    out[n] = '\0';
    return out;
}

static int count_lines(const char *s, size_t n) { int c = 0; for (size_t i = 0; i < n; i++) c += s[i] == '\n'; return c; }

/* A unified diff with one hunk covering the changed lines (plus 3 of context). */
static void print_diff(const char *path, const char *a, size_t al, const char *b, size_t bl) {
    size_t p = 0;
    while (p < al && p < bl && a[p] == b[p]) p++;
    while (p > 0 && a[p - 1] != '\n') p--;        /* start of the first changed line */
    size_t sa = al, sb = bl;
    while (sa > p && sb > p && a[sa - 1] == b[sb - 1]) { sa--; sb--; }
    while (sa < al && a[sa] != '\n') { sa++; sb++; }  /* end of the last changed line */
    if (sa < al) { sa++; sb++; }
    int first = count_lines(a, p);                 /* 0-based line of the change */
    int ctx_before = first < 3 ? first : 3;
    size_t cb = p;
    for (int k = 0; k < ctx_before; k++) { cb--; while (cb > 0 && a[cb - 1] != '\n') cb--; }
    size_t ca = sa;
    int ctx_after = 0;
    while (ca < al && ctx_after < 3) { while (ca < al && a[ca] != '\n') ca++; if (ca < al) ca++; ctx_after++; }
    int old_n = count_lines(a + p, sa - p), new_n = count_lines(b + p, sb - p);
    printf("--- %s\n+++ %s\n@@ -%d,%d +%d,%d @@\n", path, path, first - ctx_before + 1, old_n + ctx_before + ctx_after,
           first - ctx_before + 1, new_n + ctx_before + ctx_after);
    const char *parts[4] = {a + cb, a + p, b + p, a + sa};
    size_t lens[4] = {p - cb, sa - p, sb - p, ca - sa};
    const char *marks = " -+ ";
    for (int k = 0; k < 4; k++) {
        const char *s = parts[k];
        size_t n = lens[k], i = 0;
        while (i < n) {
            size_t j = i;
            while (j < n && s[j] != '\n') j++;
            printf("%c%.*s\n", marks[k], (int)(j - i), s + i);
            i = j + 1;
        }
    }
}

static int fix_py(const opts *o, const char *path) {
    cnnc_py_model *pm = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_py_load(path, o->class_name, &pm, &err);
    if (st) return cli_fail(&err);
    char *orig = (char *)malloc(pm->model->text_len + 1);
    if (!orig) { cnnc_py_free(pm); return 3; }
    memcpy(orig, pm->model->text, pm->model->text_len + 1);
    size_t orig_len = pm->model->text_len;
    char cls[CNNC_NAME_MAX];
    snprintf(cls, sizeof cls, "%s", pm->class_name);
    int rc = 0;
    for (int round = 0; round < 64; round++) {
        int changed = 0;
        for (int k = 0; k < (o->n_inputs ? o->n_inputs : 1) && !changed; k++) {
            cnnc_shape in;
            input_for(o, k, NULL, pm, &in);
            st = cnnc_py_check(pm, &in, NULL, &err);
            if (st == CNNC_OK) continue;
            if (st != CNNC_ERR_SHAPE || !cnnc_fix_apply(pm->model, &err.fix)) { rc = cli_fail(&err); goto done; }
            const cnnc_layer *L = &pm->model->layers[err.fix.layer_index];
            char r[256];
            cnnc_layer_render(L, r, sizeof r);
            char *next = splice(pm->model->text, pm->model->text_len, (size_t)L->span.begin, (size_t)L->span.end, r);
            if (!next) { rc = 3; goto done; }
            cnnc_py_model *np = NULL;
            st = cnnc_py_read(next, strlen(next), path, cls, &np, &err);
            free(next);
            if (st) { rc = cli_fail(&err); goto done; }
            cnnc_py_free(pm);
            pm = np;
            changed = 1;
        }
        if (!changed) {
            if (orig_len == pm->model->text_len && !memcmp(orig, pm->model->text, orig_len))
                fprintf(stderr, "%s: nothing to fix\n", path);
            else
                print_diff(path, orig, orig_len, pm->model->text, pm->model->text_len);
            goto done;
        }
    }
    fprintf(stderr, "cnnc check --fix: fixes did not converge\n");
    rc = 1;
done:
    free(orig);
    cnnc_py_free(pm);
    return rc;
}

/* --------------------------------------------------------------- sweep */

#define MAX_DISTINCT 64
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

static int run_sweep(const opts *o, const char *path) {
    cnnc_model *m = NULL;
    cnnc_py_model *pm = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = has_ext(path, ".py") ? cnnc_py_load(path, o->class_name, &pm, &err) : cnnc_model_load(path, &m, &err);
    if (st) return cli_fail(&err);
    const cnnc_model *model = pm ? pm->model : m;
    cnnc_shape base;
    input_for(o, 0, m, pm, &base);
    if (base.ndim < 3) { cnnc_py_free(pm); cnnc_model_free(m); return cli_usage("check", "--sweep needs an input with H and W"); }
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
    if (!ok || h1 - h0 > 100000000 || w1 - w0 > 100000000) {
        cnnc_py_free(pm); cnnc_model_free(m);
        return cli_usage("check", "bad --sweep '%s' (e.g. H=8..512, H=8..512,W=8..512 or HW=8..512)", s);
    }
    int64_t n_rows = h1 - h0 + 1;
    row *rows = (row *)calloc((size_t)n_rows, sizeof *rows);
    int jobs = o->jobs > 0 ? o->jobs : default_jobs();
    if (jobs > n_rows) jobs = (int)n_rows;
    sweep_job *js = (sweep_job *)calloc((size_t)jobs, sizeof *js);
    pthread_t *th = (pthread_t *)calloc((size_t)jobs, sizeof *th);
    if (!rows || !js || !th) { free(rows); free(js); free(th); cnnc_py_free(pm); cnnc_model_free(m); return 3; }
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
    if (pm && pm->stopped)
        printf("note: cnnc cannot follow forward() past line %d (%s); the sizes above check the layers before it\n",
               pm->stop_line, pm->stop_reason);
    free(rows); free(js); free(th);
    cnnc_py_free(pm);
    cnnc_model_free(m);
    return valid ? 0 : 1;
}

/* ---------------------------------------------------------------- main */

int check_many(int argc, char **argv) {
    opts o;
    memset(&o, 0, sizeof o);
    char **paths = (char **)calloc((size_t)argc, sizeof *paths);
    int n_paths = 0;
    if (!paths) return 3;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if ((r = cli_flag(argc, argv, &i, "--input", &v)) != 0) {
            cnnc_error e;
            cnnc_error_clear(&e);
            if (r < 0 || o.n_inputs == MAX_INPUTS || cnnc_shape_parse(v, &o.inputs[o.n_inputs], &e) != CNNC_OK) {
                rc = cli_usage("check", "--input needs a shape like 2x1x28x28 (at most %d)", MAX_INPUTS);
                goto out;
            }
            o.n_inputs++;
        } else if ((r = cli_flag(argc, argv, &i, "--class", &v)) != 0) {
            if (r < 0) { rc = cli_usage("check", "--class needs a class name"); goto out; }
            o.class_name = v;
        } else if ((r = cli_flag(argc, argv, &i, "--jobs", &v)) != 0) {
            int64_t n;
            if (r < 0 || !cli_parse_i64(v, &n) || n < 1 || n > 1024) { rc = cli_usage("check", "--jobs needs 1..1024"); goto out; }
            o.jobs = (int)n;
        } else if ((r = cli_flag(argc, argv, &i, "--batch", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &o.batch) || o.batch < 1) { rc = cli_usage("check", "--batch needs a positive int"); goto out; }
        } else if ((r = cli_flag(argc, argv, &i, "--sweep", &v)) != 0) {
            if (r < 0) { rc = cli_usage("check", "--sweep needs H=LO..HI[,W=LO..HI] or HW=LO..HI"); goto out; }
            o.sweep = v;
        } else if (!strcmp(argv[i], "--json")) {
            o.json = 1;
        } else if (!strcmp(argv[i], "--fix")) {
            o.fix = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            rc = cli_usage("check", "unknown option '%s'\nusage: cnnc check PATH... [--input SHAPE] [--class NAME] [--jobs N] "
                                    "[--json] [--fix] [--sweep H=LO..HI[,W=LO..HI]|HW=LO..HI] [--batch N]", argv[i]);
            goto out;
        } else {
            paths[n_paths++] = argv[i];
        }
    }
    if (!n_paths) { rc = cli_usage("check", "no model file or directory"); goto out; }
    if (o.batch > 0)
        for (int k = 0; k < o.n_inputs; k++) o.inputs[k].d[0] = o.batch;
    if (o.sweep) {
        if (n_paths != 1) { rc = cli_usage("check", "--sweep takes one model"); goto out; }
        rc = run_sweep(&o, paths[0]);
        goto out;
    }
    if (o.fix) {
        if (n_paths != 1 || !has_ext(paths[0], ".py")) { rc = cli_usage("check", "--fix on a .py source takes one file"); goto out; }
        rc = fix_py(&o, paths[0]);
        goto out;
    }
    rc = run_many(&o, paths, n_paths);
out:
    free(paths);
    return rc;
}

/* check_files.c — `cnnc check` over files: one model file, one .py source
 * (each nn.Module class in it), or many paths and directories with --jobs
 * workers. The main thread walks the paths and feeds a bounded queue; each
 * worker checks one file into a memory stream and prints it under a lock, so
 * lines never interleave and memory stays flat (a file is freed once its
 * lines are out; the queue holds at most QUEUE_SLOTS paths). Threads are woken
 * only when one sleeps: the walker once the queue is half empty, a worker when
 * a path arrives while it waits, so a file costs no futex call in the steady
 * state (one wake-up per file was 6% of a run on this VM). */
/* readdir's d_type (DT_REG, DT_UNKNOWN) */
#define _DEFAULT_SOURCE 1
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/check.h"

#define QUEUE_SLOTS 256
#define PATH_CAP 4096
#define MAX_CLASSES 256

static int has_ext(const char *p, const char *ext) {
    size_t n = strlen(p), e = strlen(ext);
    return n > e && !strcmp(p + n - e, ext);
}

void check_input_for(const check_opts *o, int k, const cnnc_model *m, cnnc_shape *in) {
    if (o->n_inputs) { *in = o->inputs[k]; return; }
    if (m && m->has_input && m->input_ndim + 1 <= CNNC_MAX_DIMS) {
        in->ndim = m->input_ndim + 1;
        in->d[0] = 2;
        for (int32_t i = 0; i < m->input_ndim; i++) in->d[i + 1] = m->input[i];
    } else {
        in->ndim = 4; in->d[0] = 2; in->d[1] = 1; in->d[2] = 28; in->d[3] = 28;
    }
    if (o->batch > 0 && in->ndim >= 1) in->d[0] = o->batch;
}

static void record(const check_opts *o, FILE *f, check_counts *c, check_result *r) {
    check_emit(f, o, r);
    c->n[r->outcome]++;
}

static void fail_result(const check_opts *o, FILE *f, check_counts *c, const char *path, const char *cls, int show,
                        cnnc_status st, const cnnc_error *err) {
    check_result r = {path, cls, show, NULL, 0, check_outcome_of(st), NULL, err, NULL, NULL, NULL, 0};
    record(o, f, c, &r);
}

/* ------------------------------------------------------------ model files */

static void check_model_file(const check_opts *o, const char *path, FILE *f, check_counts *c) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *m = NULL;
    cnnc_status st = cnnc_model_load(path, &m, &err);
    if (st) { fail_result(o, f, c, path, NULL, 0, st, &err); return; }
    if (o->detailed && !o->n_inputs && !m->has_input) {
        cnnc_error_set(&err, CNNC_ERR_USAGE, "ValueError",
                       "%s has no `input = (C, H, W)`; pass --input SHAPE (e.g. 2x1x28x28)", path);
        fail_result(o, f, c, path, NULL, 0, CNNC_ERR_USAGE, &err);
        cnnc_model_free(m);
        return;
    }
    int n_in = o->n_inputs ? o->n_inputs : 1;
    for (int k = 0; k < n_in; k++) {
        cnnc_shape in, out;
        check_input_for(o, k, m, &in);
        st = cnnc_shape_pass(m, &in, NULL, &out, &err);
        check_result r = {path, NULL, 0, &in, 1, check_outcome_of(st), &out, &err, m, NULL, NULL, 0};
        record(o, f, c, &r);
    }
    cnnc_model_free(m);
}

/* ------------------------------------------------------------ .py sources */

static void check_class(const check_opts *o, cnnc_source *src, const char *path, const cnnc_py_class *cls, int show,
                        FILE *f, check_counts *c) {
    cnnc_error err;
    cnnc_error_clear(&err);
    /* --input once per forward input (forward(self, x1, x2)) or joined by ';', or each --input on its own.
     * With --class, a forward of several inputs gets exactly the shapes given, as
     * model(*inputs) would: too few or too many is forward's own TypeError. */
    /* forward(self, x, mask=None) given two shapes: one call, as model(x, mask) */
    const int takes_all = cls->max_inputs < 0 || (cls->max_inputs >= o->n_inputs && cls->max_inputs > 1);
    int together = o->per_input || (o->n_inputs > 1 && cls->n_inputs == o->n_inputs) ||
                   (o->class_name && o->n_inputs > 0 && (cls->n_inputs > 1 || cls->no_forward)) ||
                   (o->class_name && o->n_inputs > 1 && takes_all);
    int runs = o->n_inputs == 0 || together ? 1 : o->n_inputs;
    for (int k = 0; k < runs; k++) {
        cnnc_shape in[CHECK_MAX_INPUTS];
        int32_t n_in = 1;
        if (together) {
            n_in = o->n_inputs;
            memcpy(in, o->inputs, (size_t)n_in * sizeof in[0]);
        } else if (o->n_inputs) {
            in[0] = o->inputs[k];
            /* the same shape for each of forward's inputs */
            for (n_in = 1; n_in < cls->n_inputs && n_in < CHECK_MAX_INPUTS; n_in++) in[n_in] = in[0];
        }
        cnnc_trace *t = NULL;
        cnnc_status st;
        if (o->n_inputs) {
            st = cnnc_source_trace(src, cls->name, o->args, in, n_in, 1, &t, &err);
        } else {
            n_in = cls->n_inputs < 1 ? 1 : cls->n_inputs < CNNC_PY_MAX_OUTPUTS ? cls->n_inputs : CNNC_PY_MAX_OUTPUTS;
            st = cnnc_source_trace_default(src, cls->name, o->args, o->batch, n_in, 1, in, &t, &err);
            if (st && !t) { fail_result(o, f, c, path, cls->name, show, st, &err); return; }
        }
        check_result r = {path, cls->name, show, in, n_in, check_outcome_of(st),
                          t && t->n_outputs == 1 ? &t->outputs[0] : NULL, &err, t ? t->model : NULL,
                          NULL, NULL, 0};
        if (r.outcome == OUT_OK && t) {
            /* a tuple, a list or no tensor at all: forward's value as PyTorch returns it */
            r.result = t->result;
            r.outs = t->outputs;
            r.n_outs = t->n_outputs;
        }
        record(o, f, c, &r);
        cnnc_trace_free(t);
    }
}

static void check_py(const check_opts *o, const char *path, FILE *f, check_counts *c) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_source *src = NULL;
    cnnc_status st = cnnc_source_load(path, &src, &err);
    if (st) { fail_result(o, f, c, path, NULL, 0, st, &err); return; }
    cnnc_py_class *cls = (cnnc_py_class *)malloc(MAX_CLASSES * sizeof *cls);
    if (!cls) {
        cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        fail_result(o, f, c, path, NULL, 0, CNNC_ERR_NOMEM, &err);
        cnnc_source_free(src);
        return;
    }
    int32_t n = cnnc_source_classes(src, cls, MAX_CLASSES);
    if (n > MAX_CLASSES) n = MAX_CLASSES;
    if (o->class_name) {
        cnnc_py_class named;   /* the class the name holds (also `UNetSmall = UNNetSmall`, an import) */
        if (!cnnc_source_class_named(src, o->class_name, &named)) {
            cnnc_error_set(&err, CNNC_ERR_USAGE, "NameError", "%s has no nn.Module class named '%s'", path, o->class_name);
            snprintf(err.file, sizeof err.file, "%s", path);
            fail_result(o, f, c, path, o->class_name, 1, CNNC_ERR_USAGE, &err);
        } else {
            check_class(o, src, path, &named, 1, f, c);
        }
    } else if (n == 0) {
        if (o->detailed) {
            cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                           "%s defines no nn.Module subclass (a class deriving from nn.Module)", path);
            snprintf(err.file, sizeof err.file, "%s", path);
            fail_result(o, f, c, path, NULL, 0, CNNC_ERR_UNSUPPORTED, &err);
        }
        /* many files: a source without models (a training script, utilities) is not a finding */
    } else {
        int show = n > 1;
        for (int32_t k = 0; k < n; k++) {
            /* skipped: a base class that declares abstract methods (its subclasses are the models), and a
             * building block (checked through the classes that build it). A subclass left abstract fails
             * with any arguments, so it is checked: PyTorch's TypeError shows. */
            cnnc_error_clear(&err);
            if (cls[k].abstract_base)
                snprintf(err.message, sizeof err.message, "an abstract base class (abstract methods %s): its subclasses are checked",
                         cls[k].abstract);
            else if (cls[k].needs_args && !cls[k].abstract[0])
                snprintf(err.message, sizeof err.message, "its constructor needs arguments: --class %s --args '...'",
                         cls[k].name);
            if (err.message[0]) {
                check_result r = {path, cls[k].name, 1, NULL, 0, OUT_SKIPPED, NULL, &err, NULL, NULL, NULL, 0};
                record(o, f, c, &r);
                continue;
            }
            check_class(o, src, path, &cls[k], show, f, c);
        }
    }
    free(cls);
    cnnc_source_free(src);
}

void check_file(const check_opts *o, const char *path, FILE *f, check_counts *c) {
    c->files++;
    if (has_ext(path, ".py")) check_py(o, path, f, c);
    else check_model_file(o, path, f, c);
}

/* ------------------------------------------------------- work queue */

typedef struct queue {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    char (*slots)[PATH_CAP];
    int head, count, done;
    int idle_workers, walker_waits; /* who sleeps on not_empty / not_full */
    pthread_mutex_t out_mu;
    check_counts total;
    const check_opts *o;
    int printed;              /* SARIF: the first result drops its leading comma */
    /* every file and folder the walk took, by (device, inode): none is visited twice */
    struct file_id { dev_t dev; ino_t ino; } *seen;
    size_t n_seen, cap_seen;  /* open addressing; cap a power of two */
} queue;

/* 1 the first time (dev, ino) is met, 0 after (or when the table cannot grow: then
 * the walk stops descending rather than risk a loop). */
static int first_visit(queue *q, const struct stat *sb) {
    if ((q->n_seen + 1) * 2 > q->cap_seen) {
        size_t cap = q->cap_seen ? q->cap_seen * 2 : 1024;
        struct file_id *t = (struct file_id *)calloc(cap, sizeof *t);
        if (!t) return 0;
        for (size_t k = 0; k < q->cap_seen; k++) {
            if (!q->seen[k].ino && !q->seen[k].dev) continue;
            size_t h = ((size_t)q->seen[k].ino * 0x9E3779B97F4A7C15ull ^ (size_t)q->seen[k].dev) & (cap - 1);
            while (t[h].ino || t[h].dev) h = (h + 1) & (cap - 1);
            t[h] = q->seen[k];
        }
        free(q->seen);
        q->seen = t;
        q->cap_seen = cap;
    }
    size_t h = ((size_t)sb->st_ino * 0x9E3779B97F4A7C15ull ^ (size_t)sb->st_dev) & (q->cap_seen - 1);
    while (q->seen[h].ino || q->seen[h].dev) {
        if (q->seen[h].ino == sb->st_ino && q->seen[h].dev == sb->st_dev) return 0;
        h = (h + 1) & (q->cap_seen - 1);
    }
    q->seen[h].dev = sb->st_dev;
    q->seen[h].ino = sb->st_ino;
    q->n_seen++;
    return 1;
}

static void queue_push(queue *q, const char *path) {
    pthread_mutex_lock(&q->mu);
    while (q->count == QUEUE_SLOTS) {
        q->walker_waits = 1;
        pthread_cond_wait(&q->not_full, &q->mu);
    }
    snprintf(q->slots[(q->head + q->count) % QUEUE_SLOTS], PATH_CAP, "%s", path);
    q->count++;
    if (q->idle_workers) pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static void *worker(void *arg) {
    queue *q = (queue *)arg;
    char path[PATH_CAP];
    for (;;) {
        pthread_mutex_lock(&q->mu);
        while (q->count == 0 && !q->done) {
            q->idle_workers++;
            pthread_cond_wait(&q->not_empty, &q->mu);
            q->idle_workers--;
        }
        if (q->count == 0) { pthread_mutex_unlock(&q->mu); break; }
        memcpy(path, q->slots[q->head], strlen(q->slots[q->head]) + 1);
        q->head = (q->head + 1) % QUEUE_SLOTS;
        q->count--;
        if (q->walker_waits && q->count <= QUEUE_SLOTS / 2) {
            q->walker_waits = 0;
            pthread_cond_signal(&q->not_full);
        }
        pthread_mutex_unlock(&q->mu);
        char *buf = NULL;
        size_t blen = 0;
        FILE *mem = open_memstream(&buf, &blen);
        check_counts c;
        memset(&c, 0, sizeof c);
        if (mem) {
            check_file(q->o, path, mem, &c);
            fclose(mem);
        } else {
            c.files = 1;
            c.n[OUT_UNREADABLE] = 1;
        }
        pthread_mutex_lock(&q->out_mu);
        if (buf && blen) {
            const char *p = buf;
            size_t n = blen;
            if (q->o->format == FORMAT_SARIF && !q->printed && n >= 1 && p[0] == ',') { p++; n--; }
            fwrite(p, 1, n, stdout);
            q->printed = 1;
        }
        for (int k = 0; k < OUT_COUNT; k++) q->total.n[k] += c.n[k];
        q->total.files += c.files;
        pthread_mutex_unlock(&q->out_mu);
        free(buf);
    }
    return NULL;
}

/* names with their type byte first: compared from the name on */
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a + 1, *(char *const *)b + 1); }

/* Depth-first walk, sorted per directory so --jobs 1 output is stable. Inside a
 * folder, symbolic links to folders are not followed (a `self -> .` link would
 * loop), nothing is visited twice, and what is not a regular file (a FIFO would
 * block the reader forever) is passed over with a line saying so; a path named
 * on the command line is read whatever it is (a pipe from `<(...)`). */
static void walk(queue *q, const char *path, int top, unsigned char d_type) {
    struct stat sb;
    int wanted = top || has_ext(path, ".py") || has_ext(path, ".cnn");
    if (top) {
        if (stat(path, &sb) != 0) { queue_push(q, path); return; }   /* the worker reports it */
    } else {
        /* one lstat for what is not a link (readdir's type spares even that for
         * other files); a link's target is stat'ed, and a folder's is not followed */
        if (d_type == DT_REG && !wanted) return;
        if (lstat(path, &sb) != 0) return;
        if (S_ISLNK(sb.st_mode) && (stat(path, &sb) != 0 || S_ISDIR(sb.st_mode))) return;
    }
    if (!S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode)) {
        /* named on the command line (`check <(cat m.cnn)` is /dev/fd/N, a pipe): read it */
        if (top) queue_push(q, path);
        else if (wanted) fprintf(stderr, "%s: skipped (not a regular file)\n", path);
        return;
    }
    if (!S_ISDIR(sb.st_mode) && !wanted) return;
    if (!first_visit(q, &sb)) return;
    if (!S_ISDIR(sb.st_mode)) {
        queue_push(q, path);
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
        /* the entry's type in the byte before its name */
        size_t len = strlen(e->d_name);
        names[n] = (char *)malloc(len + 2);
        if (!names[n]) continue;
        names[n][0] = (char)e->d_type;
        memcpy(names[n] + 1, e->d_name, len + 1);
        n++;
    }
    closedir(d);
    if (!names) return;
    qsort(names, n, sizeof *names, cmp_str);
    char child[PATH_CAP];
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(child, sizeof child, "%s/%s", path, names[i] + 1);
        if (w > 0 && (size_t)w < sizeof child) walk(q, child, 0, (unsigned char)names[i][0]);
        free(names[i]);
    }
    free(names);
}

static int default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 256 ? 256 : n) : 1;
}

int check_many(const check_opts *o, char **paths, int n_paths) {
    queue q;
    memset(&q, 0, sizeof q);
    q.o = o;
    q.slots = (char (*)[PATH_CAP])malloc((size_t)QUEUE_SLOTS * PATH_CAP);
    if (!q.slots) return cli_out_of_memory("check", "the file queue");
    pthread_mutex_init(&q.mu, NULL);
    pthread_mutex_init(&q.out_mu, NULL);
    pthread_cond_init(&q.not_empty, NULL);
    pthread_cond_init(&q.not_full, NULL);
    int jobs = o->jobs > 0 ? o->jobs : default_jobs();
    pthread_t *th = (pthread_t *)calloc((size_t)jobs, sizeof *th);
    int started = 0;
    double t0 = cli_now();
    if (o->format == FORMAT_SARIF) check_sarif_begin();
    for (int i = 0; th && i < jobs; i++)
        if (pthread_create(&th[i], NULL, worker, &q) == 0) started++;
    if (!started) { fprintf(stderr, "cnnc check: cannot start worker threads\n"); free(th); free(q.slots); return 3; }
    for (int i = 0; i < n_paths; i++) walk(&q, paths[i], 1, DT_UNKNOWN);
    pthread_mutex_lock(&q.mu);
    q.done = 1;
    pthread_cond_broadcast(&q.not_empty);
    pthread_mutex_unlock(&q.mu);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    double dt = cli_now() - t0;
    if (o->format == FORMAT_SARIF) check_sarif_end();
    fflush(stdout);
    if (!o->single) check_print_counts(o, &q.total, dt, started);
    free(th);
    free(q.slots);
    free(q.seen);
    pthread_mutex_destroy(&q.mu);
    pthread_mutex_destroy(&q.out_mu);
    pthread_cond_destroy(&q.not_empty);
    pthread_cond_destroy(&q.not_full);
    return check_exit_code(&q.total, o->as_list);
}

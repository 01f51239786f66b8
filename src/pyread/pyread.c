/* pyread.c — nn.Module classes from Python source into a cnnc_model.
 *
 * Constructors in __init__ are not re-implemented here: each right-hand side
 * `nn.Layer(...)` is handed to the model-file parser (cnnc_model_parse) as a
 * one-statement model, with int constants substituted, and the positions it
 * reports are mapped back onto the .py text. So a bad constructor gives the
 * same Python error as in a model file, at the .py line. forward() is read
 * by a small abstract interpreter that only follows one tensor through a
 * straight line of calls; anything else stops it, at a named line. */
#include "cnnc/pyread.h"
#include "pylex.h"
#include "model/model_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONSTS 256
#define MAX_VARS 64
#define MAX_SEGS 256
#define MAX_ARGS 16

typedef struct cconst { char name[CNNC_NAME_MAX + 8]; int is_float; int64_t i; double f; } cconst;

typedef struct pmod {
    char attr[CNNC_NAME_MAX];
    cnnc_model *m;            /* layers named attr, attr.0 ... (NULL if unreadable) */
    int is_seq;
    int32_t line;
    char why[200];            /* unreadable: why */
} pmod;

typedef enum { X_NONE, X_TENSOR, X_INT, X_DIM, X_SHAPE, X_SIZEFN, X_PATH, X_METHOD } xkind;

typedef struct xval {
    xkind k;
    int32_t version;          /* X_TENSOR, X_DIM, X_SHAPE, X_SIZEFN, X_METHOD: the tensor */
    int64_t i;                /* X_INT */
    int32_t dim;              /* X_DIM */
    int32_t pa, pb;           /* X_PATH: tokens [pa, pb) of a dotted name; X_METHOD: pb-1 is the name */
} xval;

typedef struct fvar { char name[CNNC_NAME_MAX]; xval v; } fvar;

typedef struct reader {
    pylex lx;
    const char *path;
    cnnc_error *err;
    cconst consts[MAX_CONSTS];
    int32_t n_consts;
    pmod *mods;
    int32_t n_mods, cap_mods;
    /* the class */
    int32_t cls_line0, cls_line1; /* logical lines of the class body [l0, l1) */
    char cls_name[CNNC_NAME_MAX];
    /* output */
    cnnc_py_model *pm;
    int32_t cap_layers, cap_stmts;
    int32_t version;
    fvar vars[MAX_VARS];
    int32_t n_vars;
    int stopped;
    cnnc_status st;           /* hard error */
} reader;

/* ------------------------------------------------------------ helpers */

/* Bounded copy that says nothing about truncation (names are checked for length where it matters). */
static void scopy(char *dst, size_t cap, const char *a, const char *b) {
    size_t na = strlen(a), nb = b ? strlen(b) : 0;
    if (na >= cap) na = cap - 1;
    memcpy(dst, a, na);
    if (nb > cap - 1 - na) nb = cap - 1 - na;
    if (nb) memcpy(dst + na, b, nb);
    dst[na + nb] = '\0';
}

static int tok_text(const reader *r, int32_t i, char *buf, size_t cap) {
    const ptok *t = &r->lx.t[i];
    int n = snprintf(buf, cap, "%.*s", (int)(t->end - t->begin), r->lx.src + t->begin);
    return n >= 0 && (size_t)n < cap;
}

static int is_tok(const reader *r, int32_t i, const char *s) { return pylex_is(&r->lx, i, s); }

static cnnc_status fail_tok(reader *r, cnnc_status st, int32_t ti, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static cnnc_status fail_tok(reader *r, cnnc_status st, int32_t ti, const char *type, const char *fmt, ...) {
    cnnc_error *e = r->err;
    r->st = st;
    if (!e) return st;
    cnnc_error_clear(e);
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(e, st, type, fmt, ap);
    va_end(ap);
    snprintf(e->file, sizeof e->file, "%s", r->path);
    if (ti >= 0 && ti < r->lx.nt) { e->line = r->lx.t[ti].line; e->col = r->lx.t[ti].col; }
    return st;
}

/* Stop reading forward at token ti: the part before it is still checked. */
static int stop_at(reader *r, int32_t ti, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int stop_at(reader *r, int32_t ti, const char *fmt, ...) {
    if (r->stopped) return 1;
    r->stopped = 1;
    cnnc_py_model *pm = r->pm;
    pm->stopped = 1;
    if (ti >= 0 && ti < r->lx.nt) { pm->stop_line = r->lx.t[ti].line; pm->stop_col = r->lx.t[ti].col; }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pm->stop_reason, sizeof pm->stop_reason, fmt, ap);
    va_end(ap);
    return 1;
}

static const cconst *find_const(const reader *r, const char *name) {
    for (int32_t k = r->n_consts - 1; k >= 0; k--)
        if (!strcmp(r->consts[k].name, name)) return &r->consts[k];
    return NULL;
}

static void set_const(reader *r, const char *name, int is_float, int64_t i, double f) {
    if (r->n_consts == MAX_CONSTS) return;
    cconst *c = &r->consts[r->n_consts++];
    snprintf(c->name, sizeof c->name, "%s", name);
    c->is_float = is_float; c->i = i; c->f = f;
}

/* `self.NAME` or `NAME` at token i (not an attribute of something else);
 * writes the key and returns the token count, 0 if not a name. */
static int name_key(const reader *r, int32_t i, int32_t end, char *key, size_t cap) {
    if (i >= end || r->lx.t[i].kind != PT_NAME) return 0;
    if (i > 0 && is_tok(r, i - 1, ".")) return 0;
    if (is_tok(r, i, "self") && i + 2 < end && is_tok(r, i + 1, ".") && r->lx.t[i + 2].kind == PT_NAME) {
        char a[CNNC_NAME_MAX];
        if (!tok_text(r, i + 2, a, sizeof a)) return 0;
        snprintf(key, cap, "self.%s", a);
        return 3;
    }
    return tok_text(r, i, key, cap) ? 1 : 0;
}

/* --------------------------------------------- constant expressions */

typedef struct cnum { int is_float; int64_t i; double f; } cnum;

static int ce_expr(reader *r, int32_t *p, int32_t end, cnum *out);

static int ce_atom(reader *r, int32_t *p, int32_t end, cnum *out) {
    int32_t i = *p;
    if (i >= end) return 0;
    const ptok *t = &r->lx.t[i];
    if (t->kind == PT_NUM) { out->is_float = t->is_float; out->i = t->i; out->f = t->f; *p = i + 1; return 1; }
    if (is_tok(r, i, "(")) {
        *p = i + 1;
        if (!ce_expr(r, p, end, out) || *p >= end || !is_tok(r, *p, ")")) return 0;
        (*p)++;
        return 1;
    }
    if (is_tok(r, i, "True") || is_tok(r, i, "False")) { out->is_float = 0; out->i = is_tok(r, i, "True"); *p = i + 1; return 1; }
    char key[CNNC_NAME_MAX + 8];
    int n = name_key(r, i, end, key, sizeof key);
    if (!n) return 0;
    const cconst *c = find_const(r, key);
    if (!c) return 0;
    out->is_float = c->is_float; out->i = c->i; out->f = c->f;
    *p = i + n;
    return 1;
}

static double cf(const cnum *a) { return a->is_float ? a->f : (double)a->i; }

static int ce_unary(reader *r, int32_t *p, int32_t end, cnum *out) {
    if (*p < end && (is_tok(r, *p, "-") || is_tok(r, *p, "+"))) {
        int neg = is_tok(r, *p, "-");
        (*p)++;
        if (!ce_unary(r, p, end, out)) return 0;
        if (neg) { out->i = -out->i; out->f = -out->f; }
        return 1;
    }
    if (!ce_atom(r, p, end, out)) return 0;
    if (*p < end && is_tok(r, *p, "**")) {
        (*p)++;
        cnum e;
        if (!ce_unary(r, p, end, &e) || e.is_float || out->is_float || e.i < 0 || e.i > 62) return 0;
        int64_t v = 1;
        for (int64_t k = 0; k < e.i; k++) if (__builtin_mul_overflow(v, out->i, &v)) return 0;
        out->i = v;
    }
    return 1;
}

static int ce_term(reader *r, int32_t *p, int32_t end, cnum *out) {
    if (!ce_unary(r, p, end, out)) return 0;
    while (*p < end && (is_tok(r, *p, "*") || is_tok(r, *p, "//") || is_tok(r, *p, "/") || is_tok(r, *p, "%"))) {
        int32_t op = *p;
        (*p)++;
        cnum b;
        if (!ce_unary(r, p, end, &b)) return 0;
        if (is_tok(r, op, "/")) { double d = cf(&b); if (d == 0) return 0; out->f = cf(out) / d; out->is_float = 1; continue; }
        if (out->is_float || b.is_float) {
            if (!is_tok(r, op, "*")) return 0;
            out->f = cf(out) * cf(&b); out->is_float = 1; continue;
        }
        if (is_tok(r, op, "*")) { if (__builtin_mul_overflow(out->i, b.i, &out->i)) return 0; continue; }
        if (b.i == 0) return 0;
        int64_t q = out->i / b.i, m = out->i % b.i;
        if (m != 0 && ((m < 0) != (b.i < 0))) { q--; m += b.i; }
        out->i = is_tok(r, op, "//") ? q : m;
    }
    return 1;
}

static int ce_expr(reader *r, int32_t *p, int32_t end, cnum *out) {
    if (!ce_term(r, p, end, out)) return 0;
    while (*p < end && (is_tok(r, *p, "+") || is_tok(r, *p, "-"))) {
        int neg = is_tok(r, *p, "-");
        (*p)++;
        cnum b;
        if (!ce_term(r, p, end, &b)) return 0;
        if (out->is_float || b.is_float) { out->f = cf(out) + (neg ? -cf(&b) : cf(&b)); out->is_float = 1; continue; }
        if (neg ? __builtin_sub_overflow(out->i, b.i, &out->i) : __builtin_add_overflow(out->i, b.i, &out->i)) return 0;
    }
    return 1;
}

/* Whole token range [a, b) is one constant expression. */
static int const_range(reader *r, int32_t a, int32_t b, cnum *out) {
    int32_t p = a;
    return ce_expr(r, &p, b, out) && p == b;
}

/* ------------------------------------- constructors via the model parser */

typedef struct seg { int32_t synth, py, len; } seg;

typedef struct synth {
    char *buf;
    size_t len, cap;
    seg segs[MAX_SEGS];
    int32_t n_segs;
    int32_t py_anchor;         /* py offset for text before the first segment */
    int ok;
} synth;

static void sy_put(synth *s, const char *text, size_t n, int32_t py_from) {
    if (!s->ok) return;
    if (s->len + n + 1 > s->cap) {
        size_t cap = (s->len + n + 1) * 2;
        char *b = (char *)realloc(s->buf, cap);
        if (!b) { s->ok = 0; return; }
        s->buf = b;
        s->cap = cap;
    }
    if (py_from >= 0) {
        if (s->n_segs == MAX_SEGS) { s->ok = 0; return; }
        seg g = {(int32_t)s->len, py_from, (int32_t)n};
        s->segs[s->n_segs++] = g;
    }
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = '\0';
}

static int32_t sy_map(const synth *s, int32_t off) {
    int32_t best = -1;
    for (int32_t k = 0; k < s->n_segs; k++)
        if (s->segs[k].synth <= off) best = k;
    if (best < 0) return s->py_anchor;
    const seg *g = &s->segs[best];
    return off < g->synth + g->len ? g->py + (off - g->synth) : g->py + g->len;
}

/* Synthesize `m = PRE <tokens a..b with constants substituted> POST`. */
static void sy_build(reader *r, synth *s, const char *pre, int32_t a, int32_t b, const char *post) {
    memset(s, 0, sizeof *s);
    s->ok = 1;
    s->py_anchor = a < r->lx.nt ? r->lx.t[a].begin : 0;
    sy_put(s, "m = ", 4, -1);
    sy_put(s, pre, strlen(pre), -1);
    if (a < b) {
        int32_t cursor = r->lx.t[a].begin;
        for (int32_t i = a; i < b; i++) {
            char key[CNNC_NAME_MAX + 8];
            int n = name_key(r, i, b, key, sizeof key);
            if (!n || (i + n < b && is_tok(r, i + n, "=") )) continue;
            const cconst *c = find_const(r, key);
            if (!c) continue;
            sy_put(s, r->lx.src + cursor, (size_t)(r->lx.t[i].begin - cursor), cursor);
            char v[64];
            if (c->is_float) snprintf(v, sizeof v, "%.17g", c->f);
            else snprintf(v, sizeof v, "%lld", (long long)c->i);
            sy_put(s, "(", 1, -1);
            sy_put(s, v, strlen(v), -1);
            sy_put(s, ")", 1, -1);
            cursor = r->lx.t[i + n - 1].end;
            i += n - 1;
        }
        sy_put(s, r->lx.src + cursor, (size_t)(r->lx.t[b - 1].end - cursor), cursor);
    }
    sy_put(s, post, strlen(post), -1);
}

/* synth (line, col) -> synth offset */
static int32_t sy_offset(const synth *s, int32_t line, int32_t col) {
    int32_t off = 0, l = 1;
    while ((size_t)off < s->len && l < line) { if (s->buf[off] == '\n') l++; off++; }
    off += col > 0 ? col - 1 : 0;
    return (size_t)off > s->len ? (int32_t)s->len : off;
}

/* Parse a synthesized constructor; layers renamed m -> attr; spans mapped
 * to the .py text. Returns the model, or NULL with *st / r->err set. */
static cnnc_model *parse_ctor(reader *r, const char *attr, const char *pre, int32_t a, int32_t b, const char *post,
                              cnnc_status *st, cnnc_error *e) {
    synth s;
    sy_build(r, &s, pre, a, b, post);
    cnnc_model *m = NULL;
    if (!s.ok) {
        free(s.buf);
        *st = cnnc_error_set(e, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        return NULL;
    }
    *st = cnnc_model_parse(s.buf, s.len, r->path, &m, e);
    if (*st) {
        int32_t off = sy_map(&s, sy_offset(&s, e->line, e->col));
        pylex_pos(&r->lx, off, &e->line, &e->col);
        snprintf(e->file, sizeof e->file, "%s", r->path);
        free(s.buf);
        return NULL;
    }
    for (int32_t k = 0; k < m->n_layers; k++) {
        cnnc_layer *L = &m->layers[k];
        char name[CNNC_NAME_MAX * 2];
        snprintf(name, sizeof name, "%s%s", attr, L->name + 1);
        scopy(L->name, sizeof L->name, name, NULL);
        L->span.begin = sy_map(&s, L->span.begin);
        L->span.end = sy_map(&s, L->span.end);
        pylex_pos(&r->lx, L->span.begin, &L->span.line, &L->span.col);
    }
    free(s.buf);
    return m;
}

static pmod *add_mod(reader *r, const char *attr, int32_t line) {
    if (r->n_mods == r->cap_mods) {
        int32_t cap = r->cap_mods ? r->cap_mods * 2 : 16;
        pmod *n = (pmod *)realloc(r->mods, (size_t)cap * sizeof *n);
        if (!n) return NULL;
        r->mods = n;
        r->cap_mods = cap;
    }
    pmod *m = &r->mods[r->n_mods++];
    memset(m, 0, sizeof *m);
    scopy(m->attr, sizeof m->attr, attr, NULL);
    m->line = line;
    return m;
}

static pmod *find_mod(reader *r, const char *attr) {
    for (int32_t k = r->n_mods - 1; k >= 0; k--)
        if (!strcmp(r->mods[k].attr, attr)) return &r->mods[k];
    return NULL;
}

static int32_t match_close(const reader *r, int32_t open, int32_t end) {
    int depth = 0;
    for (int32_t i = open; i < end; i++) {
        if (is_tok(r, i, "(") || is_tok(r, i, "[") || is_tok(r, i, "{")) depth++;
        else if (is_tok(r, i, ")") || is_tok(r, i, "]") || is_tok(r, i, "}")) { if (--depth == 0) return i; }
    }
    return -1;
}

static const char *const NN_NAMES[] = {"Conv2d", "MaxPool2d", "AvgPool2d", "ReLU", "Flatten", "Linear", "Dropout",
                                       "BatchNorm2d", "Sequential"};

/* Does [a, b) start with a torch.nn constructor? Returns the class name token. */
static int32_t nn_ctor(const reader *r, int32_t a, int32_t b) {
    int32_t i = a;
    if (is_tok(r, i, "torch") && is_tok(r, i + 1, ".") && is_tok(r, i + 2, "nn") && is_tok(r, i + 3, ".")) i += 4;
    else if (is_tok(r, i, "nn") && is_tok(r, i + 1, ".")) i += 2;
    else {
        int known = 0;
        for (size_t k = 0; k < sizeof NN_NAMES / sizeof NN_NAMES[0]; k++) known |= is_tok(r, i, NN_NAMES[k]);
        if (!known) return -1;
    }
    if (i + 1 >= b || r->lx.t[i].kind != PT_NAME || !is_tok(r, i + 1, "(")) return -1;
    return i;
}

static cnnc_model *new_model(void) { return (cnnc_model *)calloc(1, sizeof(cnnc_model)); }

static int model_add_layer(cnnc_model *m, int32_t *cap, const cnnc_layer *L) {
    if (m->n_layers == *cap) {
        int32_t c = *cap ? *cap * 2 : 16;
        cnnc_layer *n = (cnnc_layer *)realloc(m->layers, (size_t)c * sizeof *n);
        if (!n) return 0;
        m->layers = n;
        *cap = c;
    }
    m->layers[m->n_layers++] = *L;
    return 1;
}

/* nn.Sequential(OrderedDict([('name', EXPR), ...])): children take the keys as names. */
static cnnc_model *parse_ordered(reader *r, const char *attr, int32_t od, int32_t end, cnnc_status *st, cnnc_error *e) {
    int32_t lb = od + 2; /* OrderedDict ( [ */
    if (!is_tok(r, od + 1, "(") || !is_tok(r, lb, "[")) { *st = CNNC_ERR_UNSUPPORTED; return NULL; }
    int32_t rb = match_close(r, lb, end);
    if (rb < 0) { *st = CNNC_ERR_UNSUPPORTED; return NULL; }
    cnnc_model *out = new_model();
    int32_t cap = 0;
    if (!out) { *st = cnnc_error_set(e, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); return NULL; }
    for (int32_t i = lb + 1; i < rb;) {
        int32_t close = is_tok(r, i, "(") ? match_close(r, i, rb + 1) : -1;
        if (close < 0 || r->lx.t[i + 1].kind != PT_STR || !is_tok(r, i + 2, ",")) { *st = CNNC_ERR_UNSUPPORTED; break; }
        const ptok *k = &r->lx.t[i + 1];
        char child[CNNC_NAME_MAX * 2];
        snprintf(child, sizeof child, "%s.%.*s", attr, (int)(k->end - k->begin - 2), r->lx.src + k->begin + 1);
        cnnc_model *m = parse_ctor(r, child, "", i + 3, close, "", st, e);
        if (!m) break;
        int ok = 1;
        for (int32_t j = 0; j < m->n_layers && ok; j++) ok = model_add_layer(out, &cap, &m->layers[j]);
        cnnc_model_free(m);
        if (!ok) { *st = cnnc_error_set(e, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); break; }
        i = close + 1;
        if (i < rb && is_tok(r, i, ",")) i++;
    }
    if (*st) { cnnc_model_free(out); return NULL; }
    return out;
}

/* ------------------------------------------------------------ classes */

static int line_is(const reader *r, const pline *l, int32_t k, const char *s) { return k < l->n && is_tok(r, l->first + k, s); }

/* End of the block opened by line li (first following line with indent <= its indent). */
static int32_t block_end(const reader *r, int32_t li, int32_t limit) {
    int32_t ind = r->lx.l[li].indent, j = li + 1;
    while (j < limit && r->lx.l[j].indent > ind) j++;
    return j;
}

static int is_module_class(const reader *r, const pline *l) {
    if (!line_is(r, l, 0, "class") || l->n < 3 || r->lx.t[l->first + 1].kind != PT_NAME) return 0;
    for (int32_t k = 2; k < l->n && !line_is(r, l, k, ":"); k++)
        if (line_is(r, l, k, "Module")) return 1;
    return 0;
}

int32_t cnnc_py_classes(const char *text, size_t len, const char *path, char (*names)[CNNC_NAME_MAX], int32_t cap,
                        cnnc_error *err) {
    reader r;
    memset(&r, 0, sizeof r);
    if (pylex_run(&r.lx, text, len, path ? path : "<string>", err)) { pylex_free(&r.lx); return -1; }
    int32_t count = 0;
    for (int32_t li = 0; li < r.lx.nl; li++) {
        if (!is_module_class(&r, &r.lx.l[li])) continue;
        if (count < cap && names) tok_text(&r, r.lx.l[li].first + 1, names[count], CNNC_NAME_MAX);
        count++;
    }
    pylex_free(&r.lx);
    return count;
}

/* End of the comma-separated item starting at token i: the next top-level
 * "," before close (brackets nest), or close. */
static int32_t item_end(const reader *r, int32_t i, int32_t close) {
    int32_t depth = 0;
    while (i < close && !(depth == 0 && is_tok(r, i, ","))) {
        if (is_tok(r, i, "(") || is_tok(r, i, "[") || is_tok(r, i, "{")) depth++;
        if (is_tok(r, i, ")") || is_tok(r, i, "]") || is_tok(r, i, "}")) depth--;
        i++;
    }
    return i;
}

/* def NAME(self, p1=default, ...): parameter token ranges. */
typedef struct param { int32_t name, def_a, def_b; } param;

static int read_params(const reader *r, const pline *l, param *ps, int cap, int *n) {
    int32_t open = -1;
    for (int32_t k = 0; k < l->n; k++) if (line_is(r, l, k, "(")) { open = l->first + k; break; }
    if (open < 0) return 0;
    int32_t close = match_close(r, open, l->first + l->n);
    if (close < 0) return 0;
    *n = 0;
    int32_t i = open + 1;
    while (i < close) {
        const int32_t s = i;
        i = item_end(r, i, close);
        if (*n < cap && s < i) {
            param p = {s, -1, -1};
            for (int32_t k = s; k < i; k++)
                if (is_tok(r, k, "=")) { p.def_a = k + 1; p.def_b = i; break; }
            if (r->lx.t[s].kind == PT_NAME) ps[(*n)++] = p;
            else if (is_tok(r, s, "*") || is_tok(r, s, "**")) { /* *args / **kwargs: optional */ }
        }
        i++;
    }
    return 1;
}

/* ---------------------------------------------------------- __init__ */

static cnnc_status read_init(reader *r, int32_t l0, int32_t l1, int32_t def_line) {
    const pline *dl = &r->lx.l[def_line];
    param ps[32];
    int np = 0;
    read_params(r, dl, ps, 32, &np);
    char missing[256] = "";
    int n_missing = 0;
    for (int k = 1; k < np; k++) {  /* k = 0 is self */
        char name[CNNC_NAME_MAX];
        if (!tok_text(r, ps[k].name, name, sizeof name)) continue;
        if (ps[k].def_a < 0) {
            size_t o = strlen(missing);
            snprintf(missing + o, sizeof missing - o, "%s'%s'", n_missing ? " and " : "", name);
            n_missing++;
            continue;
        }
        cnum v;
        if (const_range(r, ps[k].def_a, ps[k].def_b, &v)) set_const(r, name, v.is_float, v.i, v.f);
    }
    if (n_missing)
        return fail_tok(r, CNNC_ERR_PARSE, dl->first, "TypeError", "%s.__init__() missing %d required positional argument%s: %s",
                        r->cls_name, n_missing, n_missing > 1 ? "s" : "", missing);
    int32_t body_indent = l0 < l1 ? r->lx.l[l0].indent : 0;
    for (int32_t li = l0; li < l1; li++) {
        const pline *l = &r->lx.l[li];
        int32_t a = l->first, b = l->first + l->n;
        int32_t eq = -1;
        for (int32_t k = a; k < b; k++) if (is_tok(r, k, "=")) { eq = k; break; }
        /* the target: self.NAME or NAME */
        int self_attr = eq == a + 3 && is_tok(r, a, "self") && is_tok(r, a + 1, ".");
        char key[CNNC_NAME_MAX + 8];
        if (l->indent > body_indent) {
            if (self_attr && tok_text(r, a + 2, key, sizeof key)) {
                pmod *m = add_mod(r, key, l->line);
                if (!m) return cnnc_error_set(r->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
                snprintf(m->why, sizeof m->why, "self.%s is assigned inside a block (line %d)", key, l->line);
            }
            continue;
        }
        if (eq < 0 || (eq != a + 1 && !self_attr)) continue;
        if (!self_attr && !tok_text(r, a, key, sizeof key)) continue;
        if (self_attr && !tok_text(r, a + 2, key, sizeof key)) continue;
        cnum v;
        if (const_range(r, eq + 1, b, &v)) {
            char ck[CNNC_NAME_MAX + 8];
            scopy(ck, sizeof ck, self_attr ? "self." : "", key);
            set_const(r, ck, v.is_float, v.i, v.f);
            continue;
        }
        if (!self_attr) continue;
        pmod *m = add_mod(r, key, l->line);
        if (!m) return cnnc_error_set(r->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        int32_t cls = nn_ctor(r, eq + 1, b);
        if (cls < 0) {
            char what[64] = "";
            tok_text(r, eq + 1, what, sizeof what);
            snprintf(m->why, sizeof m->why, "self.%s (line %d) is not an nn layer cnnc reads (it is built from '%s')", key,
                     l->line, what);
            continue;
        }
        cnnc_status st = CNNC_OK;
        cnnc_error e;
        cnnc_error_clear(&e);
        if (is_tok(r, cls, "Sequential") && is_tok(r, cls + 2, "OrderedDict")) {
            m->m = parse_ordered(r, key, cls + 2, b, &st, &e);
            if (!m->m && st == CNNC_ERR_UNSUPPORTED && !e.message[0]) {
                snprintf(m->why, sizeof m->why, "self.%s (line %d): OrderedDict form cnnc does not read", key, l->line);
                continue;
            }
        } else {
            m->m = parse_ctor(r, key, "", eq + 1, b, "", &st, &e);
        }
        m->is_seq = is_tok(r, cls, "Sequential");
        if (!m->m) {
            if (st == CNNC_ERR_UNSUPPORTED) { /* valid PyTorch cnnc does not run: only fatal if forward uses it */
                {
                    char w[CNNC_NAME_MAX + 8];
                    scopy(w, sizeof w, "self.", key);
                    scopy(m->why, sizeof m->why, w, ": ");
                    scopy(w, 1, "", NULL);
                    size_t o = strlen(m->why);
                    scopy(m->why + o, sizeof m->why - o, e.message, NULL);
                }
                continue;
            }
            if (r->err) *r->err = e;
            r->st = st;
            return st;
        }
    }
    return CNNC_OK;
}

/* ----------------------------------------------------------- forward */

static int append_layer(reader *r, const cnnc_layer *L, const cnnc_py_layer_info *info) {
    cnnc_model *m = r->pm->model;
    if (m->n_layers == r->cap_layers) {
        int32_t cap = r->cap_layers ? r->cap_layers * 2 : 16;
        cnnc_layer *nl = (cnnc_layer *)realloc(m->layers, (size_t)cap * sizeof *nl);
        if (!nl) return 0;
        m->layers = nl;
        cnnc_py_layer_info *ni = (cnnc_py_layer_info *)realloc(r->pm->info, (size_t)cap * sizeof *ni);
        if (!ni) return 0;
        r->pm->info = ni;
        r->cap_layers = cap;
    }
    m->layers[m->n_layers] = *L;
    r->pm->info[m->n_layers] = *info;
    m->n_layers++;
    r->version++;
    return 1;
}

static int32_t add_stmt(reader *r, const char *name, int is_seq, int32_t first, int32_t n) {
    cnnc_model *m = r->pm->model;
    if (m->n_stmts == r->cap_stmts) {
        int32_t cap = r->cap_stmts ? r->cap_stmts * 2 : 16;
        cnnc_stmt *ns = (cnnc_stmt *)realloc(m->stmts, (size_t)cap * sizeof *ns);
        if (!ns) return -1;
        m->stmts = ns;
        r->cap_stmts = cap;
    }
    cnnc_stmt *s = &m->stmts[m->n_stmts];
    memset(s, 0, sizeof *s);
    scopy(s->name, sizeof s->name, "self.", name);
    s->is_sequential = is_seq;
    s->first_layer = first;
    s->n_layers = n;
    return m->n_stmts++;
}

typedef struct arg { int32_t kw, a, b; } arg;  /* kw: keyword token or -1; value tokens [a, b) */

static int split_args(const reader *r, int32_t open, int32_t close, arg *args, int *n) {
    *n = 0;
    int32_t i = open + 1;
    while (i < close) {
        const int32_t s = i;
        i = item_end(r, i, close);
        if (s < i) {
            if (*n == MAX_ARGS) return 0;
            arg g = {-1, s, i};
            if (i - s >= 2 && r->lx.t[s].kind == PT_NAME && is_tok(r, s + 1, "=")) { g.kw = s; g.a = s + 2; }
            if (is_tok(r, s, "*") || is_tok(r, s, "**")) return 0;
            args[(*n)++] = g;
        }
        i++;
    }
    return 1;
}

static int eval_expr(reader *r, int32_t *p, int32_t end, xval *out);

/* Evaluate a whole range as one value. */
static int eval_range(reader *r, int32_t a, int32_t b, xval *out) {
    int32_t p = a;
    int rc = eval_expr(r, &p, b, out);
    if (rc) return rc;
    if (p != b) return stop_at(r, p < b ? p : a, "an expression cnnc cannot follow");
    return 0;
}

/* A tensor argument that must be the end of the chain so far. */
static int eval_tensor(reader *r, int32_t a, int32_t b, int32_t call_tok, int32_t *version) {
    xval v;
    if (eval_range(r, a, b, &v)) return 1;
    if (v.k != X_TENSOR) return stop_at(r, a, "expected a tensor argument here");
    if (v.version != r->version)
        return stop_at(r, call_tok, "uses a tensor from before the latest layer (a branch or skip connection)");
    *version = v.version;
    return 0;
}

static void span_of(reader *r, int32_t a, int32_t close, cnnc_span *sp) {
    sp->line = r->lx.t[a].line;
    sp->col = r->lx.t[a].col;
    sp->begin = r->lx.t[a].begin;
    sp->end = r->lx.t[close].end;
}

static int add_functional(reader *r, cnnc_layer *L, const char *name, int32_t a, int32_t close, int convertible) {
    scopy(L->name, sizeof L->name, name, NULL);
    L->stmt_index = -1;
    span_of(r, a, close, &L->span);
    cnnc_py_layer_info info;
    memset(&info, 0, sizeof info);
    info.functional = 1;
    info.convertible = convertible;
    info.call_line = r->lx.t[a].line;
    if (!append_layer(r, L, &info)) { r->st = cnnc_error_set(r->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); return -1; }
    return 0;
}

static int int_arg(reader *r, const arg *g, int64_t *v, int allow_dim, int32_t *dim) {
    xval x;
    if (eval_range(r, g->a, g->b, &x)) return 1;
    if (x.k == X_INT) { *v = x.i; if (dim) *dim = -1; return 0; }
    if (allow_dim && x.k == X_DIM) { *dim = x.dim; return 0; }
    return stop_at(r, g->a, "a size cnnc cannot compute here");
}

/* self.NAME(x): the module's layers, in order. */
static int call_module(reader *r, const char *attr, int32_t a, int32_t open, int32_t close, xval *out) {
    pmod *m = find_mod(r, attr);
    if (!m) return stop_at(r, a, "self.%s is not assigned in __init__ as cnnc reads it", attr);
    if (!m->m) return stop_at(r, a, "%s", m->why);
    arg args[MAX_ARGS];
    int n;
    if (!split_args(r, open, close, args, &n) || n != 1 || args[0].kw >= 0)
        return stop_at(r, a, "self.%s is called with other than one tensor", attr);
    int32_t ver;
    int rc = eval_tensor(r, args[0].a, args[0].b, a, &ver);
    if (rc) return rc;
    int32_t first = r->pm->model->n_layers;
    int32_t si = add_stmt(r, attr, m->is_seq, first, m->m->n_layers);
    if (si < 0) { r->st = cnnc_error_set(r->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); return -1; }
    for (int32_t k = 0; k < m->m->n_layers; k++) {
        cnnc_layer L = m->m->layers[k];
        L.stmt_index = si;
        cnnc_py_layer_info info;
        memset(&info, 0, sizeof info);
        info.convertible = 1;
        info.call_line = r->lx.t[a].line;
        snprintf(info.module, sizeof info.module, "%s", attr);
        if (!append_layer(r, &L, &info)) { r->st = cnnc_error_set(r->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); return -1; }
    }
    out->k = X_TENSOR;
    out->version = r->version;
    return 0;
}

static const char *const IDENTITY_FNS[] = {"log_softmax", "softmax", "sigmoid", "tanh", "leaky_relu", "elu", "gelu",
                                           "silu", "relu6", "hardtanh", "softplus", "selu", "mish", "hardswish"};

/* F.fn(x, ...) / torch.fn(x, ...) / x.fn(...): `self_tensor` >= 0 for methods. */
static int call_function(reader *r, const char *fn, int is_method, int32_t a, int32_t open, int32_t close, xval *recv,
                         xval *out) {
    arg args[MAX_ARGS];
    int n;
    if (!split_args(r, open, close, args, &n)) return stop_at(r, a, "a call with *args/**kwargs");
    int32_t ver;
    int first_arg = 0;
    if (is_method) {
        if (recv->version != r->version)
            return stop_at(r, a, "uses a tensor from before the latest layer (a branch or skip connection)");
    } else {
        if (n < 1 || args[0].kw >= 0) return stop_at(r, a, "%s() without a tensor argument", fn);
        int rc = eval_tensor(r, args[0].a, args[0].b, a, &ver);
        if (rc) return rc;
        first_arg = 1;
    }
    cnnc_layer L;
    memset(&L, 0, sizeof L);
    char lname[CNNC_NAME_MAX];
    snprintf(lname, sizeof lname, "%s%s", is_method ? "." : "F.", fn);
    out->k = X_TENSOR;
    if (!strcmp(fn, "size") && is_method) {
        if (n == 0) { out->k = X_SIZEFN; out->version = recv->version; return 0; }
        int64_t d = 0;
        int rc = int_arg(r, &args[0], &d, 0, NULL);
        if (rc) return rc;
        if (d < 0) return stop_at(r, a, "a negative dim in size()");
        out->k = X_DIM; out->version = recv->version; out->dim = (int32_t)d;
        return 0;
    }
    if (!strcmp(fn, "contiguous") && is_method) { *out = *recv; return 0; }
    if (!strcmp(fn, "relu") || !strcmp(fn, "relu_")) {
        L.kind = CNNC_RELU;
        return add_functional(r, &L, lname, a, close, 1) ? -1 : (out->version = r->version, 0);
    }
    if (!strcmp(fn, "dropout")) {
        L.kind = CNNC_DROPOUT;
        L.p.dropout.p = 0.5;
        return add_functional(r, &L, lname, a, close, 1) ? -1 : (out->version = r->version, 0);
    }
    if (!strcmp(fn, "max_pool2d") || !strcmp(fn, "avg_pool2d")) {
        if (is_method) return stop_at(r, a, "Tensor.%s", fn);
        if (n < 2) return stop_at(r, a, "%s() without a kernel size", fn);
        cnnc_status st = CNNC_OK;
        cnnc_error e;
        cnnc_error_clear(&e);
        cnnc_model *m = parse_ctor(r, "_", fn[0] == 'm' ? "nn.MaxPool2d(" : "nn.AvgPool2d(", args[first_arg].a, close, ")", &st, &e);
        if (!m) {
            if (st == CNNC_ERR_PARSE) { /* the call itself is wrong: Python raises it there */
                if (r->err) *r->err = e;
                r->st = st;
                return -1;
            }
            return stop_at(r, a, "%s(): %s", fn, e.message);
        }
        L = m->layers[0];
        cnnc_model_free(m);
        return add_functional(r, &L, lname, a, close, 1) ? -1 : (out->version = r->version, 0);
    }
    if (!strcmp(fn, "flatten")) {
        L.kind = CNNC_FLATTEN;
        L.p.flatten.start_dim = 0;   /* torch.flatten / Tensor.flatten default */
        L.p.flatten.end_dim = -1;
        for (int k = first_arg; k < n; k++) {
            int64_t v = 0;
            int rc = int_arg(r, &args[k], &v, 0, NULL);
            if (rc) return rc;
            int pos = k - first_arg;
            if ((args[k].kw >= 0 && is_tok(r, args[k].kw, "start_dim")) || (args[k].kw < 0 && pos == 0)) L.p.flatten.start_dim = v;
            else if ((args[k].kw >= 0 && is_tok(r, args[k].kw, "end_dim")) || (args[k].kw < 0 && pos == 1)) L.p.flatten.end_dim = v;
            else return stop_at(r, args[k].a, "flatten() argument cnnc does not know");
        }
        return add_functional(r, &L, lname, a, close, 1) ? -1 : (out->version = r->version, 0);
    }
    if ((!strcmp(fn, "view") || !strcmp(fn, "reshape")) && is_method) {
        L.kind = CNNC_FLATTEN;
        L.p.flatten.start_dim = 1;
        L.p.flatten.end_dim = -1;
        if (n == 0 || n > CNNC_MAX_DIMS) return stop_at(r, a, "%s() with %d sizes", fn, n);
        for (int k = 0; k < n; k++) {
            int64_t v = 0;
            int32_t dim = -1;
            if (args[k].kw >= 0) return stop_at(r, args[k].a, "%s() keyword argument", fn);
            int rc = int_arg(r, &args[k], &v, 1, &dim);
            if (rc) return rc;
            L.p.flatten.view[k] = dim >= 0 ? CNNC_VIEW_DIM(dim) : v;
        }
        L.p.flatten.view_ndim = n;
        return add_functional(r, &L, lname, a, close, 1) ? -1 : (out->version = r->version, 0);
    }
    for (size_t k = 0; k < sizeof IDENTITY_FNS / sizeof IDENTITY_FNS[0]; k++)
        if (!strcmp(fn, IDENTITY_FNS[k])) {   /* elementwise: shape unchanged, but no model-file layer */
            L.kind = CNNC_DROPOUT;
            L.p.dropout.p = 0.0;
            return add_functional(r, &L, lname, a, close, 0) ? -1 : (out->version = r->version, 0);
        }
    return stop_at(r, a, "%s%s() is a call cnnc cannot follow", is_method ? "Tensor." : "", fn);
}

static int resolve_path(reader *r, xval *v) {
    if (v->k != X_PATH) return 0;
    char key[CNNC_NAME_MAX + 8] = "";
    int32_t n = v->pb - v->pa;
    if (n == 3 && is_tok(r, v->pa, "self")) {
        char a[CNNC_NAME_MAX];
        if (tok_text(r, v->pa + 2, a, sizeof a)) snprintf(key, sizeof key, "self.%s", a);
    }
    const cconst *c = key[0] ? find_const(r, key) : NULL;
    if (c && !c->is_float) { v->k = X_INT; v->i = c->i; return 0; }
    return stop_at(r, v->pa, "a name cnnc cannot follow");
}

static int eval_postfix(reader *r, int32_t *p, int32_t end, xval *out) {
    int32_t i = *p;
    if (i >= end) return stop_at(r, i > 0 ? i - 1 : 0, "an incomplete expression");
    const ptok *t = &r->lx.t[i];
    memset(out, 0, sizeof *out);
    if (t->kind == PT_NUM) {
        if (t->is_float) return stop_at(r, i, "a float where cnnc expects a size");
        out->k = X_INT; out->i = t->i; *p = i + 1;
    } else if (is_tok(r, i, "(")) {
        int32_t close = match_close(r, i, end);
        if (close < 0) return stop_at(r, i, "unbalanced brackets");
        int32_t q = i + 1;
        int rc = eval_expr(r, &q, close, out);
        if (rc) return rc;
        if (q != close) return stop_at(r, q, "a tuple cnnc cannot follow");
        *p = close + 1;
    } else if (t->kind == PT_NAME) {
        char name[CNNC_NAME_MAX];
        if (!tok_text(r, i, name, sizeof name)) return stop_at(r, i, "a name too long");
        int found = 0;
        for (int32_t k = r->n_vars - 1; k >= 0; k--)
            if (!strcmp(r->vars[k].name, name)) { *out = r->vars[k].v; found = 1; break; }
        if (!found) {
            const cconst *c = find_const(r, name);
            if (c && !c->is_float) { out->k = X_INT; out->i = c->i; found = 1; }
        }
        if (!found) { out->k = X_PATH; out->pa = i; out->pb = i + 1; }
        *p = i + 1;
    } else {
        return stop_at(r, i, "an expression cnnc cannot follow");
    }
    /* trailers */
    while (*p < end) {
        int32_t q = *p;
        if (is_tok(r, q, ".") && q + 1 < end && r->lx.t[q + 1].kind == PT_NAME) {
            if (out->k == X_PATH && out->pb == q) { out->pb = q + 2; *p = q + 2; continue; }
            if (out->k == X_TENSOR) {
                if (is_tok(r, q + 1, "shape")) { out->k = X_SHAPE; *p = q + 2; continue; }
                out->k = X_METHOD; out->pa = q + 1; out->pb = q + 2; *p = q + 2; continue;
            }
            return stop_at(r, q, "an attribute cnnc cannot follow");
        }
        if (is_tok(r, q, "(")) {
            int32_t close = match_close(r, q, end);
            if (close < 0) return stop_at(r, q, "unbalanced brackets");
            char fn[CNNC_NAME_MAX];
            int rc;
            if (out->k == X_METHOD) {
                xval recv = *out;
                recv.k = X_TENSOR;
                tok_text(r, out->pb - 1, fn, sizeof fn);
                rc = call_function(r, fn, 1, out->pa - 2 >= 0 ? out->pa - 2 : out->pa, q, close, &recv, out);
            } else if (out->k == X_PATH) {
                int32_t n = out->pb - out->pa, a = out->pa;
                tok_text(r, out->pb - 1, fn, sizeof fn);
                if (n == 3 && is_tok(r, a, "self")) rc = call_module(r, fn, a, q, close, out);
                else if ((n == 3 && (is_tok(r, a, "F") || is_tok(r, a, "torch"))) ||
                         (n == 5 && is_tok(r, a, "nn") && is_tok(r, a + 2, "functional")) ||
                         (n == 7 && is_tok(r, a, "torch") && is_tok(r, a + 4, "functional")))
                    rc = call_function(r, fn, 0, a, q, close, NULL, out);
                else {
                    char what[128];
                    snprintf(what, sizeof what, "%.*s", (int)(r->lx.t[out->pb - 1].end - r->lx.t[a].begin), r->lx.src + r->lx.t[a].begin);
                    rc = stop_at(r, a, "%s() is a call cnnc cannot follow", what);
                }
            } else {
                return stop_at(r, q, "a call cnnc cannot follow");
            }
            if (rc) return rc;
            *p = close + 1;
            continue;
        }
        if (is_tok(r, q, "[")) {
            int32_t close = match_close(r, q, end);
            if (close < 0) return stop_at(r, q, "unbalanced brackets");
            if (out->k != X_SHAPE && out->k != X_SIZEFN) return stop_at(r, q, "indexing cnnc cannot follow");
            xval ix;
            int rc = eval_range(r, q + 1, close, &ix);
            if (rc) return rc;
            if (ix.k != X_INT || ix.i < 0) return stop_at(r, q, "a size index cnnc cannot follow");
            out->k = X_DIM; out->dim = (int32_t)ix.i;
            *p = close + 1;
            continue;
        }
        break;
    }
    return resolve_path(r, out);
}

static int eval_unary(reader *r, int32_t *p, int32_t end, xval *out) {
    if (*p < end && is_tok(r, *p, "-")) {
        int32_t at = (*p)++;
        int rc = eval_unary(r, p, end, out);
        if (rc) return rc;
        if (out->k != X_INT) return stop_at(r, at, "negating a tensor");
        out->i = -out->i;
        return 0;
    }
    return eval_postfix(r, p, end, out);
}

static int eval_term(reader *r, int32_t *p, int32_t end, xval *out) {
    int rc = eval_unary(r, p, end, out);
    if (rc) return rc;
    while (*p < end && (is_tok(r, *p, "*") || is_tok(r, *p, "//") || is_tok(r, *p, "%"))) {
        int32_t op = (*p)++;
        xval b;
        rc = eval_unary(r, p, end, &b);
        if (rc) return rc;
        if (out->k != X_INT || b.k != X_INT) return stop_at(r, op, "arithmetic on tensors or sizes cnnc cannot follow");
        if (is_tok(r, op, "*")) { if (__builtin_mul_overflow(out->i, b.i, &out->i)) return stop_at(r, op, "an int overflow"); continue; }
        if (b.i == 0) return stop_at(r, op, "division by zero");
        int64_t q = out->i / b.i, m = out->i % b.i;
        if (m != 0 && ((m < 0) != (b.i < 0))) { q--; m += b.i; }
        out->i = is_tok(r, op, "//") ? q : m;
    }
    return 0;
}

static int eval_expr(reader *r, int32_t *p, int32_t end, xval *out) {
    int rc = eval_term(r, p, end, out);
    if (rc) return rc;
    while (*p < end && (is_tok(r, *p, "+") || is_tok(r, *p, "-"))) {
        int32_t op = (*p)++;
        xval b;
        rc = eval_term(r, p, end, &b);
        if (rc) return rc;
        if (out->k != X_INT || b.k != X_INT) return stop_at(r, op, "arithmetic on tensors cnnc cannot follow");
        out->i = is_tok(r, op, "+") ? out->i + b.i : out->i - b.i;
    }
    if (*p < end && !is_tok(r, *p, ",")) return stop_at(r, *p, "an expression cnnc cannot follow");
    return 0;
}

static int set_var(reader *r, int32_t name_tok, const xval *v) {
    char name[CNNC_NAME_MAX];
    if (!tok_text(r, name_tok, name, sizeof name)) return stop_at(r, name_tok, "a name too long");
    for (int32_t k = 0; k < r->n_vars; k++)
        if (!strcmp(r->vars[k].name, name)) { r->vars[k].v = *v; return 0; }
    if (r->n_vars == MAX_VARS) return stop_at(r, name_tok, "too many local names");
    snprintf(r->vars[r->n_vars].name, sizeof r->vars[0].name, "%s", name);
    r->vars[r->n_vars++].v = *v;
    return 0;
}

static const char *const STOP_KEYWORDS[] = {"for", "while", "if", "elif", "else", "with", "try", "except", "finally",
                                            "assert", "raise", "del", "global", "nonlocal", "yield", "async", "await",
                                            "break", "continue", "def", "class", "lambda", "import", "from"};

/* forward(self, x): returns 0 when a return was read, 1 when stopped, -1 on error. */
static int read_forward(reader *r, int32_t l0, int32_t l1, int32_t def_line) {
    param ps[16];
    int np = 0;
    const pline *dl = &r->lx.l[def_line];
    if (!read_params(r, dl, ps, 16, &np) || np < 2) return stop_at(r, dl->first, "forward() takes no tensor argument");
    for (int k = 2; k < np; k++)
        if (ps[k].def_a < 0) return stop_at(r, ps[k].name, "forward() takes more than one input");
    xval x;
    memset(&x, 0, sizeof x);
    x.k = X_TENSOR;
    x.version = 0;
    int rc = set_var(r, ps[1].name, &x);
    if (rc) return rc;
    int32_t body_indent = l0 < l1 ? r->lx.l[l0].indent : 0;
    for (int32_t li = l0; li < l1; li++) {
        const pline *l = &r->lx.l[li];
        int32_t a = l->first, b = l->first + l->n;
        if (l->indent != body_indent) return stop_at(r, a, "an indented block cnnc cannot follow");
        for (int32_t k = a; k < b; k++)
            if (is_tok(r, k, ";")) return stop_at(r, k, "several statements on one line");
        for (size_t k = 0; k < sizeof STOP_KEYWORDS / sizeof STOP_KEYWORDS[0]; k++)
            if (is_tok(r, a, STOP_KEYWORDS[k])) return stop_at(r, a, "`%s` (cnnc follows a straight line of calls)", STOP_KEYWORDS[k]);
        if (is_tok(r, a, "pass") || (l->n == 1 && r->lx.t[a].kind == PT_STR)) continue;
        if (is_tok(r, a, "print") && is_tok(r, a + 1, "(")) continue;   /* output only: no effect on shapes */
        if (is_tok(r, a, "return")) {
            int32_t e = a + 1, depth = 0;
            while (e < b && !(depth == 0 && is_tok(r, e, ","))) {
                if (is_tok(r, e, "(") || is_tok(r, e, "[")) depth++;
                if (is_tok(r, e, ")") || is_tok(r, e, "]")) depth--;
                e++;
            }
            if (e == a + 1) return stop_at(r, a, "forward() returns None");
            xval v;
            rc = eval_range(r, a + 1, e, &v);
            if (rc) return rc;
            if (v.k != X_TENSOR) return stop_at(r, a + 1, "forward() returns something other than a tensor");
            if (v.version != r->version) return stop_at(r, a + 1, "forward() returns a tensor from before its last layer");
            return 0;
        }
        if (l->n >= 3 && r->lx.t[a].kind == PT_NAME && is_tok(r, a + 1, "=")) {
            xval v;
            rc = eval_range(r, a + 2, b, &v);
            if (rc) return rc;
            rc = set_var(r, a, &v);
            if (rc) return rc;
            continue;
        }
        return stop_at(r, a, "a statement cnnc cannot follow");
    }
    return stop_at(r, l1 > l0 ? r->lx.l[l1 - 1].first : dl->first, "forward() has no return");
}

/* --------------------------------------------------------------- API */

void cnnc_py_free(cnnc_py_model *pm) {
    if (!pm) return;
    cnnc_model_free(pm->model);
    free(pm->info);
    free(pm);
}

static void reader_free(reader *r) {
    for (int32_t k = 0; k < r->n_mods; k++) cnnc_model_free(r->mods[k].m);
    free(r->mods);
    pylex_free(&r->lx);
}

cnnc_status cnnc_py_read(const char *text, size_t len, const char *path, const char *class_name, cnnc_py_model **out,
                         cnnc_error *err) {
    if (out) *out = NULL;
    if (!out || (!text && len)) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_py_read: NULL argument");
    if (!path) path = "<string>";
    reader *r = (reader *)calloc(1, sizeof *r);
    cnnc_py_model *pm = (cnnc_py_model *)calloc(1, sizeof *pm);
    cnnc_model *m = new_model();
    char *copy = (char *)malloc(len + 1);
    if (!r || !pm || !m || !copy) {
        free(r); free(pm); free(m); free(copy);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", path);
    }
    if (len) memcpy(copy, text, len);
    copy[len] = '\0';
    m->text = copy;
    m->text_len = len;
    snprintf(m->path, sizeof m->path, "%s", path);
    pm->model = m;
    r->pm = pm;
    r->path = path;
    r->err = err;
    cnnc_status st = pylex_run(&r->lx, copy, len, path, err);
    if (!st) {
        /* module-level int constants */
        for (int32_t li = 0; li < r->lx.nl; li++) {
            const pline *l = &r->lx.l[li];
            cnum v;
            if (l->indent == 0 && l->n >= 3 && r->lx.t[l->first].kind == PT_NAME && is_tok(r, l->first + 1, "=") &&
                const_range(r, l->first + 2, l->first + l->n, &v)) {
                char name[CNNC_NAME_MAX];
                if (tok_text(r, l->first, name, sizeof name)) set_const(r, name, v.is_float, v.i, v.f);
            }
        }
        int32_t cls = -1;
        for (int32_t li = 0; li < r->lx.nl; li++) {
            if (!is_module_class(r, &r->lx.l[li])) continue;
            char name[CNNC_NAME_MAX];
            tok_text(r, r->lx.l[li].first + 1, name, sizeof name);
            if (!class_name || !strcmp(name, class_name)) cls = li;
            if (class_name && cls >= 0) break;
        }
        if (cls < 0) {
            if (class_name) st = fail_tok(r, CNNC_ERR_USAGE, -1, "NameError", "no nn.Module class '%s' in %s", class_name, path);
            else st = fail_tok(r, CNNC_ERR_UNSUPPORTED, -1, "NotImplementedError", "no nn.Module subclass in %s", path);
        } else {
            const pline *cl = &r->lx.l[cls];
            tok_text(r, cl->first + 1, r->cls_name, sizeof r->cls_name);
            snprintf(pm->class_name, sizeof pm->class_name, "%s", r->cls_name);
            pm->class_line = cl->line;
            int32_t end = block_end(r, cls, r->lx.nl);
            int32_t init = -1, fwd = -1;
            int32_t member_indent = cls + 1 < end ? r->lx.l[cls + 1].indent : 0;
            for (int32_t li = cls + 1; li < end; li++) {
                const pline *l = &r->lx.l[li];
                if (l->indent != member_indent || !line_is(r, l, 0, "def")) continue;
                if (line_is(r, l, 1, "__init__")) init = li;
                if (line_is(r, l, 1, "forward")) fwd = li;
            }
            if (init >= 0) st = read_init(r, init + 1, block_end(r, init, end), init);
            if (!st) {
                if (fwd < 0) {
                    st = fail_tok(r, CNNC_ERR_UNSUPPORTED, cl->first, "NotImplementedError",
                                  "class %s has no forward() cnnc can read (forward defined in a base class?)", r->cls_name);
                } else {
                    int rc = read_forward(r, fwd + 1, block_end(r, fwd, end), fwd);
                    if (rc < 0) st = r->st ? r->st : CNNC_ERR_NOMEM;
                    if (rc > 0 && !pm->stopped) stop_at(r, r->lx.l[fwd].first, "forward() has a construct cnnc cannot follow");
                }
            }
        }
    }
    reader_free(r);
    free(r);
    if (st) { cnnc_py_free(pm); return st; }
    *out = pm;
    return CNNC_OK;
}

cnnc_status cnnc_py_load(const char *path, const char *class_name, cnnc_py_model **out, cnnc_error *err) {
    if (out) *out = NULL;
    if (!path || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_py_load: NULL argument");
    char *buf;
    size_t len;
    cnnc_status st = cnnc_read_file(path, CNNC_PY_MAX_BYTES, &buf, &len, err);
    if (st == CNNC_ERR_PARSE)
        return cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "source is too large for a model (over %u bytes)",
                              CNNC_PY_MAX_BYTES);
    if (st != CNNC_OK) return st;
    st = cnnc_py_read(buf, len, path, class_name, out, err);
    free(buf);
    return st;
}

void cnnc_py_default_input(const cnnc_py_model *pm, cnnc_shape *input) {
    input->ndim = 4;
    input->d[0] = 2; input->d[1] = 1; input->d[2] = 28; input->d[3] = 28;
    if (pm && pm->model)
        for (int32_t k = 0; k < pm->model->n_layers; k++)
            if (pm->model->layers[k].kind == CNNC_CONV2D) { input->d[1] = pm->model->layers[k].p.conv.in_channels; break; }
}

cnnc_status cnnc_py_check(const cnnc_py_model *pm, const cnnc_shape *input, cnnc_shape *output, cnnc_error *err) {
    if (!pm || !input) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_py_check: NULL argument");
    cnnc_shape out;
    cnnc_status st = cnnc_shape_pass(pm->model, input, NULL, &out, err);
    if (st == CNNC_ERR_SHAPE && err) {
        /* hints name the Python attribute: "out = nn.X" -> "self.out = nn.X" */
        const cnnc_model *m = pm->model;
        if (err->fix.layer_index >= 0 && err->fix.layer_index < m->n_layers) {
            const char *name = m->layers[err->fix.layer_index].name;
            char pat[CNNC_NAME_MAX + 16];
            snprintf(pat, sizeof pat, ": %s = nn.", name);
            char *at = strstr(err->hint, pat);
            if (at && strlen(err->hint) + 5 < sizeof err->hint) {
                memmove(at + 2 + 5, at + 2, strlen(at + 2) + 1);
                memcpy(at + 2, "self.", 5);
            }
        }
        if (err->layer_index >= 0 && err->layer_index < m->n_layers && pm->info[err->layer_index].functional) {
            err->line = m->layers[err->layer_index].span.line;
            err->col = m->layers[err->layer_index].span.col;
        }
        return st;
    }
    if (st) return st;
    if (output) *output = out;
    if (pm->stopped) {
        char s[256];
        cnnc_shape_format(&out, s, sizeof s);
        cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                       "cnnc cannot follow %s.forward() past line %d: %s (the %d layers before it check out: %s)",
                       pm->class_name, pm->stop_line, pm->stop_reason, pm->model->n_layers, s);
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", pm->model->path);
            err->line = pm->stop_line;
            err->col = pm->stop_col;
        }
        return CNNC_ERR_UNSUPPORTED;
    }
    return CNNC_OK;
}

/* ------------------------------------------------------------ convert */

typedef struct tbuf { char *b; size_t len, cap; int ok; } tbuf;

static void tput(tbuf *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void tput(tbuf *t, const char *fmt, ...) {
    if (!t->ok) return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->b ? t->b + t->len : NULL, t->b ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) { t->ok = 0; return; }
        if (t->b && t->len + (size_t)n < t->cap) { t->len += (size_t)n; return; }
        size_t cap = (t->cap + (size_t)n + 1) * 2;
        char *nb = (char *)realloc(t->b, cap);
        if (!nb) { t->ok = 0; return; }
        t->b = nb;
        t->cap = cap;
    }
}

cnnc_status cnnc_py_to_model_text(const cnnc_py_model *pm, const cnnc_shape *input, char **text, cnnc_error *err) {
    if (text) *text = NULL;
    if (!pm || !text) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_py_to_model_text: NULL argument");
    const cnnc_model *m = pm->model;
    if (pm->stopped)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                              "cannot convert %s: cnnc cannot follow forward() past line %d: %s", pm->class_name,
                              pm->stop_line, pm->stop_reason);
    cnnc_layer_shape *shapes = NULL;
    if (input) {
        shapes = (cnnc_layer_shape *)calloc((size_t)(m->n_layers ? m->n_layers : 1), sizeof *shapes);
        if (!shapes) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        cnnc_status st = cnnc_py_check(pm, input, NULL, err);
        if (!st) st = cnnc_shape_pass(m, input, shapes, NULL, err);
        if (st) { free(shapes); return st; }
    }
    tbuf t = {NULL, 0, 0, 1};
    cnnc_status st = CNNC_OK;
    tput(&t, "# converted by `cnnc convert` from %s, class %s\nimport torch.nn as nn\n", m->path, pm->class_name);
    if (input && input->ndim == 4)
        tput(&t, "input = (%lld, %lld, %lld)\n", (long long)input->d[1], (long long)input->d[2], (long long)input->d[3]);
    int32_t n_out = m->n_layers;
    /* a trailing log_softmax is what CrossEntropyLoss applies itself: drop it */
    while (n_out > 0 && !pm->info[n_out - 1].convertible && strstr(m->layers[n_out - 1].name, "log_softmax")) n_out--;
    int fn_count = 0;
    for (int32_t i = 0; i < n_out && !st; i++) {
        const cnnc_layer *L = &m->layers[i];
        const cnnc_py_layer_info *info = &pm->info[i];
        char r[256];
        if (!info->convertible) {
            st = cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                                "cannot convert %s (line %d): a model file has no layer for it", L->name, L->span.line);
            break;
        }
        if (!info->functional) {
            for (int32_t j = 0; j < i; j++)
                if (!pm->info[j].functional && !strcmp(pm->info[j].module, info->module) && L->stmt_index != m->layers[j].stmt_index) {
                    int has_params = 0;
                    for (int32_t k = 0; k < m->n_layers; k++)
                        if (!strcmp(pm->info[k].module, info->module))
                            has_params |= m->layers[k].kind == CNNC_CONV2D || m->layers[k].kind == CNNC_LINEAR || m->layers[k].kind == CNNC_BATCHNORM2D;
                    if (has_params)
                        st = cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                                            "cannot convert: self.%s is called twice in forward() and shares its weights; a model file has no shared layers",
                                            info->module);
                    break;
                }
            if (st) break;
            const cnnc_stmt *s = &m->stmts[L->stmt_index];
            int first_in_stmt = i == s->first_layer;
            int repeat = 0;   /* a parameter-free module called again gets a fresh name */
            for (int32_t j = 0; j < L->stmt_index; j++) if (!strcmp(m->stmts[j].name, s->name)) repeat++;
            char name[CNNC_NAME_MAX + 8];
            if (repeat) snprintf(name, sizeof name, "%s_%d", s->name + 5, repeat + 1);
            else snprintf(name, sizeof name, "%s", s->name + 5);
            cnnc_layer_render(L, r, sizeof r);
            if (s->is_sequential) {
                if (first_in_stmt) tput(&t, "%s = nn.Sequential(\n", name);
                tput(&t, "    nn.%s,\n", r);
                if (i == s->first_layer + s->n_layers - 1) tput(&t, ")\n");
            } else {
                tput(&t, "%s = nn.%s\n", name, r);
            }
            continue;
        }
        cnnc_layer c = *L;
        if (L->kind == CNNC_FLATTEN && L->p.flatten.view_ndim > 0) {
            /* a view is Flatten() when it makes [N, features] from [N, ...] */
            int same = 0;
            const cnnc_flatten_params *v = &L->p.flatten;
            if (v->view_ndim == 2 && v->view[0] == CNNC_VIEW_DIM(0) && v->view[1] == -1) same = 1;
            else if (shapes && v->view_ndim == 2) {
                const cnnc_layer_shape *ls = &shapes[i];
                int64_t f = 1;
                for (int32_t k = 1; k < ls->in.ndim; k++) f *= ls->in.d[k];
                same = ls->in.ndim >= 2 && ls->out.ndim == 2 && ls->out.d[0] == ls->in.d[0] && ls->out.d[1] == f;
            }
            if (!same) {
                st = cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                                    "cannot convert %s (line %d) to Flatten(): %s", L->name, L->span.line,
                                    shapes ? "it does not keep the batch dim and flatten the rest at this input"
                                           : "whether it equals Flatten() depends on the input; pass --input");
                break;
            }
            memset(&c.p.flatten, 0, sizeof c.p.flatten);
            c.p.flatten.start_dim = 1;
            c.p.flatten.end_dim = -1;
        }
        cnnc_layer_render(&c, r, sizeof r);
        const char *base = c.kind == CNNC_RELU ? "relu" : c.kind == CNNC_FLATTEN ? "flatten" : c.kind == CNNC_DROPOUT ? "dropout" : "pool";
        tput(&t, "%s_%d = nn.%s  # %s, line %d\n", base, ++fn_count, r, L->name, L->span.line);
    }
    free(shapes);
    if (!st && !t.ok) st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
    if (st) { free(t.b); return st; }
    *text = t.b;
    return CNNC_OK;
}

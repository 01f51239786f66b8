/* call.c — calls and argument binding (CPython's TypeErrors, word for word),
 * classes and isinstance, and the import of a model's sibling source files.
 * Attribute and item access are access.c's, operators operators.c's. */
#include "py/call_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CALL_DEPTH 400

/* ------------------------------------------------------------------ classes */

py_class *py_class_new(interp *I, const char *name, py_base base, py_class *parent) {
    py_class *c = (py_class *)py_alloc(I->arena, sizeof *c);
    if (!c) return NULL;
    c->name = name;
    c->qualname = name;
    c->base = base;
    if (parent) {
        c->bases = (py_class **)py_alloc(I->arena, sizeof *c->bases);
        if (!c->bases) return NULL;
        c->bases[0] = parent;
        c->n_bases = 1;
        c->layer = parent->layer;
        c->exc_name = parent->exc_name;
    }
    return c;
}

int py_class_is(const py_class *c, const py_class *base) {
    if (!c) return 0;
    if (c == base) return 1;
    for (int32_t k = 0; k < c->n_bases; k++)
        if (py_class_is(c->bases[k], base)) return 1;
    return 0;
}

py_class *py_class_of(interp *I, py_val v) {
    (void)I;
    return v.t == PV_OBJ ? pv_as_obj(v)->cls : NULL;
}

/* A class attribute along the MRO (a built-in class, single inheritance: depth first). */
py_val *py_class_lookup(py_class *c, py_sym name, py_class **found_in) {
    if (!c) return NULL;
    if (c->mro) {
        for (int32_t k = 0; k < c->n_mro; k++) {
            py_val *v = py_attrs_find(&c->mro[k]->dict, name);
            if (v) { if (found_in) *found_in = c->mro[k]; return v; }
        }
        return NULL;
    }
    py_val *v = py_attrs_find(&c->dict, name);
    if (v) { if (found_in) *found_in = c; return v; }
    for (int32_t k = 0; k < c->n_bases; k++)
        if ((v = py_class_lookup(c->bases[k], name, found_in))) return v;
    return NULL;
}

/* A built-in class's MRO: itself, then its one base's. */
static int builtin_mro(interp *I, py_class *c) {
    if (c->mro) return 0;
    if (c->n_bases > 1) return py_unsupported(I, "cnnc cannot order the bases of %s", c->name);
    if (c->n_bases && builtin_mro(I, c->bases[0])) return -1;
    const int32_t n = 1 + (c->n_bases ? c->bases[0]->n_mro : 0);
    py_class **m = (py_class **)py_alloc(I->arena, (size_t)n * sizeof *m);
    if (!m) return py_nomem(I);
    m[0] = c;
    for (int32_t k = 1; k < n; k++) m[k] = c->bases[0]->mro[k - 1];
    c->mro = m;
    c->n_mro = n;
    return 0;
}

/* C3: the MRO is c, then a merge of the bases' MROs and the list of bases that keeps
 * every one of those orders; a head is taken when no list has it in its tail. */
int py_class_build_mro(interp *I, py_class *c) {
    const int32_t nl = c->n_bases + 1;
    py_class ***lists = (py_class ***)py_alloc(I->arena, (size_t)nl * sizeof *lists);
    int32_t *len = (int32_t *)py_alloc(I->arena, (size_t)nl * sizeof *len);
    int32_t *at = (int32_t *)py_alloc(I->arena, (size_t)nl * sizeof *at);
    if (!lists || !len || !at) return py_nomem(I);
    int32_t total = 1;
    for (int32_t k = 0; k < c->n_bases; k++) {
        py_class *b = c->bases[k];
        if (!b->mro && (b->user ? py_class_build_mro(I, b) : builtin_mro(I, b))) return -1;
        lists[k] = b->mro;
        len[k] = b->n_mro;
        at[k] = 0;
        total += b->n_mro;
    }
    lists[c->n_bases] = c->bases;
    len[c->n_bases] = c->n_bases;
    at[c->n_bases] = 0;
    py_class **m = (py_class **)py_alloc(I->arena, (size_t)total * sizeof *m);
    if (!m) return py_nomem(I);
    int32_t n = 0;
    m[n++] = c;
    for (;;) {
        py_class *pick = NULL;
        int any = 0;
        for (int32_t k = 0; k < nl && !pick; k++) {
            if (at[k] >= len[k]) continue;
            any = 1;
            py_class *head = lists[k][at[k]];
            int in_tail = 0;
            for (int32_t j = 0; j < nl && !in_tail; j++)
                for (int32_t i = at[j] + 1; i < len[j] && !in_tail; i++) in_tail = lists[j][i] == head;
            if (!in_tail) pick = head;
        }
        if (!any) break;
        if (!pick) {
            cnnc_strbuf sb = {0};
            for (int32_t k = 0; k < nl; k++) {
                if (at[k] >= len[k]) continue;
                const char *nm = lists[k][at[k]]->name;
                int seen = 0;
                for (int32_t j = 0; j < k && !seen; j++) seen = at[j] < len[j] && lists[j][at[j]] == lists[k][at[k]];
                if (!seen) cnnc_sb_printf(&sb, "%s%s", sb.p ? ", " : "", nm);
            }
            py_raise(I, "TypeError", "Cannot create a consistent method resolution\norder (MRO) for bases %s", sb.p ? sb.p : "");
            cnnc_sb_free(&sb);
            return -1;
        }
        m[n++] = pick;
        for (int32_t k = 0; k < nl; k++)
            if (at[k] < len[k] && lists[k][at[k]] == pick) at[k]++;
    }
    c->mro = m;
    c->n_mro = n;
    return 0;
}

/* ------------------------------------------------------------------ binding */

/* Where the call being bound wrote its arguments (the model file's errors point at them). */
static const py_node *call_site(interp *I, int32_t n, int32_t n_kw) {
    const py_node *c = I->at;
    if (!c || c->kind != PY_E_CALL || c->n != n || c->n2 != n_kw) return NULL;
    for (int32_t k = 0; k < c->n; k++)
        if (c->list[k]->kind == PY_E_STARRED) return NULL;
    for (int32_t k = 0; k < c->n2; k++)
        if (c->list2[k]->kind == PY_E_DSTAR) return NULL;
    return c;
}

static void at_node(interp *I, const py_node *n) {
    if (n) { I->ex.line = n->line; I->ex.col = n->col; }
}

static void names_list(const char **names, const int32_t *idx, int32_t n, cnnc_strbuf *sb) {
    for (int32_t k = 0; k < n; k++) {
        const char *sep = k == 0 ? "" : (n == 2 ? " and " : (k == n - 1 ? ", and " : ", "));
        cnnc_sb_printf(sb, "%s'%s'", sep, names[idx[k]]);
    }
}

/* CPython's binder over a parameter list. kinds[k] is a py_param_kind; has_default[k]. */
typedef struct bind_spec {
    const char *qual;              /* "Net.__init__" */
    int32_t n;
    const char **names;
    const uint8_t *kinds;
    const uint8_t *has_default;
    int method;                    /* the first parameter is self, given by the receiver */
    py_binder binder;              /* whose words the errors take: CPython's or PyTorch's C++ parser's */
} bind_spec;

/* bound[k] per parameter: PV_UNBOUND when not given; varargs/varkw slots get a tuple/dict. */
static int bind(interp *I, const bind_spec *sp, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv,
                int32_t n_kw, py_val *bound, const py_node *site) {
    int32_t n_pos = 0, i_vararg = -1, i_varkw = -1, n_defaults = 0;
    for (int32_t k = 0; k < sp->n; k++) {
        bound[k] = pv_unbound();
        if (sp->kinds[k] == PY_P_POS || sp->kinds[k] == PY_P_POSONLY) {
            n_pos++;
            if (sp->has_default[k]) n_defaults++;
        }
        if (sp->kinds[k] == PY_P_VARARG) i_vararg = k;
        if (sp->kinds[k] == PY_P_VARKW) i_varkw = k;
    }
    int32_t take = n < n_pos ? n : n_pos;
    for (int32_t k = 0; k < take; k++) bound[k] = args[k];
    if (i_vararg >= 0) {
        py_val rest = pv_seq(I, PV_TUPLE, 0);
        if (rest.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = take; k < n; k++)
            if (py_seq_push(I, rest, args[k])) return -1;
        bound[i_vararg] = rest;
    }
    py_val extra_kw = pv_unbound();
    if (i_varkw >= 0) {
        extra_kw = pv_dict(I);
        if (extra_kw.t == PV_UNBOUND) return py_nomem(I);
        bound[i_varkw] = extra_kw;
    }
    /* keywords: unknown names and values given twice, in argument order */
    int32_t posonly_as_kw[16], n_pokw = 0;
    for (int32_t j = 0; j < n_kw; j++) {
        const char *name = py_sym_name(I->syms, kw[j]);
        int32_t idx = -1;
        for (int32_t k = 0; k < sp->n; k++)
            if (sp->kinds[k] != PY_P_VARARG && sp->kinds[k] != PY_P_VARKW && !strcmp(sp->names[k], name)) idx = k;
        if (idx >= 0 && sp->kinds[idx] == PY_P_POSONLY) {
            if (i_varkw >= 0) { if (py_dict_set(I, extra_kw, pv_cstr(I, name), kwv[j])) return -1; continue; }
            if (n_pokw < 16) posonly_as_kw[n_pokw++] = idx;
            continue;
        }
        if (idx < 0) {
            if (i_varkw >= 0) {
                if (py_dict_set(I, extra_kw, pv_cstr(I, name), kwv[j])) return -1;
                continue;
            }
            py_raise(I, "TypeError", "%s() got an unexpected keyword argument '%s'", sp->qual, name);
            if (site) at_node(I, site->list2[j]);
            return -1;
        }
        if (bound[idx].t != PV_UNBOUND) {
            py_raise(I, "TypeError", "%s() got multiple values for argument '%s'", sp->qual, name);
            if (site) at_node(I, site->list2[j]);
            return -1;
        }
        bound[idx] = kwv[j];
    }
    if (n_pokw) {
        cnnc_strbuf sb = {0};
        for (int32_t k = 0; k < n_pokw; k++) cnnc_sb_printf(&sb, "%s'%s'", k ? ", " : "", sp->names[posonly_as_kw[k]]);
        py_raise(I, "TypeError", "%s() got some positional-only arguments passed as keyword arguments: %s", sp->qual,
                 sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    int self = sp->method ? 1 : 0;
    if (n > n_pos && i_vararg < 0) {
        int32_t given = n + self, lo = n_pos - n_defaults + self, hi = n_pos + self;
        if (n_defaults)
            py_raise(I, "TypeError", "%s() takes from %d to %d positional arguments but %d were given", sp->qual, (int)lo,
                     (int)hi, (int)given);
        else
            py_raise(I, "TypeError", "%s() takes %d positional argument%s but %d %s given", sp->qual, (int)hi,
                     hi == 1 ? "" : "s", (int)given, given == 1 ? "was" : "were");
        if (site) at_node(I, site->list[n_pos]);
        return -1;
    }
    int32_t miss[64], n_miss = 0;
    for (int32_t k = 0; k < sp->n; k++)
        if ((sp->kinds[k] == PY_P_POS || sp->kinds[k] == PY_P_POSONLY) && bound[k].t == PV_UNBOUND && !sp->has_default[k] &&
            n_miss < 64)
            miss[n_miss++] = k;
    if (n_miss && sp->binder == PY_BINDER_CPP) {
        /* PyTorch's parser: `avg_pool2d() missing 1 required positional arguments: "kernel_size"`; a call
         * without its input, or missing several, is worded in ways cnnc does not follow */
        if (n_miss > 1) return py_unsupported(I, "cnnc cannot follow how PyTorch words %s()'s several missing arguments", sp->qual);
        if (miss[0] == 0)   /* called with nothing: overloaded functions list their forms */
            return py_unsupported(I, "cnnc cannot follow how PyTorch words %s() called without its %s", sp->qual, sp->names[0]);
        py_raise(I, "TypeError", "%s() missing 1 required positional arguments: \"%s\"", sp->qual, sp->names[miss[0]]);
        if (site) at_node(I, site->a);
        if (site && site->a->kind == PY_E_ATTR) I->ex.line = site->a->line;
        return -1;
    }
    if (n_miss) {
        cnnc_strbuf sb = {0};
        names_list(sp->names, miss, n_miss, &sb);
        py_raise(I, "TypeError", "%s() missing %d required positional argument%s: %s", sp->qual, (int)n_miss,
                 n_miss == 1 ? "" : "s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        if (site) at_node(I, site->a->kind == PY_E_ATTR ? site->a : site->a);
        if (site && site->a->kind == PY_E_ATTR) {  /* Python points at the call; the model file at the name */
            I->ex.line = site->a->line;
        }
        return -1;
    }
    for (int32_t k = 0; k < sp->n; k++)
        if (sp->kinds[k] == PY_P_KWONLY && bound[k].t == PV_UNBOUND && !sp->has_default[k] && n_miss < 64)
            miss[n_miss++] = k;
    if (n_miss) {
        cnnc_strbuf sb = {0};
        names_list(sp->names, miss, n_miss, &sb);
        py_raise(I, "TypeError", "%s() missing %d required keyword-only argument%s: %s", sp->qual, (int)n_miss,
                 n_miss == 1 ? "" : "s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    return 0;
}

int py_bind_args(interp *I, const py_func *f, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv,
                 int32_t n_kw, py_frame *frame) {
    const py_node *def = f->def;
    int32_t np = def->x.fn.n_params;
    const char *names_s[128];
    uint8_t kinds[128], has_def[128];
    py_val bound_s[128];
    if (np > 128) return py_unsupported(I, "cnnc cannot follow a function with %d parameters", (int)np);
    for (int32_t k = 0; k < np; k++) {
        names_s[k] = py_sym_name(I->syms, def->x.fn.params[k].name);
        kinds[k] = def->x.fn.params[k].kind;
        has_def[k] = f->defaults[k].t != PV_UNBOUND;
    }
    bind_spec sp = {f->qualname, np, names_s, kinds, has_def, 0, PY_BINDER_PYTHON};
    if (bind(I, &sp, args, n, kw, kwv, n_kw, bound_s, call_site(I, n, n_kw))) return -1;
    for (int32_t k = 0; k < np; k++) {
        py_val v = bound_s[k].t != PV_UNBOUND ? bound_s[k] : f->defaults[k];
        if (py_attrs_set(I, &frame->locals, def->x.fn.params[k].name, v)) return -1;
    }
    return 0;
}

static py_sig *sig_parse(interp *I, const char *text, int32_t len);

int py_bind_signature(interp *I, const char *signature, const char *qual, int method, const py_val *args, int32_t n,
                      const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound, int32_t *n_params,
                      const char *names[], int32_t max) {
    py_sig *sig = sig_parse(I, signature, (int32_t)strlen(signature));
    if (!sig) return py_nomem(I);
    if (sig->n > max) sig->n = max;
    for (int32_t k = 0; k < sig->n; k++) names[k] = sig->names[k];
    *n_params = sig->n;
    return py_bind_sig(I, sig, qual, method, args, n, kw, kwv, n_kw, bound);
}

static py_sig *sig_parse(interp *I, const char *text, int32_t len) {
    py_sig *sig = (py_sig *)py_alloc(I->arena, sizeof *sig);
    char *copy = py_strndup(I->arena, text, (size_t)len);
    int32_t cap = 1;
    for (int32_t k = 0; k < len; k++) cap += text[k] == ',';
    if (!sig || !copy) return NULL;
    sig->names = (const char **)py_alloc(I->arena, (size_t)cap * sizeof *sig->names);
    sig->kinds = (uint8_t *)py_alloc(I->arena, (size_t)cap);
    sig->has_def = (uint8_t *)py_alloc(I->arena, (size_t)cap);
    sig->syms = (py_sym *)py_alloc(I->arena, (size_t)cap * sizeof *sig->syms);
    sig->def_text = (const char **)py_alloc(I->arena, (size_t)cap * sizeof *sig->def_text);
    sig->def_len = (int32_t *)py_alloc(I->arena, (size_t)cap * sizeof *sig->def_len);
    if (!sig->names || !sig->kinds || !sig->has_def || !sig->syms || !sig->def_text || !sig->def_len) return NULL;
    int kwonly = 0;
    /* name[=default] items; a bare * starts the keyword-only ones; *args, **kwargs */
    for (char *q = copy; *q && sig->n < cap && sig->n < 64;) {
        while (*q == ' ' || *q == ',') q++;
        if (!*q) break;
        char *end = q + strcspn(q, ",");
        char *eq = memchr(q, '=', (size_t)(end - q));
        char save = *end;
        *end = '\0';
        if (eq) *eq = '\0';
        uint8_t kind = kwonly ? PY_P_KWONLY : PY_P_POS;
        if (q[0] == '*' && q[1] == '*') { kind = PY_P_VARKW; q += 2; }
        else if (q[0] == '*' && q[1] == '\0') { kwonly = 1; *end = save; q = end; continue; }
        else if (q[0] == '*') { kind = PY_P_VARARG; q++; kwonly = 1; }
        int32_t k = sig->n++;
        sig->names[k] = q;
        sig->kinds[k] = kind;
        sig->has_def[k] = eq != NULL;
        sig->syms[k] = py_intern(I->syms, q, strlen(q));
        if (sig->syms[k] < 0) return NULL;
        if (eq) {
            const char *v = eq + 1;
            while (*v == ' ') v++;
            int32_t vl = (int32_t)(end - v);
            while (vl > 0 && v[vl - 1] == ' ') vl--;
            sig->def_text[k] = v;
            sig->def_len[k] = vl;
        }
        q = save ? end + 1 : end;
    }
    return sig;
}

const py_sig *py_sig_cached(interp *I, const char *text, int32_t len) {
    const size_t slots = sizeof I->sig_cache / sizeof I->sig_cache[0];
    if (len < 0) len = (int32_t)strlen(text);
    size_t h = ((uintptr_t)text >> 3) % slots;
    for (size_t probe = 0; probe < slots; probe++, h = (h + 1) % slots) {
        if (I->sig_cache[h].key == text && I->sig_cache[h].len == len) return I->sig_cache[h].sig;
        if (I->sig_cache[h].key) continue;
        py_sig *sig = sig_parse(I, text, len);
        if (!sig) { py_nomem(I); return NULL; }
        I->sig_cache[h].key = text;
        I->sig_cache[h].len = len;
        I->sig_cache[h].sig = sig;
        return sig;
    }
    /* a full cache (never with the registry's strings): parse every time */
    py_sig *sig = sig_parse(I, text, len);
    if (!sig) py_nomem(I);
    return sig;
}

int py_bind_sig(interp *I, const py_sig *sig, const char *qual, int method, const py_val *args, int32_t n,
                const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound) {
    return py_bind_sig_as(I, sig, qual, method, PY_BINDER_PYTHON, args, n, kw, kwv, n_kw, bound);
}

int py_bind_sig_as(interp *I, const py_sig *sig, const char *qual, int method, py_binder binder, const py_val *args,
                   int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound) {
    bind_spec sp = {qual, sig->n, sig->names, sig->kinds, sig->has_def, method, binder};
    if (!bind(I, &sp, args, n, kw, kwv, n_kw, bound, call_site(I, n, n_kw))) return 0;
    /* a function PyTorch may have several forms of lists them instead, but for an unknown keyword */
    if (binder == PY_BINDER_CPP_OVERLOADED && I->ex.raised && !strcmp(I->ex.type, "TypeError") &&
        !strstr(I->ex.message, "got an unexpected keyword argument")) {
        char message[sizeof I->ex.message];
        snprintf(message, sizeof message, "%s", I->ex.message);
        I->ex.raised = 0;
        return py_unsupported(I, "cnnc cannot follow how PyTorch words this call of %s(): %s", qual, message);
    }
    return -1;
}

/* ------------------------------------------------------------------- calls */

int py_call_function(interp *I, py_func *fn, py_val self, int has_self, const py_val *args, int32_t n,
                     const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out) {
    const int class_call = I->class_call;
    I->class_call = 0;
    if (++I->depth > MAX_CALL_DEPTH) {
        I->depth--;
        return py_raise(I, "RecursionError", "maximum recursion depth exceeded%s", class_call ? " while calling a Python object" : "");
    }
    py_frame *frame = (py_frame *)py_alloc(I->arena, sizeof *frame);
    if (!frame) { I->depth--; return py_nomem(I); }
    frame->closure = fn->closure;
    frame->globals = fn->globals;
    frame->scope = fn->def->kind == PY_S_DEF ? &fn->def->x.fn.scope : NULL;
    if (fn->def->kind == PY_E_LAMBDA) frame->scope = &fn->def->x.fn.scope;
    frame->cls = fn->owner;
    frame->src = fn->src;
    frame->fn_name = fn->qualname;
    const py_val *a = args;
    int32_t na = n;
    py_val *tmp = NULL;
    if (has_self) {
        tmp = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *tmp);
        if (!tmp) { I->depth--; return py_nomem(I); }
        tmp[0] = self;
        if (n) memcpy(tmp + 1, args, (size_t)n * sizeof *tmp);
        a = tmp;
        na = n + 1;
    }
    frame->first_arg = na > 0 ? a[0] : pv_unbound();
    /* the binder's positions are the call's, which has no self */
    const py_node *saved_at = I->at;
    if (has_self && I->at && I->at->kind == PY_E_CALL) I->at = NULL;
    int r = py_bind_args(I, fn, a, na, kw, kwv, n_kw, frame);
    I->at = saved_at;
    const int augmented = I->augmented;   /* x += y's words are not those of the __add__ it calls */
    I->augmented = 0;
    const int no_grad = I->no_grad;   /* @torch.no_grad() / @torch.enable_grad() */
    if (fn->grad_mode) I->no_grad = fn->grad_mode == 1;
    if (!r) r = py_run_function(I, fn, frame, out);
    I->no_grad = no_grad;
    I->augmented = augmented;
    I->depth--;
    return r;
}

/* autograd's check of an in-place method on a parameter that requires grad (w.fill_(1),
 * w[:, 0].zero_()) outside torch.no_grad(); nn.init's functions run under no_grad */
static int leaf_written_in_place(interp *I, const py_builtin *b) {
    const size_t len = b->name ? strlen(b->name) : 0;
    if (b->self.t != PV_TENSOR || len < 2 || b->name[len - 1] != '_' || b->name[len - 2] == '_' ||
        !strcmp(b->name, "requires_grad_") || !strcmp(b->name, "share_memory_"))
        return 0;
    return py_tensor_check_in_place(I, pv_as_tensor(b->self), 1);
}

/* x.fill_(v), x.mul_(2), nn.init.constant_(x, v) ...: a native whose name ends in one
 * underscore writes in place, so what is known of its tensors' values is forgotten (all of
 * them, receiver and arguments: which one it writes is not worth knowing here). */
static void forget_in_place(const py_builtin *b, const py_val *args, int32_t n) {
    const size_t len = b->name ? strlen(b->name) : 0;
    if (len < 2 || b->name[len - 1] != '_' || b->name[len - 2] == '_') return;
    if (b->self.t == PV_TENSOR) py_tensor_forget_values(pv_as_tensor(b->self));
    for (int32_t k = 0; k < n; k++)
        if (args[k].t == PV_TENSOR) py_tensor_forget_values(pv_as_tensor(args[k]));
}

int py_call(interp *I, py_val fn, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
            py_val *out) {
    switch ((py_type)fn.t) {
    case PV_FUNC: return py_call_function(I, (py_func *)fn.u.p, pv_unbound(), 0, args, n, kw, kwv, n_kw, out);
    case PV_BOUND: {
        py_bound *b = (py_bound *)fn.u.p;
        if (b->fn.t == PV_FUNC) return py_call_function(I, (py_func *)b->fn.u.p, b->self, 1, args, n, kw, kwv, n_kw, out);
        py_val *tmp = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *tmp);
        if (!tmp) return py_nomem(I);
        tmp[0] = b->self;
        if (n) memcpy(tmp + 1, args, (size_t)n * sizeof *tmp);
        return py_call(I, b->fn, tmp, n + 1, kw, kwv, n_kw, out);
    }
    case PV_BUILTIN: {
        py_builtin *b = (py_builtin *)fn.u.p;
        *out = pv_none();
        I->callee = b;
        if (leaf_written_in_place(I, b)) return -1;
        forget_in_place(b, args, n);
        if (b->data2 == 1 && b->self.t != PV_UNBOUND) {
            /* a native method bound to an instance: self is its first argument, as for a def */
            py_val small[8];
            py_val *a = n + 1 <= 8 ? small : (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *a);
            if (!a) return py_nomem(I);
            a[0] = b->self;
            if (n) memcpy(a + 1, args, (size_t)n * sizeof *a);
            return b->fn(I, b->self, a, n + 1, kw, kwv, n_kw, out);
        }
        return b->fn(I, b->self, args, n, kw, kwv, n_kw, out);
    }
    case PV_PARTIAL: {
        py_partial *p = (py_partial *)fn.u.p;
        py_val *a = (py_val *)py_alloc(I->arena, (size_t)(p->n + n + 1) * sizeof *a);
        py_sym *k = (py_sym *)py_alloc(I->arena, (size_t)(p->n_kw + n_kw + 1) * sizeof *k);
        py_val *kv = (py_val *)py_alloc(I->arena, (size_t)(p->n_kw + n_kw + 1) * sizeof *kv);
        if (!a || !k || !kv) return py_nomem(I);
        memcpy(a, p->args, (size_t)p->n * sizeof *a);
        memcpy(a + p->n, args, (size_t)n * sizeof *a);
        int32_t nk = 0;
        for (int32_t j = 0; j < p->n_kw; j++) {
            int overridden = 0;
            for (int32_t q = 0; q < n_kw; q++) overridden |= kw[q] == p->kw[j];
            if (!overridden) { k[nk] = p->kw[j]; kv[nk++] = p->kwv[j]; }
        }
        for (int32_t j = 0; j < n_kw; j++) { k[nk] = kw[j]; kv[nk++] = kwv[j]; }
        const py_node *saved = I->at;
        if (I->at && I->at->kind == PY_E_CALL) I->at = NULL;  /* positions no longer line up */
        int r = py_call(I, p->fn, a, p->n + n, k, kv, nk, out);
        I->at = saved;
        return r;
    }
    case PV_CLASS: {
        py_class *c = pv_as_class(fn);
        py_val init;
        if (c->is_enum) return py_enum_call(I, c, args, n, kw, kwv, n_kw, out);   /* Color(1): a member by value */
        if (c->opaque_base)
            return py_unsupported(I, "cnnc cannot follow class %s: it derives from %s, which cnnc does not model", c->name,
                                  c->opaque_base);
        if (py_abc_check_instantiable(I, c)) return -1;
        /* the class's own construction (built-in behaviour lives in a native __init__) */
        py_val *cinit = py_class_lookup(c, I->s_init, NULL);
        py_obj *o = (py_obj *)py_alloc(I->arena, sizeof *o);
        if (!o) return py_nomem(I);
        o->cls = c;
        if (c->base != PB_OBJECT && c->base != PB_EXCEPTION) {   /* an nn.Module anywhere in its MRO */
            o->nn = (py_nn *)py_alloc(I->arena, sizeof *o->nn);
            if (!o->nn) return py_nomem(I);
            o->nn->training = 1;
            o->nn->owner_node = -1;
            o->nn->module_id = -1;
        }
        if (c->exc_name || c->base == PB_EXCEPTION) o->exc_msg = "";
        py_val self = pv_ptr(PV_OBJ, o);
        if (!cinit) {
            if (n || n_kw) return py_raise(I, "TypeError", "%s() takes no arguments", c->name);
            *out = self;
            return 0;
        }
        init = *cinit;
        py_val r;
        if (init.t == PV_FUNC) {
            I->class_call = 1;   /* type.__call__ is C: a recursion limit hit here says so */
            if (py_call_function(I, (py_func *)init.u.p, self, 1, args, n, kw, kwv, n_kw, &r)) return -1;
        } else {
            py_val *tmp = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *tmp);
            if (!tmp) return py_nomem(I);
            tmp[0] = self;
            if (n) memcpy(tmp + 1, args, (size_t)n * sizeof *tmp);
            if (py_call(I, init, tmp, n + 1, kw, kwv, n_kw, &r)) return -1;
        }
        if (r.t != PV_NONE && r.t != PV_UNBOUND)
            return py_raise(I, "TypeError", "__init__() should return None, not '%s'", py_type_name(&r));
        *out = self;
        return 0;
    }
    case PV_OBJ: {
        py_obj *o = pv_as_obj(fn);
        py_val *call = py_class_lookup(o->cls, I->s_call, NULL);
        /* a module calls forward, unless its class defines its own __call__ (pix2pix's GANLoss) */
        if (o->nn && !(call && call->t == PV_FUNC)) return py_nn_call(I, fn, args, n, kw, kwv, n_kw, out);
        if (call && call->t == PV_FUNC)
            return py_call_function(I, (py_func *)call->u.p, fn, 1, args, n, kw, kwv, n_kw, out);
        if (call && call->t == PV_BUILTIN) {   /* a modelled class's own __call__ (autograd.Function's) */
            py_val m;
            if (py_getattr(I, fn, I->s_call, &m)) return -1;
            return py_call(I, m, args, n, kw, kwv, n_kw, out);
        }
        return py_raise(I, "TypeError", "'%s' object is not callable", o->cls->name);
    }
    case PV_STATICMETHOD: return py_call(I, *(py_val *)fn.u.p, args, n, kw, kwv, n_kw, out);
    case PV_TYPING: *out = n ? args[0] : pv_none(); return 0;   /* typing.cast-like uses */
    case PV_OPAQUE: return py_opaque_use(I, fn);
    default: return py_raise(I, "TypeError", "'%s' object is not callable", py_type_name(&fn));
    }
}

int py_call_method(interp *I, py_val obj, const char *name, const py_val *args, int32_t n, py_val *out) {
    py_val m;
    if (py_getattr(I, obj, py_s(I, name), &m)) return -1;
    return py_call(I, m, args, n, NULL, NULL, 0, out);
}

/* -------------------------------------------------------------- isinstance */

/* isinstance(v, collections.abc.X), X one of builtin_abc_class's names: 0 answered, 1 a value
 * cnnc cannot place */
int py_abc_isinstance(interp *I, py_val v, const char *abc, int *out) {
    const int t = v.t;
    const int seq = t == PV_LIST || t == PV_TUPLE || t == PV_SIZE || t == PV_STR || t == PV_RANGE;
    const int sized = seq || t == PV_DICT || t == PV_SET || t == PV_TENSOR;
    if (t == PV_OBJ || t == PV_ITER) return 1;   /* a class's own protocol methods: not followed */
    if ((t == PV_LIST && v.pad) || (t == PV_TENSOR && pv_as_tensor(v)->is_numpy)) return 1;   /* dict views, ndarrays */
    if (!strcmp(abc, "Iterable") || !strcmp(abc, "Collection") || !strcmp(abc, "Sized") || !strcmp(abc, "Container"))
        *out = sized;
    else if (!strcmp(abc, "Sequence") || !strcmp(abc, "Reversible")) *out = seq || (!strcmp(abc, "Reversible") && (t == PV_DICT || t == PV_TENSOR));
    else if (!strcmp(abc, "MutableSequence")) *out = t == PV_LIST;
    else if (!strcmp(abc, "Mapping") || !strcmp(abc, "MutableMapping")) *out = t == PV_DICT;
    else if (!strcmp(abc, "Set") || !strcmp(abc, "MutableSet")) *out = t == PV_SET;
    else if (!strcmp(abc, "Callable")) *out = t == PV_FUNC || t == PV_BUILTIN || t == PV_CLASS || t == PV_BOUND || t == PV_PARTIAL;
    else if (!strcmp(abc, "Hashable")) *out = !(t == PV_LIST || t == PV_DICT || t == PV_SET);
    else if (!strcmp(abc, "Iterator") || !strcmp(abc, "Generator")) *out = 0;
    (void)I;
    return 0;
}

int py_isinstance(interp *I, py_val v, py_val cls, int *out) {
    if (cls.t == PV_OPAQUE) return py_opaque_use(I, cls);
    *out = 0;
    if (cls.t == PV_TUPLE) {
        for (int32_t k = 0; k < pv_as_seq(cls)->n && !*out; k++)
            if (py_isinstance(I, v, pv_as_seq(cls)->v[k], out)) return -1;
        return 0;
    }
    if (cls.t == PV_CLASS) {
        py_class *c = py_class_of(I, v);
        *out = c && py_class_is(c, pv_as_class(cls));
        if (!*out && v.t == PV_TENSOR && pv_as_class(cls) == I->c_parameter) *out = pv_as_tensor(v)->is_param;
        return 0;
    }
    if (cls.t == PV_BUILTIN) {
        const py_builtin *b = (const py_builtin *)cls.u.p;
        const char *n = b->name;
        if (!strcmp(n, "int")) *out = (v.t == PV_INT && !pv_is_np(&v)) || v.t == PV_BOOL;   /* numpy.int64 is no int */
        else if (!strcmp(n, "float")) *out = v.t == PV_FLOAT;
        else if (!strcmp(n, "bool")) *out = v.t == PV_BOOL;
        else if (!strcmp(n, "str")) *out = v.t == PV_STR;
        else if (!strcmp(n, "list")) *out = v.t == PV_LIST;
        else if (!strcmp(n, "tuple")) *out = v.t == PV_TUPLE || v.t == PV_SIZE;
        else if (!strcmp(n, "dict")) *out = v.t == PV_DICT;
        else if (!strcmp(n, "set")) *out = v.t == PV_SET;
        else if (!strcmp(n, "object")) *out = 1;
        else if (!strcmp(n, "NoneType")) *out = v.t == PV_NONE;
        else if (!strcmp(n, "Tensor")) *out = v.t == PV_TENSOR && !pv_as_tensor(v)->is_numpy;
        else if (!strcmp(n, "ndarray")) *out = v.t == PV_TENSOR && pv_as_tensor(v)->is_numpy;
        else if (!strcmp(n, "FloatTensor") && b->fn != NULL && b->data2 != PY_CUDA_TENSOR_TYPE)   /* torch.FloatTensor: a float32 CPU tensor */
            *out = v.t == PV_TENSOR && !pv_as_tensor(v)->is_indices && !pv_as_tensor(v)->is_mask;
        else if (!strcmp(n, "range")) *out = v.t == PV_RANGE;
        else if (!strcmp(n, "Size")) *out = v.t == PV_SIZE;
        else if (!strcmp(n, "dtype")) *out = v.t == PV_DTYPE;
        else if (!strcmp(n, "device"))   /* cnnc holds devices as their names */
            return py_unsupported(I, "cnnc cannot follow isinstance() with torch.device");
        else if (!strcmp(n, "type")) *out = v.t == PV_CLASS;
        else if (py_namedtuple_base(cls)) *out = py_namedtuple_isinstance(v, cls);
        else if (!strcmp(n, "slice")) *out = v.t == PV_SLICE;
        else if (!strcmp(n, "Parameter")) *out = v.t == PV_TENSOR && pv_as_tensor(v)->is_param;   /* nn.Parameter */
        else if (b->data2 == PY_CUDA_TENSOR_TYPE) *out = 0;   /* no CPU tensor is one */
        else if ((!strcmp(n, "OrderedDict") || !strcmp(n, "defaultdict") || !strcmp(n, "Counter")) && v.t != PV_DICT && v.t != PV_OBJ)
            *out = 0;   /* which dict a dict is cnnc does not record, but nothing else is one */
        else if (b->fn == builtin_abc_class) {
            if (py_abc_isinstance(I, v, n, out)) return py_unsupported(I, "cnnc cannot follow isinstance() with %s", n);
        } else if (strcmp(n, "frozenset") && strcmp(n, "bytes") && strcmp(n, "bytearray") && strcmp(n, "complex")) {
            /* a class cnnc makes no values of (those four) is False; others it cannot place */
            return py_unsupported(I, "cnnc cannot follow isinstance() with %s", n);
        }
        return 0;
    }
    if (cls.t == PV_TYPING) { *out = 1; return 0; }
    return py_raise(I, "TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

/* ------------------------------------------------------------ sibling files */

py_source *py_load_sibling(interp *I, const char *module_path, int relative_level, int *missing) {
    if (missing) *missing = 0;
    /* a.b.c -> dir/a/b/c.py or dir/a/b/c/__init__.py, relative to the main source's directory */
    char rel[512];
    size_t o = 0;
    for (const char *p = module_path; *p && o + 1 < sizeof rel; p++) rel[o++] = *p == '.' ? '/' : *p;
    rel[o] = '\0';
    char path[1024];
    const char *dir = I->dir && I->dir[0] ? I->dir : ".";
    char pkg[512];   /* `from .x import`: beside the importing file (a package's __init__.py: in it), `..`: one up */
    if (relative_level > 0 && I->cur_src && strchr(I->cur_src->path, '/')) {
        snprintf(pkg, sizeof pkg, "%s", I->cur_src->path);
        for (int up = 0; up < relative_level; up++) {
            char *slash = strrchr(pkg, '/');
            if (!slash) { snprintf(pkg, sizeof pkg, "%s", up ? ".." : "."); break; }
            *slash = '\0';
        }
        dir = pkg[0] ? pkg : "/";
    }
    const char *tries[2] = {"%s/%s.py", "%s/%s/__init__.py"};
    char *text = NULL;
    size_t len = 0;
    int found = 0;
    for (int k = 0; k < 2 && !found && rel[0]; k++) {
        snprintf(path, sizeof path, tries[k], dir, rel);
        for (py_source *s = I->sources; s; s = s->next)
            if (!strcmp(s->path, path)) {
                if (!s->executed) {
                    py_raise(I, "ImportError", "cannot import name from partially initialized module '%s' (most likely due to a circular import)", module_path);
                    return NULL;
                }
                return s;
            }
        cnnc_error e;
        cnnc_error_clear(&e);
        if (cnnc_read_file(path, (size_t)8 << 20, &text, &len, &e) == CNNC_OK) found = 1;
    }
    if (!found) {
        if (missing && !relative_level) { *missing = 1; return NULL; }   /* the caller binds an opaque module */
        py_unsupported(I, "cnnc cannot follow `from %s import`: no %s.py next to the model", module_path, rel);
        return NULL;
    }
    return py_load_text(I, path, text, len, NULL);
}

py_source *py_load_text(interp *I, const char *path, char *text, size_t len, int (*before_exec)(interp *I, py_source *src)) {
    py_source *src = (py_source *)calloc(1, sizeof *src);
    if (!src) { free(text); py_nomem(I); return NULL; }
    py_universal_newlines(text, len);
    src->text = text;
    src->len = len;
    snprintf(src->path, sizeof src->path, "%.255s", path);
    src->next = I->sources->next;
    I->sources->next = src;
    cnnc_error perr;
    cnnc_error_clear(&perr);
    cnnc_status st = py_parse_shared(&src->mod, text, len, src->path, I->syms, &perr);
    if (st != CNNC_OK) {
        py_raise(I, perr.type, "%s", perr.message);
        I->ex.status = st;
        I->ex.line = perr.line;
        I->ex.col = perr.col;
        I->ex.src = src;
        return NULL;
    }
    if (before_exec && before_exec(I, src)) return NULL;
    if (py_exec_source(I, src)) return NULL;
    return src;
}

/* builtins_namedtuple.c — collections.namedtuple: the type is a builtin whose data is
 * a py_ntuple (its name, fields and defaults); instances are tuples that point back at
 * it, so indexing, unpacking and len work as on any tuple, and field names read as
 * attributes. The type's _fields, _make, _field_defaults and __new__.__defaults__ (the
 * idiom of EfficientNet's utils) and an instance's _replace and _asdict are Python's. */
#include "py/builtins_internal.h"
#include "py/call_internal.h"

#include <stdio.h>
#include <string.h>

#define NT_MAX_FIELDS 256   /* cnnc's bound; a call binds into arrays of this size */

static int nt_new(ARGS);

static int is_nt_type(py_val v) { return v.t == PV_BUILTIN && ((const py_builtin *)v.u.p)->fn == nt_new; }
static py_ntuple *nt_of_type(py_val v) { return (py_ntuple *)((const py_builtin *)v.u.p)->data; }

/* Python's checks of a namedtuple's names, in its order: each of typename and the fields an
 * identifier and no keyword (fields given as ints are str()'d first), then no field
 * starting with '_' and none twice. Names outside ASCII are refused rather than judged. */
static int check_names(interp *I, py_val type_name, py_seq *fields) {
    static const char *const keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                           "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                           "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
                                           "pass", "raise", "return", "try", "while", "with", "yield"};
    if (fields->n > NT_MAX_FIELDS) return py_unsupported(I, "cnnc cannot follow a namedtuple of %d fields", (int)fields->n);
    for (int32_t k = 0; k < fields->n; k++) {
        py_val *f = &fields->v[k];
        if (pv_is_int(*f)) {
            char text[32];
            snprintf(text, sizeof text, "%lld", (long long)f->u.i);
            if ((*f = pv_cstr(I, text)).t == PV_UNBOUND) return py_nomem(I);
        } else if (f->t != PV_STR) {
            return py_unsupported(I, "cnnc cannot follow a namedtuple field name of type %s", py_type_name(f));
        }
    }
    for (int32_t k = -1; k < fields->n; k++) {
        const py_val v = k < 0 ? type_name : fields->v[k];
        const py_str *s = pv_as_str(v);
        for (int32_t j = 0; j < s->len; j++)
            if ((unsigned char)s->s[j] >= 0x80) return py_unsupported(I, "cnnc cannot follow a namedtuple name outside ASCII");
        const int ok = s->len > 0 && !(s->s[0] >= '0' && s->s[0] <= '9') && py_str_name_chars(s);
        cnnc_strbuf sb = {0};
        py_repr(I, v, &sb);
        int st = 0;
        if (!ok) st = py_raise(I, "ValueError", "Type names and field names must be valid identifiers: %s", sb.p ? sb.p : "");
        for (size_t w = 0; !st && w < sizeof keywords / sizeof keywords[0]; w++)
            if (!strcmp(s->s, keywords[w]))
                st = py_raise(I, "ValueError", "Type names and field names cannot be a keyword: %s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        if (st) return -1;
    }
    for (int32_t k = 0; k < fields->n; k++) {
        const py_str *s = pv_as_str(fields->v[k]);
        int twice = 0;
        for (int32_t j = 0; j < k && !twice; j++) twice = py_equal(I, fields->v[j], fields->v[k]);
        if (s->s[0] != '_' && !twice) continue;
        cnnc_strbuf sb = {0};
        py_repr(I, fields->v[k], &sb);
        if (s->s[0] == '_') py_raise(I, "ValueError", "Field names cannot start with an underscore: %s", sb.p ? sb.p : "");
        else py_raise(I, "ValueError", "Encountered duplicate field name: %s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    return 0;
}

/* "a, b, c=None": the last len(defaults) fields take a default */
static char *nt_signature(interp *I, const py_ntuple *nt) {
    const int32_t nf = nt->fields->n, nd = nt->defaults.t == PV_TUPLE ? pv_as_seq(nt->defaults)->n : 0;
    cnnc_strbuf sb = {0};
    for (int32_t k = 0; k < nf; k++)
        cnnc_sb_printf(&sb, "%s%s%s", k ? ", " : "", pv_as_str(nt->fields->v[k])->s, k >= nf - nd ? "=None" : "");
    char *s = py_strndup(I->arena, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return s;
}

static int nt_make(interp *I, py_ntuple *nt, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                   py_val *out) {
    const int32_t nf = nt->fields->n;
    const char *sig = nt_signature(I, nt);
    char qual[160];
    snprintf(qual, sizeof qual, "%s.__new__", nt->new_qual ? nt->new_qual : nt->name);
    if (!sig) return py_nomem(I);
    py_val bound[NT_MAX_FIELDS];   /* check_names bounded the fields */
    const char *names[NT_MAX_FIELDS];
    int32_t np = 0;
    if (py_bind_signature(I, sig, qual, 1, a, n, kw, kwv, n_kw, bound, &np, names, NT_MAX_FIELDS)) return -1;   /* _cls counts */
    py_val t = pv_seq(I, PV_TUPLE, nf);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    py_seq *q = pv_as_seq(t);
    const int32_t nd = nt->defaults.t == PV_TUPLE ? pv_as_seq(nt->defaults)->n : 0;
    for (int32_t k = 0; k < nf; k++) {
        if (bound[k].t == PV_UNBOUND && k < nf - nd)   /* the binding names every field without a default */
            return py_unsupported(I, "cnnc cannot follow this call of %s", qual);
        q->v[k] = bound[k].t != PV_UNBOUND ? bound[k] : pv_as_seq(nt->defaults)->v[k - (nf - nd)];
    }
    q->nt = nt;
    *out = t;
    return 0;
}

static int nt_new(ARGS) {
    (void)self;
    return nt_make(I, (py_ntuple *)I->callee->data, a, n, kw, kwv, n_kw, out);
}

/* P._make(iterable) */
static int nt_make_method(ARGS) {
    (void)kw; (void)kwv;
    if (n != 1 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of _make()");
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_ntuple *nt = nt_of_type(self);
    if (cnt != nt->fields->n)
        return py_raise(I, "TypeError", "Expected %d arguments, got %d", (int)nt->fields->n, (int)cnt);
    return nt_make(I, nt, items, cnt, NULL, NULL, 0, out);
}

/* x._replace(**fields) */
static int nt_replace(ARGS) {
    (void)a;
    if (n) return py_raise(I, "TypeError", "_replace() takes 1 positional argument but %d were given", (int)n + 1);
    const py_seq *q = pv_as_seq(self);
    py_val t = pv_seq(I, PV_TUPLE, q->n);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    py_seq *r = pv_as_seq(t);
    for (int32_t k = 0; k < q->n; k++) r->v[k] = q->v[k];
    r->nt = q->nt;
    cnnc_strbuf bad = {0};
    int n_bad = 0;
    for (int32_t j = 0; j < n_kw; j++) {
        const char *nm = py_sym_name(I->syms, kw[j]);
        int32_t k = 0;
        while (k < q->n && strcmp(pv_as_str(q->nt->fields->v[k])->s, nm)) k++;
        if (k < q->n) { r->v[k] = kwv[j]; continue; }
        cnnc_sb_printf(&bad, "%s'%s'", n_bad++ ? ", " : "", nm);
    }
    if (n_bad) {
        py_raise(I, "ValueError", "Got unexpected field names: [%s]", bad.p);
        cnnc_sb_free(&bad);
        return -1;
    }
    *out = t;
    return 0;
}

/* x._asdict() */
static int nt_asdict(ARGS) {
    (void)a; (void)kw; (void)kwv;
    if (n || n_kw) return py_raise(I, "TypeError", "_asdict() takes 1 positional argument but %d were given", (int)(n + n_kw) + 1);
    const py_seq *q = pv_as_seq(self);
    py_val d = pv_dict(I);
    if (d.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < q->n; k++)
        if (py_dict_set(I, d, q->nt->fields->v[k], q->v[k])) return -1;
    *out = d;
    return 0;
}

static int fields_tuple(interp *I, const py_ntuple *nt, py_val *out) {
    *out = pv_seq(I, PV_TUPLE, nt->fields->n);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < nt->fields->n; k++) pv_as_seq(*out)->v[k] = nt->fields->v[k];
    return 0;
}

int py_namedtuple_attr(interp *I, py_val obj, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    if (obj.t == PV_TUPLE && pv_as_seq(obj)->nt) {
        const py_seq *q = pv_as_seq(obj);
        for (int32_t k = 0; k < q->n && k < q->nt->fields->n; k++)
            if (!strcmp(pv_as_str(q->nt->fields->v[k])->s, nm)) { *out = q->v[k]; return 0; }
        if (!strcmp(nm, "_fields")) return fields_tuple(I, q->nt, out);
        if (!strcmp(nm, "_replace") || !strcmp(nm, "_asdict")) {
            *out = pv_builtin(I, nm, nm[1] == 'r' ? nt_replace : nt_asdict, obj, NULL, 0);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        if (!strcmp(nm, "_field_defaults")) { *out = q->nt->field_defaults; return 0; }
        if (q->nt->cls) {   /* a subclass's methods and class attributes */
            py_class *in;
            const py_val *v = py_class_lookup(q->nt->cls, name, &in);
            if (v) return py_class_attr_of(I, obj, *v, out);
        }
        if (!strcmp(nm, "count") || !strcmp(nm, "index")) return 1;
        return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", q->nt->name, nm);
    }
    if (!is_nt_type(obj)) return 1;
    py_ntuple *nt = nt_of_type(obj);
    if (!strcmp(nm, "_fields")) return fields_tuple(I, nt, out);
    if (!strcmp(nm, "__new__")) { *out = obj; return 0; }   /* its __defaults__ are the type's */
    if (!strcmp(nm, "__defaults__")) { *out = nt->defaults; return 0; }
    if (!strcmp(nm, "_field_defaults")) { *out = nt->field_defaults; return 0; }
    if (!strcmp(nm, "_make")) {
        *out = pv_builtin(I, "_make", nt_make_method, obj, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (!strcmp(nm, "__name__") || !strcmp(nm, "__qualname__")) { *out = pv_cstr(I, nt->name); return out->t == PV_UNBOUND ? py_nomem(I) : 0; }
    if (nt->cls) {
        const py_val *v = py_class_lookup(nt->cls, name, NULL);
        if (v) { *out = *v; return 0; }
    }
    return py_unsupported(I, "cnnc cannot follow %s.%s (an attribute of a namedtuple type)", nt->name, nm);
}

const py_ntuple *py_namedtuple_base(py_val base) { return is_nt_type(base) ? nt_of_type(base) : NULL; }

int py_namedtuple_subclass(interp *I, const py_ntuple *base, struct py_class *body, py_val *out) {
    if (py_attrs_find(&body->dict, py_s(I, "__new__")) || py_attrs_find(&body->dict, py_s(I, "__init__")))
        return py_unsupported(I, "cnnc cannot follow a namedtuple subclass with its own __new__ or __init__");
    py_ntuple *nt = (py_ntuple *)py_alloc(I->arena, sizeof *nt);
    if (!nt) return py_nomem(I);
    *nt = *base;
    nt->name = body->name;
    nt->new_qual = base->new_qual ? base->new_qual : base->name;
    nt->cls = body;
    nt->parent = base;
    *out = nt->type = pv_builtin(I, nt->name, nt_new, pv_unbound(), nt, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

int py_namedtuple_type(interp *I, py_val v, py_val *out) {
    if (v.t != PV_TUPLE || !pv_as_seq(v)->nt) return 1;
    py_ntuple *nt = (py_ntuple *)pv_as_seq(v)->nt;
    if (nt->type.t == PV_UNBOUND) {   /* torch.return_types.sort is named sort */
        const char *dot = strrchr(nt->name, '.');
        nt->type = pv_builtin(I, dot ? dot + 1 : nt->name, nt_new, pv_unbound(), nt, 0);
        if (nt->type.t == PV_UNBOUND) return py_nomem(I);
    }
    *out = nt->type;
    return 0;
}

int py_namedtuple_isinstance(py_val v, py_val type) {
    if (v.t != PV_TUPLE || !is_nt_type(type)) return 0;
    for (const py_ntuple *nt = pv_as_seq(v)->nt; nt; nt = nt->parent)
        if (nt == nt_of_type(type)) return 1;
    return 0;
}

int py_namedtuple_setattr(interp *I, py_val obj, py_sym name, py_val v) {
    if (!is_nt_type(obj)) return 1;
    py_ntuple *nt = nt_of_type(obj);
    if (strcmp(py_sym_name(I->syms, name), "__defaults__"))
        return py_unsupported(I, "cnnc cannot follow setting %s.%s", nt->name, py_sym_name(I->syms, name));
    if (v.t != PV_TUPLE && v.t != PV_NONE) return py_raise(I, "TypeError", "__defaults__ must be set to a tuple object");
    if (v.t == PV_TUPLE && pv_as_seq(v)->n > nt->fields->n)   /* Python takes it; a call would then misbind */
        return py_unsupported(I, "cnnc cannot follow more __defaults__ than %s has fields", nt->name);
    nt->defaults = v.t == PV_TUPLE && pv_as_seq(v)->n == 0 ? pv_none() : v;
    return 0;
}

int py_namedtuple_repr(interp *I, py_val v, cnnc_strbuf *sb) {
    const py_seq *q = pv_as_seq(v);
    if (v.t != PV_TUPLE || !q->nt) return 1;
    cnnc_sb_printf(sb, "%s(", q->nt->name);
    for (int32_t k = 0; k < q->n; k++) {
        cnnc_sb_printf(sb, "%s%s=", k ? ", " : "", pv_as_str(q->nt->fields->v[k])->s);
        py_repr(I, q->v[k], sb);
    }
    cnnc_sb_puts(sb, ")");
    return 0;
}

/* collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) */
int builtin_namedtuple(ARGS) {
    (void)self;
    const char *names[5];
    py_val b[5];
    int32_t np = 0;
    if (py_bind_signature(I, "typename, field_names, *, rename=False, defaults=None, module=None", "namedtuple", 0, a, n, kw,
                          kwv, n_kw, b, &np, names, 5))
        return -1;
    if (b[0].t != PV_STR) return py_unsupported(I, "cnnc cannot follow a namedtuple named by a %s", py_type_name(&b[0]));
    if (b[2].t != PV_UNBOUND && !(b[2].t == PV_BOOL && !b[2].u.i))
        return py_unsupported(I, "cnnc cannot follow namedtuple(rename=True)");
    py_val list = pv_seq(I, PV_LIST, 0);
    if (list.t == PV_UNBOUND) return py_nomem(I);
    if (b[1].t == PV_STR) {   /* "a b c" or "a, b, c" */
        const char *p = pv_as_str(b[1])->s;
        while (*p) {   /* field_names.replace(',', ' ').split() */
            while (*p && strchr(" ,\t\n\r\f\v", *p)) p++;
            size_t len = strcspn(p, " ,\t\n\r\f\v");
            if (!len) break;
            if (py_seq_push(I, list, pv_str(I, p, len))) return -1;
            p += len;
        }
    } else {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, b[1], &items, &cnt)) return -1;
        for (int32_t k = 0; k < cnt; k++)
            if (py_seq_push(I, list, items[k])) return -1;
    }
    py_seq *fields = pv_as_seq(list);
    if (check_names(I, b[0], fields)) return -1;
    py_ntuple *nt = (py_ntuple *)py_alloc(I->arena, sizeof *nt);
    if (!nt) return py_nomem(I);
    nt->name = pv_as_str(b[0])->s;
    nt->fields = fields;
    nt->defaults = pv_none();
    if ((nt->field_defaults = pv_dict(I)).t == PV_UNBOUND) return py_nomem(I);
    if (b[3].t != PV_UNBOUND && b[3].t != PV_NONE) {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, b[3], &items, &cnt)) return -1;
        if (cnt > fields->n) return py_raise(I, "TypeError", "Got more default values than field names");
        py_val d = pv_seq(I, PV_TUPLE, cnt);
        if (d.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < cnt; k++) {
            pv_as_seq(d)->v[k] = items[k];
            if (py_dict_set(I, nt->field_defaults, fields->v[fields->n - cnt + k], items[k])) return -1;
        }
        if (cnt) nt->defaults = d;
    }
    *out = nt->type = pv_builtin(I, nt->name, nt_new, pv_unbound(), nt, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

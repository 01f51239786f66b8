/* stdlib_enum.c — enum as model configurations use it: `class Norm(Enum): BATCH = 1`,
 * `auto()`, the functional `Enum('NormType', 'Batch Instance')`, members read as class
 * attributes, by value (`Norm(1)`) and by name (`Norm['BATCH']`), iterated, counted and
 * compared by identity, with CPython 3.11's words (`3 is not a valid Norm`, KeyError 'X',
 * `<Norm.BATCH: 1>`). Members are instances of the class made when its body has run
 * (define_class calls py_enum_make_members): each body name that is no descriptor and no
 * _name_ becomes one, with name and value; a value seen before makes an alias; the class's
 * own __init__ runs on each with the value unpacked (the Planet example). Enums mixed with
 * str or int (IntEnum, StrEnum, `class Mode(str, Enum)`) and Flags compare and format by
 * their values, which cnnc does not model, and an enum with its own __str__/__repr__/__format__
 * prints through them: their members are refused where used. Loaded on
 * first `import enum`. */
#include "py/interp.h"
#include "py/call_internal.h"

#include <stdio.h>
#include <string.h>

/* enum.auto(): a marker that the class body replaces with the next value */
static int b_auto(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                  py_val *out) {
    (void)self; (void)a; (void)kw; (void)kwv;
    if (n || n_kw) return py_raise(I, "TypeError", "auto() takes no arguments");
    *out = pv_builtin(I, "auto", b_auto, pv_unbound(), NULL, 1);   /* data2 1: an auto() value */
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

static int is_auto(py_val v) { return v.t == PV_BUILTIN && ((const py_builtin *)v.u.p)->fn == b_auto && ((const py_builtin *)v.u.p)->data2 == 1; }

static py_val *class_slot(interp *I, const py_class *c, const char *name) {
    return py_attrs_find((py_attrs *)&c->dict, py_s(I, name));
}

/* c's members in definition order (aliases left out): its _member_names_ list's names */
int py_enum_members(interp *I, const py_class *c, py_val **items, int32_t *n) {
    if (!c->is_enum) return 1;
    const char *who = c->name;
    if (c->is_enum == 2) return py_unsupported(I, "cnnc cannot follow the members of %s (an enum mixed with str or int, a Flag, or one with its own __str__)", who);
    const py_val *names = class_slot(I, c, "_member_names_");
    const py_val *map = class_slot(I, c, "_member_map_");
    const int32_t cnt = names && names->t == PV_LIST ? pv_as_seq(*names)->n : 0;
    py_val *v = (py_val *)py_alloc(I->arena, (size_t)(cnt ? cnt : 1) * sizeof *v);
    if (!v) return py_nomem(I);
    for (int32_t k = 0; k < cnt; k++)
        if (py_dict_get(I, *map, pv_as_seq(*names)->v[k], &v[k]) != 1) return py_unsupported(I, "cnnc cannot follow %s's members", who);
    *items = v;
    *n = cnt;
    return 0;
}

/* The value auto() stands for after `prev` (Enum's _generate_next_value_: 1, then the last int + 1). */
static int next_value(interp *I, const py_class *c, const char *name, const py_val *prev, int32_t n_prev, py_val *out) {
    if (!n_prev) { *out = pv_int(1); return 0; }
    const py_val last = prev[n_prev - 1];
    if (last.t != PV_INT || last.big) return py_unsupported(I, "cnnc cannot follow auto() after a value of type %s in %s.%s",
                                                           py_type_name(&last), c->name, name);
    for (int32_t k = 0; k < n_prev; k++)   /* 3.11 takes the largest when the last is not: cnnc refuses that */
        if (prev[k].t != PV_INT || prev[k].u.i > last.u.i)
            return py_unsupported(I, "cnnc cannot follow auto() after values out of order in %s", c->name);
    *out = pv_int(last.u.i + 1);
    return 0;
}

/* body names that become members: no _sunder_/__dunder__/private name, no descriptor */
static int is_member_candidate(interp *I, py_sym k, py_val v) {
    const char *nm = py_sym_name(I->syms, k);
    if (nm[0] == '_') return 0;
    return !(v.t == PV_FUNC || v.t == PV_STATICMETHOD || v.t == PV_CLASSMETHOD || v.t == PV_PROPERTY);
}

int py_enum_make_members(interp *I, py_class *c) {
    for (int32_t k = 1; k < c->n_mro; k++) {
        const py_val *names = class_slot(I, c->mro[k], "_member_names_");
        if (c->mro[k]->is_enum && names && names->t == PV_LIST && pv_as_seq(*names)->n)
            return py_unsupported(I, "cnnc cannot follow %s extending the enum %s, which has members", c->name, c->mro[k]->name);
    }
    /* its own str(), repr() or format() of members: cnnc does not call them where it prints values */
    for (int32_t k = 0; k < c->n_mro && c->is_enum == 1; k++)
        if (c->mro[k]->user && (class_slot(I, c->mro[k], "__str__") || class_slot(I, c->mro[k], "__repr__") ||
                                class_slot(I, c->mro[k], "__format__")))
            c->is_enum = 2;
    py_val names = pv_seq(I, PV_LIST, 0), map = pv_dict(I), by_value = pv_dict(I);
    if (names.t == PV_UNBOUND || map.t == PV_UNBOUND || by_value.t == PV_UNBOUND) return py_nomem(I);
    int32_t n_values = 0;
    py_val *values = (py_val *)py_alloc(I->arena, (size_t)(c->dict.n ? c->dict.n : 1) * sizeof *values);
    if (!values) return py_nomem(I);
    const py_val *init = class_slot(I, c, "__init__");
    if (class_slot(I, c, "__new__")) return py_unsupported(I, "cnnc cannot follow an enum with its own __new__ (%s)", c->name);
    for (int32_t k = 0; k < c->dict.n; k++) {
        const py_sym key = c->dict.k[k];
        py_val v = c->dict.v[k];
        if (!is_member_candidate(I, key, v)) continue;
        const char *nm = py_sym_name(I->syms, key);
        if (c->is_enum == 2) {   /* str/int mixins and Flags: refused where used */
            char why[256];
            snprintf(why, sizeof why, "%s.%s (a member of an enum mixed with str or int, a Flag, or one with its own __str__)",
                     c->name, nm);
            if ((c->dict.v[k] = pv_opaque(I, why)).t == PV_UNBOUND) return py_nomem(I);
            continue;
        }
        if (v.t == PV_CLASS || v.t == PV_BUILTIN || v.t == PV_OBJ || v.t == PV_TENSOR)
            if (!is_auto(v)) return py_unsupported(I, "cnnc cannot follow %s.%s, an enum member of type %s", c->name, nm, py_type_name(&v));
        if (is_auto(v) && next_value(I, c, nm, values, n_values, &v)) return -1;
        if (v.t == PV_TUPLE)
            for (int32_t j = 0; j < pv_as_seq(v)->n; j++)
                if (is_auto(pv_as_seq(v)->v[j])) return py_unsupported(I, "cnnc cannot follow auto() inside a tuple (%s.%s)", c->name, nm);
        py_val name_v = pv_cstr(I, nm), member;
        if (name_v.t == PV_UNBOUND) return py_nomem(I);
        const int seen = py_dict_get(I, by_value, v, &member);   /* a value seen before: an alias */
        if (seen < 0) return -1;
        if (!seen) {
            py_obj *o = (py_obj *)py_alloc(I->arena, sizeof *o);
            if (!o) return py_nomem(I);
            o->cls = c;
            member = pv_ptr(PV_OBJ, o);
            if (py_attrs_set(I, &o->attrs, py_s(I, "_name_"), name_v) || py_attrs_set(I, &o->attrs, py_s(I, "_value_"), v) ||
                py_attrs_set(I, &o->attrs, py_s(I, "name"), name_v) || py_attrs_set(I, &o->attrs, py_s(I, "value"), v))
                return py_nomem(I);
            if (init && init->t == PV_FUNC) {   /* Planet(mass, radius): the value unpacked */
                py_val r;
                const py_val *args = v.t == PV_TUPLE ? pv_as_seq(v)->v : &v;
                const int32_t na = v.t == PV_TUPLE ? pv_as_seq(v)->n : 1;
                if (py_call_function(I, (py_func *)init->u.p, member, 1, args, na, NULL, NULL, 0, &r)) return -1;
            } else if (init) {
                return py_unsupported(I, "cnnc cannot follow %s's __init__", c->name);
            }
            if (py_dict_set(I, by_value, v, member) || py_seq_push(I, names, name_v)) return -1;
            values[n_values++] = v;
        }
        if (py_dict_set(I, map, name_v, member)) return -1;
        c->dict.v[k] = member;
    }
    if (py_attrs_set(I, &c->dict, py_s(I, "_member_names_"), names) || py_attrs_set(I, &c->dict, py_s(I, "_member_map_"), map) ||
        py_attrs_set(I, &c->dict, py_s(I, "_value2member_map_"), by_value) || py_attrs_set(I, &c->dict, py_s(I, "__members__"), map))
        return py_nomem(I);
    return 0;
}

/* Enum('NormType', 'Batch Instance') / Enum('N', ['A', 'B']) / Enum('N', [('A', 1), ...]) /
 * Enum('N', {'A': 1}): a new subclass of base with those members (values from 1) */
static int functional(interp *I, py_class *base, py_val name, py_val spec, py_val *out) {
    if (name.t != PV_STR) return py_unsupported(I, "cnnc follows the functional Enum API with a str name");
    const char *cname = py_strndup(I->arena, pv_as_str(name)->s, (size_t)pv_as_str(name)->len);
    py_class *c = cname ? py_class_new(I, cname, PB_OBJECT, base) : NULL;
    if (!c) return py_nomem(I);
    c->user = 1;
    c->module = NULL;
    c->src = I->cur_src;
    c->line = I->line;
    c->is_enum = base->is_enum;
    if (py_class_build_mro(I, c)) return -1;
    py_val *items = NULL;
    int32_t cnt = 0;
    if (spec.t == PV_STR) {   /* 'A B, C': commas are spaces */
        const py_str *s = pv_as_str(spec);
        char *t = py_strndup(I->arena, s->s, (size_t)s->len);
        if (!t) return py_nomem(I);
        for (char *p = t; *p; p++) if (*p == ',') *p = ' ';
        int64_t value = 1;
        for (char *p = t; *p;) {
            while (*p == ' ' || *p == '\t' || *p == '\n') p++;
            if (!*p) break;
            char *e = p;
            while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
            if (py_attrs_set(I, &c->dict, py_intern(I->syms, p, (size_t)(e - p)), pv_int(value++))) return py_nomem(I);
            p = e;
        }
    } else if (spec.t == PV_DICT) {
        const py_dict *d = pv_as_dict(spec);
        for (int32_t k = 0; k < d->n; k++) {
            if (d->k[k].t != PV_STR) return py_unsupported(I, "cnnc follows the functional Enum API with str member names");
            if (py_attrs_set(I, &c->dict, py_s(I, pv_as_str(d->k[k])->s), d->v[k])) return py_nomem(I);
        }
    } else if (spec.t == PV_LIST || spec.t == PV_TUPLE) {
        if (py_iterate(I, spec, &items, &cnt)) return -1;
        for (int32_t k = 0; k < cnt; k++) {
            py_val nm = items[k], v = pv_int(k + 1);
            if (pv_is_seq(nm) && pv_as_seq(nm)->n == 2) { v = pv_as_seq(nm)->v[1]; nm = pv_as_seq(nm)->v[0]; }
            if (nm.t != PV_STR) return py_unsupported(I, "cnnc follows the functional Enum API with str member names");
            if (py_attrs_set(I, &c->dict, py_s(I, pv_as_str(nm)->s), v)) return py_nomem(I);
        }
    } else {
        return py_unsupported(I, "cnnc cannot follow the functional Enum API with names of type %s", py_type_name(&spec));
    }
    if (py_enum_make_members(I, c)) return -1;
    *out = pv_ptr(PV_CLASS, c);
    return 0;
}

int py_enum_call(interp *I, py_class *c, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                 py_val *out) {
    (void)kwv;
    if (c->is_enum == 2) return py_unsupported(I, "cnnc cannot follow calling %s (an enum mixed with str or int, a Flag, or one with its own __str__)", c->name);
    if (n_kw) return py_unsupported(I, "cnnc cannot follow %s(%s=...)", c->name, py_sym_name(I->syms, kw[0]));
    py_val *members;
    int32_t cnt;
    if (py_enum_members(I, c, &members, &cnt)) return -1;
    if (n == 2 && !cnt) return functional(I, c, a[0], a[1], out);
    if (n != 1) return py_unsupported(I, "cnnc cannot follow %s() with %d arguments", c->name, (int)n);
    if (a[0].t == PV_OBJ && pv_as_obj(a[0])->cls == c) { *out = a[0]; return 0; }   /* Color(Color.RED) */
    const py_val *by_value = class_slot(I, c, "_value2member_map_");
    const int found = by_value ? py_dict_get(I, *by_value, a[0], out) : 0;
    if (found != 0) return found < 0 ? -1 : 0;
    cnnc_strbuf sb = {0};
    py_repr(I, a[0], &sb);
    py_raise(I, "ValueError", "%s is not a valid %s", sb.p ? sb.p : "", c->qualname);
    cnnc_sb_free(&sb);
    return -1;
}

int py_enum_getitem(interp *I, py_class *c, py_val key, py_val *out) {
    if (!c->is_enum) return 1;
    if (c->is_enum == 2) return py_unsupported(I, "cnnc cannot follow %s[...] (an enum mixed with str or int, a Flag, or one with its own __str__)", c->name);
    const py_val *map = class_slot(I, c, "_member_map_");
    const int found = map ? py_dict_get(I, *map, key, out) : 0;
    if (found != 0) return found < 0 ? -1 : 0;
    cnnc_strbuf sb = {0};
    py_repr(I, key, &sb);
    py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
    cnnc_sb_free(&sb);
    return -1;
}

int py_enum_contains(interp *I, const py_class *c, py_val item, int *out) {
    if (!c->is_enum) return 1;
    if (item.t != PV_OBJ || !pv_as_obj(item)->cls->is_enum)   /* 3.11 still raises for a non-member */
        return py_raise(I, "TypeError", "unsupported operand type(s) for 'in': '%s' and 'EnumType'", py_type_name(&item));
    py_val *members;
    int32_t cnt;
    if (py_enum_members(I, c, &members, &cnt)) return -1;
    *out = 0;
    for (int32_t k = 0; k < cnt && !*out; k++) *out = members[k].u.p == item.u.p;
    return 0;
}

int py_enum_member_text(interp *I, py_val v, int repr, cnnc_strbuf *sb) {
    if (v.t != PV_OBJ || pv_as_obj(v)->cls->is_enum != 1) return 1;
    const py_obj *o = pv_as_obj(v);
    const py_val *nm = py_attrs_find((py_attrs *)&o->attrs, py_s(I, "_name_"));
    const py_val *val = py_attrs_find((py_attrs *)&o->attrs, py_s(I, "_value_"));
    if (!nm || nm->t != PV_STR || !val) return 1;
    cnnc_sb_printf(sb, "%s%s.%s", repr ? "<" : "", o->cls->name, pv_as_str(*nm)->s);
    if (repr) {
        cnnc_sb_puts(sb, ": ");
        py_repr(I, *val, sb);
        cnnc_sb_puts(sb, ">");
    }
    return 0;
}

/* enum.unique(cls): ValueError when a value has two names, as 3.11 words it */
static int b_unique(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                    py_val *out) {
    (void)self; (void)kw; (void)kwv;
    if (n != 1 || n_kw || a[0].t != PV_CLASS || !pv_as_class(a[0])->is_enum)
        return py_unsupported(I, "cnnc follows enum.unique on an Enum class");
    py_class *c = pv_as_class(a[0]);
    const py_val *map = class_slot(I, c, "_member_map_");
    cnnc_strbuf sb = {0};
    for (int32_t k = 0; map && k < pv_as_dict(*map)->n; k++) {
        const py_val name = pv_as_dict(*map)->k[k], member = pv_as_dict(*map)->v[k];
        const py_val *canon = py_attrs_find(&pv_as_obj(member)->attrs, py_s(I, "_name_"));
        if (canon && !py_equal(I, *canon, name))
            cnnc_sb_printf(&sb, "%s%s -> %s", sb.len ? ", " : "", pv_as_str(name)->s, pv_as_str(*canon)->s);
    }
    if (sb.len) {
        py_raise(I, "ValueError", "duplicate values found in <enum '%s'>: %s", c->name, sb.p);
        cnnc_sb_free(&sb);
        return -1;
    }
    *out = a[0];
    return 0;
}

static int b_enum_meta(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                       py_val *out) {
    (void)self; (void)a; (void)n; (void)kw; (void)kwv; (void)n_kw; (void)out;
    return py_unsupported(I, "cnnc cannot follow enum's metaclass");
}

py_module_ns *py_stdlib_enum(interp *I) {
    if (I->m_enum) return I->m_enum;
    py_module_ns *m = py_module_new(I, "enum");
    if (!m) { py_nomem(I); return NULL; }
    static const struct { const char *name; int kind; } classes[] = {
        {"Enum", 1}, {"IntEnum", 2}, {"StrEnum", 2}, {"Flag", 2}, {"IntFlag", 2}, {"ReprEnum", 2},
    };
    py_class *enum_base = NULL;
    for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++) {
        py_class *c = py_class_new(I, classes[k].name, PB_OBJECT, k ? enum_base : NULL);
        if (!c) { py_nomem(I); return NULL; }
        c->module = "enum";
        c->is_enum = classes[k].kind;
        if (!k) enum_base = c;
        if (py_class_build_mro(I, c) || py_attrs_set(I, m->attrs, py_s(I, classes[k].name), pv_ptr(PV_CLASS, c))) { py_nomem(I); return NULL; }
    }
    static const struct { const char *name; py_native fn; } fns[] = {
        {"auto", b_auto}, {"unique", b_unique}, {"EnumMeta", b_enum_meta}, {"EnumType", b_enum_meta},
    };
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        py_val f = pv_builtin(I, fns[k].name, fns[k].fn, pv_unbound(), NULL, 0);
        if (f.t == PV_UNBOUND || py_attrs_set(I, m->attrs, py_s(I, fns[k].name), f)) { py_nomem(I); return NULL; }
    }
    m->getattr = py_refuse_other_names;
    I->m_enum = m;
    return m;
}

/* builtins_methods.c — the methods of Python's built-in types (list, dict,
 * str, ...) as bound builtins, with Python's messages. */
#include "py/builtins_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------- built-in type methods */

static int list_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    py_seq *q = pv_as_seq(self);
    *out = pv_none();
    if (!strcmp(name, "append")) {
        if (builtin_nargs(I, "list.append", n, 1, 1)) return -1;
        return py_seq_push(I, self, a[0]);
    }
    if (!strcmp(name, "extend")) {
        if (builtin_nargs(I, "list.extend", n, 1, 1)) return -1;
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        py_val *copy = (py_val *)py_alloc(I->arena, (size_t)(cnt + 1) * sizeof *copy);
        if (!copy) return py_nomem(I);
        if (cnt) memcpy(copy, items, (size_t)cnt * sizeof *copy);
        for (int32_t k = 0; k < cnt; k++)
            if (py_seq_push(I, self, copy[k])) return -1;
        return 0;
    }
    if (!strcmp(name, "insert")) {
        if (builtin_nargs(I, "insert", n, 2, 2)) return -1;
        int64_t i;
        if (py_int_of(I, a[0], &i)) return -1;
        if (py_seq_push(I, self, pv_none())) return -1;
        if (i < 0) i += q->n - 1;
        if (i < 0) i = 0;
        if (i > q->n - 1) i = q->n - 1;
        if (py_charge(I, (q->n - i) >> 4)) return -1;
        memmove(q->v + i + 1, q->v + i, (size_t)(q->n - 1 - i) * sizeof *q->v);
        q->v[i] = a[1];
        return 0;
    }
    if (!strcmp(name, "pop")) {
        int64_t i = q->n - 1;
        if (n && py_int_of(I, a[0], &i)) return -1;
        if (q->n == 0) return py_raise(I, "IndexError", "pop from empty list");
        if (i < 0) i += q->n;
        if (i < 0 || i >= q->n) return py_raise(I, "IndexError", "pop index out of range");
        if (py_charge(I, (q->n - i) >> 4)) return -1;
        *out = q->v[i];
        memmove(q->v + i, q->v + i + 1, (size_t)(q->n - i - 1) * sizeof *q->v);
        q->n--;
        return 0;
    }
    if (!strcmp(name, "index") || !strcmp(name, "count")) {
        int64_t c = 0;
        for (int32_t k = 0; k < q->n; k++)
            if (n && py_equal(I, q->v[k], a[0])) {
                if (name[0] == 'i') { *out = pv_int(k); return 0; }
                c++;
            }
        if (py_charge(I, 0)) return -1;
        if (name[0] == 'i') {
            cnnc_strbuf sb = {0};
            py_repr(I, n ? a[0] : pv_none(), &sb);
            py_raise(I, "ValueError", "%s is not in list", sb.p ? sb.p : "");
            cnnc_sb_free(&sb);
            return -1;
        }
        *out = pv_int(c);
        return 0;
    }
    if (!strcmp(name, "reverse")) {
        if (py_charge(I, q->n >> 4)) return -1;
        for (int32_t k = 0; k < q->n / 2; k++) { py_val t = q->v[k]; q->v[k] = q->v[q->n - 1 - k]; q->v[q->n - 1 - k] = t; }
        return 0;
    }
    if (!strcmp(name, "copy")) return builtin_to_seq(I, PV_LIST, 1, &self, out);
    if (!strcmp(name, "clear")) { q->n = 0; return 0; }
    if (!strcmp(name, "remove")) {
        const int32_t k = n ? py_items_find(I, q->v, q->n, a[0]) : -1;
        if (k < -1) return -1;
        if (k < 0) return py_raise(I, "ValueError", "list.remove(x): x not in list");
        if (py_charge(I, (q->n - k) >> 4)) return -1;
        memmove(q->v + k, q->v + k + 1, (size_t)(q->n - k - 1) * sizeof *q->v);
        q->n--;
        return 0;
    }
    return 1;
}

static int dict_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    py_dict *d = pv_as_dict(self);
    if (!strcmp(name, "keys") || !strcmp(name, "values") || !strcmp(name, "items")) {
        py_val r = pv_seq(I, PV_LIST, d->n);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < d->n; k++) {
            if (name[0] == 'k') pv_as_seq(r)->v[k] = d->k[k];
            else if (name[0] == 'v') pv_as_seq(r)->v[k] = d->v[k];
            else {
                py_val t = pv_seq(I, PV_TUPLE, 2);
                if (t.t == PV_UNBOUND) return py_nomem(I);
                pv_as_seq(t)->v[0] = d->k[k];
                pv_as_seq(t)->v[1] = d->v[k];
                pv_as_seq(r)->v[k] = t;
            }
        }
        r.pad = name[0] == 'k' ? PV_VIEW_KEYS : name[0] == 'v' ? PV_VIEW_VALUES : PV_VIEW_ITEMS;
        *out = r;
        return 0;
    }
    if (!strcmp(name, "get")) {
        if (builtin_nargs(I, "get", n, 1, 2)) return -1;
        int r = py_dict_get(I, self, a[0], out);
        if (r < 0) return -1;
        if (!r) *out = n > 1 ? a[1] : pv_none();
        return 0;
    }
    if (!strcmp(name, "pop")) {
        if (builtin_nargs(I, "pop", n, 1, 2)) return -1;
        const int32_t k = py_dict_find(I, d, a[0]);
        if (k < -1) return -1;
        if (k >= 0) {
            if (py_dict_delete_through(I, d, a[0])) return -1;
            *out = d->v[k];
            return py_dict_remove_at(I, d, k);
        }
        if (n > 1) { *out = a[1]; return 0; }
        cnnc_strbuf sb = {0};
        py_repr(I, a[0], &sb);
        py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    if (!strcmp(name, "update")) {
        if (n && a[0].t == PV_DICT)
            for (int32_t k = 0; k < pv_as_dict(a[0])->n; k++)
                if (py_dict_set(I, self, pv_as_dict(a[0])->k[k], pv_as_dict(a[0])->v[k])) return -1;
        *out = pv_none();
        return 0;
    }
    if (!strcmp(name, "setdefault")) {
        int r = py_dict_get(I, self, a[0], out);
        if (r < 0) return -1;
        if (!r) { *out = n > 1 ? a[1] : pv_none(); return py_dict_set(I, self, a[0], *out); }
        return 0;
    }
    if (!strcmp(name, "copy")) {
        py_val r = pv_dict(I);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < d->n; k++)
            if (py_dict_set(I, r, d->k[k], d->v[k])) return -1;
        *out = r;
        return 0;
    }
    return 1;
}

/* str.format(*args, **kwargs): fields {}, {0}, {name}, each with !r/!s and a spec
 * (py_format_value); {a.b} and {a[0]} are refused. */
static int str_format(interp *I, const py_str *s, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                      py_val *out) {
    cnnc_strbuf sb = {0};
    int32_t auto_i = 0;
    int st = 0;
    for (int32_t k = 0; k < s->len && !st; k++) {
        char c = s->s[k];
        if (c == '{' && k + 1 < s->len && s->s[k + 1] == '{') { cnnc_sb_putn(&sb, "{", 1); k++; continue; }
        if (c == '}' && k + 1 < s->len && s->s[k + 1] == '}') { cnnc_sb_putn(&sb, "}", 1); k++; continue; }
        if (c == '}') { st = py_raise(I, "ValueError", "Single '}' encountered in format string"); break; }
        if (c != '{') { cnnc_sb_putn(&sb, &c, 1); continue; }
        int32_t j = k + 1;
        while (j < s->len && s->s[j] != '}' && s->s[j] != '{') j++;
        if (j >= s->len) { st = py_raise(I, "ValueError", "expected '}' before end of string"); break; }
        if (s->s[j] == '{') { st = py_unsupported(I, "cnnc cannot follow a nested format field"); break; }
        /* name [!conv] [:spec] */
        int32_t name_end = k + 1, spec_at = -1;
        char conv = 0;
        while (name_end < j && s->s[name_end] != '!' && s->s[name_end] != ':') name_end++;
        int32_t p = name_end;
        if (p < j && s->s[p] == '!') { conv = p + 1 < j ? s->s[p + 1] : 0; p += 2; }
        if (p < j && s->s[p] == ':') spec_at = p + 1;
        const char *nm = s->s + k + 1;
        const int32_t nm_len = name_end - (k + 1);
        py_val v = pv_unbound();
        if (memchr(nm, '.', (size_t)nm_len) || memchr(nm, '[', (size_t)nm_len)) {
            st = py_unsupported(I, "cnnc cannot follow a format field with an attribute or index");
            break;
        }
        if (nm_len == 0 || (nm[0] >= '0' && nm[0] <= '9')) {
            const int32_t idx = nm_len == 0 ? auto_i++ : atoi(nm);
            if (idx >= n) { st = py_raise(I, "IndexError", "Replacement index %d out of range for positional args tuple", (int)idx); break; }
            v = a[idx];
        } else {
            for (int32_t q = 0; q < n_kw && v.t == PV_UNBOUND; q++) {
                const char *kn = py_sym_name(I->syms, kw[q]);
                if ((int32_t)strlen(kn) == nm_len && !memcmp(kn, nm, (size_t)nm_len)) v = kwv[q];
            }
            if (v.t == PV_UNBOUND) { st = py_raise(I, "KeyError", "'%.*s'", (int)nm_len, nm); break; }
        }
        st = py_format_value(I, v, conv, spec_at >= 0 ? s->s + spec_at : "", spec_at >= 0 ? j - spec_at : 0, &sb);
        k = j;
    }
    if (st) { cnnc_sb_free(&sb); return -1; }
    *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* A string a method builds may be at most this long: the evaluator's arena could not hold more. */
#define STR_RESULT_MAX ((int64_t)1 << 28)

static int str_too_long(interp *I, int64_t bytes) {
    return py_unsupported(I, "cnnc cannot follow building a string of %lld bytes (its bound is %lld)", (long long)bytes,
                          (long long)STR_RESULT_MAX);
}

static int str_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    const py_str *s = pv_as_str(self);
    if (!strcmp(name, "join")) {
        if (builtin_nargs(I, "join", n, 1, 1)) return -1;
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        int64_t total = cnt ? (int64_t)(cnt - 1) * s->len : 0;   /* the result's bytes: bounded before building it */
        for (int32_t k = 0; k < cnt; k++) total += items[k].t == PV_STR ? pv_as_str(items[k])->len : 0;
        if (total > STR_RESULT_MAX) return str_too_long(I, total);
        if (py_charge(I, total >> 6)) return -1;
        cnnc_strbuf sb = {0};
        for (int32_t k = 0; k < cnt; k++) {
            if (items[k].t != PV_STR) {
                cnnc_sb_free(&sb);
                return py_raise(I, "TypeError", "sequence item %d: expected str instance, %s found", (int)k, py_type_name(&items[k]));
            }
            if (k) cnnc_sb_putn(&sb, s->s, (size_t)s->len);
            cnnc_sb_putn(&sb, pv_as_str(items[k])->s, (size_t)pv_as_str(items[k])->len);
        }
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return 0;
    }
    if (!strcmp(name, "lower") || !strcmp(name, "upper") || !strcmp(name, "capitalize") || !strcmp(name, "title") ||
        !strcmp(name, "swapcase")) {
        if (n) return py_raise(I, "TypeError", "str.%s() takes no arguments (%d given)", name, (int)n);
        for (int32_t k = 0; k < s->len; k++)   /* Unicode's case tables are not cnnc's */
            if ((unsigned char)s->s[k] >= 0x80) return py_unsupported(I, "cnnc cannot follow str.%s of text outside ASCII", name);
        py_val r = pv_str(I, s->s, (size_t)s->len);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        char *t = pv_as_str(r)->s;
        int after_letter = 0;   /* title(): a letter after a letter is lowered, others raised */
        for (int32_t k = 0; k < s->len; k++) {
            const char c = t[k];
            const int is_up = c >= 'A' && c <= 'Z', is_low = c >= 'a' && c <= 'z';
            int up = name[0] == 'u' || (name[0] == 'c' && k == 0) || (name[0] == 't' && !after_letter);
            if (name[0] == 's') up = is_low;
            if (up && is_low) t[k] = (char)(c - 32);
            if (!up && is_up) t[k] = (char)(c + 32);
            after_letter = is_up || is_low;
        }
        *out = r;
        return 0;
    }
    if (!strcmp(name, "startswith") || !strcmp(name, "endswith")) {
        if (builtin_nargs(I, name, n, 1, 1)) return -1;
        if (a[0].t != PV_STR) return py_unsupported(I, "cnnc cannot follow str.%s with a %s", name, py_type_name(&a[0]));
        const py_str *p = pv_as_str(a[0]);
        int ok = p->len <= s->len && !memcmp(name[0] == 's' ? s->s : s->s + s->len - p->len, p->s, (size_t)p->len);
        *out = pv_bool(ok);
        return 0;
    }
    if (!strcmp(name, "strip") || !strcmp(name, "lstrip") || !strcmp(name, "rstrip")) {
        int32_t lo = 0, hi = s->len;
        if (name[0] != 'r') while (lo < hi && strchr(" \t\n\r", s->s[lo])) lo++;
        if (name[0] != 'l') while (hi > lo && strchr(" \t\n\r", s->s[hi - 1])) hi--;
        *out = pv_str(I, s->s + lo, (size_t)(hi - lo));
        return 0;
    }
    if (!strcmp(name, "split")) {
        py_val r = pv_seq(I, PV_LIST, 0);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        const char *sep = n && a[0].t == PV_STR ? pv_as_str(a[0])->s : NULL;
        size_t sl = sep ? strlen(sep) : 0;
        int32_t k = 0;
        while (k <= s->len) {
            if (!sep) {
                while (k < s->len && strchr(" \t\n", s->s[k])) k++;
                if (k >= s->len) break;
                int32_t e = k;
                while (e < s->len && !strchr(" \t\n", s->s[e])) e++;
                if (py_seq_push(I, r, pv_str(I, s->s + k, (size_t)(e - k)))) return -1;
                k = e;
                continue;
            }
            const char *hit = sl ? strstr(s->s + k, sep) : NULL;
            int32_t e = hit ? (int32_t)(hit - s->s) : s->len;
            if (py_charge(I, (e - k) >> 6)) return -1;
            if (py_seq_push(I, r, pv_str(I, s->s + k, (size_t)(e - k)))) return -1;
            if (!hit) break;
            k = e + (int32_t)sl;
        }
        *out = r;
        return 0;
    }
    if (!strcmp(name, "replace")) {
        if (builtin_nargs(I, "replace", n, 2, 3) || a[0].t != PV_STR || a[1].t != PV_STR) return -1;
        const py_str *from = pv_as_str(a[0]), *to = pv_as_str(a[1]);
        if (py_charge(I, ((int64_t)s->len * (from->len + 1)) >> 6)) return -1;
        cnnc_strbuf sb = {0};
        for (int32_t k = 0; k < s->len;) {
            if (sb.len > STR_RESULT_MAX) { cnnc_sb_free(&sb); return str_too_long(I, (int64_t)sb.len); }
            if (from->len && k + from->len <= s->len && !memcmp(s->s + k, from->s, (size_t)from->len)) {
                cnnc_sb_putn(&sb, to->s, (size_t)to->len);
                k += from->len;
            } else {
                cnnc_sb_putn(&sb, s->s + k, 1);
                k++;
            }
        }
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return 0;
    }
    if (!strcmp(name, "find") || !strcmp(name, "rfind") || !strcmp(name, "index") || !strcmp(name, "rindex")) {
        /* s.find(sub): the first (last) index, or -1; s.index(sub) raises instead */
        if (n != 1) return py_unsupported(I, "cnnc follows str.%s with one argument", name);
        if (a[0].t != PV_STR)
            return py_raise(I, "TypeError", "must be str, not %s", py_type_name(&a[0]));
        const py_str *sub = pv_as_str(a[0]);
        int64_t at = -1;
        if (py_charge(I, ((int64_t)s->len * (sub->len + 1)) >> 6)) return -1;
        for (int32_t k = 0; k + sub->len <= s->len; k++)
            if (!memcmp(s->s + k, sub->s, (size_t)sub->len)) {
                at = k;
                if (name[0] != 'r') break;
            }
        if (at < 0 && name[name[0] == 'r'] == 'i') return py_raise(I, "ValueError", "substring not found");
        *out = pv_int(at);
        return 0;
    }
    if (!strcmp(name, "zfill")) {   /* '7'.zfill(3) == '007'; a leading sign stays in front */
        if (n != 1) return py_raise(I, "TypeError", "str.zfill() takes exactly one argument (%d given)", (int)n);
        if (!pv_is_int(a[0]))
            return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&a[0]));
        const int64_t width = a[0].u.i;
        if (width <= s->len) {
            *out = pv_str(I, s->s, (size_t)s->len);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        if (width > (int64_t)1 << 20) return py_unsupported(I, "cnnc cannot follow str.zfill to %lld characters", (long long)width);
        cnnc_strbuf sb = {0};
        const int sign = s->len > 0 && (s->s[0] == '+' || s->s[0] == '-');
        if (sign) cnnc_sb_putn(&sb, s->s, 1);
        for (int64_t k = s->len; k < width; k++) cnnc_sb_putn(&sb, "0", 1);
        cnnc_sb_putn(&sb, s->s + sign, (size_t)(s->len - sign));
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (!strcmp(name, "isdigit") || !strcmp(name, "isnumeric") || !strcmp(name, "isdecimal") || !strcmp(name, "isalpha") ||
        !strcmp(name, "isalnum") || !strcmp(name, "isspace")) {
        /* ASCII text by its classes; other characters (Unicode digits, letters) are refused */
        if (n) return py_raise(I, "TypeError", "str.%s() takes no arguments (%d given)", name, (int)n);
        int ok = s->len > 0;
        for (int32_t k = 0; k < s->len; k++) {
            const unsigned char ch = (unsigned char)s->s[k];
            if (ch >= 0x80) return py_unsupported(I, "cnnc follows str.%s of ASCII text only", name);
            const int digit = ch >= '0' && ch <= '9', alpha = (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
            const int space = ch == ' ' || (ch >= '\t' && ch <= '\r') || (ch >= 0x1c && ch <= 0x1f);
            ok &= name[2] == 'd' || name[2] == 'n' ? digit : !strcmp(name, "isalpha") ? alpha : name[2] == 'a' ? alpha || digit : space;
        }
        *out = pv_bool(ok);
        return 0;
    }
    return 1;
}

static int m_call(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                  py_val *out);

/* set's methods (and its | & - ^ operators, py_set_binop): sets keep their members in
 * insertion order, as cnnc holds them; the membership answers are Python's. */
static const char *const set_methods[] = {"issubset", "issuperset", "isdisjoint", "union", "intersection", "difference",
                                          "symmetric_difference", "add", "discard", "remove", "copy", "update", NULL};

/* every member of `of` that is (keep = 1) or is not (keep = 0) in `in`, into `into` */
static int set_filter(interp *I, py_val into, const py_val *of, int32_t n_of, const py_val *in, int32_t n_in, int keep) {
    for (int32_t k = 0; k < n_of; k++) {
        const int32_t at = py_items_find(I, in, n_in, of[k]);
        if (at < -1) return -1;
        if ((at >= 0) == keep && py_set_add(I, into, of[k])) return -1;
    }
    return 0;
}

int py_set_binop(interp *I, const char *name, py_val a, py_val b, py_val *out) {
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, b, &items, &cnt)) return -1;
    const py_seq *s = pv_as_seq(a);
    if (!strcmp(name, "issubset") || !strcmp(name, "issuperset") || !strcmp(name, "isdisjoint")) {
        const int sub = !strcmp(name, "issubset"), disjoint = !strcmp(name, "isdisjoint");
        const py_val *of = sub || disjoint ? s->v : items, *in = sub || disjoint ? items : s->v;
        const int32_t n_of = sub || disjoint ? s->n : cnt, n_in = sub || disjoint ? cnt : s->n;
        int ok = 1;
        for (int32_t k = 0; k < n_of && ok; k++) {
            const int32_t at = py_items_find(I, in, n_in, of[k]);
            if (at < -1) return -1;
            ok = disjoint ? at < 0 : at >= 0;
        }
        *out = pv_bool(ok);
        return 0;
    }
    py_val r = pv_seq(I, PV_SET, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    int st = 0;
    if (!strcmp(name, "union")) {
        st = set_filter(I, r, s->v, s->n, NULL, 0, 0) || set_filter(I, r, items, cnt, NULL, 0, 0);
    } else if (!strcmp(name, "intersection")) {
        st = set_filter(I, r, s->v, s->n, items, cnt, 1);
    } else if (!strcmp(name, "difference")) {
        st = set_filter(I, r, s->v, s->n, items, cnt, 0);
    } else {   /* symmetric_difference */
        st = set_filter(I, r, s->v, s->n, items, cnt, 0) || set_filter(I, r, items, cnt, s->v, s->n, 0);
    }
    if (st) return -1;
    *out = r;
    return 0;
}

static int set_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    if (!strcmp(name, "add") || !strcmp(name, "discard") || !strcmp(name, "remove")) {
        if (n != 1) return py_raise(I, "TypeError", "set.%s() takes exactly one argument (%d given)", name, (int)n);
        *out = pv_none();
        if (name[0] == 'a') return py_set_add(I, self, a[0]);
        py_seq *q = pv_as_seq(self);
        const int32_t at = py_items_find(I, q->v, q->n, a[0]);
        if (at < -1) return -1;
        if (at < 0) {
            if (name[0] == 'd') return 0;
            cnnc_strbuf sb = {0};
            py_repr(I, a[0], &sb);
            py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
            cnnc_sb_free(&sb);
            return -1;
        }
        memmove(q->v + at, q->v + at + 1, (size_t)(q->n - at - 1) * sizeof q->v[0]);
        q->n--;
        return 0;
    }
    if (!strcmp(name, "copy")) {
        if (n) return py_raise(I, "TypeError", "set.copy() takes no arguments (%d given)", (int)n);
        return builtin_to_seq(I, PV_SET, 1, &self, out);
    }
    if (!strcmp(name, "update")) {
        for (int32_t k = 0; k < n; k++) {
            py_val *items;
            int32_t cnt;
            if (py_iterate(I, a[k], &items, &cnt)) return -1;
            for (int32_t j = 0; j < cnt; j++)
                if (py_set_add(I, self, items[j])) return -1;
        }
        *out = pv_none();
        return 0;
    }
    const int several = !strcmp(name, "union") || !strcmp(name, "intersection") || !strcmp(name, "difference");
    if (!several && n != 1) return py_raise(I, "TypeError", "set.%s() takes exactly one argument (%d given)", name, (int)n);
    if (n == 0) return builtin_to_seq(I, PV_SET, 1, &self, out);   /* s.union(): a copy */
    py_val cur = self;
    for (int32_t k = 0; k < n; k++)
        if (py_set_binop(I, name, cur, a[k], &cur)) return -1;
    *out = cur;
    return 0;
}

const char *const py_list_methods[] = {"append", "extend", "insert", "pop", "index", "count", "reverse", "sort", "copy",
                                       "clear", "remove", NULL};

int py_builtin_method(interp *I, py_val obj, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    int known = 0;
    switch ((py_type)obj.t) {
    case PV_LIST: {
        if (obj.pad) return 0;   /* a dict view has none of list's methods */
        for (int k = 0; py_list_methods[k]; k++) known |= !strcmp(py_list_methods[k], nm);
        break;
    }
    case PV_TUPLE: case PV_SIZE: {
        if (!strcmp(nm, "index") || !strcmp(nm, "count")) known = 1;
        if (obj.t == PV_SIZE && !strcmp(nm, "numel")) known = 1;
        break;
    }
    case PV_DICT: {
        static const char *const m[] = {"keys", "values", "items", "get", "pop", "update", "setdefault", "copy", NULL};
        for (int k = 0; m[k]; k++) known |= !strcmp(m[k], nm);
        break;
    }
    case PV_STR: {
        static const char *const m[] = {"format", "join", "lower", "upper", "capitalize", "title", "swapcase", "startswith", "endswith", "strip", "lstrip",
                                        "rstrip", "split", "replace", "isdigit", "isnumeric", "isdecimal", "isalpha", "isalnum", "isspace", "zfill", "find", "rfind",
                                        "index", "rindex", NULL};
        for (int k = 0; m[k]; k++) known |= !strcmp(m[k], nm);
        break;
    }
    case PV_SET:
        for (int k = 0; set_methods[k]; k++) known |= !strcmp(set_methods[k], nm);
        break;
    case PV_FLOAT: case PV_INT:
        if (!strcmp(nm, "is_integer") && obj.t == PV_FLOAT) { known = 1; break; }
        return 0;
    default: return 0;
    }
    if (!known) return 0;
    *out = pv_builtin(I, py_sym_name(I->syms, name), m_call, obj, NULL, 0);
    return out->t == PV_UNBOUND ? (py_nomem(I), -1) : 1;
}

/* list.sort(*, key=None, reverse=False): sorted()'s order, written back in place */
static int list_sort(interp *I, py_val self, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out) {
    if (n) return py_raise(I, "TypeError", "sort() takes no positional arguments");
    for (int32_t k = 0; k < n_kw; k++) {
        const char *kn = py_sym_name(I->syms, kw[k]);
        if (strcmp(kn, "key") && strcmp(kn, "reverse"))
            return py_raise(I, "TypeError", "'%s' is an invalid keyword argument for sort()", kn);
    }
    py_val sorted;
    if (builtin_sorted(I, pv_unbound(), &self, 1, kw, kwv, n_kw, &sorted)) return -1;
    py_seq *q = pv_as_seq(self);
    if (q->n) memcpy(q->v, pv_as_seq(sorted)->v, (size_t)q->n * sizeof *q->v);
    *out = pv_none();
    return 0;
}

static int m_call(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                  py_val *out) {
    const char *name = I->callee->name;  /* the method's name is the builtin's */
    if (self.t == PV_STR && !strcmp(name, "format")) return str_format(I, pv_as_str(self), a, n, kw, kwv, n_kw, out);
    if (self.t == PV_LIST && !strcmp(name, "sort")) return list_sort(I, self, n, kw, kwv, n_kw, out);
    if (n_kw) return py_unsupported(I, "cnnc cannot follow %s.%s() with keyword arguments", py_type_name(&self), name);
    int r = 1;
    switch ((py_type)self.t) {
    case PV_LIST: r = list_method(I, name, self, a, n, out); break;
    case PV_DICT: r = dict_method(I, name, self, a, n, out); break;
    case PV_STR: r = str_method(I, name, self, a, n, out); break;
    case PV_SET: r = set_method(I, name, self, a, n, out); break;
    case PV_TUPLE: case PV_SIZE: {
        py_seq *q = pv_as_seq(self);
        if (!strcmp(name, "numel")) {
            int64_t p = 1;
            for (int32_t k = 0; k < q->n; k++) p *= q->v[k].u.i;
            *out = pv_int(p);
            return 0;
        }
        int64_t c = 0;
        for (int32_t k = 0; k < q->n; k++)
            if (n && py_equal(I, q->v[k], a[0])) {
                if (name[0] == 'i') { *out = pv_int(k); return 0; }
                c++;
            }
        if (py_charge(I, 0)) return -1;
        if (name[0] == 'i') return py_raise(I, "ValueError", "tuple.index(x): x not in tuple");
        *out = pv_int(c);
        return 0;
    }
    case PV_FLOAT: *out = pv_bool(self.u.f == floor(self.u.f)); return 0;
    default: break;
    }
    if (r > 0) return py_unsupported(I, "cnnc cannot follow %s.%s()", py_type_name(&self), name);
    return r;
}

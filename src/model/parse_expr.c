/* parse_expr.c — the model-file reader's expression evaluator: names (nn.X,
 * torch dtypes, constants), literals, tuples, unary and binary arithmetic,
 * with Python's TypeErrors and overflow errors. */
#include "model/parse_internal.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Real torch.nn modules that cnnc does not run: named so the error says so
 * instead of pretending the name does not exist. */
static const char *const UNSUPPORTED_MODULES[] = {
    "Conv1d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "MaxPool1d", "MaxPool3d",
    "AvgPool1d", "AvgPool3d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "AdaptiveAvgPool1d", "BatchNorm1d",
    "BatchNorm3d", "LayerNorm", "GroupNorm", "InstanceNorm2d", "Dropout2d", "Dropout1d", "Dropout3d",
    "Sigmoid", "Tanh", "LeakyReLU", "ReLU6", "ELU", "SELU", "GELU", "SiLU", "Mish", "PReLU", "Softmax",
    "LogSoftmax", "Softplus", "Hardtanh", "Hardswish", "Identity", "Unflatten", "LSTM", "GRU",
    "RNN", "Transformer", "MultiheadAttention", "ModuleList", "ModuleDict", "ZeroPad2d", "Upsample",
    "PixelShuffle", "Bilinear", "CrossEntropyLoss", "MSELoss", "NLLLoss",
    "TransformerEncoderLayer", "TransformerEncoder",
};
/* ------------------------------------------------------------ value helpers */

static const char *vkind_name(vkind k, int cls) {
    switch (k) {
    case V_INT: return "int";
    case V_FLOAT: return "float";
    case V_BOOL: return "bool";
    case V_NONE: return "NoneType";
    case V_STR: return "str";
    case V_TUPLE: return "tuple";
    case V_MODULE: return cls >= 0 && cls < N_CLASSES ? chain_classes()[cls].name : "Module";
    case V_CLASS: return "type";
    case V_DTYPE: return "dtype";
    }
    return "object";
}
const char *chain_vname(const value *v) { return vkind_name(v->kind, v->cls); }
static int is_num(vkind k) { return k == V_INT || k == V_BOOL || k == V_FLOAT; }
int chain_is_intlike(vkind k) { return k == V_INT || k == V_BOOL; }
static double num_f(const value *v) { return v->kind == V_FLOAT ? v->f : (double)v->i; }

/* Python repr of a value, for messages. */
void chain_repr_value(const parser *p, const value *v, char *buf, size_t cap) {
    switch (v->kind) {
    case V_INT: snprintf(buf, cap, "%lld", (long long)v->i); break;
    case V_BOOL: snprintf(buf, cap, "%s", v->i ? "True" : "False"); break;
    case V_FLOAT: cnnc_py_float_repr(v->f, buf, cap); break;
    case V_NONE: snprintf(buf, cap, "None"); break;
    case V_STR: snprintf(buf, cap, "'%.*s'", (int)(v->send - v->sbeg > 200 ? 200 : v->send - v->sbeg), p->src + v->sbeg); break;
    case V_TUPLE: {
        size_t o = (size_t)snprintf(buf, cap, "(");
        for (int32_t k = 0; k < v->n && k < MAX_TUPLE && o < cap; k++) {
            const item *it = &v->items[k];
            value tmp = {it->kind, 0, 0, it->i, it->f, it->sbeg, it->send, it->cls, 0, {{0}}};
            char b[64];
            if (it->kind == V_TUPLE) snprintf(b, sizeof b, "(...)");
            else chain_repr_value(p, &tmp, b, sizeof b);
            o += (size_t)snprintf(buf + o, cap - o, "%s%s", k ? ", " : "", b);
        }
        if (o < cap) snprintf(buf + o, cap - o, "%s)", v->n == 1 ? "," : "");
        break;
    }
    default: snprintf(buf, cap, "%s()", chain_vname(v)); break;
    }
}

/* ------------------------------------------------------------- expressions */

static int class_index(const parser *p, const token *t) {
    const class_spec *cs = chain_classes();
    for (int k = 0; k < N_CLASSES; k++)
        if (cs[k].kind != -2 && tok_is(p, t, cs[k].name)) return k;
    return -1;
}

static int is_unsupported_module(const parser *p, const token *t) {
    for (size_t k = 0; k < sizeof UNSUPPORTED_MODULES / sizeof UNSUPPORTED_MODULES[0]; k++)
        if (tok_is(p, t, UNSUPPORTED_MODULES[k])) return 1;
    return 0;
}

static cnnc_status overflow_error(parser *p, const value *v) {
    return FAIL_VAL(p, v, "OverflowError", "Python int too large to convert to C long");
}

/* Names: True/False/None, nn.X, torch.nn.X, torch.float32, or a class. */
static cnnc_status parse_name(parser *p, value *out) {
    const token *t = advance(p);
    out->line = t->line;
    out->col = t->col;
    if (tok_is(p, t, "True") || tok_is(p, t, "False")) { out->kind = V_BOOL; out->i = tok_is(p, t, "True"); return CNNC_OK; }
    if (tok_is(p, t, "None")) { out->kind = V_NONE; return CNNC_OK; }
    const token *cls_tok = t;
    int via_module = 0;
    if (tok_is(p, t, "nn") || tok_is(p, t, "torch")) {
        int is_torch = tok_is(p, t, "torch");
        if (!tok_is(p, peek(p), ".")) {
            if (!p->eval) return CNNC_OK;
            return FAIL_TOK(p, t, "TypeError", "'%.*s' is a module, not a layer", tok_len(t), p->src + t->begin);
        }
        advance(p);
        const token *a = peek(p);
        if (a->kind != T_NAME) return chain_syntax_error(p, a);
        advance(p);
        if (is_torch && tok_is(p, a, "nn") && tok_is(p, peek(p), ".")) {
            advance(p);
            a = peek(p);
            if (a->kind != T_NAME) return chain_syntax_error(p, a);
            advance(p);
            is_torch = 0;
        }
        if (is_torch) {
            if (tok_is(p, a, "float32") || tok_is(p, a, "float")) { out->kind = V_DTYPE; out->cls = 0; return CNNC_OK; }
            if (!p->eval) return CNNC_OK;
            if (tok_is(p, a, "float64") || tok_is(p, a, "double") || tok_is(p, a, "float16") ||
                tok_is(p, a, "half") || tok_is(p, a, "bfloat16")) {
                return chain_fail_at(p, CNNC_ERR_UNSUPPORTED, a->line, a->col, "NotImplementedError",
                               "cnnc does not support dtype=torch.%.*s (only torch.float32)", tok_len(a), p->src + a->begin);
            }
            return FAIL_TOK(p, a, "AttributeError", "module 'torch' has no attribute '%.*s'", tok_len(a), p->src + a->begin);
        }
        cls_tok = a;
        via_module = 1;
    }
    int cls = class_index(p, cls_tok);
    if (cls < 0) {
        /* still consume a call's arguments so pass 1 checks their syntax */
        if (tok_is(p, peek(p), "(")) {
            value dummy;
            int save = p->eval;
            p->eval = 0;
            cnnc_status st = chain_parse_call(p, SEQ_CLASS, cls_tok, cls_tok->begin, &dummy);
            p->eval = save;
            if (st) return st;
        }
        if (!p->eval) return CNNC_OK;
        if (is_unsupported_module(p, cls_tok)) {
            char runs[1024];
            cnnc_strbuf sb;
            cnnc_sb_fixed(&sb, runs, sizeof runs);
            const class_spec *cs = chain_classes();
            for (int k = 0; k < SEQ_CLASS; k++)
                if (cs[k].kind >= 0) cnnc_sb_printf(&sb, "%s, ", cs[k].name);
            if (sb.len >= 2 && sb.len < sizeof runs) runs[sb.len - 2] = '\0';
            return chain_fail_at(p, CNNC_ERR_UNSUPPORTED, cls_tok->line, cls_tok->col, "NotImplementedError",
                           "cnnc does not support nn.%.*s (it runs %s and Sequential)", tok_len(cls_tok),
                           p->src + cls_tok->begin, runs);
        }
        if (via_module)
            return FAIL_TOK(p, cls_tok, "AttributeError", "module 'torch.nn' has no attribute '%.*s'",
                            tok_len(cls_tok), p->src + cls_tok->begin);
        for (int32_t k = 0; k < p->m->n_stmts; k++)
            if ((size_t)tok_len(cls_tok) == strlen(p->m->stmts[k].name) &&
                memcmp(p->src + cls_tok->begin, p->m->stmts[k].name, (size_t)tok_len(cls_tok)) == 0)
                return chain_fail_at(p, CNNC_ERR_UNSUPPORTED, cls_tok->line, cls_tok->col, "NotImplementedError",
                               "cnnc does not reuse layers by name ('%s'); write the constructor call here",
                               p->m->stmts[k].name);
        return FAIL_TOK(p, cls_tok, "NameError", "name '%.*s' is not defined", tok_len(cls_tok), p->src + cls_tok->begin);
    }
    if (tok_is(p, peek(p), "(")) return chain_parse_call(p, cls, cls_tok, cls_tok->begin, out);
    out->kind = V_CLASS;
    out->cls = cls;
    out->line = cls_tok->line;
    out->col = cls_tok->col;
    return CNNC_OK;
}

int chain_starts_expr(const parser *p, const token *t) {
    return t->kind == T_NAME || t->kind == T_INT || t->kind == T_FLOAT || t->kind == T_STRING ||
           tok_is(p, t, "(") || tok_is(p, t, "-") || tok_is(p, t, "+");
}

static cnnc_status parse_primary(parser *p, value *out) {
    const token *t = peek(p);
    memset(out, 0, sizeof *out);
    out->line = t->line;
    out->col = t->col;
    out->cls = -1;
    switch (t->kind) {
    case T_INT:
        advance(p);
        if (t->too_big && p->eval) return overflow_error(p, out);
        out->kind = V_INT;
        out->i = t->i;
        return CNNC_OK;
    case T_FLOAT:
        advance(p);
        out->kind = V_FLOAT;
        out->f = t->f;
        return CNNC_OK;
    case T_STRING: {
        advance(p);
        const char *s = p->src;
        int32_t b = t->begin, e = t->end;
        int q = (e - b >= 6 && s[b + 1] == s[b] && s[b + 2] == s[b]) ? 3 : 1;
        out->kind = V_STR;
        out->sbeg = b + q;
        out->send = e - q;
        /* adjacent literals concatenate in Python; keep it simple and refuse that */
        if (peek(p)->kind == T_STRING) return chain_syntax_error(p, peek(p));
        return CNNC_OK;
    }
    case T_NAME:
        return parse_name(p, out);
    case T_OP:
        if (tok_is(p, t, "(")) {
            advance(p);
            if (tok_is(p, peek(p), ")")) { advance(p); out->kind = V_TUPLE; out->n = 0; return CNNC_OK; }
            value first;
            cnnc_status st = chain_parse_expr(p, &first);
            if (st) return st;
            if (tok_is(p, peek(p), ")")) { advance(p); first.line = out->line; first.col = out->col; *out = first; return CNNC_OK; }
            out->kind = V_TUPLE;
            out->n = 0;
            value cur = first;
            for (;;) {
                if (out->n < MAX_TUPLE) {
                    item *it = &out->items[out->n];
                    it->kind = cur.kind; it->i = cur.i; it->f = cur.f; it->sbeg = cur.sbeg; it->send = cur.send; it->cls = cur.cls;
                }
                if (out->n < INT32_MAX) out->n++;
                const token *sep = peek(p);
                if (tok_is(p, sep, ")")) { advance(p); return CNNC_OK; }
                if (!tok_is(p, sep, ",")) {
                    if (chain_starts_expr(p, sep))
                        return chain_fail_at(p, CNNC_ERR_PARSE, cur.line, cur.col, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?");
                    return chain_syntax_error(p, sep);
                }
                advance(p);
                if (tok_is(p, peek(p), ")")) { advance(p); return CNNC_OK; }
                if ((st = chain_parse_expr(p, &cur))) return st;
            }
        }
        return chain_syntax_error(p, t);
    default:
        return chain_syntax_error(p, t);
    }
}

static cnnc_status binop_type_error(parser *p, const value *at, const char *op, const value *a, const value *b) {
    return FAIL_VAL(p, at, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op, chain_vname(a), chain_vname(b));
}

/* a OP b for + - * / // ** with Python's int/float rules and 64-bit overflow checks. */
static cnnc_status apply_binop(parser *p, const char *op, const value *at, value *a, const value *b) {
    if (!p->eval) return CNNC_OK;
    if (!is_num(a->kind) || !is_num(b->kind)) {
        if (op[0] == '*' && op[1] == 0 && ((a->kind == V_STR && chain_is_intlike(b->kind)) || (b->kind == V_STR && chain_is_intlike(a->kind))))
            return chain_fail_at(p, CNNC_ERR_UNSUPPORTED, at->line, at->col, "NotImplementedError", "cnnc does not repeat strings");
        if (op[0] == '+' && a->kind == V_STR && b->kind == V_STR)
            return chain_fail_at(p, CNNC_ERR_UNSUPPORTED, at->line, at->col, "NotImplementedError", "cnnc does not concatenate strings");
        return binop_type_error(p, at, op, a, b);
    }
    int ints = chain_is_intlike(a->kind) && chain_is_intlike(b->kind);
    if (ints && strcmp(op, "/") != 0 && !(strcmp(op, "**") == 0 && b->i < 0)) {
        int64_t x = a->i, y = b->i, r = 0;
        int ovf = 0;
        if (!strcmp(op, "+")) ovf = __builtin_add_overflow(x, y, &r);
        else if (!strcmp(op, "-")) ovf = __builtin_sub_overflow(x, y, &r);
        else if (!strcmp(op, "*")) ovf = __builtin_mul_overflow(x, y, &r);
        else if (!strcmp(op, "//") || !strcmp(op, "%")) {
            if (y == 0) return FAIL_VAL(p, at, "ZeroDivisionError", "integer division or modulo by zero");
            if (x == INT64_MIN && y == -1) ovf = 1;
            else {
                int64_t q = x / y, m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; }
                r = op[0] == '/' ? q : m;
            }
        } else { /* ** with y >= 0 */
            r = 1;
            int64_t base = x, e = y;
            while (e > 0 && !ovf) {
                if (e & 1) ovf |= __builtin_mul_overflow(r, base, &r);
                e >>= 1;
                if (e > 0) ovf |= __builtin_mul_overflow(base, base, &base);
            }
        }
        if (ovf) return overflow_error(p, at);
        a->kind = V_INT;
        a->i = r;
        return CNNC_OK;
    }
    double x = num_f(a), y = num_f(b), r;
    if (!strcmp(op, "+")) r = x + y;
    else if (!strcmp(op, "-")) r = x - y;
    else if (!strcmp(op, "*")) r = x * y;
    else if (!strcmp(op, "/")) {
        if (y == 0.0) return FAIL_VAL(p, at, "ZeroDivisionError", "division by zero");
        r = x / y;
    } else if (!strcmp(op, "//")) {
        if (y == 0.0) return FAIL_VAL(p, at, "ZeroDivisionError", "float floor division by zero");
        r = floor(x / y);
    } else if (!strcmp(op, "%")) {
        if (y == 0.0) return FAIL_VAL(p, at, "ZeroDivisionError", "float modulo");
        r = fmod(x, y);
        if (r != 0.0 && ((r < 0) != (y < 0))) r += y;
    } else {
        if (x == 0.0 && y < 0)
            return FAIL_VAL(p, at, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
        r = pow(x, y);
    }
    if (isinf(r) && !isinf(x) && !isinf(y))
        return FAIL_VAL(p, at, "OverflowError", "(34, 'Numerical result out of range')");
    a->kind = V_FLOAT;
    a->f = r;
    return CNNC_OK;
}

/* unary := ('-' | '+')* power ; power := primary ['**' unary] */
static cnnc_status parse_unary_inner(parser *p, value *out);
static cnnc_status parse_unary(parser *p, value *out) {
    /* `**` chains nest without brackets; bound the recursion like Python's compiler */
    if (p->expr_depth >= 2 * MAX_NEST) {
        const token *t = peek(p);
        return FAIL_TOK(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
    }
    p->expr_depth++;
    cnnc_status st = parse_unary_inner(p, out);
    p->expr_depth--;
    return st;
}

static cnnc_status parse_unary_inner(parser *p, value *out) {
    int neg = 0;
    const token *first = peek(p);
    while (tok_is(p, peek(p), "-") || tok_is(p, peek(p), "+")) {
        if (tok_is(p, peek(p), "-")) neg ^= 1;
        advance(p);
    }
    int had_sign = first != peek(p);
    cnnc_status st = parse_primary(p, out);
    if (st) return st;
    if (tok_is(p, peek(p), "**")) {
        const token *op = advance(p);
        value rhs;
        if ((st = parse_unary(p, &rhs))) return st;
        value at = *out;
        at.line = op->line; at.col = op->col;
        if ((st = apply_binop(p, "**", &at, out, &rhs))) return st;
    }
    if (had_sign) {
        out->line = first->line;
        out->col = first->col;
        if (neg && p->eval) {
            if (chain_is_intlike(out->kind)) {
                if (out->i == INT64_MIN) return overflow_error(p, out);
                out->kind = V_INT;
                out->i = -out->i;
            } else if (out->kind == V_FLOAT) {
                out->f = -out->f;
            } else {
                return FAIL_VAL(p, out, "TypeError", "bad operand type for unary -: '%s'", chain_vname(out));
            }
        } else if (p->eval && !is_num(out->kind)) {
            return FAIL_VAL(p, out, "TypeError", "bad operand type for unary +: '%s'", chain_vname(out));
        }
    }
    return CNNC_OK;
}

static cnnc_status parse_term(parser *p, value *out) {
    cnnc_status st = parse_unary(p, out);
    while (!st) {
        const token *t = peek(p);
        const char *op = tok_is(p, t, "*") ? "*" : tok_is(p, t, "//") ? "//" : tok_is(p, t, "/") ? "/"
                       : tok_is(p, t, "%") ? "%" : NULL;
        if (!op) break;
        advance(p);
        value rhs;
        if ((st = parse_unary(p, &rhs))) break;
        value at = *out;
        at.line = t->line; at.col = t->col;
        st = apply_binop(p, op, &at, out, &rhs);
    }
    return st;
}

cnnc_status chain_parse_expr(parser *p, value *out) {
    cnnc_status st = parse_term(p, out);
    while (!st) {
        const token *t = peek(p);
        const char *op = tok_is(p, t, "+") ? "+" : tok_is(p, t, "-") ? "-" : NULL;
        if (!op) break;
        advance(p);
        value rhs;
        if ((st = parse_term(p, &rhs))) break;
        value at = *out;
        at.line = t->line; at.col = t->col;
        st = apply_binop(p, op, &at, out, &rhs);
    }
    return st;
}


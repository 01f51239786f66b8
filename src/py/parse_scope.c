/* parse_scope.c — a function's scope as the parser records it: the names its
 * body assigns (its locals, for UnboundLocalError), its global and nonlocal
 * names, and whether it yields. */
#include "py/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names a function body assigns (its locals), for UnboundLocalError. */
typedef struct symset { py_sym *v; int32_t n, cap; } symset;

static int symset_add(parser *p, symset *s, py_sym x) {
    for (int32_t k = 0; k < s->n; k++)
        if (s->v[k] == x) return 1;
    if (s->n == s->cap) {
        int32_t cap = s->cap ? s->cap * 2 : 8;
        py_sym *v = (py_sym *)py_alloc(&p->m->arena, (size_t)cap * sizeof *v);
        if (!v) { parser_nomem(p); return 0; }
        if (s->n) memcpy(v, s->v, (size_t)s->n * sizeof *v);
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = x;
    return 1;
}

static void target_names(parser *p, const py_node *e, symset *out) {
    if (!e) return;
    if (e->kind == PY_E_NAME) symset_add(p, out, e->v.sym);
    else if (e->kind == PY_E_TUPLE || e->kind == PY_E_LIST)
        for (int32_t k = 0; k < e->n; k++) target_names(p, e->list[k], out);
    else if (e->kind == PY_E_STARRED) target_names(p, e->a, out);
}

static void walk_expr_walrus(parser *p, const py_node *e, symset *out);

/* the names a case pattern captures (parse.c's check_pattern forms) */
static void pattern_names(parser *p, const py_node *e, symset *out) {
    if (e->kind == PY_E_NAME && strcmp(py_sym_name(p->m->syms, e->v.sym), "_")) symset_add(p, out, e->v.sym);
    if (e->kind == PY_E_KEYWORD) { symset_add(p, out, e->v.sym); pattern_names(p, e->a, out); }
    if (e->kind == PY_E_BINOP) { pattern_names(p, e->a, out); pattern_names(p, e->b, out); }
}

static void scope_walk(parser *p, py_node **body, int32_t n, symset *locals, symset *globals, int *has_yield) {
    for (int32_t i = 0; i < n; i++) {
        const py_node *s = body[i];
        switch (s->kind) {
        case PY_S_ASSIGN:
            for (int32_t k = 0; k < s->n; k++) target_names(p, s->list[k], locals);
            walk_expr_walrus(p, s->b, locals);
            break;
        case PY_S_AUGASSIGN: case PY_S_ANNASSIGN: target_names(p, s->a, locals); break;
        case PY_S_FOR: target_names(p, s->a, locals); break;
        case PY_S_WITH: {
            for (int32_t k = 0; k < s->n2; k++) target_names(p, s->x.with.targets[k], locals);
            break;
        }
        case PY_S_DEF: case PY_S_CLASS: symset_add(p, locals, s->v.sym); break;
        case PY_S_IMPORT:
            for (int32_t k = 0; k < s->x.imp.n_names; k++) {
                const py_alias *a = &s->x.imp.names[k];
                if (a->asname >= 0) symset_add(p, locals, a->asname);
                else {
                    size_t len = strcspn(a->path, ".");
                    py_sym sy = py_intern(p->m->syms, a->path, len);
                    if (sy >= 0) symset_add(p, locals, sy);
                }
            }
            break;
        case PY_S_FROM:
            for (int32_t k = 0; k < s->x.imp.n_names; k++) {
                const py_alias *a = &s->x.imp.names[k];
                py_sym sy = a->asname >= 0 ? a->asname : py_intern(p->m->syms, a->path, strlen(a->path));
                if (sy >= 0) symset_add(p, locals, sy);
            }
            break;
        case PY_S_GLOBAL: case PY_S_NONLOCAL:
            for (int32_t k = 0; k < s->x.glob.n_names; k++) symset_add(p, globals, s->x.glob.names[k]);
            break;
        case PY_S_DEL: target_names(p, s->a, locals); break;
        case PY_S_TRY:
            for (int32_t k = 0; k < s->x.tr.n_handlers; k++) {
                const py_handler *h = &s->x.tr.handlers[k];
                if (h->name >= 0) symset_add(p, locals, h->name);
                scope_walk(p, h->body, h->n_body, locals, globals, has_yield);
            }
            scope_walk(p, s->x.tr.final, s->x.tr.n_final, locals, globals, has_yield);
            break;
        case PY_S_EXPR:
            if (s->a && s->a->kind == PY_E_YIELD) *has_yield = 1;
            walk_expr_walrus(p, s->a, locals);
            break;
        default: break;
        }
        if (s->kind == PY_S_MATCH)   /* its cases (PY_S_IF nodes): their captures, then their bodies */
            for (int32_t k = 0; k < s->n; k++) pattern_names(p, s->list[k]->a, locals);
        if (s->kind == PY_S_IF || s->kind == PY_S_FOR || s->kind == PY_S_WHILE || s->kind == PY_S_TRY ||
            s->kind == PY_S_WITH || s->kind == PY_S_MATCH) {
            scope_walk(p, s->list, s->n, locals, globals, has_yield);
            scope_walk(p, s->list2, s->kind == PY_S_WITH ? 0 : s->n2, locals, globals, has_yield);
        }
    }
}

static void walk_expr_walrus(parser *p, const py_node *e, symset *out) {
    if (!e) return;
    if (e->kind == PY_E_WALRUS) target_names(p, e->a, out);
}

void parser_find_scope(parser *p, py_node *fn) {
    symset locals = {0}, globals = {0};
    int has_yield = 0;
    for (int32_t k = 0; k < fn->x.fn.n_params; k++) symset_add(p, &locals, fn->x.fn.params[k].name);
    scope_walk(p, fn->list, fn->n, &locals, &globals, &has_yield);
    /* global/nonlocal names are not locals */
    int32_t keep = 0;
    for (int32_t k = 0; k < locals.n; k++) {
        int g = 0;
        for (int32_t j = 0; j < globals.n && !g; j++) g = globals.v[j] == locals.v[k];
        if (!g) locals.v[keep++] = locals.v[k];
    }
    fn->x.fn.scope.locals = locals.v;
    fn->x.fn.scope.n_locals = keep;
    fn->x.fn.scope.globals = globals.v;
    fn->x.fn.scope.n_globals = globals.n;
    fn->x.fn.scope.has_yield = has_yield;
}


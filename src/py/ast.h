/* ast.h — the syntax tree of a Python source, as src/py/parse.c builds it
 * from lex.c's tokens. Nodes live in one arena (py_arena) freed at once;
 * names are interned symbols (py_sym) so scopes compare integers. */
#ifndef CNNC_PY_AST_H
#define CNNC_PY_AST_H

#include <stddef.h>
#include <stdint.h>

#include "cnnc/status.h"
#include "py/lex.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- arena ---- */
typedef struct py_arena_block py_arena_block;
typedef struct py_arena {
    py_arena_block *head;
    unsigned char *next, *end;  /* the free part of head's block (16-byte aligned) */
    size_t used_total, limit;   /* bytes handed out; 0 limit = unlimited */
    int failed;                 /* an allocation failed or passed the limit */
    int over_limit;             /* ... and it was the limit: a bound of cnnc's, not the machine's memory */
} py_arena;

void py_arena_init(py_arena *a, size_t limit);
void py_arena_free(py_arena *a);
/* Zeroed memory, 16-byte aligned; NULL (and a->failed) when out of memory or over the limit. */
void *py_alloc(py_arena *a, size_t bytes);
/* A new block, then the allocation (py_alloc_uninit's slow path). */
void *py_alloc_in_new_block(py_arena *a, size_t bytes);
/* The same, not zeroed: for memory the caller fills at once. Inline: the
 * parser and the evaluator make hundreds of thousands of small allocations. */
static inline void *py_alloc_uninit(py_arena *a, size_t bytes) {
    bytes = bytes ? (bytes + 15) & ~(size_t)15 : 16;
    if (a->limit && a->used_total + bytes > a->limit) { a->failed = a->over_limit = 1; return NULL; }
    if ((size_t)(a->end - a->next) < bytes) return py_alloc_in_new_block(a, bytes);
    void *p = a->next;
    a->next += bytes;
    a->used_total += bytes;
    return p;
}
char *py_strndup(py_arena *a, const char *s, size_t n);

/* ---- symbols: interned names ---- */
typedef int32_t py_sym;
typedef struct py_symtab {
    char **names;               /* by id */
    uint32_t *lens, *hashes;    /* by id: each name's length and hash_name */
    int32_t n, cap;
    int32_t *slots;             /* open addressing: id + 1, 0 empty */
    uint32_t n_slots;
    py_arena *arena;
} py_symtab;

void py_symtab_init(py_symtab *t, py_arena *a);
void py_symtab_free(py_symtab *t);
/* The id of a name (interned on first use); -1 when out of memory. */
py_sym py_intern(py_symtab *t, const char *s, size_t n);
/* The id of a name if it was ever interned, else -1. */
py_sym py_sym_find(const py_symtab *t, const char *s, size_t n);
static inline const char *py_sym_name(const py_symtab *t, py_sym s) { return s >= 0 && s < t->n ? t->names[s] : "?"; }

/* ---- nodes ---- */
typedef enum py_node_kind {
    /* expressions */
    PY_E_NAME = 1, PY_E_INT, PY_E_FLOAT, PY_E_IMAG, PY_E_STR, PY_E_BYTES, PY_E_FSTR, PY_E_NONE, PY_E_TRUE,
    PY_E_FALSE, PY_E_ELLIPSIS, PY_E_TUPLE, PY_E_LIST, PY_E_SET, PY_E_DICT, PY_E_LISTCOMP, PY_E_SETCOMP,
    PY_E_DICTCOMP, PY_E_GENEXP, PY_E_ATTR, PY_E_SUBSCRIPT, PY_E_SLICE, PY_E_CALL, PY_E_STARRED, PY_E_KEYWORD,
    PY_E_DSTAR, PY_E_BINOP, PY_E_UNARY, PY_E_AND, PY_E_OR, PY_E_NOT, PY_E_COMPARE, PY_E_IFEXP, PY_E_LAMBDA,
    PY_E_WALRUS, PY_E_YIELD, PY_E_AWAIT,
    /* statements */
    PY_S_EXPR, PY_S_ASSIGN, PY_S_AUGASSIGN, PY_S_ANNASSIGN, PY_S_PASS, PY_S_BREAK, PY_S_CONTINUE, PY_S_RETURN,
    PY_S_RAISE, PY_S_GLOBAL, PY_S_NONLOCAL, PY_S_DEL, PY_S_ASSERT, PY_S_IMPORT, PY_S_FROM, PY_S_IF, PY_S_FOR,
    PY_S_WHILE, PY_S_TRY, PY_S_WITH, PY_S_DEF, PY_S_CLASS, PY_S_MATCH
} py_node_kind;

/* Comparison operators (PY_E_COMPARE's ops[]). */
typedef enum py_cmp { PY_CMP_LT = 1, PY_CMP_GT, PY_CMP_LE, PY_CMP_GE, PY_CMP_EQ, PY_CMP_NE, PY_CMP_IN, PY_CMP_NOT_IN,
                      PY_CMP_IS, PY_CMP_IS_NOT } py_cmp;

typedef struct py_node py_node;

/* A parameter of a def or lambda. */
typedef enum py_param_kind { PY_P_POS = 0, PY_P_POSONLY, PY_P_VARARG, PY_P_KWONLY, PY_P_VARKW } py_param_kind;
typedef struct py_param {
    py_sym name;
    uint8_t kind;               /* py_param_kind */
    py_node *dflt;              /* default expression or NULL */
    py_node *annotation;
    int32_t line, col;
} py_param;

/* A comprehension's `for target in iter if cond...` clause. */
typedef struct py_comp {
    py_node *target, *iter;
    py_node **ifs;
    int32_t n_ifs;
} py_comp;

/* An except handler. */
typedef struct py_handler {
    py_node *type;              /* NULL: bare except */
    py_sym name;                /* -1: no `as` */
    py_node **body;
    int32_t n_body;
    int32_t line, col;
} py_handler;

/* An import name: dotted path (module) and alias. */
typedef struct py_alias {
    const char *path;           /* "torch.nn" (arena string) */
    py_sym asname;              /* -1: none */
    int32_t line, col;
} py_alias;

/* A function's scope facts, found once after parsing. */
typedef struct py_scope_info {
    py_sym *locals;             /* names assigned in the body (not global/nonlocal) */
    int32_t n_locals;
    py_sym *globals;            /* declared global */
    int32_t n_globals;
    int has_yield;
} py_scope_info;

struct py_node {
    uint8_t kind;               /* py_node_kind */
    uint8_t op;                 /* PY_E_BINOP/UNARY/S_AUGASSIGN: a py_op */
    uint16_t flags;
    int32_t line, col;          /* where it starts (1-based, col in characters) */
    int32_t begin, end;         /* byte span in the source */
    py_node *a, *b, *c;         /* children: see each kind in parse.c */
    py_node **list;             /* elements, arguments, body ... */
    int32_t n;
    py_node **list2;            /* orelse, keywords, ... */
    int32_t n2;
    union {
        int64_t i;              /* PY_E_INT */
        double f;               /* PY_E_FLOAT, PY_E_IMAG */
        struct { const char *s; int32_t len; } str; /* PY_E_STR/BYTES (decoded), PY_E_FSTR (raw body) */
        py_sym sym;             /* PY_E_NAME, PY_E_ATTR (the attribute), PY_E_KEYWORD, def/class name */
    } v;
    /* kind-specific extras */
    union {
        struct { py_param *params; int32_t n_params; py_scope_info scope; py_node **decorators; int32_t n_decorators; } fn;
        struct { py_comp *comps; int32_t n_comps; } comp;
        struct { uint8_t *ops; } cmp;
        struct { py_handler *handlers; int32_t n_handlers; py_node **final; int32_t n_final; } tr;
        struct { py_alias *names; int32_t n_names; const char *module; int32_t level; } imp;
        struct { py_sym *names; int32_t n_names; } glob;
        struct { py_node **decorators; int32_t n_decorators; } cls;
        struct { py_node **targets; } with;     /* aligned with list2 (NULL entries: no `as`) */
        struct { int32_t line, col; } fstr;      /* PY_E_FSTR: where the literal starts */
        struct { int32_t line, col; } pos;       /* PY_E_ATTR: the attribute's name; PY_E_BINOP: the operator */
    } x;
};

/* Flags */
#define PY_F_BIG_INT     0x1u   /* PY_E_INT beyond int64 */
#define PY_F_PAREN       0x2u   /* a parenthesised expression (tuples: written with parentheses) */
#define PY_F_ASYNC       0x4u   /* async def / for / with */
#define PY_F_IMPORT_STAR 0x8u   /* from m import * */
#define PY_F_KWONLY_STAR 0x10u  /* def f(a, *, b) */

/* A parsed module. */
typedef struct py_module {
    py_arena arena;
    py_symtab own_syms;
    py_symtab *syms;            /* own_syms, or a table shared by several sources */
    py_lexed lex;
    const char *path;
    py_node **body;
    int32_t n_body;
} py_module;

/* Parse a whole source (text must outlive the module). On a SyntaxError or
 * IndentationError returns CNNC_ERR_PARSE with Python's type, message, line
 * and column in err (err->file = path). Constructs Python takes but cnnc's
 * parser does not know come back as CNNC_ERR_UNSUPPORTED naming the line. */
cnnc_status py_parse(py_module *m, const char *text, size_t len, const char *path, cnnc_error *err);
/* The same, interning names into `shared` (sources an interpreter runs together). */
cnnc_status py_parse_shared(py_module *m, const char *text, size_t len, const char *path, py_symtab *shared,
                            cnnc_error *err);
void py_module_free(py_module *m);

/* Parse one expression list from `text` (an f-string's field), reported at
 * line/col; NULL on a syntax error. The text must live as long as the module. */
py_node *py_parse_fragment(py_module *m, const char *text, int32_t len, int32_t line, int32_t col);

#ifdef __cplusplus
}
#endif
#endif

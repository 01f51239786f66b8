/* arena.c — the syntax tree's and the interpreter's memory (one arena per
 * source, freed at once) and interned names (ast.h). */
#include "py/ast.h"

#include <stdlib.h>
#include <string.h>

struct py_arena_block {
    py_arena_block *next;
    size_t used, cap;
    /* data follows, 16-byte aligned */
};

#define BLOCK_MIN ((size_t)64 << 10)

void py_arena_init(py_arena *a, size_t limit) {
    memset(a, 0, sizeof *a);
    a->limit = limit;
}

void py_arena_free(py_arena *a) {
    py_arena_block *b = a->head;
    while (b) {
        py_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *py_alloc(py_arena *a, size_t bytes) {
    void *p = py_alloc_uninit(a, bytes);
    if (p) memset(p, 0, (bytes + 15) & ~(size_t)15);
    return p;
}

void *py_alloc_uninit(py_arena *a, size_t bytes) {
    bytes = (bytes + 15) & ~(size_t)15;
    if (bytes == 0) bytes = 16;
    if (a->limit && a->used_total + bytes > a->limit) { a->failed = 1; return NULL; }
    py_arena_block *b = a->head;
    if (!b || b->cap - b->used < bytes) {
        size_t cap = bytes > BLOCK_MIN ? bytes : BLOCK_MIN;
        if (b && b->cap * 2 > cap && b->cap < ((size_t)8 << 20)) cap = b->cap * 2;
        py_arena_block *nb = (py_arena_block *)malloc(sizeof(py_arena_block) + 16 + cap);
        if (!nb) { a->failed = 1; return NULL; }
        nb->used = 0;
        nb->cap = cap;
        nb->next = a->head;
        a->head = b = nb;
    }
    unsigned char *base = (unsigned char *)(b + 1);
    base += (16 - ((uintptr_t)base & 15)) & 15;
    void *p = base + b->used;
    b->used += bytes;
    a->used_total += bytes;
    return p;
}

char *py_strndup(py_arena *a, const char *s, size_t n) {
    char *p = (char *)py_alloc_uninit(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---- symbols ---- */

static uint32_t hash_name(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) h = (h ^ (unsigned char)s[k]) * 16777619u;
    return h;
}

void py_symtab_init(py_symtab *t, py_arena *a) {
    memset(t, 0, sizeof *t);
    t->arena = a;
}

void py_symtab_free(py_symtab *t) {
    free(t->names);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static int grow_slots(py_symtab *t) {
    uint32_t ns = t->n_slots ? t->n_slots * 2 : 256;
    int32_t *slots = (int32_t *)calloc(ns, sizeof *slots);
    if (!slots) return 0;
    for (int32_t id = 0; id < t->n; id++) {
        uint32_t h = hash_name(t->names[id], strlen(t->names[id])) & (ns - 1);
        while (slots[h]) h = (h + 1) & (ns - 1);
        slots[h] = id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = ns;
    return 1;
}

py_sym py_sym_find(const py_symtab *t, const char *s, size_t n) {
    if (!t->n_slots) return -1;
    uint32_t h = hash_name(s, n) & (t->n_slots - 1);
    while (t->slots[h]) {
        const char *name = t->names[t->slots[h] - 1];
        if (strlen(name) == n && memcmp(name, s, n) == 0) return t->slots[h] - 1;
        h = (h + 1) & (t->n_slots - 1);
    }
    return -1;
}

py_sym py_intern(py_symtab *t, const char *s, size_t n) {
    py_sym found = py_sym_find(t, s, n);
    if (found >= 0) return found;
    if ((uint32_t)(t->n + 1) * 2 > t->n_slots && !grow_slots(t)) return -1;
    if (t->n == t->cap) {
        int32_t cap = t->cap ? t->cap * 2 : 256;
        char **names = (char **)realloc(t->names, (size_t)cap * sizeof *names);
        if (!names) return -1;
        t->names = names;
        t->cap = cap;
    }
    char *copy = py_strndup(t->arena, s, n);
    if (!copy) return -1;
    t->names[t->n] = copy;
    uint32_t h = hash_name(s, n) & (t->n_slots - 1);
    while (t->slots[h]) h = (h + 1) & (t->n_slots - 1);
    t->slots[h] = t->n + 1;
    return t->n++;
}

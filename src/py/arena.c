/* arena.c — the syntax tree's and the interpreter's memory (one arena per
 * source, freed at once) and interned names (ast.h). */
#include "py/ast.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct py_arena_block {
    py_arena_block *next;
    size_t cap;
    /* data follows, 16-byte aligned */
};

#define BLOCK_MIN ((size_t)64 << 10)

/* Freed blocks are kept per thread for the next arena, up to CACHE_BYTES: a
 * many-file check makes one arena per source, and fresh blocks cost malloc,
 * mmap and page faults each time. A thread's cache is freed when it exits.
 * AddressSanitizer builds keep none, so a block used after its arena is
 * freed is still caught. */
#if defined(__has_feature)   /* clang says it here, gcc by __SANITIZE_ADDRESS__ */
#if __has_feature(address_sanitizer)
#define ARENA_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(ARENA_UNDER_ASAN)
#define CACHE_BYTES 0
#else
#define CACHE_BYTES ((size_t)4 << 20)
#endif

typedef struct block_cache {
    py_arena_block *head;
    size_t bytes;
} block_cache;

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static int cache_key_ok;

static void cache_release(void *p) {
    block_cache *c = (block_cache *)p;
    while (c->head) {
        py_arena_block *next = c->head->next;
        free(c->head);
        c->head = next;
    }
    free(c);
}

static void cache_key_init(void) { cache_key_ok = pthread_key_create(&cache_key, cache_release) == 0; }

/* This thread's cache, made on first use; NULL when there is none. */
static block_cache *this_cache(int make) {
    if (!CACHE_BYTES || pthread_once(&cache_once, cache_key_init) || !cache_key_ok) return NULL;
    block_cache *c = (block_cache *)pthread_getspecific(cache_key);
    if (!c && make) {
        c = (block_cache *)calloc(1, sizeof *c);
        if (c && pthread_setspecific(cache_key, c)) { free(c); c = NULL; }
    }
    return c;
}

/* A cached block of at least cap bytes, or a new one. */
static py_arena_block *block_take(size_t cap) {
    block_cache *c = this_cache(0);
    for (py_arena_block **at = c ? &c->head : NULL; at && *at; at = &(*at)->next) {
        py_arena_block *b = *at;
        if (b->cap < cap) continue;
        *at = b->next;
        c->bytes -= b->cap;
        return b;
    }
    py_arena_block *b = (py_arena_block *)malloc(sizeof(py_arena_block) + 16 + cap);
    if (b) b->cap = cap;
    return b;
}

static void block_give(py_arena_block *b) {
    block_cache *c = this_cache(1);
    if (c && c->bytes + b->cap <= CACHE_BYTES) {
        b->next = c->head;
        c->head = b;
        c->bytes += b->cap;
    } else {
        free(b);
    }
}

void py_arena_init(py_arena *a, size_t limit) {
    memset(a, 0, sizeof *a);
    a->limit = limit;
}

void py_arena_free(py_arena *a) {
    py_arena_block *b = a->head;
    while (b) {
        py_arena_block *next = b->next;
        block_give(b);
        b = next;
    }
    a->head = NULL;
    a->next = a->end = NULL;
    a->used_total = 0;
}

void *py_alloc(py_arena *a, size_t bytes) {
    void *p = py_alloc_uninit(a, bytes);
    if (p) memset(p, 0, (bytes + 15) & ~(size_t)15);
    return p;
}

void *py_alloc_in_new_block(py_arena *a, size_t bytes) {
    /* bytes is rounded and within the limit (py_alloc_uninit checked) */
    py_arena_block *b = a->head;
    size_t cap = bytes > BLOCK_MIN ? bytes : BLOCK_MIN;
    if (b && b->cap * 2 > cap && b->cap < ((size_t)8 << 20)) cap = b->cap * 2;
    py_arena_block *nb = block_take(cap);
    if (!nb) { a->failed = 1; return NULL; }
    nb->next = a->head;
    a->head = nb;
    unsigned char *base = (unsigned char *)(nb + 1);
    base += (16 - ((uintptr_t)base & 15)) & 15;
    a->next = base + bytes;
    a->end = base + nb->cap;
    a->used_total += bytes;
    return base;
}

char *py_strndup(py_arena *a, const char *s, size_t n) {
    char *p = (char *)py_alloc_uninit(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---- symbols ---- */

/* Eight bytes per multiply (names are short, and interning them was 5% of a
 * many-file check with a byte-at-a-time hash). Only equality of names is
 * observable: ids are handed out in order of first use. */
static uint32_t hash_name(const char *s, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    for (size_t k = 0; k < n; k++) w |= (uint64_t)(unsigned char)s[k] << (8 * k);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return (uint32_t)(h ^ (h >> 29));
}

void py_symtab_init(py_symtab *t, py_arena *a) {
    memset(t, 0, sizeof *t);
    t->arena = a;
}

void py_symtab_free(py_symtab *t) {
    free(t->names);
    free(t->lens);
    free(t->hashes);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static int grow_slots(py_symtab *t) {
    uint32_t ns = t->n_slots ? t->n_slots * 2 : 1024;
    int32_t *slots = (int32_t *)calloc(ns, sizeof *slots);
    if (!slots) return 0;
    for (int32_t id = 0; id < t->n; id++) {
        uint32_t h = t->hashes[id] & (ns - 1);
        while (slots[h]) h = (h + 1) & (ns - 1);
        slots[h] = id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = ns;
    return 1;
}

static py_sym find_hashed(const py_symtab *t, const char *s, size_t n, uint32_t hash) {
    if (!t->n_slots) return -1;
    uint32_t h = hash & (t->n_slots - 1);
    while (t->slots[h]) {
        int32_t id = t->slots[h] - 1;
        if (t->hashes[id] == hash && t->lens[id] == (uint32_t)n && memcmp(t->names[id], s, n) == 0) return id;
        h = (h + 1) & (t->n_slots - 1);
    }
    return -1;
}

py_sym py_sym_find(const py_symtab *t, const char *s, size_t n) { return find_hashed(t, s, n, hash_name(s, n)); }

py_sym py_intern(py_symtab *t, const char *s, size_t n) {
    const uint32_t hash = hash_name(s, n);
    py_sym found = find_hashed(t, s, n, hash);
    if (found >= 0) return found;
    if (n > UINT32_MAX) return -1;
    if ((uint32_t)(t->n + 1) * 2 > t->n_slots && !grow_slots(t)) return -1;
    if (t->n == t->cap) {
        int32_t cap = t->cap ? t->cap * 2 : 512;
        char **names = (char **)realloc(t->names, (size_t)cap * sizeof *names);
        if (names) t->names = names;
        uint32_t *lens = names ? (uint32_t *)realloc(t->lens, (size_t)cap * sizeof *lens) : NULL;
        if (lens) t->lens = lens;
        uint32_t *hashes = lens ? (uint32_t *)realloc(t->hashes, (size_t)cap * sizeof *hashes) : NULL;
        if (!hashes) return -1;
        t->hashes = hashes;
        t->cap = cap;
    }
    char *copy = py_strndup(t->arena, s, n);
    if (!copy) return -1;
    t->names[t->n] = copy;
    t->lens[t->n] = (uint32_t)n;
    t->hashes[t->n] = hash;
    uint32_t h = hash & (t->n_slots - 1);
    while (t->slots[h]) h = (h + 1) & (t->n_slots - 1);
    t->slots[h] = t->n + 1;
    return t->n++;
}

/* alloc_shim.c — see alloc_shim.h. Live blocks are kept in a fixed
 * open-addressing table (no allocation inside the allocator); a mutex guards
 * it because OpenMP worker threads may allocate too. */
#define _GNU_SOURCE
#include "alloc_shim.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
void *__real_aligned_alloc(size_t a, size_t n);
char *__real_strdup(const char *s);
void __real_free(void *p);

#define TABLE (1u << 20)
static void *live_table[TABLE];
static long live_count;
static long attempts, fail_at;
static int injected;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
#define TOMB ((void *)1)

static size_t slot_of(const void *p) { return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull) & (TABLE - 1); }

static void track(void *p) {
    if (!p) return;
    size_t i = slot_of(p);
    while (live_table[i] && live_table[i] != TOMB) i = (i + 1) & (TABLE - 1);
    live_table[i] = p;
    live_count++;
}

static void untrack(void *p) {
    if (!p) return;
    size_t i = slot_of(p);
    for (size_t probes = 0; live_table[i] && probes < TABLE; probes++, i = (i + 1) & (TABLE - 1))
        if (live_table[i] == p) {
            live_table[i] = TOMB;
            live_count--;
            return;
        }
    /* Not ours (e.g. a block libc's getline allocated): nothing to do. */
}

/* Counts one attempt; nonzero when this one must fail. */
static int should_fail(void) {
    long n = ++attempts;
    if (fail_at > 0 && n == fail_at) {
        injected = 1;
        /* CNNC_FAULT_BACKTRACE=FILE: append where each failed allocation was asked
         * for (the tests capture stderr; backtrace_symbols_fd does not allocate) */
        const char *bt = getenv("CNNC_FAULT_BACKTRACE");
        int fd = bt ? open(bt, O_WRONLY | O_CREAT | O_APPEND, 0644) : -1;
        if (fd >= 0) {
            void *frames[24];
            dprintf(fd, "--- allocation %ld\n", n);
            backtrace_symbols_fd(frames, backtrace(frames, 24), fd);
            close(fd);
        }
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void shim_arm(long n) {
    pthread_mutex_lock(&lock);
    attempts = 0;
    fail_at = n;
    injected = 0;
    pthread_mutex_unlock(&lock);
}
void shim_disarm(void) { fail_at = 0; }
long shim_count(void) { return attempts; }
int shim_injected(void) { return injected; }
long shim_live(void) { return live_count; }

void *__wrap_malloc(size_t n) {
    pthread_mutex_lock(&lock);
    void *p = should_fail() ? NULL : __real_malloc(n);
    track(p);
    pthread_mutex_unlock(&lock);
    return p;
}

void *__wrap_calloc(size_t k, size_t n) {
    pthread_mutex_lock(&lock);
    void *p = should_fail() ? NULL : __real_calloc(k, n);
    track(p);
    pthread_mutex_unlock(&lock);
    return p;
}

void *__wrap_realloc(void *old, size_t n) {
    pthread_mutex_lock(&lock);
    void *p = NULL;
    if (!should_fail()) {   /* a failed realloc leaves `old` allocated, as the real one does */
        p = __real_realloc(old, n);
        if (p || n == 0) untrack(old);
        track(p);
    }
    pthread_mutex_unlock(&lock);
    return p;
}

void *__wrap_aligned_alloc(size_t a, size_t n) {
    pthread_mutex_lock(&lock);
    void *p = should_fail() ? NULL : __real_aligned_alloc(a, n);
    track(p);
    pthread_mutex_unlock(&lock);
    return p;
}

char *__wrap_strdup(const char *s) {
    pthread_mutex_lock(&lock);
    char *p = should_fail() ? NULL : __real_strdup(s);
    track(p);
    pthread_mutex_unlock(&lock);
    return p;
}

void __wrap_free(void *p) {
    if (!p) return;
    pthread_mutex_lock(&lock);
    untrack(p);
    pthread_mutex_unlock(&lock);
    __real_free(p);
}

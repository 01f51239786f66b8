/* vec.c — growth for vec.h. */
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

int cnnc_vec_reserve(void **ptr, int32_t *cap, int64_t need, size_t elem) {
    if (need <= *cap) return 1;
    if (need > INT32_MAX / 2) return 0;
    int64_t nc = *cap > 0 ? *cap : 8;
    while (nc < need) nc *= 2;
    if ((size_t)nc > ((size_t)-1) / elem) return 0;
    void *np = realloc(*ptr, (size_t)nc * elem);
    if (!np) return 0;
    *ptr = np;
    *cap = (int32_t)nc;
    return 1;
}

void *cnnc_vec_zero_(void *p, size_t bytes) { return memset(p, 0, bytes); }

/* str.c — bounded string copies without printf (see str.h). */
#include "base/str.h"

#include <string.h>

size_t cnnc_str_copyn(char *dst, size_t cap, const char *src, size_t n) {
    size_t len = strnlen(src, n);
    if (cap == 0) return len;
    size_t k = len < cap - 1 ? len : cap - 1;
    memcpy(dst, src, k);
    dst[k] = '\0';
    return len;
}

size_t cnnc_str_copy(char *dst, size_t cap, const char *src) { return cnnc_str_copyn(dst, cap, src, strlen(src)); }

size_t cnnc_str_join(char *dst, size_t cap, const char *a, const char *b) {
    size_t la = cnnc_str_copy(dst, cap, a), lb = strlen(b);
    if (cap > 0 && la < cap - 1) cnnc_str_copy(dst + la, cap - la, b);
    return la + lb;
}

size_t cnnc_str_int(char *dst, size_t cap, long long v) {
    char tmp[24];
    int k = (int)sizeof tmp;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    tmp[--k] = '\0';
    do { tmp[--k] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) tmp[--k] = '-';
    return cnnc_str_copy(dst, cap, tmp + k);
}

/* str.h — bounded string copies without printf. Linking OpenBLAS brings in
 * libquadmath, whose printf hooks send every snprintf through glibc's slow
 * positional path (about 1.7x slower); the .py reader copies names on every
 * call it traces, so its hot paths use these instead. Each truncates to fit
 * cap (cap > 0), always terminates, and returns the length it wanted. */
#ifndef CNNC_BASE_STR_H
#define CNNC_BASE_STR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* snprintf(dst, cap, "%.*s", n, src) for the first n bytes of src (stops at a NUL). */
size_t cnnc_str_copyn(char *dst, size_t cap, const char *src, size_t n);
/* snprintf(dst, cap, "%s", src) */
size_t cnnc_str_copy(char *dst, size_t cap, const char *src);
/* snprintf(dst, cap, "%s%s", a, b) */
size_t cnnc_str_join(char *dst, size_t cap, const char *a, const char *b);
/* snprintf(dst, cap, "%lld", v) */
size_t cnnc_str_int(char *dst, size_t cap, long long v);

#ifdef __cplusplus
}
#endif
#endif

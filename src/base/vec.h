/* vec.h — the one growable array: a pointer, a count and a capacity kept by
 * the owner, grown by doubling. CNNC_VEC_PUSH evaluates to a pointer to the
 * new (zeroed) last element, or NULL when memory ran out (the array is then
 * unchanged). */
#ifndef CNNC_BASE_VEC_H
#define CNNC_BASE_VEC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Make *ptr hold at least `need` elements of `elem` bytes; 0 on failure. */
int cnnc_vec_reserve(void **ptr, int32_t *cap, int64_t need, size_t elem);

/* Room left: no call to grow (the lexer pushes a token per few bytes of source). */
#define CNNC_VEC_PUSH(ptr, count, cap)                                                       \
    (((int64_t)(count) < (int64_t)(cap) ||                                                   \
      cnnc_vec_reserve((void **)&(ptr), &(cap), (int64_t)(count) + 1, sizeof *(ptr)))        \
         ? cnnc_vec_zero_((ptr) + (count)++, sizeof *(ptr))                                  \
         : NULL)

void *cnnc_vec_zero_(void *p, size_t bytes);

#ifdef __cplusplus
}
#endif
#endif

/* strbuf.h — the one string builder. Two modes: growing (heap, doubles as
 * needed; the first allocation failure latches `failed`) and fixed (writes
 * into a caller's buffer, truncates, and still counts the full length, as
 * snprintf does). Both keep the text NUL-terminated. */
#ifndef CNNC_BASE_STRBUF_H
#define CNNC_BASE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_strbuf {
    char *p;
    size_t len;   /* characters the text has (fixed mode: may exceed cap - 1) */
    size_t cap;
    int fixed;    /* 1: p is the caller's buffer of cap bytes, never reallocated */
    int failed;   /* growing mode: an allocation failed; the text stops there */
} cnnc_strbuf;

/* A growing builder: zero-initialise it ({0}) or call this. */
void cnnc_sb_init(cnnc_strbuf *sb);
/* A fixed builder over buf[cap] (buf may be NULL with cap 0: counts only). */
void cnnc_sb_fixed(cnnc_strbuf *sb, char *buf, size_t cap);
void cnnc_sb_printf(cnnc_strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cnnc_sb_vprintf(cnnc_strbuf *sb, const char *fmt, va_list ap);
void cnnc_sb_putn(cnnc_strbuf *sb, const char *s, size_t n);
void cnnc_sb_puts(cnnc_strbuf *sb, const char *s);
/* Growing mode: hand the text over (malloc'd, NUL-terminated) and reset the
 * builder; NULL when an allocation failed (the partial text is freed). */
char *cnnc_sb_take(cnnc_strbuf *sb);
/* Growing mode: free the text. */
void cnnc_sb_free(cnnc_strbuf *sb);

#ifdef __cplusplus
}
#endif
#endif

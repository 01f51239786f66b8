/* strbuf.c — the string builder (see strbuf.h). */
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cnnc_sb_init(cnnc_strbuf *sb) { memset(sb, 0, sizeof *sb); }

void cnnc_sb_fixed(cnnc_strbuf *sb, char *buf, size_t cap) {
    memset(sb, 0, sizeof *sb);
    sb->p = buf;
    sb->cap = buf ? cap : 0;
    sb->fixed = 1;
    if (sb->p && sb->cap) sb->p[0] = '\0';
}

/* Growing mode: room for `more` characters plus the NUL. */
static int reserve(cnnc_strbuf *sb, size_t more) {
    if (sb->failed) return 0;
    if (sb->p && sb->len + more < sb->cap) return 1;
    size_t cap = sb->cap ? sb->cap : 256;
    while (cap <= sb->len + more) {
        if (cap > ((size_t)-1) / 2) { sb->failed = 1; return 0; }
        cap *= 2;
    }
    char *np = (char *)realloc(sb->p, cap);
    if (!np) { sb->failed = 1; return 0; }
    sb->p = np;
    sb->cap = cap;
    return 1;
}

void cnnc_sb_putn(cnnc_strbuf *sb, const char *s, size_t n) {
    if (sb->fixed) {
        if (sb->len + 1 < sb->cap) {
            size_t room = sb->cap - 1 - sb->len;
            memcpy(sb->p + sb->len, s, n < room ? n : room);
            sb->p[sb->len + (n < room ? n : room)] = '\0';
        }
        sb->len += n;
        return;
    }
    if (!reserve(sb, n)) return;
    memcpy(sb->p + sb->len, s, n);
    sb->len += n;
    sb->p[sb->len] = '\0';
}

void cnnc_sb_puts(cnnc_strbuf *sb, const char *s) { cnnc_sb_putn(sb, s, strlen(s)); }

void cnnc_sb_vprintf(cnnc_strbuf *sb, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    if (sb->fixed) {
        size_t room = sb->len < sb->cap ? sb->cap - sb->len : 0;
        int w = vsnprintf(room ? sb->p + sb->len : NULL, room, fmt, ap2);
        va_end(ap2);
        if (w > 0) sb->len += (size_t)w;
        return;
    }
    char small[256];
    int w = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (w < 0) { sb->failed = 1; return; }
    if ((size_t)w < sizeof small) { cnnc_sb_putn(sb, small, (size_t)w); return; }
    if (!reserve(sb, (size_t)w)) return;
    vsnprintf(sb->p + sb->len, (size_t)w + 1, fmt, ap);
    sb->len += (size_t)w;
}

void cnnc_sb_printf(cnnc_strbuf *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    cnnc_sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

char *cnnc_sb_take(cnnc_strbuf *sb) {
    char *p = sb->p;
    if (sb->failed) { free(p); p = NULL; }
    else if (!p) { p = (char *)malloc(1); if (p) p[0] = '\0'; }
    memset(sb, 0, sizeof *sb);
    return p;
}

void cnnc_sb_free(cnnc_strbuf *sb) {
    if (!sb->fixed) free(sb->p);
    memset(sb, 0, sizeof *sb);
}

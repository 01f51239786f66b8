/* image.c — single images for `cnnc predict`: 8-bit PGM (P2 ASCII, P5 binary,
 * maxval <= 255, # comments) and PNG through libpng's simplified API, which
 * converts any colour type (palette, RGB, alpha, 16-bit) to 8-bit gray. */
#include "cnnc/io.h"

#include <png.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/image_codec.h"
#include "io/io_util.h"


/* A size the caller asked for (want_w 0: any), checked from the header before
 * any pixel is decoded: a 16384x16384 PNG of a few hundred KB is refused
 * before it becomes 268 MB of pixels. */
static cnnc_status check_size(const char *path, long w, long h, int32_t want_w, int32_t want_h, cnnc_error *err) {
    if (!want_w || (w == want_w && h == want_h)) return CNNC_OK;
    if (err) snprintf(err->file, sizeof err->file, "%s", path);
    return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError", "%s: image is %ldx%ld but the model takes %dx%d", path, w,
                          h, want_w, want_h);
}

/* ---- PGM ---- */

typedef struct pgm_cursor { const unsigned char *s; size_t n, i; } pgm_cursor;

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/* Skip whitespace and '#' comments (to end of line). */
static void pgm_skip(pgm_cursor *c) {
    while (c->i < c->n) {
        if (is_space(c->s[c->i])) c->i++;
        else if (c->s[c->i] == '#') while (c->i < c->n && c->s[c->i] != '\n' && c->s[c->i] != '\r') c->i++;
        else break;
    }
}

static int pgm_uint(pgm_cursor *c, long *out) {
    pgm_skip(c);
    if (c->i >= c->n || c->s[c->i] < '0' || c->s[c->i] > '9') return 0;
    long v = 0;
    while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
        v = v * 10 + (c->s[c->i] - '0');
        if (v > 1000000) return 0;
        c->i++;
    }
    *out = v;
    return 1;
}

static cnnc_status load_pgm(const char *path, const unsigned char *s, size_t n, int32_t want_w, int32_t want_h,
                            uint8_t **pixels, int32_t *w_out, int32_t *h_out, cnnc_error *err) {
    pgm_cursor c = {s, n, 2};
    int binary = s[1] == '5';
    long w = 0, h = 0, maxval = 0;
    if (!pgm_uint(&c, &w) || !pgm_uint(&c, &h) || !pgm_uint(&c, &maxval))
        return cnnc_io_format_error(err, path, "bad PGM header: expected width, height and maxval");
    if (w < 1 || h < 1 || w > CNNC_CODEC_MAX_SIDE || h > CNNC_CODEC_MAX_SIDE)
        return cnnc_io_format_error(err, path, "bad PGM header: size %ldx%ld (each side must be 1..%d)", w, h,
                                    CNNC_CODEC_MAX_SIDE);
    if (maxval < 1 || maxval > 255)
        return cnnc_io_format_error(err, path, "PGM maxval %ld is not supported (only 8-bit gray: 1..255)", maxval);
    cnnc_status sized = check_size(path, w, h, want_w, want_h, err);
    if (sized != CNNC_OK) return sized;
    size_t count = (size_t)w * (size_t)h;
    uint8_t *px = malloc(count);
    if (!px) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %s", count, path);
    if (binary) {
        /* exactly one whitespace byte separates maxval from the raster */
        if (c.i >= n || !is_space(s[c.i])) {
            free(px);
            return cnnc_io_format_error(err, path, "bad PGM header: no whitespace after maxval");
        }
        c.i++;
        if (n - c.i < count) {
            free(px);
            return cnnc_io_format_error(err, path, "truncated: expected %zu pixels, got %zu", count, n - c.i);
        }
        memcpy(px, s + c.i, count);
        for (size_t k = 0; k < count; k++) {
            if (px[k] > maxval) {
                unsigned v = px[k];
                free(px);
                return cnnc_io_format_error(err, path, "pixel %zu is %u, above maxval %ld", k, v, maxval);
            }
        }
    } else {
        for (size_t k = 0; k < count; k++) {
            long v = 0;
            if (!pgm_uint(&c, &v)) {
                free(px);
                return cnnc_io_format_error(err, path, "truncated or bad P2 data: expected %zu pixels, got %zu", count,
                                            k);
            }
            if (v > maxval) {
                free(px);
                return cnnc_io_format_error(err, path, "pixel %zu is %ld, above maxval %ld", k, v, maxval);
            }
            px[k] = (uint8_t)v;
        }
    }
    if (maxval != 255)
        for (size_t k = 0; k < count; k++) px[k] = (uint8_t)((px[k] * 255 + maxval / 2) / maxval);
    *pixels = px;
    *w_out = (int32_t)w;
    *h_out = (int32_t)h;
    return CNNC_OK;
}

/* ---- PNG ---- */

static cnnc_status load_png(const char *path, const unsigned char *s, size_t n, int32_t want_w, int32_t want_h,
                            uint8_t **pixels, int32_t *w_out, int32_t *h_out, cnnc_error *err) {
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&img, s, n)) {
        cnnc_status st = cnnc_io_format_error(err, path, "bad PNG: %s", img.message);
        png_image_free(&img);
        return st;
    }
    if (img.width < 1 || img.height < 1 || img.width > CNNC_CODEC_MAX_SIDE || img.height > CNNC_CODEC_MAX_SIDE) {
        cnnc_status st = cnnc_io_format_error(err, path, "PNG size %ux%u is not supported (each side 1..%d)", img.width,
                                              img.height, CNNC_CODEC_MAX_SIDE);
        png_image_free(&img);
        return st;
    }
    cnnc_status sized = check_size(path, (long)img.width, (long)img.height, want_w, want_h, err);
    if (sized != CNNC_OK) {
        png_image_free(&img);
        return sized;
    }
    img.format = PNG_FORMAT_GRAY;   /* libpng converts colour, palette, alpha (onto black) and 16-bit */
    size_t count = (size_t)img.width * img.height;
    /* Without a colour-mapped format libpng composites alpha onto what the
     * buffer holds: start from black, MNIST's background. */
    uint8_t *px = calloc(count, 1);
    if (!px) {
        png_image_free(&img);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %s", count, path);
    }
    png_color black = {0, 0, 0};
    if (!png_image_finish_read(&img, &black, px, (png_int_32)img.width, NULL)) {
        cnnc_status st = cnnc_io_format_error(err, path, "bad PNG: %s", img.message);
        free(px);
        png_image_free(&img);
        return st;
    }
    *pixels = px;
    *w_out = (int32_t)img.width;
    *h_out = (int32_t)img.height;
    return CNNC_OK;
}

cnnc_status cnnc_image_load_gray(const char *path, uint8_t **pixels, int32_t *width, int32_t *height,
                                 cnnc_error *err) {
    return cnnc_image_load_gray_sized(path, 0, 0, pixels, width, height, err);
}

cnnc_status cnnc_image_load_gray_sized(const char *path, int32_t want_w, int32_t want_h, uint8_t **pixels,
                                       int32_t *width, int32_t *height, cnnc_error *err) {
    if (!path || !pixels || !width || !height)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_image_load_gray: NULL argument");
    *pixels = NULL;
    *width = *height = 0;
    unsigned char *buf = NULL;
    size_t n = 0;
    cnnc_status st = cnnc_image_read_file(path, &buf, &n, err);
    if (st != CNNC_OK) return st;
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n >= 8 && memcmp(buf, png_sig, 8) == 0)
        st = load_png(path, buf, n, want_w, want_h, pixels, width, height, err);
    else if (n >= 2 && buf[0] == 'P' && (buf[1] == '2' || buf[1] == '5'))
        st = load_pgm(path, buf, n, want_w, want_h, pixels, width, height, err);
    else if (n >= 2 && buf[0] == 'P' && buf[1] >= '1' && buf[1] <= '7')
        st = cnnc_io_format_error(err, path, "Netpbm type P%c is not supported: use an 8-bit grayscale PGM (P2 or P5) or a PNG",
                                  buf[1]);
    else
        st = cnnc_io_format_error(err, path, "unknown image format: expected a PNG or an 8-bit grayscale PGM (P2/P5)");
    free(buf);
    return st;
}

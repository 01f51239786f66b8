/* image_codec.c — PNG (libpng's simplified API) and JPEG (libjpeg) files as 8-bit
 * gray or RGB planes for the ImageFolder reader. The header is read first and
 * checked (size, bit depth, colour model) before any pixel buffer is allocated.
 * Pixels are the file's own 8-bit values, as PIL gives them: no gamma or colour
 * conversion, alpha dropped (not composited), gray replicated into RGB. */
#include "io/image_codec.h"

#include "cnnc/io.h"

#include <stdio.h>   /* before jpeglib.h, which uses FILE */

#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/io_util.h"

enum { KIND_UNKNOWN, KIND_PNG, KIND_JPEG };

static int kind_of(const unsigned char *b, size_t n) {
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n >= 8 && memcmp(b, png_sig, 8) == 0) return KIND_PNG;
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return KIND_JPEG;
    return KIND_UNKNOWN;
}

static cnnc_status unknown_format(const char *path, cnnc_error *err) {
    return cnnc_io_format_error(err, path, "unknown image format: expected a PNG or a JPEG");
}

static cnnc_status check_side(const char *path, const char *what, long w, long h, cnnc_error *err) {
    if (w >= 1 && h >= 1 && w <= CNNC_CODEC_MAX_SIDE && h <= CNNC_CODEC_MAX_SIDE) return CNNC_OK;
    return cnnc_io_format_error(err, path, "%s size %ldx%ld is not supported (each side 1..%d)", what, w, h,
                                CNNC_CODEC_MAX_SIDE);
}

/* ---- PNG ---- */

/* Gray or colour from the simplified API's format; 16-bit is refused (PIL keeps
 * 16-bit gray as mode I;16, not the 8-bit values training expects). */
static cnnc_status png_header_info(const char *path, const png_image *img, cnnc_image_info *info, cnnc_error *err) {
    cnnc_status st = check_side(path, "PNG", (long)img->width, (long)img->height, err);
    if (st != CNNC_OK) return st;
    if (img->format & PNG_FORMAT_FLAG_LINEAR)
        return cnnc_io_format_error(err, path, "16-bit PNG is not supported: use 8 bits per channel");
    info->width = (int32_t)img->width;
    info->height = (int32_t)img->height;
    info->channels = (img->format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
    return CNNC_OK;
}

/* ---- JPEG: libjpeg's errors and warnings come back here instead of exit() ---- */

typedef struct jpeg_err {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
} jpeg_err;

static void jpeg_error_exit(j_common_ptr c) {
    jpeg_err *je = (jpeg_err *)c->err;
    (*c->err->format_message)(c, je->message);
    longjmp(je->jump, 1);
}

/* A warning (level -1: corrupt data, premature end of file) is an error: libjpeg
 * would go on with gray filler where PIL raises "image file is truncated". */
static void jpeg_emit_message(j_common_ptr c, int level) {
    if (level >= 0) return;
    jpeg_error_exit(c);
}

static void jpeg_err_init(struct jpeg_decompress_struct *c, jpeg_err *je) {
    memset(je, 0, sizeof *je);
    c->err = jpeg_std_error(&je->mgr);
    je->mgr.error_exit = jpeg_error_exit;
    je->mgr.emit_message = jpeg_emit_message;
}

static cnnc_status jpeg_info(const char *path, const struct jpeg_decompress_struct *c, cnnc_image_info *info,
                             cnnc_error *err) {
    cnnc_status st = check_side(path, "JPEG", (long)c->image_width, (long)c->image_height, err);
    if (st != CNNC_OK) return st;
    if (c->num_components != 1 && c->num_components != 3)
        return cnnc_io_format_error(err, path, "JPEG with %d components (CMYK?) is not supported: use gray or RGB",
                                    c->num_components);
    info->width = (int32_t)c->image_width;
    info->height = (int32_t)c->image_height;
    info->channels = c->num_components == 1 ? 1 : 3;
    return CNNC_OK;
}

/* ---- probe ---- */

cnnc_status cnnc_image_probe(const char *path, cnnc_image_info *info, cnnc_error *err) {
    memset(info, 0, sizeof *info);
    FILE *f = fopen(path, "rb");
    if (!f) return cnnc_io_os_error(err, errno, path);
    unsigned char head[8];
    size_t got = fread(head, 1, sizeof head, f);
    int kind = kind_of(head, got);
    cnnc_status st = CNNC_OK;
    if (kind == KIND_UNKNOWN || fseek(f, 0, SEEK_SET) != 0) {
        st = got == 0 ? cnnc_io_format_error(err, path, "empty file: expected a PNG or a JPEG") : unknown_format(path, err);
    } else if (kind == KIND_PNG) {
        png_image img;
        memset(&img, 0, sizeof img);
        img.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_stdio(&img, f)) st = cnnc_io_format_error(err, path, "bad PNG: %s", img.message);
        else st = png_header_info(path, &img, info, err);
        png_image_free(&img);
    } else {
        struct jpeg_decompress_struct c;
        jpeg_err je;
        jpeg_err_init(&c, &je);
        if (setjmp(je.jump)) {
            st = cnnc_io_format_error(err, path, "bad JPEG: %s", je.message);
        } else {
            jpeg_create_decompress(&c);
            jpeg_stdio_src(&c, f);
            jpeg_read_header(&c, TRUE);
            st = jpeg_info(path, &c, info, err);
        }
        jpeg_destroy_decompress(&c);
    }
    fclose(f);
    return st;
}

/* ---- decode ---- */

static cnnc_status check_want(const char *path, const cnnc_image_info *want, const cnnc_image_info *got,
                              int32_t channels, size_t dst_cap, cnnc_error *err) {
    if (want->width && (got->width != want->width || got->height != want->height))
        return cnnc_io_format_error(err, path, "image is %dx%d but its header said %dx%d when the set was read",
                                    got->width, got->height, want->width, want->height);
    if (channels != 1 && channels != 3)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_image_decode: channels must be 1 or 3, got %d",
                              channels);
    if (got->channels > channels)
        return cnnc_io_format_error(err, path, "a colour image where 1 channel was asked for");
    if ((size_t)got->width * (size_t)got->height * (size_t)channels > dst_cap)
        return cnnc_io_format_error(err, path, "image of %dx%dx%d does not fit the %zu bytes given", channels,
                                    got->height, got->width, dst_cap);
    return CNNC_OK;
}

/* Interleaved pixels (stride `step` bytes, `src_ch` colour channels first) into planes. */
static void to_planes(const uint8_t *src, int32_t step, int32_t src_ch, size_t npix, int32_t channels, uint8_t *dst) {
    for (int32_t c = 0; c < channels; c++) {
        const int32_t from = src_ch == 1 ? 0 : c;
        uint8_t *plane = dst + (size_t)c * npix;
        for (size_t p = 0; p < npix; p++) plane[p] = src[p * (size_t)step + (size_t)from];
    }
}

static cnnc_status decode_png(const char *path, const unsigned char *buf, size_t len, cnnc_image_info *info,
                              int32_t channels, uint8_t *dst, size_t dst_cap, cnnc_error *err) {
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&img, buf, len)) {
        cnnc_status st = cnnc_io_format_error(err, path, "bad PNG: %s", img.message);
        png_image_free(&img);
        return st;
    }
    cnnc_image_info got;
    cnnc_status st = png_header_info(path, &img, &got, err);
    if (st == CNNC_OK) st = check_want(path, info, &got, channels, dst_cap, err);
    if (st != CNNC_OK) {
        png_image_free(&img);
        return st;
    }
    const int alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    img.format = (got.channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    const int32_t step = got.channels + alpha;
    const size_t npix = (size_t)got.width * (size_t)got.height;
    uint8_t *px = malloc(npix * (size_t)step);
    if (!px) {
        png_image_free(&img);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %s",
                              npix * (size_t)step, path);
    }
    if (!png_image_finish_read(&img, NULL, px, 0, NULL)) {
        st = cnnc_io_format_error(err, path, "bad PNG: %s", img.message);
        free(px);
        png_image_free(&img);
        return st;
    }
    to_planes(px, step, got.channels, npix, channels, dst);
    free(px);
    *info = got;
    return CNNC_OK;
}

static cnnc_status decode_jpeg(const char *path, const unsigned char *buf, size_t len, cnnc_image_info *info,
                               int32_t channels, uint8_t *dst, size_t dst_cap, cnnc_error *err) {
    struct jpeg_decompress_struct c;
    jpeg_err je;
    jpeg_err_init(&c, &je);
    uint8_t *volatile row = NULL;
    volatile cnnc_status st = CNNC_OK;
    cnnc_image_info got;
    memset(&got, 0, sizeof got);
    if (setjmp(je.jump)) {
        st = cnnc_io_format_error(err, path, "bad JPEG: %s", je.message);
    } else {
        jpeg_create_decompress(&c);
        jpeg_mem_src(&c, buf, (unsigned long)len);
        jpeg_read_header(&c, TRUE);
        st = jpeg_info(path, &c, &got, err);
        if (st == CNNC_OK) st = check_want(path, info, &got, channels, dst_cap, err);
        if (st == CNNC_OK) {
            c.out_color_space = got.channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
            jpeg_start_decompress(&c);
            row = malloc((size_t)got.width * (size_t)got.channels);
            if (!row) {
                st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate a row of %s", path);
            } else {
                const size_t npix = (size_t)got.width * (size_t)got.height;
                while (c.output_scanline < c.output_height) {
                    const size_t y = c.output_scanline;
                    JSAMPROW rows[1] = {row};
                    if (jpeg_read_scanlines(&c, rows, 1) != 1) {
                        st = cnnc_io_format_error(err, path, "bad JPEG: no data for row %zu", y);
                        break;
                    }
                    for (int32_t ch = 0; ch < channels; ch++) {
                        const int32_t from = got.channels == 1 ? 0 : ch;
                        uint8_t *out = dst + (size_t)ch * npix + y * (size_t)got.width;
                        for (int32_t x = 0; x < got.width; x++) out[x] = row[(size_t)x * (size_t)got.channels + (size_t)from];
                    }
                }
                if (st == CNNC_OK) jpeg_finish_decompress(&c);
            }
        }
    }
    jpeg_destroy_decompress(&c);
    free(row);
    if (st == CNNC_OK) *info = got;
    return st;
}

cnnc_status cnnc_image_decode_mem(const char *path, const unsigned char *buf, size_t len, cnnc_image_info *info,
                                  int32_t channels, uint8_t *dst, size_t dst_cap, cnnc_error *err) {
    switch (kind_of(buf, len)) {
    case KIND_PNG: return decode_png(path, buf, len, info, channels, dst, dst_cap, err);
    case KIND_JPEG: return decode_jpeg(path, buf, len, info, channels, dst, dst_cap, err);
    default: return len == 0 ? cnnc_io_format_error(err, path, "empty file: expected a PNG or a JPEG")
                             : unknown_format(path, err);
    }
}

cnnc_status cnnc_image_read_file(const char *path, unsigned char **out, size_t *len, cnnc_error *err) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return cnnc_io_os_error(err, errno, path);
    struct stat sb;
    const int failed = fstat(fileno(f), &sb) != 0;   /* sb is only read when fstat filled it */
    if (failed || S_ISDIR(sb.st_mode)) {
        int e = failed ? errno : EISDIR;
        fclose(f);
        return cnnc_io_os_error(err, e, path);
    }
    if ((int64_t)sb.st_size > CNNC_CODEC_MAX_FILE) {
        fclose(f);
        return cnnc_io_format_error(err, path, "file of %lld bytes is too large for an image", (long long)sb.st_size);
    }
    size_t n = (size_t)sb.st_size;
    unsigned char *buf = malloc(n + 1);
    if (!buf) {
        fclose(f);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %s", n, path);
    }
    size_t got = fread(buf, 1, n, f);
    fclose(f);
    if (got != n) {
        free(buf);
        return cnnc_io_format_error(err, path, "short read: expected %zu bytes, got %zu", n, got);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return CNNC_OK;
}

cnnc_status cnnc_image_decode(const char *path, const cnnc_image_info *want, int32_t channels, uint8_t *dst,
                              cnnc_error *err) {
    unsigned char *buf = NULL;
    size_t n = 0;
    cnnc_status st = cnnc_image_read_file(path, &buf, &n, err);
    if (st != CNNC_OK) return st;
    cnnc_image_info info = *want;
    st = cnnc_image_decode_mem(path, buf, n, &info, channels, dst,
                               (size_t)want->width * (size_t)want->height * (size_t)channels, err);
    free(buf);
    return st;
}

cnnc_status cnnc_image_load_planes(const char *path, int32_t want_w, int32_t want_h, int32_t channels,
                                   uint8_t **pixels, cnnc_error *err) {
    *pixels = NULL;
    if (channels != 1 && channels != 3)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_image_load_planes: channels must be 1 or 3, got %d",
                              channels);
    cnnc_image_info info;
    cnnc_status st = cnnc_image_probe(path, &info, err);
    if (st != CNNC_OK) return st;
    if (info.width != want_w || info.height != want_h)
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError", "%s: image is %dx%d but the model takes %dx%d", path,
                              info.width, info.height, want_w, want_h);
    if (info.channels > channels)
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError", "%s: a colour image but the model takes %d channel",
                              path, channels);
    uint8_t *px = malloc((size_t)want_w * (size_t)want_h * (size_t)channels);
    if (!px) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the pixels of %s", path);
    if ((st = cnnc_image_decode(path, &info, channels, px, err)) != CNNC_OK) {
        free(px);
        return st;
    }
    *pixels = px;
    return CNNC_OK;
}

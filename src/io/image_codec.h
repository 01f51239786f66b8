/* image_codec.h — PNG and JPEG files as 8-bit gray or RGB planes, header first
 * (the ImageFolder reader; internal). */
#ifndef CNNC_IMAGE_CODEC_H
#define CNNC_IMAGE_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "cnnc/status.h"

/* The largest side an ImageFolder image may have, and the largest file read. */
#define CNNC_CODEC_MAX_SIDE 16384
#define CNNC_CODEC_MAX_FILE ((int64_t)1 << 28)

typedef struct cnnc_image_info {
    int32_t width, height;
    int32_t channels;            /* 1: gray (with or without alpha), 3: colour (RGB, palette, CMYK refused) */
} cnnc_image_info;

/* A whole image file into memory (at most CNNC_CODEC_MAX_FILE bytes; a directory
 * is IsADirectoryError), NUL-terminated for text formats (PGM). Free *out. */
cnnc_status cnnc_image_read_file(const char *path, unsigned char **out, size_t *len, cnnc_error *err);
/* Read only the header of PATH (a PNG or a JPEG, told by its first bytes). */
cnnc_status cnnc_image_probe(const char *path, cnnc_image_info *info, cnnc_error *err);
/* Decode PATH, which must still be want->width x want->height, into dst as
 * `channels` planes (1 or 3; CHW). A gray image into 3 planes is replicated, as
 * PIL's convert("RGB"); alpha is dropped. A colour image into 1 plane is refused
 * (the caller chooses 3 whenever any image is colour). A truncated or corrupt
 * file is an error naming PATH (libjpeg's warnings too: PIL raises for them). */
cnnc_status cnnc_image_decode(const char *path, const cnnc_image_info *want, int32_t channels, uint8_t *dst,
                              cnnc_error *err);
/* The same from bytes already in memory (the fuzz target). */
cnnc_status cnnc_image_decode_mem(const char *path, const unsigned char *buf, size_t len, cnnc_image_info *info,
                                  int32_t channels, uint8_t *dst, size_t dst_cap, cnnc_error *err);

#endif

/* fuzz_image.c — libFuzzer target for the ImageFolder image reader (PNG through
 * libpng, JPEG through libjpeg): the input is the file. The header is probed as
 * the folder reader probes it, and a file it accepts (up to 1 Mpixel here) is
 * decoded into exactly the planes its header announced, 1 and 3 of them; every
 * byte is read so that ASan sees any write past them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/image_codec.h"

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!path[0]) snprintf(path, sizeof path, "/tmp/cnnc_fuzz_image_%ld", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    size_t w = size ? fwrite(data, 1, size, f) : 0;
    fclose(f);
    if (w != size) return 0;
    cnnc_image_info info;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_image_probe(path, &info, &err) != CNNC_OK) {
        if (err.status == CNNC_OK || err.message[0] == '\0') abort();
        return 0;
    }
    if (info.width < 1 || info.height < 1 || (info.channels != 1 && info.channels != 3)) abort();
    if ((int64_t)info.width * info.height > (1 << 20)) return 0;
    for (int32_t channels = info.channels; channels <= 3; channels += 2) {
        const size_t n = (size_t)info.width * (size_t)info.height * (size_t)channels;
        uint8_t *px = malloc(n);
        if (!px) return 0;
        cnnc_error_clear(&err);
        if (cnnc_image_decode(path, &info, channels, px, &err) == CNNC_OK) {
            unsigned sum = 0;
            for (size_t k = 0; k < n; k++) sum += px[k];
            if (sum == 0xFFFFFFFFu) fputc(' ', stderr);
        } else if (err.message[0] == '\0') {
            abort();
        }
        free(px);
    }
    return 0;
}

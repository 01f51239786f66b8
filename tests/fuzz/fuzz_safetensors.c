/* fuzz_safetensors.c — libFuzzer target for the safetensors reader: the input
 * is the file. Every tensor the reader accepts is read end to end, so ASan
 * catches any view that reaches outside the file buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cnnc/io.h"

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!path[0]) snprintf(path, sizeof path, "/tmp/cnnc_fuzz_st_%ld.safetensors", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    size_t w = size ? fwrite(data, 1, size, f) : 0;
    fclose(f);
    if (w != size) return 0;
    cnnc_st_file *st = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_st_read(path, &st, &err) != CNNC_OK) {
        if (st || err.status == CNNC_OK || err.message[0] == '\0') abort();
        return 0;
    }
    unsigned sum = 0;
    for (int32_t i = 0; i < cnnc_st_count(st); i++) {
        const cnnc_st_tensor *t = cnnc_st_at(st, i);
        const unsigned char *p = t->data;
        for (size_t k = 0; k < t->nbytes; k++) sum += p[k];
        if (cnnc_st_find(st, t->name) != t) abort();   /* names are unique */
        if (strlen(t->name) == 0) abort();
    }
    const char *m = cnnc_st_meta(st, "model");
    if (m) sum += (unsigned)strlen(m);
    (void)sum;
    cnnc_st_free(st);
    return 0;
}

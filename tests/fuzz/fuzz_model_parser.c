/* fuzz_model_parser.c — libFuzzer target: any bytes into cnnc_model_parse must
 * end in CNNC_OK or a clean error (never a crash, leak or sanitizer report).
 * On success it also walks the params list and renders every layer, and checks
 * that the --fix rewrite re-parses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnnc/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cnnc_model *m = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_model_parse((const char *)data, size, "fuzz.cnn", &m, &err);
    if (st != CNNC_OK) {
        if (m) abort();                       /* contract: *out stays NULL on error */
        if (err.message[0] == '\0') abort();  /* every error says what went wrong */
        return 0;
    }
    int32_t n = cnnc_model_params(m, NULL, 0);
    cnnc_param_info *info = (cnnc_param_info *)calloc((size_t)n + 1, sizeof *info);
    if (info) cnnc_model_params(m, info, n);
    free(info);
    for (int32_t k = 0; k < m->n_layers; k++) {
        char buf[512];
        cnnc_layer_render(&m->layers[k], buf, sizeof buf);
    }
    char *fixed = cnnc_model_text_with_layer(m, 0);
    if (fixed) {
        cnnc_model *m2 = NULL;
        if (cnnc_model_parse(fixed, strlen(fixed), "fixed.cnn", &m2, &err) == CNNC_OK) {
            if (m2->n_layers != m->n_layers) abort(); /* rendering must keep the model */
        }
        cnnc_model_free(m2);
        free(fixed);
    }
    cnnc_model_free(m);
    return 0;
}

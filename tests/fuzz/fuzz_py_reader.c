/* fuzz_py_reader.c — libFuzzer target for the Python front end (src/py): any
 * bytes must parse into classes or give a clean error, never a crash; every
 * class found is constructed and traced at its default input, and a trace
 * that succeeds is also converted back to model-file text. The evaluator's
 * arena limit bounds what one input can allocate. */
#include <stdint.h>
#include <stdlib.h>

#include "cnnc/pyread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_source *src = NULL;
    if (cnnc_source_parse((const char *)data, size, "fuzz.py", &src, &err) != CNNC_OK) return 0;
    cnnc_py_class classes[8];
    int32_t n = cnnc_source_classes(src, classes, 8);
    for (int32_t k = 0; k < n && k < 8; k++) {
        if (classes[k].needs_args) continue;
        cnnc_shape in;
        if (cnnc_source_default_input(src, classes[k].name, NULL, &in, &err) != CNNC_OK) continue;
        cnnc_trace *t = NULL;
        if (cnnc_source_trace(src, classes[k].name, NULL, &in, 1, 1, &t, &err) == CNNC_OK) {
            char *text = NULL;
            if (cnnc_trace_to_model_text(t, &text, &err) == CNNC_OK) free(text);
        }
        cnnc_trace_free(t);
    }
    cnnc_source_free(src);
    return 0;
}

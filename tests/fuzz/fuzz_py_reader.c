/* fuzz_py_reader.c — libFuzzer target for the PyTorch source reader: any
 * bytes must give a model or a clean error, never a crash; a model read
 * must also shape-check and convert without crashing. */
#include <stdint.h>
#include <stdlib.h>

#include "cnnc/pyread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cnnc_error err;
    cnnc_error_clear(&err);
    char names[8][CNNC_NAME_MAX];
    int32_t n = cnnc_py_classes((const char *)data, size, "fuzz.py", names, 8, &err);
    for (int32_t k = 0; k < n && k < 8; k++) {
        cnnc_py_model *pm = NULL;
        if (cnnc_py_read((const char *)data, size, "fuzz.py", names[k], &pm, &err) != CNNC_OK) continue;
        cnnc_shape in;
        cnnc_py_default_input(pm, &in);
        cnnc_shape out;
        (void)cnnc_py_check(pm, &in, &out, &err);
        char *text = NULL;
        if (cnnc_py_to_model_text(pm, &in, &text, &err) == CNNC_OK) free(text);
        cnnc_py_free(pm);
    }
    return 0;
}

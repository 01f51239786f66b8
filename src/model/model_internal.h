/* model_internal.h — helpers shared by the model reader's files (not public API). */
#ifndef CNNC_MODEL_INTERNAL_H
#define CNNC_MODEL_INTERNAL_H

#include <stddef.h>

#include "cnnc/status.h"

/* Read a whole file into a malloc'd buffer (*buf, *len; the caller frees).
 * Errors read as Python's (FileNotFoundError, PermissionError,
 * IsADirectoryError, OSError: "[Errno N] text: 'path'") with err->file set.
 * A file over max_bytes gives CNNC_ERR_PARSE with no message: the caller
 * words it. Used by the model-file and the Python-source readers. */
cnnc_status cnnc_read_file(const char *path, size_t max_bytes, char **buf, size_t *len, cnnc_error *err);

/* Python's repr() of a float: shortest text that reads back to the same
 * double, "1.0" not "1", "1e-05" not "1e-5". Returns chars written. */
size_t cnnc_py_float_repr(double v, char *buf, size_t cap);

#endif

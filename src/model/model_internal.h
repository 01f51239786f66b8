/* model_internal.h — helpers shared by the model reader's files (not public API). */
#ifndef CNNC_MODEL_INTERNAL_H
#define CNNC_MODEL_INTERNAL_H

#include <stddef.h>

#include "cnnc/status.h"
#include "layers/layer_util.h"

/* Read a whole file into a malloc'd buffer (*buf, *len; the caller frees).
 * Errors read as Python's (FileNotFoundError, PermissionError,
 * IsADirectoryError, OSError: "[Errno N] text: 'path'") with err->file set.
 * A file over max_bytes gives CNNC_ERR_PARSE with no message: the caller
 * words it. Used by the model-file and the Python-source readers. */
cnnc_status cnnc_read_file(const char *path, size_t max_bytes, char **buf, size_t *len, cnnc_error *err);

/* A model file in the chain form (top-level layers run in order, no forward):
 * parse.c's reader. cnnc_model_parse (src/py/modelfile.c) sends files that
 * define forward() to the Python evaluator instead. */
cnnc_status cnnc_model_parse_chain(const char *text, size_t len, const char *path, cnnc_model **out, cnnc_error *err);

#endif

/* source_internal.h — a source as the evaluator holds it, shared by
 * source.c (Python sources) and modelfile.c (model files with forward). */
#ifndef CNNC_PY_SOURCE_INTERNAL_H
#define CNNC_PY_SOURCE_INTERNAL_H

#include "cnnc/pyread.h"
#include "py/interp.h"

struct cnnc_source {
    py_arena arena;
    py_symtab syms;
    interp I;
    py_source *main;
    char dir[1024];
};

/* Parse and run a source; model_file: a model file's rules and prelude
 * (`import torch.nn as nn; from torch.nn import *` already in effect). */
cnnc_status py_source_create(const char *text, size_t len, const char *path, int model_file, cnnc_source **out,
                             cnnc_error *err);
/* The evaluator's exception as the library's error record. */
cnnc_status py_source_error(const interp *I, cnnc_error *err);
/* Trace `root` (an nn.Module) at `inputs`: through its forward, or, when
 * `fn` is bound, by calling fn with the inputs (a model file's forward). */
cnnc_status py_source_trace_root(cnnc_source *s, py_val root, py_val fn, const char *name, const cnnc_shape *inputs,
                                 int32_t n_inputs, int train, cnnc_trace **out, cnnc_error *err);
/* A model file's globals before its first line (modelfile.c). */
int py_model_file_prelude(interp *I, py_source *src);

#endif

/* cnnc/fix.h — `cnnc check --fix` as a library call: apply the fix each shape
 * error suggests (cnnc_error.fix) to the source text, read the edited text
 * again and re-check, until every input validates. The edit re-renders the
 * failing layer's constructor call at its span in the text, so the result is
 * exactly what a user gets from the printed file. */
#ifndef CNNC_FIX_H
#define CNNC_FIX_H

#include "cnnc/model.h"
#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_fix_options {
    int is_py;                   /* the text is a .py source, not a model file */
    const char *class_name;      /* .py: the class (NULL: the only or last one) */
    const char *args;            /* .py: its constructor arguments (NULL: none) */
    const cnnc_shape *inputs;    /* batched inputs, each checked on its own; NULL: the default, */
    int32_t n_inputs;            /* a model file's `input` line or the class's default input */
    int64_t batch;               /* a model file's default input's batch (0: 2) */
} cnnc_fix_options;

/* Fix `text` (len bytes, read from `path`, which errors name). On CNNC_OK
 * *fixed holds the fixed text, NUL-terminated, which the caller frees (the
 * same text when nothing needed fixing). Otherwise the error that has no fix;
 * CNNC_ERR_UNSUPPORTED when the failing layer is built in another file;
 * CNNC_ERR_USAGE when a model file has no `input` line and no inputs are
 * given; CNNC_ERR_SHAPE when the fixes do not converge. */
cnnc_status cnnc_fix_text(const char *text, size_t len, const char *path, const cnnc_fix_options *opts, char **fixed,
                          size_t *fixed_len, cnnc_error *err);

#ifdef __cplusplus
}
#endif

#endif

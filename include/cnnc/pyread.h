/* cnnc/pyread.h — read nn.Module subclasses from PyTorch Python source without
 * running Python, into a cnnc_model the one shape pass validates.
 *
 * __init__: `self.NAME = nn.Layer(...)` / `nn.Sequential(...)` (and
 * `nn.Sequential(OrderedDict([...]))`), int constants (module level, __init__
 * defaults, `self.n = 16 * 5 * 5`). forward: a straight line of
 * `x = self.NAME(x)`, F.relu / F.max_pool2d / F.avg_pool2d / F.dropout /
 * torch.flatten / x.view / x.reshape, nested calls, `return out, x`.
 * The model's layers are in forward order; a module called twice appears
 * twice. Where forward does something cnnc cannot follow, reading stops
 * there: the layers before it are kept and `stop_line`/`stop_reason` say why. */
#ifndef CNNC_PYREAD_H
#define CNNC_PYREAD_H

#include "cnnc/model.h"
#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_PY_MAX_BYTES (8u << 20) /* larger sources are refused per file */

typedef struct cnnc_py_layer_info {
    int functional;          /* from a call in forward (F.relu, x.view ...), not a module */
    int convertible;         /* has an exact model-file equivalent */
    int32_t call_line;       /* forward line that runs it */
    char module[CNNC_NAME_MAX]; /* attribute it came from ("conv1"), "" if functional */
} cnnc_py_layer_info;

typedef struct cnnc_py_model {
    cnnc_model *model;       /* forward-order layers; path/text are the .py file's */
    cnnc_py_layer_info *info;/* model->n_layers entries */
    char class_name[CNNC_NAME_MAX];
    int32_t class_line;
    int stopped;             /* forward has a construct cnnc cannot follow */
    int32_t stop_line, stop_col;
    char stop_reason[256];
} cnnc_py_model;

/* Names of the nn.Module subclasses defined in the source, in file order.
 * Fills up to `cap` names (each CNNC_NAME_MAX bytes) and returns the count,
 * or -1 with err set when the file cannot be tokenized. */
int32_t cnnc_py_classes(const char *text, size_t len, const char *path, char (*names)[CNNC_NAME_MAX], int32_t cap,
                        cnnc_error *err);

/* Read class `class_name` (NULL: the only / last nn.Module class). Errors:
 * CNNC_ERR_PARSE with Python's exception (SyntaxError, TypeError from a
 * constructor, NameError ...) at the .py line; CNNC_ERR_UNSUPPORTED when
 * the class cannot be read at all. */
cnnc_status cnnc_py_read(const char *text, size_t len, const char *path, const char *class_name, cnnc_py_model **out,
                         cnnc_error *err);
cnnc_status cnnc_py_load(const char *path, const char *class_name, cnnc_py_model **out, cnnc_error *err);
void cnnc_py_free(cnnc_py_model *pm);

/* Shape-check as PyTorch's forward would run: the shape pass over the
 * layers read; a PyTorch error before the stop point wins; otherwise a
 * stopped forward gives CNNC_ERR_UNSUPPORTED naming the line. Hints name
 * the Python attribute ("self.out = nn.Linear(1568, 10)"). */
cnnc_status cnnc_py_check(const cnnc_py_model *pm, const cnnc_shape *input, cnnc_shape *output, cnnc_error *err);

/* A sensible default input when none is given: [2, C, 28, 28] with C the
 * first Conv2d's in_channels (1 if none). */
void cnnc_py_default_input(const cnnc_py_model *pm, cnnc_shape *input);

/* The equivalent model file (malloc'd text). `input` (may be NULL) decides
 * whether a view/reshape equals Flatten(). CNNC_ERR_UNSUPPORTED says why
 * when there is no equivalent. */
cnnc_status cnnc_py_to_model_text(const cnnc_py_model *pm, const cnnc_shape *input, char **text, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif

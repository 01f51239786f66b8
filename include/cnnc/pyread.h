/* cnnc/pyread.h — models from the Python sources people write, without
 * running Python: the source is parsed and its module body run by cnnc's own
 * evaluator (the one that reads model files too), an nn.Module class is
 * constructed with its arguments, and its forward() is traced at input
 * shapes into the layer graph the shape pass, summary and engine take.
 *
 * What Python or PyTorch would raise comes back with its exact text
 * (CNNC_ERR_PARSE for Python's errors before or during construction,
 * CNNC_ERR_SHAPE for PyTorch's shape errors); code cnnc cannot follow comes
 * back as CNNC_ERR_UNSUPPORTED naming the line. It never guesses. */
#ifndef CNNC_PYREAD_H
#define CNNC_PYREAD_H

#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "cnnc/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_PY_MAX_BYTES (8u << 20) /* larger sources are refused per file */
#define CNNC_PY_MAX_OUTPUTS 8

typedef struct cnnc_source cnnc_source;

/* Parse a source and run its module body (imports, class and function
 * definitions). Sibling .py files it imports are read from its directory. */
cnnc_status cnnc_source_load(const char *path, cnnc_source **out, cnnc_error *err);
cnnc_status cnnc_source_parse(const char *text, size_t len, const char *path, cnnc_source **out, cnnc_error *err);
void cnnc_source_free(cnnc_source *src);
const char *cnnc_source_text(const cnnc_source *src, size_t *len);
const char *cnnc_source_path(const cnnc_source *src);

/* The nn.Module subclasses the source defines, in file order. */
typedef struct cnnc_py_class {
    char name[CNNC_NAME_MAX];
    int32_t line;
    int needs_args;          /* its constructor has required parameters (a building block) */
    int32_t n_inputs;        /* forward's tensor parameters (1 for most models) */
    int no_forward;          /* neither it nor a base defines forward: a call with any inputs raises */
    int32_t max_inputs;      /* forward's positional parameters, optional ones too (-1: *args) */
    char abstract[256];      /* abc: the abstract methods it still has, "forward, head" ("": none) */
    int abstract_base;       /* it declares abstract methods itself: a base class, not a model */
} cnnc_py_class;
int32_t cnnc_source_classes(const cnnc_source *src, cnnc_py_class *out, int32_t cap);
/* The nn.Module subclass bound to `name` in the source's module scope (a class, or an alias
 * such as `UNetSmall = UNNetSmall`, from the file or an import), as *out under that name: 1,
 * or 0 when the name holds none. */
int cnnc_source_class_named(const cnnc_source *src, const char *name, cnnc_py_class *out);

/* A class constructed and traced through forward at some input shapes. */
#define CNNC_PY_RESULT_MAX (1 << 20)
typedef struct cnnc_trace {
    cnnc_model *model;          /* the graph (on a shape error: up to and with the failing node) */
    char class_name[CNNC_NAME_MAX];
    int32_t n_inputs;
    cnnc_shape inputs[CNNC_PY_MAX_OUTPUTS];
    int32_t n_outputs;          /* forward's result: a tensor, or a tuple of them */
    cnnc_shape outputs[CNNC_PY_MAX_OUTPUTS];
    int32_t output_nodes[CNNC_PY_MAX_OUTPUTS]; /* the node making each (CNNC_INPUT_REF(k): input k) */
    char *result;               /* forward's return value as text: a tensor's shape "[2, 10]", a tuple
                                 * or list "([2, 10], [2, 20])" (nested likewise), anything else its repr
                                 * (owned by the trace; at most CNNC_PY_RESULT_MAX characters) */
    cnnc_summary_row *rows;     /* torchsummary's rows, in the order its hooks record them */
    int32_t n_rows;
    int32_t shape_dependent;    /* > 0: the line where forward read a size in a way the graph
                                 * cannot replay at other sizes: re-trace instead of re-running
                                 * the shape pass */
    int shape_dependent_const;  /* shape_dependent because an op read a tensor not made from the
                                 * input (a parameter or constant used directly) */
    int32_t frozen_line;        /* > 0: where the class set requires_grad=False on a parameter (the
                                 * engines train every parameter, so they refuse it) */
} cnnc_trace;

/* Construct class `cls` (NULL: the source's only or last nn.Module class) with
 * `args` (Python argument text, e.g. "64, 128, stride=2"; NULL: none), put it
 * in train (train=1) or eval mode, and trace forward at `inputs`. On an error
 * the trace (when *out is set) holds the graph up to the failing node. */
cnnc_status cnnc_source_trace(cnnc_source *src, const char *cls, const char *args, const cnnc_shape *inputs,
                              int32_t n_inputs, int train, cnnc_trace **out, cnnc_error *err);
void cnnc_trace_free(cnnc_trace *t);

/* A sensible default input when none is given: [2, C, 28, 28] with C the first
 * Conv2d's in_channels (1 if none), after constructing the class. */
cnnc_status cnnc_source_default_input(cnnc_source *src, const char *cls, const char *args, cnnc_shape *input,
                                      cnnc_error *err);

/* cnnc_source_trace at that default input (batch > 0 replaces its 2), the
 * same shape for each of forward's n_inputs tensor parameters (at most
 * CNNC_PY_MAX_OUTPUTS), constructing the class once instead of twice.
 * inputs[0..n_inputs) receive the shapes traced. */
cnnc_status cnnc_source_trace_default(cnnc_source *src, const char *cls, const char *args, int64_t batch,
                                      int32_t n_inputs, int train, cnnc_shape *inputs, cnnc_trace **out,
                                      cnnc_error *err);

/* The model the engine runs: `cls` of the .py at `path` constructed with
 * `args`, traced at a batch of 2 of `sample` (per-sample shape; NULL: the
 * default input above without its batch) in train or eval mode. The model
 * records the sample as its input. A forward that holds at the traced batch
 * only (shape_dependent) is refused: the engine runs other batch sizes. */
cnnc_status cnnc_py_model_load(const char *path, const char *cls, const char *args, const cnnc_shape *sample,
                               int train, cnnc_model **model, cnnc_error *err);

/* The equivalent model file (malloc'd text) of a traced class: the same
 * state_dict names, the same graph. CNNC_ERR_UNSUPPORTED says why when
 * there is no equivalent. */
cnnc_status cnnc_trace_to_model_text(const cnnc_trace *t, char **text, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif

/* cnnc/model.h — the layer graph read from a model file in PyTorch constructor
 * syntax. One cnnc_layer per leaf module, in forward order; names are the
 * PyTorch state_dict prefixes ("conv1.0", "out"). */
#ifndef CNNC_MODEL_H
#define CNNC_MODEL_H

#include "cnnc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_NAME_MAX 64
#define CNNC_MAX_DIMS 8

typedef enum cnnc_layer_kind {
    CNNC_CONV2D = 0,
    CNNC_MAXPOOL2D,
    CNNC_AVGPOOL2D,
    CNNC_RELU,
    CNNC_FLATTEN,
    CNNC_LINEAR,
    CNNC_DROPOUT,
    CNNC_BATCHNORM2D,
    CNNC_LAYER_KIND_COUNT
} cnnc_layer_kind;

/* PyTorch's class name: "Conv2d", "MaxPool2d", ... */
const char *cnnc_layer_kind_name(cnnc_layer_kind kind);

typedef enum cnnc_pad_mode { CNNC_PAD_EXPLICIT = 0, CNNC_PAD_SAME, CNNC_PAD_VALID } cnnc_pad_mode;

typedef struct cnnc_conv2d_params {
    int64_t in_channels, out_channels;
    int64_t kernel_size[2], stride[2], dilation[2];
    int64_t padding[2];     /* explicit padding; 0 for 'valid'; see pad_mode */
    cnnc_pad_mode pad_mode; /* 'same': total d*(k-1), left = total/2, extra on the right (as PyTorch) */
    int64_t groups;
    int bias;               /* 1 = has bias */
} cnnc_conv2d_params;

typedef struct cnnc_pool2d_params {   /* MaxPool2d and AvgPool2d */
    int64_t kernel_size[2], stride[2], padding[2], dilation[2]; /* dilation is 1 for AvgPool2d */
    int ceil_mode;
    int count_include_pad;      /* AvgPool2d only (default 1) */
    int64_t divisor_override;   /* AvgPool2d only; 0 = none */
} cnnc_pool2d_params;

typedef struct cnnc_linear_params { int64_t in_features, out_features; int bias; } cnnc_linear_params;
/* Flatten(start_dim=1, end_dim=-1). A Flatten with view_ndim > 0 is instead a
 * Tensor.view/reshape read from Python source (cnnc/pyread.h): the target
 * sizes in view[], -1 = inferred, CNNC_VIEW_DIM(k) = the input's size(k). */
#define CNNC_VIEW_DIM(k) (-2 - (int64_t)(k))
typedef struct cnnc_flatten_params {
    int64_t start_dim, end_dim;   /* defaults 1, -1 */
    int32_t view_ndim;            /* 0 = plain Flatten */
    int64_t view[CNNC_MAX_DIMS];
} cnnc_flatten_params;
typedef struct cnnc_dropout_params { double p; int inplace; } cnnc_dropout_params;
typedef struct cnnc_relu_params { int inplace; } cnnc_relu_params;
typedef struct cnnc_batchnorm2d_params {
    int64_t num_features;
    double eps;             /* 1e-5 */
    double momentum;        /* 0.1 */
    int momentum_none;      /* momentum=None: cumulative moving average */
    int affine;             /* 1 */
    int track_running_stats;/* 1 */
} cnnc_batchnorm2d_params;

/* Where a piece of the model file sits: 1-based line/col plus byte offsets. */
typedef struct cnnc_span { int32_t line, col; int32_t begin, end; } cnnc_span;

typedef struct cnnc_layer {
    cnnc_layer_kind kind;
    char name[CNNC_NAME_MAX];  /* state_dict prefix: "conv1.0", "out" */
    int32_t stmt_index;        /* statement (top-level assignment) it belongs to */
    cnnc_span span;            /* the constructor call, e.g. "Linear(32 * 7 * 7, 10)" */
    union {
        cnnc_conv2d_params conv;
        cnnc_pool2d_params pool;
        cnnc_linear_params linear;
        cnnc_flatten_params flatten;
        cnnc_dropout_params dropout;
        cnnc_relu_params relu;
        cnnc_batchnorm2d_params bn;
    } p;
} cnnc_layer;

/* One top-level statement: `name = Layer(...)` or `name = Sequential(...)`. */
typedef struct cnnc_stmt {
    char name[CNNC_NAME_MAX];
    int is_sequential;
    int32_t first_layer, n_layers;
    cnnc_span span;            /* whole statement */
} cnnc_stmt;

typedef struct cnnc_model {
    char path[256];            /* file it came from ("<string>" if parsed from memory) */
    char *text;                /* owned copy of the source */
    size_t text_len;
    cnnc_layer *layers;
    int32_t n_layers;
    cnnc_stmt *stmts;
    int32_t n_stmts;
    int has_input;             /* an `input = (C, H, W)` statement was given */
    int32_t input_ndim;
    int64_t input[CNNC_MAX_DIMS]; /* per-sample input shape, e.g. {1, 28, 28} */
} cnnc_model;

/* Parse model text. `path` is used in messages only. On error returns
 * CNNC_ERR_PARSE with err->file/line/col set, and *out stays NULL. */
cnnc_status cnnc_model_parse(const char *text, size_t len, const char *path,
                             cnnc_model **out, cnnc_error *err);
/* Read and parse a file (CNNC_ERR_IO if unreadable). */
cnnc_status cnnc_model_load(const char *path, cnnc_model **out, cnnc_error *err);
void cnnc_model_free(cnnc_model *model);

/* A layer as a constructor call in canonical form, e.g. "Linear(1568, 10)" or
 * "Conv2d(1, 16, kernel_size=5, stride=1, padding=2)". Returns chars written. */
size_t cnnc_layer_render(const cnnc_layer *layer, char *buf, size_t cap);

/* Rewrite the model text with layer `layer_index` replaced by its current
 * rendering (used by --fix after editing a layer's parameters). Returns a
 * malloc'd NUL-terminated string, or NULL on allocation failure. */
char *cnnc_model_text_with_layer(const cnnc_model *model, int32_t layer_index);

/* ---- parameters and buffers, in state_dict order ---- */
typedef enum cnnc_param_role {
    CNNC_P_WEIGHT, CNNC_P_BIAS, CNNC_P_RUNNING_MEAN, CNNC_P_RUNNING_VAR, CNNC_P_NUM_BATCHES
} cnnc_param_role;

typedef enum cnnc_dtype { CNNC_F32 = 0, CNNC_I64, CNNC_I32, CNNC_U8 } cnnc_dtype;

typedef struct cnnc_param_info {
    char name[CNNC_NAME_MAX + 24]; /* "conv1.0.weight", "bn.running_mean", "bn.num_batches_tracked" */
    int32_t layer_index;
    cnnc_param_role role;
    cnnc_dtype dtype;
    int trainable;             /* weight/bias: 1; buffers: 0 */
    int32_t ndim;
    int64_t shape[4];
    int64_t numel;
} cnnc_param_info;

/* Fill up to `cap` entries in PyTorch state_dict order; returns the total count
 * (call with cap = 0 to size the array). */
int32_t cnnc_model_params(const cnnc_model *model, cnnc_param_info *out, int32_t cap);

#ifdef __cplusplus
}
#endif
#endif

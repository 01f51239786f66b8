/* cnnc/layers.h — every layer kind cnnc knows, in one list, with each kind's
 * constructor parameters and the geometry its kernels run with. Adding a kind
 * adds one line to CNNC_LAYER_KINDS (and a params/geometry struct here if it
 * has any); its behaviour lives in src/layers/<kind>.c and one kernel file per
 * backend (docs/design.md, "Adding a layer"). */
#ifndef CNNC_LAYERS_H
#define CNNC_LAYERS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* X(ENUM_SUFFIX, file_stem): the enum is CNNC_<ENUM_SUFFIX>; the definition is
 * cnnc_layer_<stem> (src/layers/<stem>.c), the kernels cnnc_cpu_<stem> and
 * cnnc_cuda_<stem>. The order is the enum's order. */
#define CNNC_LAYER_KINDS(X)  \
    X(CONV2D, conv2d)        \
    X(MAXPOOL2D, maxpool2d)  \
    X(AVGPOOL2D, avgpool2d)  \
    X(RELU, relu)            \
    X(FLATTEN, flatten)      \
    X(LINEAR, linear)        \
    X(DROPOUT, dropout)      \
    X(BATCHNORM2D, batchnorm2d) \
    X(ADD, add)              \
    X(SUB, sub)              \
    X(MUL, mul)              \
    X(DIV, div)              \
    X(CAT, cat)              \
    X(EXP, exp)              \
    X(RANDN_LIKE, randn_like) \
    X(MEAN, mean)            \
    X(SUM, sum)              \
    X(NARROW, narrow)        \
    X(PERMUTE, permute)      \
    X(TRANSPOSE, transpose)

typedef enum cnnc_layer_kind {
#define CNNC_KIND_ENUM_(E, stem) CNNC_##E,
    CNNC_LAYER_KINDS(CNNC_KIND_ENUM_)
#undef CNNC_KIND_ENUM_
    CNNC_LAYER_KIND_COUNT
} cnnc_layer_kind;

#define CNNC_MAX_DIMS 8

/* ------------------------------------------------ constructor parameters -- */

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

/* The graph's tensor operations (functions, not modules: no state_dict entry). */
/* add/sub/mul/div: two tensors with PyTorch's broadcasting, or one tensor and a
 * Python scalar on either side (x * 0.5, 1 - x, 2 / x). The node's inputs are
 * the tensors; with a scalar it has one input. */
typedef enum cnnc_scalar_side {
    CNNC_SCALAR_NONE = 0,   /* a OP b, both tensors */
    CNNC_SCALAR_RIGHT,      /* x OP value */
    CNNC_SCALAR_LEFT        /* value OP x (Tensor.__rsub__, __rtruediv__) */
} cnnc_scalar_side;
typedef struct cnnc_binary_params {
    cnnc_scalar_side scalar;
    double value;           /* the scalar (cast to float32 as PyTorch does for float tensors) */
    double alpha;           /* add/sub: a + alpha * b, a - alpha * b (default 1); 1 for mul/div */
    int inplace;            /* a += b: the output must keep a's shape */
} cnnc_binary_params;
typedef struct cnnc_cat_params { int64_t dim; } cnnc_cat_params;
/* mean/sum(input, dim, keepdim=False): n_dims == 0 reduces every dim (dim=None,
 * or dim=[] which PyTorch 1.13 treats the same). */
typedef struct cnnc_reduce_params {
    int32_t n_dims;
    int64_t dims[CNNC_MAX_DIMS];
    int keepdim;
} cnnc_reduce_params;
typedef struct cnnc_narrow_params { int64_t dim, start, length; } cnnc_narrow_params;
typedef struct cnnc_permute_params { int32_t ndim; int64_t dims[CNNC_MAX_DIMS]; } cnnc_permute_params;
typedef struct cnnc_transpose_params { int64_t dim0, dim1; } cnnc_transpose_params;

typedef union cnnc_layer_params {
    cnnc_conv2d_params conv;
    cnnc_pool2d_params pool;
    cnnc_linear_params linear;
    cnnc_flatten_params flatten;
    cnnc_dropout_params dropout;
    cnnc_relu_params relu;
    cnnc_batchnorm2d_params bn;
    cnnc_binary_params binary;    /* add, sub, mul, div */
    cnnc_cat_params cat;
    cnnc_reduce_params reduce;    /* mean, sum */
    cnnc_narrow_params narrow;
    cnnc_permute_params permute;
    cnnc_transpose_params transpose;
} cnnc_layer_params;

/* ------------------------------------------------------ kernel geometry -- */

/* Geometry of one conv or pool: batch N, input C x H x W, output OC x OH x OW.
 * pad_h/pad_w are the top/left padding (the right/bottom may be one more with
 * padding='same'; kernels only need top/left since OH/OW are fixed). */
typedef struct cnnc_conv_geom {
    int64_t N, C, H, W, OC, OH, OW;
    int64_t KH, KW, SH, SW, PH, PW, DH, DW;
    int64_t groups;
} cnnc_conv_geom;

typedef struct cnnc_pool_geom {
    int64_t N, C, H, W, OH, OW;
    int64_t KH, KW, SH, SW, PH, PW, DH, DW;
    int count_include_pad;
    int64_t divisor_override; /* 0 = none */
} cnnc_pool_geom;

typedef struct cnnc_linear_geom { int64_t M, K, N; } cnnc_linear_geom;  /* [M,K] x [K,N]^T-stored-as [N,K] */
typedef struct cnnc_bn_geom { int64_t N, C, HW; } cnnc_bn_geom;

/* add/sub/mul/div: the output's dims (size-1 dims dropped, neighbours that
 * broadcast alike merged) and each operand's element stride along them (0 where
 * it is broadcast, or for a scalar operand). */
typedef struct cnnc_bcast_geom {
    int32_t ndim;
    int64_t size[CNNC_MAX_DIMS], sa[CNNC_MAX_DIMS], sb[CNNC_MAX_DIMS];
} cnnc_bcast_geom;
/* mean/sum: the input's dims (neighbours both kept or both reduced merged),
 * which are reduced (bit k), and how many inputs each output averages. */
typedef struct cnnc_reduce_geom {
    int32_t ndim;
    int64_t size[CNNC_MAX_DIMS];
    uint32_t reduced;
    int64_t count;
} cnnc_reduce_geom;
/* permute/transpose: the output's dims (neighbours contiguous in the input
 * merged) and the input's element stride along each. */
typedef struct cnnc_permute_geom {
    int32_t ndim;
    int64_t size[CNNC_MAX_DIMS], stride[CNNC_MAX_DIMS];
} cnnc_permute_geom;
/* narrow and cat as [outer, dim, inner] views: narrow takes [start, start+part)
 * of `whole`; cat's output has `whole` along dim (each input's part is its own). */
typedef struct cnnc_slice_geom { int64_t outer, whole, start, part, inner; } cnnc_slice_geom;

typedef union cnnc_layer_geom {
    cnnc_conv_geom conv;
    cnnc_pool_geom pool;
    cnnc_linear_geom linear;
    cnnc_bn_geom bn;
    cnnc_bcast_geom bcast;
    cnnc_reduce_geom reduce;
    cnnc_permute_geom permute;
    cnnc_slice_geom slice;
} cnnc_layer_geom;

#ifdef __cplusplus
}
#endif
#endif

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
    X(CONVTRANSPOSE2D, convtranspose2d) \
    X(BATCHNORM1D, batchnorm1d) \
    X(INSTANCENORM2D, instancenorm2d) \
    X(LAYERNORM, layernorm) \
    X(GROUPNORM, groupnorm)

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
/* BatchNorm2d, and BatchNorm1d and InstanceNorm2d, whose constructors take
 * the same arguments (_NormBase; InstanceNorm2d's defaults are affine=False,
 * track_running_stats=False). */
typedef struct cnnc_batchnorm2d_params {
    int64_t num_features;
    double eps;             /* 1e-5 */
    double momentum;        /* 0.1 */
    int momentum_none;      /* momentum=None: cumulative moving average */
    int affine;             /* 1 */
    int track_running_stats;/* 1 */
} cnnc_batchnorm2d_params;

/* ConvTranspose2d: weight [in_channels, out_channels/groups, kH, kW]. */
typedef struct cnnc_convtranspose2d_params {
    int64_t in_channels, out_channels;
    int64_t kernel_size[2], stride[2], padding[2], output_padding[2], dilation[2];
    int64_t groups;
    int bias;
} cnnc_convtranspose2d_params;
/* LayerNorm(normalized_shape): the last ndim dims of the input. */
typedef struct cnnc_layernorm_params {
    int32_t ndim;
    int64_t shape[CNNC_MAX_DIMS];
    double eps;
    int elementwise_affine;
} cnnc_layernorm_params;
typedef struct cnnc_groupnorm_params {
    int64_t num_groups, num_channels;
    double eps;
    int affine;
} cnnc_groupnorm_params;

typedef union cnnc_layer_params {
    cnnc_conv2d_params conv;
    cnnc_pool2d_params pool;
    cnnc_linear_params linear;
    cnnc_flatten_params flatten;
    cnnc_dropout_params dropout;
    cnnc_relu_params relu;
    cnnc_batchnorm2d_params bn;        /* BatchNorm2d, BatchNorm1d, InstanceNorm2d */
    cnnc_convtranspose2d_params convt;
    cnnc_layernorm_params ln;
    cnnc_groupnorm_params gn;
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
typedef struct cnnc_bn_geom { int64_t N, C, HW; } cnnc_bn_geom;  /* BatchNorm1d: HW = L, or 1 for [N, C] */
/* GroupNorm, InstanceNorm2d (G = C) and LayerNorm (N = rows, C = the
 * normalized numel, HW = 1, G = 1): statistics per (n, g) over C/G
 * channels x HW, the affine per channel. */
typedef struct cnnc_norm_geom { int64_t N, C, HW, G; } cnnc_norm_geom;

typedef union cnnc_layer_geom {
    cnnc_conv_geom conv;
    cnnc_pool_geom pool;
    cnnc_linear_geom linear;
    cnnc_bn_geom bn;
    /* ConvTranspose2d: the convolution it is the transpose of, whose input
     * gradient is its output: C, H, W are the transposed conv's output
     * (out_channels, OH, OW) and OC, OH, OW its input; the weight
     * [in_channels, out_channels/groups, kH, kW] is that conv's weight. */
    cnnc_conv_geom convt;
    cnnc_norm_geom norm;
} cnnc_layer_geom;

#ifdef __cplusplus
}
#endif
#endif

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
    X(SIGMOID, sigmoid)      \
    X(TANH, tanh)            \
    X(RELU6, relu6)          \
    X(HARDTANH, hardtanh)    \
    X(ELU, elu)              \
    X(GELU, gelu)            \
    X(SILU, silu)            \
    X(SOFTMAX, softmax)      \
    X(LOGSOFTMAX, logsoftmax) \
    X(IDENTITY, identity)    \
    X(DROPOUT2D, dropout2d)  \
    X(ADAPTIVEAVGPOOL2D, adaptiveavgpool2d)       \
    X(ADAPTIVEMAXPOOL2D, adaptivemaxpool2d)       \
    X(UPSAMPLE, upsample)                         \
    X(UPSAMPLINGNEAREST2D, upsamplingnearest2d)   \
    X(UPSAMPLINGBILINEAR2D, upsamplingbilinear2d) \
    X(INTERPOLATE, interpolate)                   \
    X(ZEROPAD2D, zeropad2d)                       \
    X(CONSTANTPAD2D, constantpad2d)               \
    X(REFLECTIONPAD2D, reflectionpad2d)           \
    X(REPLICATIONPAD2D, replicationpad2d)         \
    X(PAD, pad)                                   \
    X(UNFLATTEN, unflatten)                       \
    X(CONVTRANSPOSE2D, convtranspose2d) \
    X(BATCHNORM1D, batchnorm1d) \
    X(INSTANCENORM2D, instancenorm2d) \
    X(LAYERNORM, layernorm) \
    X(GROUPNORM, groupnorm)  \
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
    X(TRANSPOSE, transpose)  \
    X(LEAKYRELU, leaky_relu) \
    X(HARDSWISH, hardswish)  \
    X(HARDSIGMOID, hardsigmoid) \
    X(PRELU, prelu)          \
    X(PIXELSHUFFLE, pixelshuffle) \
    X(PIXELUNSHUFFLE, pixelunshuffle) \
    X(SOFTPLUS, softplus)    \
    X(MISH, mish)            \
    X(HARDSHRINK, hardshrink) \
    X(EXPAND, expand)        \
    X(EXPAND_AS, expand_as)  \
    X(REPEAT, repeat)        \
    X(SLICE, slice)          \
    X(SELU, selu)            \
    X(CONV1D, conv1d)        \
    X(MAXPOOL1D, maxpool1d)  \
    X(AVGPOOL1D, avgpool1d)  \
    X(ADAPTIVEAVGPOOL1D, adaptiveavgpool1d) \
    X(ADAPTIVEMAXPOOL1D, adaptivemaxpool1d) \
    X(AMAX, amax)            \
    X(AMIN, amin)            \
    X(MATMUL, matmul)        \
    X(BMM, bmm)              \
    X(MM, mm)                \
    X(ABS, abs)              \
    X(SQRT, sqrt)            \
    X(POW, pow)              \
    X(LOG, log)              \
    X(CLAMP, clamp)          \
    X(CONVTRANSPOSE1D, convtranspose1d) \
    X(INSTANCENORM1D, instancenorm1d) \
    X(REFLECTIONPAD1D, reflectionpad1d) \
    X(REPLICATIONPAD1D, replicationpad1d) \
    X(CONSTANTPAD1D, constantpad1d) \
    X(VECTOR_NORM, vector_norm) \
    X(ROUND, round)          \
    X(MAXUNPOOL2D, maxunpool2d) \
    X(VAR, var)              \
    X(STD, std)              \
    X(MAXIMUM, maximum)      \
    X(MINIMUM, minimum)      \
    X(SETITEM, setitem)      \
    X(RNN, rnn)              \
    X(LSTM, lstm)            \
    X(GRU, gru)              \
    X(RNN_STATE, rnn_state)  \
    X(CONV3D, conv3d)        \
    X(CONVTRANSPOSE3D, convtranspose3d) \
    X(MAXPOOL3D, maxpool3d)  \
    X(AVGPOOL3D, avgpool3d)  \
    X(ADAPTIVEAVGPOOL3D, adaptiveavgpool3d) \
    X(ADAPTIVEMAXPOOL3D, adaptivemaxpool3d) \
    X(BATCHNORM3D, batchnorm3d) \
    X(INSTANCENORM3D, instancenorm3d) \
    X(DROPOUT3D, dropout3d)  \
    X(RNNCELL, rnncell)      \
    X(LSTMCELL, lstmcell)    \
    X(GRUCELL, grucell)      \
    X(SOFTMAX2D, softmax2d)  \
    X(LOCALRESPONSENORM, localresponsenorm) \
    X(SIN, sin)              \
    X(COS, cos)              \
    X(EMBEDDING, embedding)  \
    X(LOGSIGMOID, logsigmoid) \
    X(MV, mv)                \
    X(DOT, dot)              \
    X(CUMSUM, cumsum)        \
    X(UNFOLD, unfold)        \
    X(FOLD, fold)            \
    X(CDIST, cdist)          \
    X(EINSUM, einsum)        \
    X(GRID_SAMPLE, grid_sample) \
    X(DROPOUT1D, dropout1d)

/* The kinds above whose kernels are elementwise maps with no parameters and a
 * backward from the input. Each backend's kernel header declares their
 * <stem>_forward_<backend>(out, in, n) and <stem>_backward_<backend>(din,
 * dout, in, n) from this list, so such a kind needs no declaration by hand. */
#define CNNC_ELEMENTWISE_KINDS(X) X(hardswish) X(hardsigmoid) X(mish) X(selu) X(abs) X(sqrt) X(log) X(sin) X(cos) X(logsigmoid)

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
    int padding_mode;       /* a cnnc_pad2d_mode + 1 ('reflect', 'replicate'): PyTorch pads with F.pad
                             * first, then convolves unpadded; 0 = 'zeros' */
    int float_args;         /* a float in stride, padding or dilation (padding=(k - 1) / 2): the module
                             * keeps it, and its forward's F.conv2d refuses it (a TypeError): -1 a float
                             * first element (no overload matches), else (arg << 4) | pos of a later
                             * one in the last such arg (1 stride, 2 padding, 3 dilation; pos from 1) */
} cnnc_conv2d_params;

typedef struct cnnc_pool2d_params {   /* MaxPool2d and AvgPool2d */
    int64_t kernel_size[2], stride[2], padding[2], dilation[2]; /* dilation is 1 for AvgPool2d */
    int ceil_mode;
    int count_include_pad;      /* AvgPool2d only (default 1) */
    int64_t divisor_override;   /* AvgPool2d only; 0 = none */
    int return_indices;         /* MaxPool2d only: the front end returns (values, indices); the indices
                                 * are a shape, read only by MaxUnpool2d, which is checked, not trained */
} cnnc_pool2d_params;
/* MaxUnpool2d(kernel_size, stride=None, padding=0) and F.max_unpool2d: the output
 * plane as _unpool_output_size resolved it (the front end checks the indices). */
typedef struct cnnc_unpool2d_params {
    int64_t kernel_size[2], stride[2], padding[2];
    int64_t out_h, out_w;       /* 0 until a forward resolved them */
} cnnc_unpool2d_params;

typedef struct cnnc_linear_params { int64_t in_features, out_features; int bias; } cnnc_linear_params;
/* Flatten(start_dim=1, end_dim=-1). A Flatten with view_ndim > 0 is instead a
 * Tensor.view/reshape read from Python source (cnnc/pyread.h): the target
 * sizes in view[], -1 = inferred, CNNC_VIEW_DIM(k) = the input's size(k). */
#define CNNC_VIEW_DIM(k) (-2 - (int64_t)(k))
#define CNNC_VIEW_SCALAR (-1)
typedef struct cnnc_flatten_params {
    int64_t start_dim, end_dim;   /* defaults 1, -1 */
    int32_t view_ndim;            /* 0 = plain Flatten; CNNC_VIEW_SCALAR: a view to 0 dims (x[0, 1, 2]) */
    int64_t view[CNNC_MAX_DIMS];
} cnnc_flatten_params;
typedef struct cnnc_dropout_params { double p; int inplace; } cnnc_dropout_params;  /* Dropout, Dropout2d */
typedef struct cnnc_relu_params { int inplace; } cnnc_relu_params;
typedef struct cnnc_silu_params { int inplace; } cnnc_silu_params;
/* Hardtanh, and ReLU6 as PyTorch builds it: Hardtanh(0., 6., inplace). */
typedef struct cnnc_hardtanh_params { double min_val, max_val; int inplace; } cnnc_hardtanh_params;
typedef struct cnnc_elu_params { double alpha; int inplace; } cnnc_elu_params;
typedef struct cnnc_leaky_relu_params { double negative_slope; int inplace; } cnnc_leaky_relu_params;
/* GELU(approximate): PyTorch checks the string only at forward, so an unknown
 * one is kept (with its text, for the message and for rendering) and the
 * shape pass refuses it. */
typedef enum cnnc_gelu_approx { CNNC_GELU_NONE = 0, CNNC_GELU_TANH, CNNC_GELU_UNKNOWN } cnnc_gelu_approx;
typedef struct cnnc_gelu_params { cnnc_gelu_approx approximate; char text[32]; } cnnc_gelu_params;
/* Softmax / LogSoftmax(dim): an int, None (PyTorch's implicit choice by
 * rank, made in the shape pass) or a str (a dimension name, which cnnc's
 * unnamed tensors never have: kept, up to 47 bytes, for the forward's message). */
typedef enum cnnc_dim_kind { CNNC_DIM_INT = 0, CNNC_DIM_NONE, CNNC_DIM_NAME } cnnc_dim_kind;
typedef struct cnnc_softmax_params { cnnc_dim_kind dim_kind; int64_t dim; char name[48]; } cnnc_softmax_params;
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

/* AdaptiveAvgPool2d / AdaptiveMaxPool2d(output_size): an int, or a tuple
 * whose None entries keep the input's size (CNNC_SIZE_KEEP). PyTorch checks
 * the tuple's length against the input at forward, so it is kept as given. */
#define CNNC_SIZE_KEEP INT64_MIN
typedef struct cnnc_adaptive_pool2d_params {
    int32_t n;                  /* -1: an int (both sizes); else the tuple's length */
    int64_t size[2];            /* its first two entries */
} cnnc_adaptive_pool2d_params;

/* Upsample / UpsamplingNearest2d / UpsamplingBilinear2d and F.interpolate
 * (functional = 1: scale_factor=0 is a scale, not None; messages print the
 * scale factors as given). Sizes and scales are kept as given: PyTorch checks
 * their count against the input's spatial dims at forward. */
typedef enum cnnc_upsample_mode {
    CNNC_UPSAMPLE_NEAREST = 0,
    CNNC_UPSAMPLE_BILINEAR,
    CNNC_UPSAMPLE_UNKNOWN,      /* a mode PyTorch refuses at forward; its text in mode_text */
    CNNC_UPSAMPLE_BICUBIC,
    CNNC_UPSAMPLE_TRILINEAR,    /* 5-D only; like 'nearest' on 5-D input, followed by check only */
    CNNC_UPSAMPLE_LINEAR        /* 3-D only; followed by check only */
} cnnc_upsample_mode;
#define CNNC_UPSAMPLE_SIZE_LIST 1
#define CNNC_UPSAMPLE_EMPTY_SIZE 2
#define CNNC_UPSAMPLE_EMPTY_SCALE 4
#define CNNC_UPSAMPLE_SIZE_TORCH_SIZE 8   /* size was a tensor's torch.Size (printed torch.Size([..])) */
typedef struct cnnc_upsample_params {
    int32_t size_n;             /* 0: size=None; -1: an int; else the sequence's length */
    int32_t scale_n;            /* 0: scale_factor=None; -1: a number; else the tuple's length */
    int seq_flags;              /* CNNC_UPSAMPLE_SIZE_LIST: size was a list (printed [..]);
                                 * ..._EMPTY_SIZE / ..._EMPTY_SCALE: () given, which is not None */
    int64_t size[4];            /* first entries of size */
    double scale[4];            /* first entries of scale_factor */
    uint8_t scale_is_int[4];    /* F.interpolate only: the entry was an int (printed without ".0") */
    cnnc_upsample_mode mode;
    char mode_text[24];         /* str(mode) for CNNC_UPSAMPLE_UNKNOWN */
    int align_corners;          /* -1: None, else 0/1 */
    int recompute_scale_factor; /* -1: None, else 0/1 */
    int align_corners_given;    /* not None (nearest refuses any value) */
    int functional;             /* F.interpolate rather than the module */
    int antialias;              /* F.interpolate only */
    int32_t size_bad_pos;       /* 1-based position of a size entry that is not an int (0: none): */
    int32_t size_bad_kind;      /* ... the op's argument parser refuses it at forward (its cnnc_arg_kind) */
    int32_t align_corners_bad;  /* 1 + the cnnc_arg_kind of an align_corners that is not a bool (0: fine) */
} cnnc_upsample_params;

/* ZeroPad2d / ConstantPad2d / ReflectionPad2d / ReplicationPad2d and F.pad:
 * pad[] = (left, right, top, bottom, front, back), as PyTorch lists them: the
 * last dim first; n entries (2 pad only the last dim, 6 the last three; an odd
 * n is PyTorch's error at forward; more than 6 are refused). Negative entries
 * crop. */
typedef enum cnnc_pad2d_mode { CNNC_PAD2D_CONSTANT = 0, CNNC_PAD2D_REFLECT, CNNC_PAD2D_REPLICATE, CNNC_PAD2D_CIRCULAR } cnnc_pad2d_mode;
typedef struct cnnc_pad2d_params {
    int32_t n;
    int64_t pad[6];
    cnnc_pad2d_mode mode;
    double value;               /* constant mode's fill */
    int value_given;            /* F.pad(value=...) not None: other modes refuse a nonzero one */
} cnnc_pad2d_params;

/* Unflatten(dim, unflattened_size): dim split into sizes[0..n), one may be -1. */
typedef struct cnnc_unflatten_params {
    int64_t dim;
    int32_t n;
    int64_t sizes[CNNC_MAX_DIMS];
    int dim_is_bool;            /* PyTorch's Tensor.unflatten refuses a bool dim at forward */
    int sizes_have_bool;        /* ... and bools among the sizes */
} cnnc_unflatten_params;
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
    int form;               /* amax/amin: cnnc_extremum_form; vector_norm: 1 when torch.norm's
                             * p='fro' made it (frobenius_norm's dim checks) */
    double ord;             /* vector_norm only: the norm's order p (>= 1, or inf) */
    double correction;      /* var/std only: N - correction divides (unbiased: 1) */
} cnnc_reduce_params;
/* amax/amin are also what torch.max/min compute. The form decides the message's
 * name and the gradient: amax and the full max() share it evenly among the
 * inputs equal to the result; max(input, dim) gives it to the first (the index
 * it returns). */
typedef enum cnnc_extremum_form {
    CNNC_EXTREMUM_AMAX = 0,  /* torch.amax(input, dim=(), keepdim=False) */
    CNNC_EXTREMUM_DIM,       /* torch.max(input, dim, keepdim=False).values: one dim */
    CNNC_EXTREMUM_ALL        /* torch.max(input): every dim */
} cnnc_extremum_form;
typedef struct cnnc_narrow_params { int64_t dim, start, length; } cnnc_narrow_params;
/* matmul, bmm and mm take no arguments but their operands. */
typedef struct cnnc_permute_params { int32_t ndim; int64_t dims[CNNC_MAX_DIMS]; } cnnc_permute_params;
typedef struct cnnc_transpose_params { int64_t dim0, dim1; } cnnc_transpose_params;
/* Hardswish, Hardsigmoid, Mish: only `inplace`, which changes nothing PyTorch
 * computes (their backward reads the input either way). */
typedef struct cnnc_inplace_params { int inplace; } cnnc_inplace_params;
/* PReLU(num_parameters, init): weight [num_parameters] filled with init. */
typedef struct cnnc_prelu_params { int64_t num_parameters; double init; } cnnc_prelu_params;
/* PixelShuffle(upscale_factor) / PixelUnshuffle(downscale_factor). */
typedef struct cnnc_pixel_shuffle_params { int64_t factor; } cnnc_pixel_shuffle_params;
/* nn.Unfold / F.unfold (im2col) and nn.Fold / F.fold (col2im): the pairs as im2col takes
 * them (output only for Fold), and which were given as one int (rendered so). */
typedef struct cnnc_fold_params {
    int64_t output[2], kernel[2], dilation[2], padding[2], stride[2];
    unsigned scalar;   /* bit k: argument k (output_size, kernel_size, dilation, padding, stride) was an int */
    int32_t bad_arg, bad_len;   /* bad_len > 0: argument bad_arg had that many items, which the op refuses at forward */
} cnnc_fold_params;
typedef struct cnnc_softplus_params { double beta, threshold; } cnnc_softplus_params;
/* torch.pow(input, exponent) / x ** e with a Python number for the exponent. */
typedef struct cnnc_pow_params { double exponent; } cnnc_pow_params;
/* torch.clamp(input, min=None, max=None) with numbers for the bounds (at least one). */
typedef struct cnnc_clamp_params { double min, max; int has_min, has_max; } cnnc_clamp_params;
/* torch.floor / ceil / round / trunc: one kind, the mode says which (zero gradient). */
typedef enum cnnc_round_mode { CNNC_ROUND_FLOOR = 0, CNNC_ROUND_CEIL, CNNC_ROUND_NEAREST, CNNC_ROUND_TRUNC } cnnc_round_mode;
typedef struct cnnc_round_params { cnnc_round_mode mode; } cnnc_round_params;
/* nn.RNN (tanh or relu), nn.LSTM, nn.GRU: RNNBase's arguments. A module's node is its
 * `output`; h_n (and LSTM's c_n) are rnn_state nodes on that output (state 1: h_n, 2:
 * c_n), whose shape follows from it and these numbers. */
typedef enum cnnc_rnn_mode { CNNC_RNN_TANH = 0, CNNC_RNN_RELU, CNNC_RNN_LSTM, CNNC_RNN_GRU } cnnc_rnn_mode;
#define CNNC_RNN_MAX_LAYERS 8
/* The volume kinds over [N, C, D, H, W] (or unbatched [C, D, H, W]): Conv3d, ConvTranspose3d,
 * MaxPool3d, AvgPool3d, AdaptiveAvgPool3d, AdaptiveMaxPool3d. Check only. */
typedef struct cnnc_vol3d_params {
    int64_t in_channels, out_channels, groups;   /* the convolutions */
    int64_t kernel[3], stride[3], padding[3], dilation[3], output_padding[3];
    cnnc_pad_mode pad_mode;
    int bias, ceil_mode, count_include_pad;
    int64_t divisor;                             /* AvgPool3d's divisor_override; 0: none */
    int64_t out_size[3];                         /* the adaptive pools: -1 = None (the input's size) */
    int32_t out_tuple;                           /* ... output_size given as a tuple of this length; 0: an int */
} cnnc_vol3d_params;   /* num_layers * directions that cnnc follows (the state_dict's names) */
typedef struct cnnc_rnn_params {
    cnnc_rnn_mode mode;
    int64_t input_size, hidden_size, num_layers, proj_size;
    int bias, batch_first, bidirectional;
    double dropout;
    int state;   /* rnn_state: 1 h_n, 2 c_n */
    int cell;    /* RNNCell, LSTMCell, GRUCell: one step, output h' [N, hidden] */
} cnnc_rnn_params;
typedef struct cnnc_hardshrink_params { double lambd; } cnnc_hardshrink_params;
/* Tensor.expand(*sizes) (-1 keeps a dim) and Tensor.repeat(*repeats). A size may
 * be another input's size instead (of_input[k] = j + 1: input j's size at dim
 * size[k]), so that y.expand(x.size(0), -1, h, w) replays at any batch size:
 * such a node reads x as input j and sends it no gradient. expand_as(other) has
 * no sizes: its output is input 1's shape. */
typedef struct cnnc_expand_params {
    int32_t n;
    int64_t size[CNNC_MAX_DIMS];
    uint8_t of_input[CNNC_MAX_DIMS];
} cnnc_expand_params;
/* torch.slice_copy(input, dim, start, end, step), what basic slicing with a step
 * (x[:, ::2]) is: start/end None = the dim's ends. */
typedef struct cnnc_slice_params {
    int64_t dim, start, end, step;
    int has_start, has_end;
} cnnc_slice_params;

typedef union cnnc_layer_params {
    cnnc_conv2d_params conv;
    cnnc_pool2d_params pool;
    cnnc_linear_params linear;
    cnnc_flatten_params flatten;
    cnnc_dropout_params dropout;
    cnnc_relu_params relu;
    cnnc_silu_params silu;
    cnnc_hardtanh_params hardtanh;   /* Hardtanh, ReLU6 */
    cnnc_elu_params elu;
    cnnc_leaky_relu_params leaky;
    cnnc_gelu_params gelu;
    cnnc_softmax_params softmax;     /* Softmax, LogSoftmax, cumsum (its dim) */
    cnnc_adaptive_pool2d_params adaptive;
    cnnc_upsample_params upsample;
    cnnc_pad2d_params pad2d;
    cnnc_unflatten_params unflatten;
    cnnc_batchnorm2d_params bn;        /* BatchNorm2d, BatchNorm1d, InstanceNorm2d */
    cnnc_convtranspose2d_params convt;
    cnnc_layernorm_params ln;
    cnnc_groupnorm_params gn;
    cnnc_binary_params binary;    /* add, sub, mul, div */
    cnnc_cat_params cat;
    cnnc_reduce_params reduce;    /* mean, sum, amax, amin, vector_norm, var, std */
    cnnc_narrow_params narrow;
    cnnc_permute_params permute;
    cnnc_transpose_params transpose;
    cnnc_inplace_params inplace_only; /* Hardswish, Hardsigmoid, Mish, SELU */
    cnnc_prelu_params prelu;
    cnnc_pixel_shuffle_params pixel_shuffle;  /* PixelShuffle, PixelUnshuffle */
    cnnc_fold_params fold;        /* Unfold, Fold */
    struct { double p; } cdist;   /* torch.cdist's p */
    struct { char equation[80]; } einsum;   /* torch.einsum's equation, as written */
    struct { int mode, padding_mode, align_corners; } grid_sample;   /* F.grid_sample: 0 bilinear/zeros, 1 nearest/border, 2 bicubic/reflection */
    cnnc_softplus_params softplus;
    cnnc_pow_params pow;
    cnnc_clamp_params clamp;
    cnnc_round_params round;
    cnnc_rnn_params rnn;          /* RNN, LSTM, GRU, rnn_state */
    cnnc_vol3d_params vol;        /* Conv3d, ConvTranspose3d and the 3-d pools */
    struct { int64_t size; double alpha, beta, k; } lrn;   /* LocalResponseNorm */
    struct { int64_t num, dim, padding_idx; } embedding;   /* Embedding (padding_idx -1: None) */
    cnnc_unpool2d_params unpool;
    cnnc_hardshrink_params hardshrink;
    cnnc_expand_params expand;    /* expand, expand_as, repeat */
    cnnc_slice_params slice;
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
/* A tensor seen as [outer, size, inner] around one dimension: Softmax and
 * LogSoftmax reduce over `size` (the dim); Dropout2d draws one mask value per
 * (outer, size) plane of `inner` values (batch, channel). */
typedef struct cnnc_axis_geom { int64_t outer, size, inner; } cnnc_axis_geom;

/* Adaptive pools, upsampling and padding work plane by plane: `planes`
 * contiguous H x W planes in, OH x OW planes out (a 1-D op has H = OH = 1). */
typedef struct cnnc_plane_geom { int64_t planes, H, W, OH, OW; } cnnc_plane_geom;
typedef struct cnnc_upsample_geom {
    int64_t planes, H, W, OH, OW;
    double scale_h, scale_w;    /* the scale_factor PyTorch's kernel gets (0: none, use in/out) */
    int bilinear, align_corners;
    int bicubic;                /* bicubic (A = -0.75; align_corners as bilinear's) instead */
    /* nearest: PyTorch's forward takes out == in and out == 2*in as exact
     * copies only on its channels-last path (C == 1 or H*W == 1 counts as
     * channels-last); its backward always does. */
    int fwd_shortcuts;
} cnnc_upsample_geom;
/* Padding sees the last three dims: `planes` blocks of D x H x W in, OD x OH x
 * OW out (D = OD = 1 unless 6 numbers pad dim -3, e.g. the channels). */
typedef struct cnnc_pad2d_geom {
    int64_t planes, D, H, W, OD, OH, OW;
    int64_t left, top, front;   /* may be negative (crop) */
    cnnc_pad2d_mode mode;
    float value;
} cnnc_pad2d_geom;
typedef struct cnnc_bn_geom { int64_t N, C, HW; } cnnc_bn_geom;  /* BatchNorm1d: HW = L, or 1 for [N, C] */
/* GroupNorm, InstanceNorm2d (G = C) and LayerNorm (N = rows, C = the
 * normalized numel, HW = 1, G = 1): statistics per (n, g) over C/G
 * channels x HW, the affine per channel. */
typedef struct cnnc_norm_geom { int64_t N, C, HW, G; } cnnc_norm_geom;

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
/* matmul/bmm/mm as a batch of [M, K] x [K, N] products: the output's batch dims
 * (broadcast), each operand's matrix stride along them (0 where it is
 * broadcast), and whether an operand was 1-d (M = 1 or N = 1, the dim dropped). */
typedef struct cnnc_matmul_geom {
    int32_t nbatch;
    int64_t batch[CNNC_MAX_DIMS], sa[CNNC_MAX_DIMS], sb[CNNC_MAX_DIMS];
    int64_t M, K, N;
    int64_t na, nb;         /* the operands' element counts (their gradients' sizes) */
} cnnc_matmul_geom;
/* permute/transpose: the output's dims (neighbours contiguous in the input
 * merged) and the input's element stride along each. */
typedef struct cnnc_permute_geom {
    int32_t ndim;
    int64_t size[CNNC_MAX_DIMS], stride[CNNC_MAX_DIMS];
} cnnc_permute_geom;
/* narrow and cat as [outer, dim, inner] views: narrow takes [start, start+part)
 * of `whole`; cat's output has `whole` along dim (each input's part is its own). */
typedef struct cnnc_slice_geom { int64_t outer, whole, start, part, inner; } cnnc_slice_geom;
/* slice with a step: `part` elements start, start + step, ... of `whole`. */
typedef struct cnnc_step_slice_geom { int64_t outer, whole, start, step, part, inner; } cnnc_step_slice_geom;

typedef union cnnc_layer_geom {
    cnnc_conv_geom conv;
    cnnc_pool_geom pool;
    cnnc_linear_geom linear;
    cnnc_bn_geom bn;
    cnnc_axis_geom axis;             /* Softmax, LogSoftmax, Dropout2d, cumsum */
    cnnc_plane_geom plane;
    cnnc_upsample_geom upsample;
    cnnc_pad2d_geom pad2d;
    /* ConvTranspose2d: the convolution it is the transpose of, whose input
     * gradient is its output: C, H, W are the transposed conv's output
     * (out_channels, OH, OW) and OC, OH, OW its input; the weight
     * [in_channels, out_channels/groups, kH, kW] is that conv's weight. */
    cnnc_conv_geom convt;
    cnnc_norm_geom norm;
    cnnc_bcast_geom bcast;
    cnnc_reduce_geom reduce;         /* mean, sum, amax, amin */
    cnnc_matmul_geom matmul;
    cnnc_permute_geom permute;
    cnnc_slice_geom slice;
    /* PReLU: weight per channel C of an N x C x HW view (C = 1: one weight for all). */
    cnnc_bn_geom channel;
    /* expand, expand_as, repeat: the output's dims (repeat's seen as [r0, s0, r1,
     * s1, ...]) with the broadcast ones "reduced": forward is the sum's
     * backward (a gather), backward is the sum over them (reduce kernels). */
    cnnc_reduce_geom expand;
    cnnc_step_slice_geom step_slice;
} cnnc_layer_geom;

#ifdef __cplusplus
}
#endif
#endif

/* nn_bad_input.c — what 1.13 raises when a torch.nn layer is called on something that
 * is not a tensor (a tuple from an LSTM or a return_indices pool, a list, None): the
 * first thing each module's forward does with its input decides the words. Each line
 * below was read off torch 1.13 (a module of that class called on a tuple and on None);
 * a class not listed is refused, not guessed. */
#include "py/torch_internal.h"

#include <string.h>

typedef enum {
    BAD_TENSOR_ARG,   /* an ATen function's binder: fn(): argument 'input' (position 1) must be Tensor */
    BAD_INDICES,      /* Embedding: embedding(): argument 'indices' (position 2) */
    BAD_ATTRIBUTE,    /* the forward calls input.<what>() first: AttributeError */
    BAD_CONV,         /* F.convNd's overloads: invalid combination of arguments */
    BAD_NEGATE,       /* Softmin: softmax(-input) */
} bad_form;

static const struct { const char *cls; bad_form form; const char *what; } bad_inputs[] = {
    {"Linear", BAD_TENSOR_ARG, "linear"},
    {"ConvTranspose1d", BAD_TENSOR_ARG, "conv_transpose1d"},
    {"ConvTranspose2d", BAD_TENSOR_ARG, "conv_transpose2d"},
    {"ConvTranspose3d", BAD_TENSOR_ARG, "conv_transpose3d"},
    {"Conv1d", BAD_CONV, "conv1d"},
    {"Conv2d", BAD_CONV, "conv2d"},
    {"Conv3d", BAD_CONV, "conv3d"},
    {"ReLU", BAD_TENSOR_ARG, "relu"},
    {"ReLU6", BAD_TENSOR_ARG, "hardtanh"},
    {"Hardtanh", BAD_TENSOR_ARG, "hardtanh"},
    {"LeakyReLU", BAD_TENSOR_ARG, "leaky_relu"},
    {"ELU", BAD_TENSOR_ARG, "elu"},
    {"CELU", BAD_TENSOR_ARG, "celu"},
    {"SELU", BAD_TENSOR_ARG, "selu"},
    {"GELU", BAD_TENSOR_ARG, "gelu"},
    {"SiLU", BAD_TENSOR_ARG, "silu"},
    {"Mish", BAD_TENSOR_ARG, "mish"},
    {"PReLU", BAD_TENSOR_ARG, "prelu"},
    {"Sigmoid", BAD_TENSOR_ARG, "sigmoid"},
    {"Tanh", BAD_TENSOR_ARG, "tanh"},
    {"Hardswish", BAD_TENSOR_ARG, "hardswish"},
    {"Hardsigmoid", BAD_TENSOR_ARG, "hardsigmoid"},
    {"Hardshrink", BAD_TENSOR_ARG, "hardshrink"},
    {"Softshrink", BAD_TENSOR_ARG, "softshrink"},
    {"Softplus", BAD_TENSOR_ARG, "softplus"},
    {"LogSigmoid", BAD_TENSOR_ARG, "log_sigmoid"},
    {"Threshold", BAD_TENSOR_ARG, "threshold"},
    {"MaxPool1d", BAD_TENSOR_ARG, "max_pool1d"},
    {"MaxPool2d", BAD_TENSOR_ARG, "max_pool2d"},
    {"MaxPool3d", BAD_TENSOR_ARG, "max_pool3d"},
    {"AvgPool1d", BAD_TENSOR_ARG, "avg_pool1d"},
    {"AvgPool2d", BAD_TENSOR_ARG, "avg_pool2d"},
    {"AvgPool3d", BAD_TENSOR_ARG, "avg_pool3d"},
    {"AdaptiveAvgPool1d", BAD_TENSOR_ARG, "adaptive_avg_pool1d"},
    {"AdaptiveMaxPool1d", BAD_TENSOR_ARG, "adaptive_max_pool1d"},
    {"Dropout", BAD_TENSOR_ARG, "dropout"},
    {"AlphaDropout", BAD_TENSOR_ARG, "alpha_dropout"},
    {"LayerNorm", BAD_TENSOR_ARG, "layer_norm"},
    {"PixelShuffle", BAD_TENSOR_ARG, "pixel_shuffle"},
    {"PixelUnshuffle", BAD_TENSOR_ARG, "pixel_unshuffle"},
    {"ChannelShuffle", BAD_TENSOR_ARG, "channel_shuffle"},
    {"Fold", BAD_TENSOR_ARG, "col2im"},
    {"Unfold", BAD_TENSOR_ARG, "im2col"},
    {"ZeroPad2d", BAD_TENSOR_ARG, "pad"},
    {"ConstantPad1d", BAD_TENSOR_ARG, "pad"},
    {"ConstantPad2d", BAD_TENSOR_ARG, "pad"},
    {"ReflectionPad1d", BAD_TENSOR_ARG, "pad"},
    {"ReflectionPad2d", BAD_TENSOR_ARG, "pad"},
    {"ReplicationPad1d", BAD_TENSOR_ARG, "pad"},
    {"ReplicationPad2d", BAD_TENSOR_ARG, "pad"},
    {"Embedding", BAD_INDICES, "embedding"},
    {"BatchNorm1d", BAD_ATTRIBUTE, "dim"},
    {"BatchNorm2d", BAD_ATTRIBUTE, "dim"},
    {"BatchNorm3d", BAD_ATTRIBUTE, "dim"},
    {"InstanceNorm1d", BAD_ATTRIBUTE, "dim"},
    {"InstanceNorm2d", BAD_ATTRIBUTE, "dim"},
    {"InstanceNorm3d", BAD_ATTRIBUTE, "dim"},
    {"Dropout1d", BAD_ATTRIBUTE, "dim"},
    {"Dropout2d", BAD_ATTRIBUTE, "dim"},
    {"Dropout3d", BAD_ATTRIBUTE, "dim"},
    {"Upsample", BAD_ATTRIBUTE, "dim"},
    {"UpsamplingBilinear2d", BAD_ATTRIBUTE, "dim"},
    {"UpsamplingNearest2d", BAD_ATTRIBUTE, "dim"},
    {"LocalResponseNorm", BAD_ATTRIBUTE, "dim"},
    {"Softmax2d", BAD_ATTRIBUTE, "dim"},
    {"GLU", BAD_ATTRIBUTE, "dim"},
    {"RNN", BAD_ATTRIBUTE, "dim"},
    {"LSTM", BAD_ATTRIBUTE, "dim"},
    {"GRU", BAD_ATTRIBUTE, "dim"},
    {"RNNCell", BAD_ATTRIBUTE, "dim"},
    {"LSTMCell", BAD_ATTRIBUTE, "dim"},
    {"GRUCell", BAD_ATTRIBUTE, "dim"},
    {"AdaptiveAvgPool2d", BAD_ATTRIBUTE, "size"},
    {"AdaptiveMaxPool2d", BAD_ATTRIBUTE, "size"},
    {"AdaptiveAvgPool3d", BAD_ATTRIBUTE, "size"},
    {"AdaptiveMaxPool3d", BAD_ATTRIBUTE, "size"},
    {"GroupNorm", BAD_ATTRIBUTE, "size"},
    {"Flatten", BAD_ATTRIBUTE, "flatten"},
    {"Unflatten", BAD_ATTRIBUTE, "unflatten"},
    {"Softmax", BAD_ATTRIBUTE, "softmax"},
    {"LogSoftmax", BAD_ATTRIBUTE, "log_softmax"},
    {"Softsign", BAD_ATTRIBUTE, "abs"},
    {"Tanhshrink", BAD_ATTRIBUTE, "tanh"},
    {"Softmin", BAD_NEGATE, NULL},
};

/* F.convNd's argument types as the module passes them: (input, weight, bias, stride, padding,
 * dilation, groups); a padding_mode other than 'zeros' calls F.pad on the input first. */
static int bad_conv(interp *I, const char *fn, const py_nn *m, const char *type) {
    const int vol = m->layer.kind == CNNC_CONV3D;
    const int has_bias = vol ? m->layer.p.vol.bias : m->layer.p.conv.bias;
    const int pad_str = (vol ? m->layer.p.vol.pad_mode : m->layer.p.conv.pad_mode) != CNNC_PAD_EXPLICIT;
    if (!vol && m->layer.p.conv.padding_mode)
        return py_raise(I, "TypeError", "pad(): argument 'input' (position 1) must be Tensor, not %s", type);
    return py_raise(I, "TypeError",
                    "%s() received an invalid combination of arguments - got (%s, Parameter, %s, tuple, %s, tuple, int), "
                    "but expected one of:", fn, type, has_bias ? "Parameter" : "NoneType", pad_str ? "str" : "tuple");
}

int nn_nontensor_input(interp *I, const cnnc_layer_def *def, const py_nn *module, const py_val *v) {
    const char *type = py_type_name(v);
    if (!(v->t == PV_TUPLE || v->t == PV_LIST || v->t == PV_NONE || v->t == PV_INT || v->t == PV_FLOAT || v->t == PV_BOOL ||
          v->t == PV_STR || v->t == PV_DICT))   /* Python's name for these is their class's, module and all */
        return py_unsupported(I, "cnnc cannot follow nn.%s called on a %s", def->name, type);
    for (size_t k = 0; k < sizeof bad_inputs / sizeof bad_inputs[0]; k++) {
        if (strcmp(bad_inputs[k].cls, def->name)) continue;
        switch (bad_inputs[k].form) {
        case BAD_TENSOR_ARG:
            return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", bad_inputs[k].what, type);
        case BAD_INDICES:
            return py_raise(I, "TypeError", "%s(): argument 'indices' (position 2) must be Tensor, not %s", bad_inputs[k].what, type);
        case BAD_ATTRIBUTE:
            return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", type, bad_inputs[k].what);
        case BAD_CONV:
            if (!module) break;
            return bad_conv(I, bad_inputs[k].what, module, type);
        case BAD_NEGATE:
            return py_raise(I, "TypeError", "bad operand type for unary -: '%s'", type);
        }
    }
    return py_unsupported(I, "cnnc cannot follow nn.%s called on a %s", def->name, type);
}

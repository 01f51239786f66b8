/* rnn_cell.c — nn.RNNCell, nn.LSTMCell, nn.GRUCell: one recurrent step. RNNCellBase's
 * constructor and entries (weight_ih [gates * hidden, input], weight_hh, bias_ih,
 * bias_hh), the cells' forward checks (1-d or 2-d input, then ATen's
 * check_rnn_cell_forward_input / _hidden), and h' of [N, hidden] (LSTMCell's c' is an
 * rnn_state node of the same shape). Check only, as the recurrent modules. */
#include "layers/rnn_common.h"

#include <math.h>
#include <string.h>

static cnnc_status build_cell(cnnc_layer *l, cnnc_rnn_mode mode, const cnnc_arg *const *a, int has_nl, cnnc_error *err) {
    cnnc_rnn_params *q = &l->p.rnn;
    memset(q, 0, sizeof *q);
    q->mode = mode;
    q->num_layers = 1;
    q->cell = 1;
    /* input_size, hidden_size, bias=True, [nonlinearity='tanh'], device, dtype */
    if (has_nl && a[3] && !cnnc_arg_str_is(a[3], "tanh")) {
        if (cnnc_arg_str_is(a[3], "relu")) q->mode = CNNC_RNN_RELU;
        else   /* RNNCell keeps it; its forward raises */
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[3], "NotImplementedError",
                                 "cnnc follows RNNCell with nonlinearity 'tanh' or 'relu'");
    }
    cnnc_status st;
    /* weight_ih = empty((num_chunks * hidden_size, input_size)) */
    if ((st = cnnc_size_arg(a[1], 1, &q->hidden_size, err))) return st;
    if ((st = cnnc_size_arg(a[0], 2, &q->input_size, err))) return st;
    int64_t dims[2] = {cnnc_rnn_gates(q->mode) * q->hidden_size, q->input_size};
    if ((st = cnnc_negative_dim(a[0], dims, 2, err))) return st;
    q->bias = a[2] ? cnnc_arg_truthy(a[2]) : 1;
    return cnnc_device_dtype_args(a[has_nl ? 4 : 3], a[has_nl ? 5 : 4], err);
}

static cnnc_status build_rnn(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return build_cell(l, CNNC_RNN_TANH, a, 1, err);
}
static cnnc_status build_lstm(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return build_cell(l, CNNC_RNN_LSTM, a, 0, err);
}
static cnnc_status build_gru(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return build_cell(l, CNNC_RNN_GRU, a, 0, err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_rnn_params *q = &l->p.rnn;
    const int64_t gate = cnnc_rnn_gates(q->mode) * q->hidden_size;
    const float bound = q->hidden_size > 0 ? 1.0f / sqrtf((float)q->hidden_size) : 0.0f;
    out[0] = (cnnc_param_desc){"weight_ih", CNNC_P_WEIGHT, CNNC_F32, 2, {gate, q->input_size}, CNNC_INIT_UNIFORM, bound};
    out[1] = (cnnc_param_desc){"weight_hh", CNNC_P_WEIGHT, CNNC_F32, 2, {gate, q->hidden_size}, CNNC_INIT_UNIFORM, bound};
    if (!q->bias) return 2;
    out[2] = (cnnc_param_desc){"bias_ih", CNNC_P_BIAS, CNNC_F32, 1, {gate}, CNNC_INIT_UNIFORM, bound};
    out[3] = (cnnc_param_desc){"bias_hh", CNNC_P_BIAS, CNNC_F32, 1, {gate}, CNNC_INIT_UNIFORM, bound};
    return 4;
}

/* forward(input, hx=None): inputs are the input, then h (and LSTMCell's c) when given */
static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_rnn_params *q = &L->p.rnn;
    (void)train;
    const char *name = q->mode == CNNC_RNN_LSTM ? "LSTMCell" : q->mode == CNNC_RNN_GRU ? "GRUCell" : "RNNCell";
    const cnnc_shape *x = ins[0];
    if (x->ndim != 1 && x->ndim != 2)
        return cnnc_shape_fail(err, "AssertionError", "%s: Expected input to be 1-D or 2-D but received %d-D tensor", name,
                               (int)x->ndim);
    const int batched = x->ndim == 2;
    const int64_t n = batched ? x->d[0] : 1, in = x->d[x->ndim - 1];
    /* _VF.*_cell: the input's size, then each hidden's batch and size */
    if (in != q->input_size)
        return cnnc_shape_fail(err, "RuntimeError", "input has inconsistent input_size: got %lld expected %lld", (long long)in,
                               (long long)q->input_size);
    for (int32_t k = 1; k < n_in; k++) {
        cnnc_shape h = *ins[k];
        if (!batched) {   /* hx.unsqueeze(0) */
            if (h.ndim >= CNNC_MAX_DIMS) return cnnc_shape_unsupported(err, "cnnc cannot follow this hidden state");
            memmove(h.d + 1, h.d, (size_t)h.ndim * sizeof h.d[0]);
            h.d[0] = 1;
            h.ndim++;
        }
        if (h.ndim != 2) return cnnc_shape_unsupported(err, "cnnc follows %s with a hidden state of 2 dims, not %d", name, (int)h.ndim);
        /* ATen labels every cell's hidden state 0, LSTMCell's c too */
        if (h.d[0] != n)
            return cnnc_shape_fail(err, "RuntimeError", "Input batch size %lld doesn't match hidden0 batch size %lld", (long long)n,
                                   (long long)h.d[0]);
        if (h.d[1] != q->hidden_size)
            return cnnc_shape_fail(err, "RuntimeError", "hidden0 has inconsistent hidden_size: got %lld, expected %lld",
                                   (long long)h.d[1], (long long)q->hidden_size);
    }
    memset(&ls->out, 0, sizeof ls->out);
    ls->out.ndim = x->ndim;
    if (batched) ls->out.d[0] = n;
    ls->out.d[x->ndim - 1] = q->hidden_size;
    ls->unbatched = !batched;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_rnn_params *q = &L->p.rnn;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)q->input_size, (long long)q->hidden_size);
    if (!q->bias) cnnc_sb_puts(sb, ", bias=False");
    if (q->mode == CNNC_RNN_RELU) cnnc_sb_puts(sb, ", nonlinearity='relu'");
}

#define CELL_DEF_(stem, KIND, NAME, SIG, BUILD)                                                                          \
    const cnnc_layer_def cnnc_layer_##stem = {                                                                          \
        .kind = KIND, .name = NAME, .qualname = NAME, .module = "rnn", .signature = SIG,                               \
        .functional = NULL, /* forward(input, hx=None): src/py/torch_rnn.c */                                          \
        .flags = 0, .build = BUILD, .params = params, .shape = shape, .render = render,                                \
    };
CELL_DEF_(rnncell, CNNC_RNNCELL, "RNNCell", "input_size, hidden_size, bias=True, nonlinearity='tanh', device=None, dtype=None",
          build_rnn)
CELL_DEF_(lstmcell, CNNC_LSTMCELL, "LSTMCell", "input_size, hidden_size, bias=True, device=None, dtype=None", build_lstm)
CELL_DEF_(grucell, CNNC_GRUCELL, "GRUCell", "input_size, hidden_size, bias=True, device=None, dtype=None", build_gru)

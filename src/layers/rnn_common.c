/* rnn_common.c — what nn.RNN, nn.LSTM and nn.GRU share (1.13's RNNBase): the
 * constructor's checks in their order, the state_dict (weight_ih_l{k}{_reverse}, ...),
 * forward's checks of the input and of a given hx, and the shapes of output, h_n and
 * c_n. The kernels are not written: check and summary follow these modules, the
 * engines refuse them when the engine is made. */
#include "layers/rnn_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- constructor */

cnnc_status cnnc_rnn_build(cnnc_layer *l, cnnc_rnn_mode mode, const cnnc_arg *const *a, int first_base, cnnc_error *err) {
    cnnc_rnn_params *q = &l->p.rnn;
    memset(q, 0, sizeof *q);
    q->mode = mode;
    q->num_layers = 1;
    q->bias = 1;
    /* a[first_base + k]: num_layers, bias, batch_first, dropout, bidirectional, proj_size, device, dtype */
    const cnnc_arg *layers = a[first_base], *bias = a[first_base + 1], *bf = a[first_base + 2], *dropout = a[first_base + 3],
                   *bidir = a[first_base + 4], *proj = a[first_base + 5];
    if (dropout) {
        if (dropout->kind == CNNC_ARG_BOOL || !cnnc_arg_is_num(dropout) || cnnc_arg_num(dropout) < 0 || cnnc_arg_num(dropout) > 1)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, dropout, "ValueError",
                                 "dropout should be a number in range [0, 1] representing the probability of an element "
                                 "being zeroed");
        q->dropout = cnnc_arg_num(dropout);
    }
    if (proj) {
        if (!cnnc_arg_is_int(proj))
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, proj, "NotImplementedError", "cnnc follows an int proj_size, not a %s",
                                 cnnc_arg_type_name(proj));
        q->proj_size = proj->i;
        if (q->proj_size < 0)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, proj, "ValueError",
                                 "proj_size should be a positive integer or zero to disable projections");
    }
    const cnnc_arg *hs = a[1], *is = a[0];
    if (!cnnc_arg_is_num(hs))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, hs, "NotImplementedError", "cnnc follows a number for hidden_size, not a %s",
                             cnnc_arg_type_name(hs));
    if ((double)q->proj_size >= cnnc_arg_num(hs))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, proj ? proj : hs, "ValueError", "proj_size has to be smaller than hidden_size");
    if (layers) {
        if (!cnnc_arg_is_int(layers))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, layers, "TypeError", "'%s' object cannot be interpreted as an integer",
                                 cnnc_arg_type_name(layers));
        q->num_layers = layers->i;
    }
    q->bidirectional = bidir ? cnnc_arg_truthy(bidir) : 0;
    q->batch_first = bf ? cnnc_arg_truthy(bf) : 0;
    q->bias = bias ? cnnc_arg_truthy(bias) : 1;
    /* no layer, no weight: flatten_parameters reads the first one */
    if (q->num_layers <= 0) return cnnc_arg_fail(err, CNNC_ERR_PARSE, layers, "IndexError", "list index out of range");
    /* the first layer's weights: empty((gate_size, input_size)) */
    cnnc_status st;
    if ((st = cnnc_size_arg(hs, 1, &q->hidden_size, err))) return st;
    if ((st = cnnc_size_arg(is, 2, &q->input_size, err))) return st;
    int64_t dims[2] = {cnnc_rnn_gates(mode) * q->hidden_size, q->input_size};
    if ((st = cnnc_negative_dim(is, dims, 2, err))) return st;
    const int dirs = q->bidirectional ? 2 : 1;
    if (q->num_layers * dirs > CNNC_RNN_MAX_LAYERS)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, layers, "NotImplementedError",
                             "cnnc follows RNNs of at most %d layers times directions, not %lld", CNNC_RNN_MAX_LAYERS,
                             (long long)(q->num_layers * dirs));
    return cnnc_device_dtype_args(a[first_base + 6], a[first_base + 7], err);
}

int64_t cnnc_rnn_gates(cnnc_rnn_mode mode) { return mode == CNNC_RNN_LSTM ? 4 : mode == CNNC_RNN_GRU ? 3 : 1; }

/* ---------------------------------------------------------------- state_dict */

#define RNN_NAMES_(l)                                                                                               \
    {"weight_ih_l" #l, "weight_hh_l" #l, "bias_ih_l" #l, "bias_hh_l" #l, "weight_hr_l" #l},                        \
    {"weight_ih_l" #l "_reverse", "weight_hh_l" #l "_reverse", "bias_ih_l" #l "_reverse", "bias_hh_l" #l "_reverse", \
     "weight_hr_l" #l "_reverse"},
static const char *const rnn_names[2 * CNNC_RNN_MAX_LAYERS][5] = {RNN_NAMES_(0) RNN_NAMES_(1) RNN_NAMES_(2) RNN_NAMES_(3)
                                                                       RNN_NAMES_(4) RNN_NAMES_(5) RNN_NAMES_(6) RNN_NAMES_(7)};

int32_t cnnc_rnn_entries(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_rnn_params *q = &l->p.rnn;
    const int dirs = q->bidirectional ? 2 : 1;
    const int64_t gate = cnnc_rnn_gates(q->mode) * q->hidden_size, real = q->proj_size > 0 ? q->proj_size : q->hidden_size;
    const float bound = q->hidden_size > 0 ? 1.0f / sqrtf((float)q->hidden_size) : 0.0f;   /* reset_parameters */
    int32_t n = 0;
    for (int64_t layer = 0; layer < q->num_layers && layer < CNNC_RNN_MAX_LAYERS; layer++)
        for (int d = 0; d < dirs; d++) {
            const char *const *nm = rnn_names[2 * layer + d];
            const int64_t in = layer == 0 ? q->input_size : real * dirs;
            if (n + 5 > CNNC_LAYER_MAX_PARAMS) return n;
            out[n++] = (cnnc_param_desc){nm[0], CNNC_P_WEIGHT, CNNC_F32, 2, {gate, in}, CNNC_INIT_UNIFORM, bound};
            out[n++] = (cnnc_param_desc){nm[1], CNNC_P_WEIGHT, CNNC_F32, 2, {gate, real}, CNNC_INIT_UNIFORM, bound};
            if (q->bias) {
                out[n++] = (cnnc_param_desc){nm[2], CNNC_P_BIAS, CNNC_F32, 1, {gate}, CNNC_INIT_UNIFORM, bound};
                out[n++] = (cnnc_param_desc){nm[3], CNNC_P_BIAS, CNNC_F32, 1, {gate}, CNNC_INIT_UNIFORM, bound};
            }
            if (q->proj_size > 0)
                out[n++] = (cnnc_param_desc){nm[4], CNNC_P_WEIGHT, CNNC_F32, 2, {q->proj_size, q->hidden_size}, CNNC_INIT_UNIFORM, bound};
        }
    return n;
}

/* ---------------------------------------------------------------- forward */

static void tuple3(char *buf, size_t cap, int64_t a, int64_t b, int64_t c) {
    snprintf(buf, cap, "(%lld, %lld, %lld)", (long long)a, (long long)b, (long long)c);
}

cnnc_status cnnc_rnn_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                           cnnc_error *err) {
    const cnnc_rnn_params *q = &L->p.rnn;
    (void)train;
    const int lstm = q->mode == CNNC_RNN_LSTM, batched = ins[0]->ndim == 3, batch_dim = q->batch_first ? 0 : 1;
    const int has_hx = n_in > 1;
    cnnc_shape x = *ins[0], h, c;
    memset(&h, 0, sizeof h);
    memset(&c, 0, sizeof c);
    if (has_hx) h = *ins[1];
    if (has_hx && lstm && n_in > 2) c = *ins[2];
    if (!batched) {
        if (x.ndim < batch_dim || x.ndim >= CNNC_MAX_DIMS) {
            const int nn = x.ndim + 1;
            return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %d)",
                                   -nn, nn - 1, batch_dim);
        }
        memmove(x.d + batch_dim + 1, x.d + batch_dim, (size_t)(x.ndim - batch_dim) * sizeof x.d[0]);
        x.d[batch_dim] = 1;
        x.ndim++;
        if (has_hx) {
            if (lstm && (h.ndim != 2 || c.ndim != 2))
                return cnnc_shape_fail(err, "RuntimeError",
                                       "For unbatched 2-D input, hx and cx should also be 2-D but got (%d-D, %d-D) tensors",
                                       (int)h.ndim, (int)c.ndim);
            if (!lstm && h.ndim != 2)
                return cnnc_shape_fail(err, "RuntimeError", "For unbatched 2-D input, hx should also be 2-D but got %d-D tensor",
                                       (int)h.ndim);
            /* hx.unsqueeze(1) */
            h.d[2] = h.d[1]; h.d[1] = 1; h.ndim = 3;
            if (lstm) { c.d[2] = c.d[1]; c.d[1] = 1; c.ndim = 3; }
        }
    } else if (has_hx) {
        if (lstm && (h.ndim != 3 || c.ndim != 3))
            return cnnc_shape_fail(err, "RuntimeError",
                                   "For batched 3-D input, hx and cx should also be 3-D but got (%d-D, %d-D) tensors", (int)h.ndim,
                                   (int)c.ndim);
        if (!lstm && h.ndim != 3)
            return cnnc_shape_fail(err, "RuntimeError", "For batched 3-D input, hx should also be 3-D but got %d-D tensor",
                                   (int)h.ndim);
    }
    /* check_forward_args: the input, then the hidden sizes */
    if (x.ndim != 3) return cnnc_shape_fail(err, "RuntimeError", "input must have 3 dimensions, got %d", (int)x.ndim);
    if (x.d[2] != q->input_size)
        return cnnc_shape_fail(err, "RuntimeError", "input.size(-1) must be equal to input_size. Expected %lld, got %lld",
                               (long long)q->input_size, (long long)x.d[2]);
    const int dirs = q->bidirectional ? 2 : 1;
    const int64_t ld = q->num_layers * dirs, n = x.d[q->batch_first ? 0 : 1], t = x.d[q->batch_first ? 1 : 0];
    const int64_t hout = q->proj_size > 0 ? q->proj_size : q->hidden_size;
    if (has_hx) {
        char want[96];
        tuple3(want, sizeof want, ld, n, hout);
        if (h.ndim != 3 || h.d[0] != ld || h.d[1] != n || h.d[2] != hout) {
            CNNC_FMT_SHAPE(got, &h);
            return cnnc_shape_fail(err, "RuntimeError", lstm ? "Expected hidden[0] size %s, got %s" : "Expected hidden size %s, got %s",
                                   want, got);
        }
        if (lstm && (c.ndim != 3 || c.d[0] != ld || c.d[1] != n || c.d[2] != q->hidden_size)) {
            tuple3(want, sizeof want, ld, n, q->hidden_size);
            CNNC_FMT_SHAPE(got, &c);
            return cnnc_shape_fail(err, "RuntimeError", "Expected hidden[1] size %s, got %s", want, got);
        }
    }
    /* the C++ kernel's own check, after check_forward_args: a batch of 0 runs, no time steps do not */
    if (t == 0) return cnnc_shape_fail(err, "RuntimeError", "Expected sequence length to be larger than 0 in RNN");
    memset(&ls->out, 0, sizeof ls->out);
    if (batched) {
        ls->out.ndim = 3;
        ls->out.d[0] = q->batch_first ? n : t;
        ls->out.d[1] = q->batch_first ? t : n;
        ls->out.d[2] = dirs * hout;
    } else {
        ls->out.ndim = 2;
        ls->out.d[0] = t;
        ls->out.d[1] = dirs * hout;
        ls->unbatched = 1;
    }
    return CNNC_OK;
}

/* h_n or c_n from the module's output: [layers * directions, N, size], without N for an
 * unbatched input. */
cnnc_status cnnc_rnn_state_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train,
                                 cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_rnn_params *q = &L->p.rnn;
    const cnnc_shape *o = ins[0];
    (void)n_in; (void)train; (void)err;
    const int64_t ld = q->num_layers * (q->bidirectional ? 2 : 1);
    const int64_t size = q->state == 2 ? q->hidden_size : q->proj_size > 0 ? q->proj_size : q->hidden_size;
    if (q->cell) {   /* LSTMCell's c' is h''s shape */
        ls->out = *o;
        return CNNC_OK;
    }
    memset(&ls->out, 0, sizeof ls->out);
    ls->out.d[0] = ld;
    if (o->ndim == 3) {
        ls->out.ndim = 3;
        ls->out.d[1] = o->d[q->batch_first ? 0 : 1];
        ls->out.d[2] = size;
    } else {
        ls->out.ndim = 2;
        ls->out.d[1] = size;
    }
    return CNNC_OK;
}

void cnnc_rnn_render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_rnn_params *q = &L->p.rnn;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)q->input_size, (long long)q->hidden_size);
    if (q->num_layers != 1) cnnc_sb_printf(sb, ", num_layers=%lld", (long long)q->num_layers);
    if (q->mode == CNNC_RNN_RELU) cnnc_sb_puts(sb, ", nonlinearity='relu'");
    if (!q->bias) cnnc_sb_puts(sb, ", bias=False");
    if (q->batch_first) cnnc_sb_puts(sb, ", batch_first=True");
    if (q->dropout != 0) cnnc_sb_printf(sb, ", dropout=%g", q->dropout);
    if (q->bidirectional) cnnc_sb_puts(sb, ", bidirectional=True");
    if (q->proj_size) cnnc_sb_printf(sb, ", proj_size=%lld", (long long)q->proj_size);
}

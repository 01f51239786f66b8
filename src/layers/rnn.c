/* rnn.c — nn.RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', ...): RNN's
 * own checks (proj_size, the nonlinearity), then RNNBase's (src/layers/rnn_common.c);
 * check only. */
#include "layers/rnn_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    if (a[8]) return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[8], "ValueError", "proj_size argument is only supported for LSTM, not RNN or GRU");
    cnnc_rnn_mode mode = CNNC_RNN_TANH;
    if (a[3] && cnnc_arg_str_is(a[3], "relu")) mode = CNNC_RNN_RELU;
    else if (a[3] && !cnnc_arg_str_is(a[3], "tanh")) {
        char r[128];
        cnnc_strbuf sb;
        cnnc_sb_fixed(&sb, r, sizeof r);
        if (a[3]->kind == CNNC_ARG_STR) cnnc_sb_printf(&sb, "%.*s", a[3]->slen > 100 ? 100 : (int)a[3]->slen, a[3]->s);
        else cnnc_arg_repr(a[3], &sb);
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[3], "ValueError", "Unknown nonlinearity '%s'", r);
    }
    /* RNNBase's arguments without the nonlinearity */
    const cnnc_arg *b[10] = {a[0], a[1], a[2], a[4], a[5], a[6], a[7], NULL, a[9], a[10]};
    return cnnc_rnn_build(l, mode, b, 2, err);
}

const cnnc_layer_def cnnc_layer_rnn = {
    .kind = CNNC_RNN,
    .name = "RNN",
    .qualname = "RNNBase",
    .module = "rnn",
    .signature = "input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=False, dropout=0.0, "
                 "bidirectional=False, proj_size=0, device=None, dtype=None",
    .functional = NULL,   /* its forward returns (output, h_n): src/py/torch_rnn.c */
    .flags = 0,
    .build = build,
    .params = cnnc_rnn_entries,
    .shape = cnnc_rnn_shape,
    .render = cnnc_rnn_render,
};

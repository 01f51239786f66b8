/* gru.c — nn.GRU(input_size, hidden_size, num_layers=1, ...): RNNBase's constructor and
 * forward (src/layers/rnn_common.c); check only. */
#include "layers/rnn_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    if (a[7]) return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[7], "ValueError", "proj_size argument is only supported for LSTM, not RNN or GRU");
    return cnnc_rnn_build(l, CNNC_RNN_GRU, a, 2, err);
}

const cnnc_layer_def cnnc_layer_gru = {
    .kind = CNNC_GRU,
    .name = "GRU",
    .qualname = "RNNBase",
    .module = "rnn",
    .signature = "input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False, "
                 "proj_size=0, device=None, dtype=None",
    .functional = NULL,   /* its forward returns (output, h_n): src/py/torch_rnn.c */
    .flags = 0,
    .build = build,
    .params = cnnc_rnn_entries,
    .shape = cnnc_rnn_shape,
    .render = cnnc_rnn_render,
};

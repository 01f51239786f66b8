/* lstm.c — nn.LSTM(input_size, hidden_size, num_layers=1, ...): RNNBase's constructor and
 * forward (src/layers/rnn_common.c); check only. */
#include "layers/rnn_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_rnn_build(l, CNNC_RNN_LSTM, a, 2, err);
}

const cnnc_layer_def cnnc_layer_lstm = {
    .kind = CNNC_LSTM,
    .name = "LSTM",
    .qualname = "RNNBase",
    .module = "rnn",
    .signature = "input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False, "
                 "proj_size=0, device=None, dtype=None",
    .functional = NULL,   /* its forward returns (output, (h_n, c_n)): src/py/torch_rnn.c */
    .flags = 0,
    .build = build,
    .params = cnnc_rnn_entries,
    .shape = cnnc_rnn_shape,
    .render = cnnc_rnn_render,
};

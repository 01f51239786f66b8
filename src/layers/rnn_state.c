/* rnn_state.c — an RNN module's h_n (or LSTM's c_n), read off the module's output node
 * (src/layers/rnn_common.c): [num_layers * directions, N, size]. Check only. */
#include "layers/rnn_common.h"

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "%s  # %s", in[0], L->p.rnn.state == 2 ? "c_n" : "h_n");
}

const cnnc_layer_def cnnc_layer_rnn_state = {
    .kind = CNNC_RNN_STATE,
    .name = "rnn_state",
    .functional = NULL,   /* made with its RNN module's call: src/py/torch_rnn.c */
    .flags = 0,
    .shape = cnnc_rnn_state_shape,
    .cost = cnnc_copy_cost,
    .expr = expr,
};

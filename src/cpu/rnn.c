/* rnn.c — nn.RNN, nn.LSTM, nn.GRU and their h_n / c_n (src/layers/rnn_common.c): cnnc
 * checks them but has no recurrent kernels, so the CPU engine refuses them. */
#include "cpu/cpu_backend.h"

static const char *rnn_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no recurrent kernels (check and summary follow RNN, LSTM and GRU)";
}
const cnnc_kernel cnnc_cpu_rnn = {rnn_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_lstm = {rnn_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_gru = {rnn_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_rnn_state = {rnn_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_rnncell = {rnn_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_lstmcell = {rnn_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_grucell = {rnn_unsupported, NULL, NULL, NULL};

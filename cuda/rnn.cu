/* rnn.cu — nn.RNN, nn.LSTM, nn.GRU and their h_n / c_n: no recurrent kernels on CUDA
 * either, so the engine refuses them, as the CPU's. */
#include "backend_cuda.h"

static const char *rnn_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no recurrent kernels (check and summary follow RNN, LSTM and GRU)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_rnn = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_lstm = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_gru = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_rnn_state = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_rnncell = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_lstmcell = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_grucell = {{rnn_unsupported, NULL, NULL, NULL}, NULL, NULL};

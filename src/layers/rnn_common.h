/* rnn_common.h — what nn.RNN, nn.LSTM and nn.GRU share (p.rnn), and the rnn_state
 * kind (their h_n and c_n). */
#ifndef CNNC_RNN_COMMON_H
#define CNNC_RNN_COMMON_H

#include "layers/layer_util.h"

/* RNNBase.__init__'s checks, in its order; a[0], a[1]: input_size, hidden_size; from
 * a[first_base]: num_layers, bias, batch_first, dropout, bidirectional, proj_size, device,
 * dtype (NULL where the signature has none). */
cnnc_status cnnc_rnn_build(cnnc_layer *l, cnnc_rnn_mode mode, const cnnc_arg *const *a, int first_base, cnnc_error *err);
int64_t cnnc_rnn_gates(cnnc_rnn_mode mode);   /* gate_size / hidden_size: 4 LSTM, 3 GRU, 1 RNN */
int32_t cnnc_rnn_entries(const cnnc_layer *l, cnnc_param_desc *out);
/* forward(input, hx=None): inputs are the input, then h_0 (and LSTM's c_0) when given */
cnnc_status cnnc_rnn_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                           cnnc_error *err);
cnnc_status cnnc_rnn_state_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train,
                                 cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_rnn_render(const cnnc_layer *L, cnnc_strbuf *sb);

#endif

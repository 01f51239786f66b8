/* torch_rnn.c — calling an nn.RNN, nn.LSTM or nn.GRU module: forward(input, hx=None)
 * is one node (the output), and h_n (and LSTM's c_n) are rnn_state nodes on it, so
 * the call returns (output, h_n) or (output, (h_n, c_n)) as PyTorch's does. The node's
 * shape rule (src/layers/rnn_common.c) checks the input and a given hx. */
#include "py/torch_internal.h"

#include <string.h>

static int state_node(interp *I, py_nn *module, py_val output, int state, py_val *out) {
    cnnc_layer_params p = module->layer.p;
    p.rnn.state = state;
    return py_trace_op(I, CNNC_RNN_STATE, &p, &output, 1, NULL, state == 2 ? "c_n" : "h_n", out);
}

int torch_rnn_module(interp *I, py_nn *module, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                     py_val *out) {
    const cnnc_layer_kind kind = module->layer.kind;
    const int cell = kind == CNNC_RNNCELL || kind == CNNC_LSTMCELL || kind == CNNC_GRUCELL;
    const int lstm = kind == CNNC_LSTM || kind == CNNC_LSTMCELL;
    const char *qual = kind == CNNC_LSTM ? "LSTM.forward" : kind == CNNC_GRU ? "GRU.forward" : kind == CNNC_RNN ? "RNN.forward"
                     : kind == CNNC_LSTMCELL ? "LSTMCell.forward" : kind == CNNC_GRUCELL ? "GRUCell.forward" : "RNNCell.forward";
    py_val b[2];
    const py_sig *sig = py_sig_cached(I, "input, hx=None", -1);
    if (!sig || py_bind_sig_as(I, sig, qual, 1, PY_BINDER_PYTHON, a, n, kw, kwv, n_kw, b)) return -1;
    py_val ins[3] = {b[0], pv_unbound(), pv_unbound()};
    int32_t n_in = 1;
    if (b[0].t != PV_TENSOR) {   /* forward's first use of it: input.dim() (a tuple from an RNN in nn.Sequential) */
        if (b[0].t == PV_OBJ || b[0].t == PV_OPAQUE) return py_unsupported(I, "cnnc cannot follow %s on a %s", qual, py_type_name(&b[0]));
        return py_raise(I, "AttributeError", "'%s' object has no attribute 'dim'", py_type_name(&b[0]));
    }
    if (b[1].t != PV_UNBOUND && b[1].t != PV_NONE) {
        if (lstm) {
            /* hx[0], hx[1]: a tuple or list of two tensors */
            if ((b[1].t != PV_TUPLE && b[1].t != PV_LIST) || pv_as_seq(b[1])->n != 2 || pv_as_seq(b[1])->v[0].t != PV_TENSOR ||
                pv_as_seq(b[1])->v[1].t != PV_TENSOR)
                return py_unsupported(I, "cnnc cannot follow LSTM's hx as a %s (it follows a pair of tensors)", py_type_name(&b[1]));
            ins[1] = pv_as_seq(b[1])->v[0];
            ins[2] = pv_as_seq(b[1])->v[1];
            n_in = 3;
        } else {
            if (b[1].t != PV_TENSOR) {
                if (b[1].t == PV_TUPLE || b[1].t == PV_LIST)
                    return py_raise(I, "AttributeError", "'%s' object has no attribute 'dim'", py_type_name(&b[1]));
                return py_unsupported(I, "cnnc cannot follow %s's hx as a %s", qual, py_type_name(&b[1]));
            }
            ins[1] = b[1];
            n_in = 2;
        }
    }
    py_val output, h, c;
    if (py_trace_op(I, kind, &module->layer.p, ins, n_in, module, NULL, &output)) return -1;
    if (cell) {   /* h', or LSTMCell's (h', c') */
        if (!lstm) { *out = output; return 0; }
        if (state_node(I, module, output, 2, &c)) return -1;
        py_val hc = pv_seq(I, PV_TUPLE, 2);
        if (hc.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(hc)->v[0] = output;
        pv_as_seq(hc)->v[1] = c;
        *out = hc;
        return 0;
    }
    if (state_node(I, module, output, 1, &h)) return -1;
    py_val r = pv_seq(I, PV_TUPLE, 2);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(r)->v[0] = output;
    pv_as_seq(r)->v[1] = h;
    if (lstm) {
        if (state_node(I, module, output, 2, &c)) return -1;
        py_val hc = pv_seq(I, PV_TUPLE, 2);
        if (hc.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(hc)->v[0] = h;
        pv_as_seq(hc)->v[1] = c;
        pv_as_seq(r)->v[1] = hc;
    }
    *out = r;
    return 0;
}

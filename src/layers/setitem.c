/* setitem.c — `x[key] = value` on a tensor that the graph computes (read from
 * Python source, src/py/torch_tensor.c). The front end checked the index and the
 * value's expand against the indexed view when it read the statement; here the
 * output keeps x's shape. Inputs: x, then the value when the graph computes it
 * (SE_out[:, i] = se(y[:, i]) writes a computed tensor into a constant one).
 * Which values it holds depends on the index, which the node does not keep: check
 * and summary follow it, the backends refuse it when the engine is made. */
#include "layers/layer_util.h"

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)L; (void)n_in; (void)train; (void)err;
    ls->out = *ins[0];
    return CNNC_OK;
}

/* A model file cannot say the index (cnnc convert refuses the node first). */
static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)L; (void)n_in;
    cnnc_sb_puts(sb, in[0]);
}

const cnnc_layer_def cnnc_layer_setitem = {
    .kind = CNNC_SETITEM,
    .name = "__setitem__",
    .functional = NULL,   /* an assignment statement (src/py/torch_tensor.c) */
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .expr = expr,
};

/* leaky_relu.c — LeakyReLU on the CPU, PyTorch's formulas: x > 0 ? x : x * slope
 * (NaN stays NaN); backward g where the input (or, in place, the output) is
 * > 0, else g * slope (a NaN input takes the slope, as PyTorch's kernel). */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void leaky_relu_forward_cpu(float *out, const float *in, int64_t n, float slope) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x > 0.0f ? x : x * slope;
    }
}

void leaky_relu_backward_cpu(float *din, const float *dout, const float *src, int64_t n, float slope) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) din[i] = src[i] > 0.0f ? dout[i] : dout[i] * slope;
}

/* ---- the engine's entry ---- */

static cnnc_status leaky_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    leaky_relu_forward_cpu(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.leaky.negative_slope);
    return CNNC_OK;
}

static cnnc_status leaky_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    const cnnc_leaky_relu_params *q = &r->layer->p.leaky;
    if (r->din[0])
        leaky_relu_backward_cpu(r->din[0], r->dout, q->inplace ? r->out : r->in[0], r->shape->out_numel,
                                (float)q->negative_slope);
    return CNNC_OK;
}

/* PyTorch's in-place backward cannot recover the input's sign from a negative slope. */
static const char *leaky_unsupported(const struct cnnc_engine *e, int32_t node) {
    const cnnc_leaky_relu_params *q = &e->model->layers[node].p.leaky;
    return q->inplace && q->negative_slope < 0.0
               ? "In-place leakyReLu backward calculation is triggered with a negative slope which is not supported. "
                 "This is caused by calling in-place forward function with a negative slope, please call out-of-place "
                 "version instead."
               : NULL;
}

const cnnc_kernel cnnc_cpu_leaky_relu = {leaky_unsupported, NULL, leaky_fwd, leaky_bwd};

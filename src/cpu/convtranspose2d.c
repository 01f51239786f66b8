/* convtranspose2d.c — ConvTranspose2d on the CPU, as the transpose of the
 * convolution in its geometry (cnnc_layer_geom.convt): Conv2d's engines
 * (im2col/col2im or shifted views, with the GEMMs of cpu_gemm) run with the
 * roles of forward and input gradient swapped, so the results are as
 * deterministic as Conv2d's. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

void convtranspose2d_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                                 const cnnc_conv_geom *g, float *workspace) {
    /* the convolution's input gradient, its output gradient being `in` */
    conv2d_backward_cpu(out, NULL, NULL, in, NULL, weight, g, workspace);
    if (!bias) return;
    const int64_t HW = g->H * g->W, planes = g->N * g->C;
#pragma omp parallel for schedule(static) if (planes * HW >= 32768)
    for (int64_t p = 0; p < planes; p++) {
        float *o = out + p * HW;
        const float b = bias[p % g->C];
        for (int64_t i = 0; i < HW; i++) o[i] += b;
    }
}

void convtranspose2d_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                                  const float *in, const float *weight, const cnnc_conv_geom *g,
                                  float *workspace) {
    if (din) conv2d_forward_cpu(din, dout, weight, NULL, g, workspace);
    /* the convolution's weight gradient with its input = our output gradient
     * and its output gradient = our input */
    if (dweight) conv2d_backward_cpu(NULL, dweight, NULL, in, dout, weight, g, workspace);
    if (dbias) {
        const int64_t HW = g->H * g->W;
        const int T = cpu_threads_for(g->C);
#pragma omp parallel for num_threads(T) schedule(static)
        for (int64_t c = 0; c < g->C; c++) {
            double s = 0.0;   /* per channel, samples in order: deterministic */
            for (int64_t n = 0; n < g->N; n++) {
                const float *d = dout + (n * g->C + c) * HW;
                for (int64_t i = 0; i < HW; i++) s += d[i];
            }
            dbias[c] = (float)s;
        }
    }
}

/* ---- the engine's entry ---- */

static int64_t weight_numel(const cnnc_conv_geom *g) { return g->OC * (g->C / g->groups) * g->KH * g->KW; }
static int64_t in_numel(const cnnc_conv_geom *g) { return g->N * g->OC * g->OH * g->OW; }   /* the layer's input */

static size_t convtranspose2d_ws(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    const cnnc_conv_geom *g = &s->g.convt;
    (void)node;
    const int threads = e->cfg.threads > 0 ? e->cfg.threads : cpu_get_threads();
    return (cpu_bf16_operand_floats(e, in_numel(g), weight_numel(g), s->out_numel) +
            conv2d_workspace_floats_cpu(g, threads)) * sizeof(float);
}

static cnnc_status convtranspose2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    const cnnc_conv_geom *g = &r->shape->g.convt;
    (void)train; (void)err;
    const cpu_gemm_operands o = cpu_gemm_operands_of(e, r->in[0], in_numel(g), r->weight, weight_numel(g), NULL, 0,
                                                     cpu_workspace(e));
    convtranspose2d_forward_cpu(r->out, o.in, o.weight, r->bias, g, o.rest);
    return CNNC_OK;
}

static cnnc_status convtranspose2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_conv_geom *g = &r->shape->g.convt;
    (void)err;
    const cpu_gemm_operands o = cpu_gemm_operands_of(e, r->in[0], in_numel(g), r->weight, weight_numel(g), r->dout,
                                                     r->shape->out_numel, cpu_workspace(e));
    /* the bias gradient sums the fp32 gradient (bf16 rounds only GEMM operands) */
    convtranspose2d_backward_cpu(r->din[0], r->dweight, NULL, o.dout, o.in, o.weight, g, o.rest);
    if (r->dbias) convtranspose2d_backward_cpu(NULL, NULL, r->dbias, r->dout, NULL, NULL, g, o.rest);
    return CNNC_OK;
}

static const char *convtranspose2d_unsupported(const struct cnnc_engine *e, int32_t node) {
    return cnnc_tensor_weight_unsupported(&e->model->layers[node]);
}

const cnnc_kernel cnnc_cpu_convtranspose2d = {convtranspose2d_unsupported, convtranspose2d_ws, convtranspose2d_fwd, convtranspose2d_bwd};
/* ConvTranspose1d is stored as a ConvTranspose2d of height 1 (src/layers/convtranspose1d.c). */
const cnnc_kernel cnnc_cpu_convtranspose1d = {NULL, convtranspose2d_ws, convtranspose2d_fwd, convtranspose2d_bwd};

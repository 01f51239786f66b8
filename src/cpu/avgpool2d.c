/* avgpool2d.c — AvgPool2d on the CPU, following PyTorch's CPU kernel window
 * by window (same clipping and divisor rule). Parallel over (n, c) planes. */
#include <math.h>
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

/* One avg-pool window clipped as PyTorch does: *divisor from the window
 * clipped to the padded input (count_include_pad) or to the real input. */
typedef struct avg_window { int64_t h0, h1, w0, w1; float divisor; } avg_window;

static avg_window avg_window_at(const cnnc_pool_geom *g, int64_t oh, int64_t ow) {
    avg_window a;
    int64_t h0 = oh * g->SH - g->PH, w0 = ow * g->SW - g->PW;
    int64_t h1 = h0 + g->KH < g->H + g->PH ? h0 + g->KH : g->H + g->PH;
    int64_t w1 = w0 + g->KW < g->W + g->PW ? w0 + g->KW : g->W + g->PW;
    const int64_t pool_size = (h1 - h0) * (w1 - w0);
    if (h0 < 0) h0 = 0;
    if (w0 < 0) w0 = 0;
    if (h1 > g->H) h1 = g->H;
    if (w1 > g->W) w1 = g->W;
    a.h0 = h0;
    a.h1 = h1;
    a.w0 = w0;
    a.w1 = w1;
    if (g->divisor_override) a.divisor = (float)g->divisor_override;
    else if (g->count_include_pad) a.divisor = (float)pool_size;
    else a.divisor = (float)((h1 - h0) * (w1 - w0));
    return a;
}

void avgpool2d_forward_cpu(float *out, const float *in, const cnnc_pool_geom *g) {
    const int64_t planes = g->N * g->C, HW = g->H * g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < planes; p++) {
        const float *src = in + p * HW;
        float *dst = out + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            for (int64_t ow = 0; ow < OW; ow++) {
                const avg_window a = avg_window_at(g, oh, ow);
                if (a.h0 >= a.h1 || a.w0 >= a.w1) {
                    dst[oh * OW + ow] = 0.0f;
                    continue;
                }
                float sum = 0.0f;
                for (int64_t h = a.h0; h < a.h1; h++)
                    for (int64_t w = a.w0; w < a.w1; w++) sum += src[h * g->W + w];
                dst[oh * OW + ow] = sum / a.divisor;
            }
        }
    }
}

void avgpool2d_backward_cpu(float *din, const float *dout, const cnnc_pool_geom *g) {
    const int64_t planes = g->N * g->C, HW = g->H * g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < planes; p++) {
        float *d = din + p * HW;
        const float *go = dout + p * OH * OW;
        memset(d, 0, (size_t)HW * sizeof(float));
        for (int64_t oh = 0; oh < OH; oh++) {
            for (int64_t ow = 0; ow < OW; ow++) {
                const avg_window a = avg_window_at(g, oh, ow);
                const float share = go[oh * OW + ow] / a.divisor;
                for (int64_t h = a.h0; h < a.h1; h++)
                    for (int64_t w = a.w0; w < a.w1; w++) d[h * g->W + w] += share;
            }
        }
    }
}

/* ---- the engine's entry ---- */

static cnnc_status avgpool2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    avgpool2d_forward_cpu(r->out, r->in[0], &r->shape->g.pool);
    return CNNC_OK;
}

static cnnc_status avgpool2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) avgpool2d_backward_cpu(r->din[0], r->dout, &r->shape->g.pool);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_avgpool2d = {NULL, NULL, avgpool2d_fwd, avgpool2d_bwd};
/* AvgPool1d is avg_pool2d at height 1 (src/layers/avgpool1d.c): the same kernels. */
const cnnc_kernel cnnc_cpu_avgpool1d = {NULL, NULL, avgpool2d_fwd, avgpool2d_bwd};

/* adaptive_pool2d.cu — AdaptiveAvgPool2d and AdaptiveMaxPool2d on CUDA with
 * the CPU kernels' windows, sums and NaN rule. The backwards gather, per
 * input element, over the outputs whose window covers it, in the order the
 * CPU scatter adds them: the results equal the CPU's bit for bit. */
#include <math.h>
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "layers/plane_index.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
adaptive_avg_forward_kernel(float *__restrict__ out, const float *__restrict__ in, cnnc_plane_geom g, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t ow = j % g.OW, oh = (j / g.OW) % g.OH, p = j / (g.OW * g.OH);
        const int64_t h0 = cnnc_adaptive_start(oh, g.OH, g.H), h1 = cnnc_adaptive_end(oh, g.OH, g.H);
        const int64_t w0 = cnnc_adaptive_start(ow, g.OW, g.W), w1 = cnnc_adaptive_end(ow, g.OW, g.W);
        const float *src = in + p * g.H * g.W;
        float sum = 0.0f;
        for (int64_t h = h0; h < h1; h++)
            for (int64_t w = w0; w < w1; w++) sum += src[h * g.W + w];
        out[j] = sum / (float)(h1 - h0) / (float)(w1 - w0);
    }
}

__global__ void __launch_bounds__(kBlock)
adaptive_avg_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_plane_geom g, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t w = j % g.W, h = (j / g.W) % g.H, p = j / (g.W * g.H);
        const float *go = dout + p * g.OH * g.OW;
        /* the outputs whose window covers (h, w) lie in these ranges (ATen's CUDA backward) */
        const int64_t oh0 = cnnc_adaptive_start(h, g.H, g.OH), oh1 = cnnc_adaptive_end(h, g.H, g.OH);
        const int64_t ow0 = cnnc_adaptive_start(w, g.W, g.OW), ow1 = cnnc_adaptive_end(w, g.W, g.OW);
        float acc = 0.0f;
        for (int64_t oh = oh0; oh < oh1 && oh < g.OH; oh++) {
            const int64_t h0 = cnnc_adaptive_start(oh, g.OH, g.H), h1 = cnnc_adaptive_end(oh, g.OH, g.H);
            if (h < h0 || h >= h1) continue;
            for (int64_t ow = ow0; ow < ow1 && ow < g.OW; ow++) {
                const int64_t w0 = cnnc_adaptive_start(ow, g.OW, g.W), w1 = cnnc_adaptive_end(ow, g.OW, g.W);
                if (w < w0 || w >= w1) continue;
                acc += go[oh * g.OW + ow] / (float)(h1 - h0) / (float)(w1 - w0);
            }
        }
        din[j] = acc;
    }
}

__global__ void __launch_bounds__(kBlock)
adaptive_max_forward_kernel(float *__restrict__ out, int32_t *__restrict__ argmax, const float *__restrict__ in,
                            cnnc_plane_geom g, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t ow = j % g.OW, oh = (j / g.OW) % g.OH, p = j / (g.OW * g.OH);
        const int64_t h0 = cnnc_adaptive_start(oh, g.OH, g.H), h1 = cnnc_adaptive_end(oh, g.OH, g.H);
        const int64_t w0 = cnnc_adaptive_start(ow, g.OW, g.W), w1 = cnnc_adaptive_end(ow, g.OW, g.W);
        const float *src = in + p * g.H * g.W;
        int64_t best_i = h0 * g.W + w0;
        float best = -INFINITY;
        for (int64_t h = h0; h < h1; h++)
            for (int64_t w = w0; w < w1; w++) {
                const float v = src[h * g.W + w];
                if (v > best || isnan(v)) { best = v; best_i = h * g.W + w; }
            }
        out[j] = best;
        argmax[j] = (int32_t)best_i;
    }
}

__global__ void __launch_bounds__(kBlock)
adaptive_max_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, const int32_t *__restrict__ argmax,
                             cnnc_plane_geom g, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t w = j % g.W, h = (j / g.W) % g.H, p = j / (g.W * g.H);
        const float *go = dout + p * g.OH * g.OW;
        const int32_t *idx = argmax + p * g.OH * g.OW;
        const int32_t me = (int32_t)(h * g.W + w);
        const int64_t oh0 = cnnc_adaptive_start(h, g.H, g.OH), oh1 = cnnc_adaptive_end(h, g.H, g.OH);
        const int64_t ow0 = cnnc_adaptive_start(w, g.W, g.OW), ow1 = cnnc_adaptive_end(w, g.W, g.OW);
        float acc = 0.0f;
        for (int64_t oh = oh0; oh < oh1 && oh < g.OH; oh++)
            for (int64_t ow = ow0; ow < ow1 && ow < g.OW; ow++)
                if (idx[oh * g.OW + ow] == me) acc += go[oh * g.OW + ow];
        din[j] = acc;
    }
}

} /* namespace */

extern "C" cnnc_status adaptive_avgpool2d_forward_cuda(float *out, const float *in, const cnnc_plane_geom *g,
                                                       cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->planes * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    adaptive_avg_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, in, *g, total);
    CNNC_LAUNCH_CHECK(adaptive_avg_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status adaptive_avgpool2d_backward_cuda(float *din, const float *dout, const cnnc_plane_geom *g,
                                                        cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->planes * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    adaptive_avg_backward_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, *g, total);
    CNNC_LAUNCH_CHECK(adaptive_avg_backward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status adaptive_maxpool2d_forward_cuda(float *out, int32_t *argmax, const float *in, const cnnc_plane_geom *g,
                                                       cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->planes * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    adaptive_max_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, argmax, in, *g, total);
    CNNC_LAUNCH_CHECK(adaptive_max_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status adaptive_maxpool2d_backward_cuda(float *din, const float *dout, const int32_t *argmax,
                                                        const cnnc_plane_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->planes * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    adaptive_max_backward_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, argmax, *g, total);
    CNNC_LAUNCH_CHECK(adaptive_max_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entries ---- */
#include "backend_cuda.h"

static cnnc_status avg_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return adaptive_avgpool2d_forward_cuda(r->out, r->in[0], &r->shape->g.plane, st->stream, err);
}

static cnnc_status avg_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? adaptive_avgpool2d_backward_cuda(r->din[0], r->dout, &r->shape->g.plane, st->stream, err) : CNNC_OK;
}

static cnnc_status max_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return adaptive_maxpool2d_forward_cuda(r->out, (int32_t *)r->aux, r->in[0], &r->shape->g.plane, st->stream, err);
}

static cnnc_status max_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? adaptive_maxpool2d_backward_cuda(r->din[0], r->dout, (const int32_t *)r->aux, &r->shape->g.plane,
                                                        st->stream, err)
                     : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_adaptiveavgpool2d = {{NULL, NULL, avg_fwd, avg_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_adaptivemaxpool2d = {{NULL, NULL, max_fwd, max_bwd}, NULL, NULL};

/* The 1-d forms (a pool at height 1) run on the cpu backend: Conv1d, which feeds
 * them in real nets, has no CUDA engine yet (conv2d.cu). */
static const char *adaptive1d_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "An adaptive 1-d pool runs on the cpu backend only (--device cpu)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_adaptiveavgpool1d = {{adaptive1d_unsupported, NULL, avg_fwd, avg_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_adaptivemaxpool1d = {{adaptive1d_unsupported, NULL, max_fwd, max_bwd}, NULL, NULL};

/* maxpool2d.cu — MaxPool2d forward and backward, and the max-pool fused
 * after Conv2d -> ReLU (bias and ReLU applied as values are read, ReLU's mask
 * applied in the backward gather), with PyTorch's CPU semantics (window
 * clipping, ceil_mode via OH/OW, dilation; the first maximum wins and NaN
 * wins). The backward is a gather: each input pixel sums the outputs whose
 * windows cover it, in (oh, ow) order, the order the CPU scatter adds them,
 * so no atomics and identical sums. Pools whose windows tile the image
 * (kernel == stride, no padding or dilation) run their backward per window
 * instead (maxpool_tiles.h), with the same values. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "maxpool_tiles.h"
#include "pool_dims.h"

namespace {

using namespace cnnc_launch;
using namespace cnnc_pool;

/* kBiasRelu: the input is a bias-less conv output; each value read gets the
 * conv's bias (if any) and ReLU first, exactly as bias_act and relu_forward
 * compute them (v + b, then v < 0 ? 0 : v, which keeps NaN): the fused Conv2d -> ReLU ->
 * MaxPool2d pass, which then never writes the ReLU's output. */
template <typename I, bool kBiasRelu>
__global__ void __launch_bounds__(kBlock)
maxpool_forward_kernel(float *__restrict__ out, int32_t *__restrict__ argmax, const float *__restrict__ in,
                       const float *__restrict__ bias, I C, I total, PoolDims<I> d) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I ow = j % d.OW;
        const I t = j / d.OW;
        const I oh = t % d.OH;
        const I plane = t / d.OH;
        const float *src = in + plane * d.H * d.W;
        const float b = kBiasRelu && bias ? bias[plane % C] : 0.0f;
        const I hs = oh * d.SH - d.PH, ws = ow * d.SW - d.PW;
        const I he = min(hs + (d.KH - 1) * d.DH + 1, d.H);
        const I we = min(ws + (d.KW - 1) * d.DW + 1, d.W);
        const I h0 = first_inside(hs, d.DH), w0 = first_inside(ws, d.DW);
        I best_idx = h0 * d.W + w0;
        float best = -INFINITY;
        for (I h = h0; h < he; h += d.DH) {
            for (I w = w0; w < we; w += d.DW) {
                const I idx = h * d.W + w;
                float v = src[idx];
                if (kBiasRelu) {
                    if (bias) v += b;
                    v = v < 0.0f ? 0.0f : v;
                }
                if (v > best || isnan(v)) {
                    best = v;
                    best_idx = idx;
                }
            }
        }
        out[j] = best;
        if (argmax) argmax[j] = (int32_t)best_idx;
    }
}

/* kReluMask: din is the gradient of the bias-less conv under a fused ReLU,
 * so a window passes its gradient only where its pooled value is not <= 0 (at
 * the argmax, the ReLU's output is the pooled value: ReLU's own mask exactly,
 * NaN passing as in threshold_backward). */
template <typename I, bool kReluMask>
__global__ void __launch_bounds__(kBlock)
maxpool_backward_kernel(float *__restrict__ din, const float *__restrict__ dout,
                        const int32_t *__restrict__ argmax, const float *__restrict__ out, I total, PoolDims<I> d) {
    const I ohw = d.OH * d.OW;
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I w = j % d.W;
        const I t = j / d.W;
        const I h = t % d.H;
        const I plane = t / d.H;
        const float *g = dout + plane * ohw;
        const float *o = kReluMask ? out + plane * ohw : nullptr;
        const int32_t *am = argmax + plane * ohw;
        const int32_t target = (int32_t)(h * d.W + w);
        I oh_lo, oh_hi, ow_lo, ow_hi;
        covering_range(h, d.SH, d.PH, (d.KH - 1) * d.DH + 1, d.OH, &oh_lo, &oh_hi);
        covering_range(w, d.SW, d.PW, (d.KW - 1) * d.DW + 1, d.OW, &ow_lo, &ow_hi);
        float acc = 0.0f;
        for (I oh = oh_lo; oh <= oh_hi; ++oh)
            for (I ow = ow_lo; ow <= ow_hi; ++ow)
                if (am[oh * d.OW + ow] == target && (!kReluMask || !(o[oh * d.OW + ow] <= 0.0f)))
                    acc += g[oh * d.OW + ow];
        din[j] = acc;
    }
}

/* The backward for pools whose windows tile the image (maxpool_tiles.h): one
 * thread per window writes every pixel it owns, reading the window's gradient,
 * argmax (and pooled value) once instead of once per pixel. Same values as the
 * gather: each pixel has at most one window. int32 indices (small_pool). */
template <bool kReluMask>
__global__ void __launch_bounds__(kBlock)
maxpool_backward_tiles_kernel(float *__restrict__ din, const float *__restrict__ dout,
                              const int32_t *__restrict__ argmax, const float *__restrict__ out, int total,
                              cnnc_pool_tiles::Dims d) {
    const int ohw = d.OH * d.OW, hw = d.H * d.W;
    for (int j = blockIdx.x * blockDim.x + threadIdx.x; j < total; j += blockDim.x * gridDim.x) {
        const int plane = j / ohw, p = j - plane * ohw, oh = p / d.OW, ow = p - oh * d.OW;
        cnnc_pool_tiles::window_backward<kReluMask>(din + plane * hw, dout[j], argmax[j], kReluMask ? out[j] : 0.0f,
                                                    d, oh, ow);
    }
}

} /* namespace */


/* The max-pool forward, plain (bias NULL, relu 0) or fused over a bias-less conv (relu 1). */
static cnnc_status maxpool_forward(float *out, int32_t *argmax, const float *in, const float *bias, int relu,
                                   const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    const bool small = small_pool(g);
    if (relu && small)
        maxpool_forward_kernel<int32_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, bias, (int32_t)g->C, (int32_t)total, pool_dims<int32_t>(g));
    else if (relu)
        maxpool_forward_kernel<int64_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, bias, g->C, total, pool_dims<int64_t>(g));
    else if (small)
        maxpool_forward_kernel<int32_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, nullptr, (int32_t)g->C, (int32_t)total, pool_dims<int32_t>(g));
    else
        maxpool_forward_kernel<int64_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, nullptr, g->C, total, pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(maxpool_forward_kernel);
    return CNNC_OK;
}

/* The max-pool backward, plain (out NULL) or under a fused ReLU (out: the pooled values). */
static cnnc_status maxpool_backward(float *din, const float *dout, const int32_t *argmax, const float *out,
                                    const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    const bool small = small_pool(g);
    if (small && bias_relu_maxpool_fusable(g)) {
        const int windows = (int)(g->N * g->C * g->OH * g->OW);
        const cnnc_pool_tiles::Dims d = {(int)g->H, (int)g->W, (int)g->OH, (int)g->OW, (int)g->KH, (int)g->KW};
        if (out)
            maxpool_backward_tiles_kernel<true><<<grid_for(windows), kBlock, 0, stream>>>(din, dout, argmax, out,
                                                                                         windows, d);
        else
            maxpool_backward_tiles_kernel<false><<<grid_for(windows), kBlock, 0, stream>>>(din, dout, argmax, nullptr,
                                                                                          windows, d);
        CNNC_LAUNCH_CHECK(maxpool_backward_tiles_kernel);
        return CNNC_OK;
    }
    if (out && small)
        maxpool_backward_kernel<int32_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, out, (int32_t)total, pool_dims<int32_t>(g));
    else if (out)
        maxpool_backward_kernel<int64_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, out, total, pool_dims<int64_t>(g));
    else if (small)
        maxpool_backward_kernel<int32_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, nullptr, (int32_t)total, pool_dims<int32_t>(g));
    else
        maxpool_backward_kernel<int64_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, nullptr, total, pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(maxpool_backward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status maxpool2d_forward_cuda(float *out, int32_t *argmax, const float *in, const cnnc_pool_geom *g,
                                              cudaStream_t stream, cnnc_error *err) {
    return maxpool_forward(out, argmax, in, nullptr, 0, g, stream, err);
}

extern "C" cnnc_status maxpool2d_backward_cuda(float *din, const float *dout, const int32_t *argmax,
                                               const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    return maxpool_backward(din, dout, argmax, nullptr, g, stream, err);
}

/* ---- Conv2d -> ReLU -> MaxPool2d fused (the engine fuses only non-overlapping pools) ---- */

extern "C" int bias_relu_maxpool_fusable(const cnnc_pool_geom *g) {
    const int64_t dh = g->DH > 0 ? g->DH : 1, dw = g->DW > 0 ? g->DW : 1;
    return g->KH == g->SH && g->KW == g->SW && g->PH == 0 && g->PW == 0 && dh == 1 && dw == 1 && g->KH > 0 &&
           g->KW > 0 && g->H * g->W <= INT32_MAX;
}

static cnnc_status refuse_unfusable(cnnc_error *err) {
    return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                          "fused bias+ReLU+max-pool needs kernel == stride, no padding and no dilation");
}

extern "C" cnnc_status bias_relu_maxpool_forward_cuda(float *out, int32_t *argmax, const float *conv,
                                                      const float *bias, const cnnc_pool_geom *g,
                                                      cudaStream_t stream, cnnc_error *err) {
    if (!bias_relu_maxpool_fusable(g)) return refuse_unfusable(err);
    return maxpool_forward(out, argmax, conv, bias, 1, g, stream, err);
}

extern "C" cnnc_status bias_relu_maxpool_backward_cuda(float *dconv, const float *dout, const float *out,
                                                       const int32_t *argmax, const cnnc_pool_geom *g,
                                                       cudaStream_t stream, cnnc_error *err) {
    if (!bias_relu_maxpool_fusable(g)) return refuse_unfusable(err);
    return maxpool_backward(dconv, dout, argmax, out, g, stream, err);
}


/* ---- the engine's entry: plain, or the fused pass over the conv two nodes back ---- */
#include "backend_cuda.h"

static cnnc_status maxpool2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const int32_t i = r->index;
    if (st->layers[i].fuse == CNNC_FUSE_POOL) {  /* reads the conv's output, adds its bias */
        const int32_t conv = cnnc_cuda_fused_conv_of(e, i);
        const cnnc_layer_slots *c = &e->plan.layers[conv];
        return bias_relu_maxpool_forward_cuda(r->out, (int32_t *)r->aux, (const float *)(e->arena + c->out),
                                              c->bias == CNNC_NO_OFFSET ? NULL : (const float *)(e->arena + c->bias),
                                              &r->shape->g.pool, st->stream, err);
    }
    return maxpool2d_forward_cuda(r->out, (int32_t *)r->aux, r->in[0], &r->shape->g.pool, st->stream, err);
}

static cnnc_status maxpool2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int32_t i = r->index;
    if (st->layers[i].fuse == CNNC_FUSE_POOL) {  /* straight to the conv's output gradient */
        const int32_t conv = cnnc_cuda_fused_conv_of(e, i);
        return bias_relu_maxpool_backward_cuda((float *)(e->arena + e->plan.layers[conv].dout), r->dout, r->out,
                                               (const int32_t *)r->aux, &r->shape->g.pool, st->stream, err);
    }
    return r->din[0] ? maxpool2d_backward_cuda(r->din[0], r->dout, (const int32_t *)r->aux, &r->shape->g.pool,
                                               st->stream, err)
                     : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_maxpool2d = {{NULL, NULL, maxpool2d_fwd, maxpool2d_bwd}, NULL, NULL};

/* The 1-d forms (a pool at height 1) run on the cpu backend: Conv1d, which feeds
 * them in real nets, has no CUDA engine yet (conv2d.cu). */
static const char *maxpool1d_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "MaxPool1d runs on the cpu backend only (--device cpu)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_maxpool1d = {{maxpool1d_unsupported, NULL, maxpool2d_fwd, maxpool2d_bwd}, NULL, NULL};

/* MaxUnpool2d scatters by its pool's indices, which the engine does not keep. */
static const char *maxunpool2d_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "MaxUnpool2d scatters by its MaxPool2d's indices, which cnnc's engines do not keep (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_maxunpool2d = {{maxunpool2d_unsupported, NULL, NULL, NULL}, NULL, NULL};

/* prelu.cu — PReLU on CUDA, as src/cpu/prelu.c, over an [N, C, HW] view with
 * weight[C] (C = 1: one weight): x > 0 ? x : w * x. The weight's gradient is
 * one block per channel summing x * g where x is not > 0, in double, with a
 * fixed split and block_sum's fixed tree (deterministic, no atomics). */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__ on out/in: the engine may hand the same buffer. */
__global__ void __launch_bounds__(kBlock)
prelu_forward_kernel(float *out, const float *in, const float *__restrict__ weight, int64_t total, int64_t C, int64_t HW) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const float x = in[j];
        out[j] = x > 0.0f ? x : weight[(j / HW) % C] * x;
    }
}

__global__ void __launch_bounds__(kBlock)
prelu_backward_input_kernel(float *din, const float *dout, const float *__restrict__ in, const float *__restrict__ weight,
                            int64_t total, int64_t C, int64_t HW) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const float g = dout[j];
        din[j] = in[j] > 0.0f ? g : weight[(j / HW) % C] * g;
    }
}

/* Thread t of channel c's block sums values t, t + kBlock, ... of the channel's N * HW. */
__global__ void __launch_bounds__(kBlock)
prelu_backward_weight_kernel(float *__restrict__ dweight, const float *__restrict__ dout, const float *__restrict__ in,
                             int64_t N, int64_t C, int64_t HW) {
    __shared__ double smem[kBlock / 32];
    const int64_t per_channel = N * HW;
    for (int64_t c = blockIdx.x; c < C; c += gridDim.x) {   /* uniform across the block */
        double acc = 0.0;
        for (int64_t k = threadIdx.x; k < per_channel; k += blockDim.x) {
            const int64_t n = k / HW, at = (n * C + c) * HW + (k - n * HW);
            const float x = in[at];
            if (!(x > 0.0f)) acc += (double)(x * dout[at]);   /* NaN inputs land here, as in PyTorch */
        }
        acc = block_sum(acc, smem);
        if (threadIdx.x == 0) dweight[c] = (float)acc;
    }
}

} /* namespace */

extern "C" cnnc_status prelu_forward_cuda(float *out, const float *in, const float *weight, const cnnc_bn_geom *g,
                                          cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->HW;
    if (total <= 0) return CNNC_OK;
    prelu_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, in, weight, total, g->C, g->HW);
    CNNC_LAUNCH_CHECK(prelu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status prelu_backward_cuda(float *din, float *dweight, const float *dout, const float *in, const float *weight,
                                           const cnnc_bn_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->HW;
    if (din && total > 0) {
        prelu_backward_input_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, in, weight, total, g->C, g->HW);
        CNNC_LAUNCH_CHECK(prelu_backward_input_kernel);
    }
    if (dweight && g->C > 0) {
        const unsigned blocks = grid_units(g->C);   /* a plain name: cu2cpp splits the launch config at commas */
        prelu_backward_weight_kernel<<<blocks, kBlock, 0, stream>>>(dweight, dout, in, g->N, g->C, g->HW);
        CNNC_LAUNCH_CHECK(prelu_backward_weight_kernel);
    }
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status prelu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return prelu_forward_cuda(r->out, r->in[0], r->weight, &r->shape->g.channel, st->stream, err);
}

static cnnc_status prelu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return prelu_backward_cuda(r->din[0], r->dweight, r->dout, r->in[0], r->weight, &r->shape->g.channel, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_prelu = {{NULL, NULL, prelu_fwd, prelu_bwd}, NULL, NULL};

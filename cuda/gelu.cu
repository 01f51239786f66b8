/* gelu.cu — GELU on CUDA, 'none' (erf) and 'tanh', forward and backward with
 * the CPU's float formulas (src/cpu/gelu.c). */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

constexpr float kSqrt1_2 = 0.70710678118654752440f;    /* 1/sqrt(2) */
constexpr float kInvSqrt2Pi = 0.39894228040143267794f; /* 1/sqrt(2 pi) */
constexpr float kSqrt2_Pi = 0.79788456080286535588f;   /* sqrt(2/pi) */
constexpr float kKappa = 0.044715f;

/* No __restrict__: in and out may be the same buffer. */
template <bool kTanh>
__global__ void __launch_bounds__(kBlock) gelu_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        if (kTanh) out[j] = 0.5f * x * (1.0f + tanhf(kSqrt2_Pi * (x + kKappa * (x * x * x))));
        else out[j] = x * 0.5f * (1.0f + erff(x * kSqrt1_2));
    }
}

template <bool kTanh>
__global__ void __launch_bounds__(kBlock)
gelu_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        if (kTanh) {
            const float x_sq = x * x;
            const float t = tanhf(kSqrt2_Pi * (x + kKappa * (x_sq * x)));
            const float left = 0.5f * x, left_derivative = 0.5f * (1.0f + t);
            const float inner_derivative = kSqrt2_Pi * (1.0f + 3.0f * kKappa * x_sq);
            const float right_derivative = left * (1.0f - t * t) * inner_derivative;
            din[j] = dout[j] * (left_derivative + right_derivative);
        } else {
            const float cdf = 0.5f * (1.0f + erff(x * kSqrt1_2));
            const float pdf = kInvSqrt2Pi * expf(x * x * -0.5f);
            din[j] = dout[j] * (cdf + x * pdf);
        }
    }
}

} /* namespace */

extern "C" cnnc_status gelu_forward_cuda(float *out, const float *in, int64_t n, int tanh_approx, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    if (tanh_approx) {
        gelu_forward_kernel<true><<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
        CNNC_LAUNCH_CHECK(gelu_forward_kernel);
    } else {
        gelu_forward_kernel<false><<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
        CNNC_LAUNCH_CHECK(gelu_forward_kernel);
    }
    return CNNC_OK;
}

extern "C" cnnc_status gelu_backward_cuda(float *din, const float *dout, const float *in, int64_t n, int tanh_approx,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    if (tanh_approx) {
        gelu_backward_kernel<true><<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
        CNNC_LAUNCH_CHECK(gelu_backward_kernel);
    } else {
        gelu_backward_kernel<false><<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
        CNNC_LAUNCH_CHECK(gelu_backward_kernel);
    }
    return CNNC_OK;
}

/* ---- the engine's entry (the shape pass refuses an unknown approximation) ---- */

static cnnc_status gelu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return gelu_forward_cuda(r->out, r->in[0], r->shape->out_numel, r->layer->p.gelu.approximate == CNNC_GELU_TANH,
                             st->stream, err);
}

static cnnc_status gelu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return gelu_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel,
                              r->layer->p.gelu.approximate == CNNC_GELU_TANH, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_gelu = {{NULL, NULL, gelu_fwd, gelu_bwd}, NULL, NULL};

/* permute.cu — permute and transpose on CUDA, as permute_*_cpu: a gather
 * through the input's strides forward, the matching scatter (a bijection:
 * each element written once, no atomics) backward. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

__device__ __forceinline__ int64_t in_offset(int64_t o, const cnnc_permute_geom &g) {
    int64_t off = 0;
    for (int k = g.ndim - 1; k >= 0; k--) {
        off += o % g.size[k] * g.stride[k];
        o /= g.size[k];
    }
    return off;
}

__global__ void __launch_bounds__(kBlock)
permute_forward_kernel(float *__restrict__ out, const float *__restrict__ in, cnnc_permute_geom g, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n; o += stride) out[o] = in[in_offset(o, g)];
}

__global__ void __launch_bounds__(kBlock)
permute_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_permute_geom g, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n; o += stride) din[in_offset(o, g)] = dout[o];
}

int64_t numel_of(const cnnc_permute_geom *g) {
    int64_t n = 1;
    for (int32_t k = 0; k < g->ndim; k++) n *= g->size[k];
    return n;
}

} /* namespace */

extern "C" cnnc_status permute_forward_cuda(float *out, const float *in, const cnnc_permute_geom *g, cudaStream_t stream,
                                            cnnc_error *err) {
    const int64_t n = numel_of(g);
    if (n <= 0) return CNNC_OK;
    permute_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, *g, n);
    CNNC_LAUNCH_CHECK(permute_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status permute_backward_cuda(float *din, const float *dout, const cnnc_permute_geom *g,
                                             cudaStream_t stream, cnnc_error *err) {
    const int64_t n = numel_of(g);
    if (n <= 0 || !din) return CNNC_OK;
    permute_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, *g, n);
    CNNC_LAUNCH_CHECK(permute_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entries (transpose is a permute of two dims) ---- */
#include "backend_cuda.h"

static cnnc_status permute_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return permute_forward_cuda(r->out, r->in[0], &r->shape->g.permute, st->stream, err);
}

static cnnc_status permute_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return permute_backward_cuda(r->din[0], r->dout, &r->shape->g.permute, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_permute = {{NULL, NULL, permute_fwd, permute_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_transpose = {{NULL, NULL, permute_fwd, permute_bwd}, NULL, NULL};

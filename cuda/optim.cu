/* optim.cu — SGD and Adam/AdamW as one fused elementwise pass over the flat
 * parameter arena, PyTorch's single-tensor formulas (as sgd_step_cpu /
 * adam_step_cpu). Scalars that depend only on the step (bias corrections)
 * are computed once on the host in double, as PyTorch does in Python.
 * When every pointer is 16-byte aligned the body runs on float4 (one 16-byte
 * access per array per thread), with a scalar tail. */
#include <math.h>
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

bool aligned16(const void *p) { return p == nullptr || ((uintptr_t)p & 15u) == 0; }

struct SgdArgs {
    float lr, momentum, one_minus_dampening, weight_decay;
    int nesterov, first_step;
};

__device__ __forceinline__ void sgd_one(float &p, float g, float &buf, const SgdArgs &a) {
    if (a.weight_decay != 0.0f) g = g + a.weight_decay * p;
    if (a.momentum != 0.0f) {
        buf = a.first_step ? g : a.momentum * buf + a.one_minus_dampening * g;
        g = a.nesterov ? g + a.momentum * buf : buf;
    }
    p = p - a.lr * g;
}

__global__ void __launch_bounds__(kBlock)
sgd_kernel(float *__restrict__ param, const float *__restrict__ grad, float *__restrict__ buf, int64_t n,
           SgdArgs a_arg, int vec, const int64_t *__restrict__ step_dev) {
    SgdArgs a = a_arg;
    if (step_dev) a.first_step = *step_dev <= 1;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    const int64_t tid = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    const bool use_buf = a.momentum != 0.0f;
    int64_t done = 0;
    if (vec) {
        const int64_t n4 = n >> 2;
        float4 *p4 = reinterpret_cast<float4 *>(param);
        const float4 *g4 = reinterpret_cast<const float4 *>(grad);
        float4 *b4 = reinterpret_cast<float4 *>(buf);
        for (int64_t i = tid; i < n4; i += stride) {
            float4 p = p4[i];
            const float4 g = g4[i];
            float4 b = make_float4(0.0f, 0.0f, 0.0f, 0.0f);
            if (use_buf && !a.first_step) b = b4[i];
            sgd_one(p.x, g.x, b.x, a);
            sgd_one(p.y, g.y, b.y, a);
            sgd_one(p.z, g.z, b.z, a);
            sgd_one(p.w, g.w, b.w, a);
            p4[i] = p;
            if (use_buf) b4[i] = b;
        }
        done = n4 << 2;
    }
    for (int64_t i = done + tid; i < n; i += stride) {
        float p = param[i];
        float b = (use_buf && !a.first_step) ? buf[i] : 0.0f;
        sgd_one(p, grad[i], b, a);
        param[i] = p;
        if (use_buf) buf[i] = b;
    }
}

struct AdamArgs {
    float one_minus_beta1, beta2, one_minus_beta2, eps, weight_decay;
    float decay;          /* AdamW: 1 - lr*wd */
    float neg_step_size;  /* -lr / (1 - beta1^t) */
    float bc2_sqrt;       /* sqrt(1 - beta2^t) */
    int adamw;
};

__device__ __forceinline__ void adam_one(float &p, float g, float &m, float &v, const AdamArgs &a) {
    if (a.adamw) p = p * a.decay;
    else if (a.weight_decay != 0.0f) g = g + a.weight_decay * p;
    m = m + a.one_minus_beta1 * (g - m); /* torch.lerp with weight < 0.5 */
    v = a.beta2 * v + a.one_minus_beta2 * g * g;
    const float denom = sqrtf(v) / a.bc2_sqrt + a.eps;
    p = p + a.neg_step_size * (m / denom);
}

__global__ void __launch_bounds__(kBlock)
adam_kernel(float *__restrict__ param, const float *__restrict__ grad, float *__restrict__ m,
            float *__restrict__ v, int64_t n, AdamArgs a_arg, int vec, const float *__restrict__ scalars_dev) {
    AdamArgs a = a_arg;
    if (scalars_dev) {
        a.neg_step_size = scalars_dev[0];
        a.bc2_sqrt = scalars_dev[1];
    }
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    const int64_t tid = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    int64_t done = 0;
    if (vec) {
        const int64_t n4 = n >> 2;
        float4 *p4 = reinterpret_cast<float4 *>(param);
        const float4 *g4 = reinterpret_cast<const float4 *>(grad);
        float4 *m4 = reinterpret_cast<float4 *>(m);
        float4 *v4 = reinterpret_cast<float4 *>(v);
        for (int64_t i = tid; i < n4; i += stride) {
            float4 p = p4[i], mm = m4[i], vv = v4[i];
            const float4 g = g4[i];
            adam_one(p.x, g.x, mm.x, vv.x, a);
            adam_one(p.y, g.y, mm.y, vv.y, a);
            adam_one(p.z, g.z, mm.z, vv.z, a);
            adam_one(p.w, g.w, mm.w, vv.w, a);
            p4[i] = p;
            m4[i] = mm;
            v4[i] = vv;
        }
        done = n4 << 2;
    }
    for (int64_t i = done + tid; i < n; i += stride) {
        float p = param[i], mm = m[i], vv = v[i];
        adam_one(p, grad[i], mm, vv, a);
        param[i] = p;
        m[i] = mm;
        v[i] = vv;
    }
}

/* One thread: take the step (t = ++*step) and derive Adam's bias corrections
 * in double, the formulas adam_step_cuda evaluates on the host. */
__global__ void optim_prepare_kernel(int64_t *step_dev, float *scalars_dev, float lr, float beta1, float beta2) {
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    const int64_t step = ++*step_dev;
    const double t = (double)(step < 1 ? 1 : step);
    const double bc1 = 1.0 - pow((double)beta1, t);
    const double bc2 = 1.0 - pow((double)beta2, t);
    scalars_dev[0] = (float)(-(double)lr / bc1);
    scalars_dev[1] = (float)sqrt(bc2);
}

/* The kernels' constants. step >= 1: SGD's first-step flag and Adam's bias
 * corrections from the host's step; step == 0: the kernels read them from the
 * device counter (optim_prepare_kernel), which a CUDA graph replays. */
SgdArgs sgd_args(float lr, float momentum, float dampening, float weight_decay, int nesterov, int64_t step) {
    SgdArgs a;
    a.lr = lr;
    a.momentum = momentum;
    a.one_minus_dampening = 1.0f - dampening;
    a.weight_decay = weight_decay;
    a.nesterov = nesterov != 0;
    a.first_step = step == 1;
    return a;
}

AdamArgs adam_args(float lr, float beta1, float beta2, float eps, float weight_decay, int adamw, int64_t step) {
    AdamArgs a;
    a.one_minus_beta1 = 1.0f - beta1;
    a.beta2 = beta2;
    a.one_minus_beta2 = 1.0f - beta2;
    a.eps = eps;
    a.weight_decay = weight_decay;
    a.decay = (float)(1.0 - (double)lr * (double)weight_decay);
    a.neg_step_size = 0.0f;
    a.bc2_sqrt = 1.0f;
    if (step >= 1) {
        const double t = (double)step;
        a.neg_step_size = (float)(-(double)lr / (1.0 - pow((double)beta1, t)));
        a.bc2_sqrt = (float)sqrt(1.0 - pow((double)beta2, t));
    }
    a.adamw = adamw != 0;
    return a;
}

cnnc_status launch_sgd(float *param, const float *grad, float *momentum_buf, int64_t n, SgdArgs a,
                       const int64_t *step_dev, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    if (a.momentum != 0.0f && !momentum_buf)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "SGD with momentum needs a momentum buffer");
    const int vec = aligned16(param) && aligned16(grad) && (a.momentum == 0.0f || aligned16(momentum_buf));
    const int64_t work = vec ? (n + 3) / 4 : n;
    sgd_kernel<<<grid_for(work), kBlock, 0, stream>>>(param, grad, a.momentum != 0.0f ? momentum_buf : nullptr, n, a,
                                                      vec, step_dev);
    CNNC_LAUNCH_CHECK(sgd_kernel);
    return CNNC_OK;
}

cnnc_status launch_adam(float *param, const float *grad, float *m, float *v, int64_t n, AdamArgs a,
                        const float *scalars_dev, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    const int vec = aligned16(param) && aligned16(grad) && aligned16(m) && aligned16(v);
    const int64_t work = vec ? (n + 3) / 4 : n;
    adam_kernel<<<grid_for(work), kBlock, 0, stream>>>(param, grad, m, v, n, a, vec, scalars_dev);
    CNNC_LAUNCH_CHECK(adam_kernel);
    return CNNC_OK;
}

} /* namespace */

extern "C" cnnc_status sgd_step_cuda(float *param, const float *grad, float *momentum_buf, int64_t n, float lr,
                                     float momentum, float dampening, float weight_decay, int nesterov,
                                     int64_t step, cudaStream_t stream, cnnc_error *err) {
    return launch_sgd(param, grad, momentum_buf, n,
                      sgd_args(lr, momentum, dampening, weight_decay, nesterov, step < 1 ? 1 : step), nullptr,
                      stream, err);
}

extern "C" cnnc_status adam_step_cuda(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                                      float beta1, float beta2, float eps, float weight_decay, int64_t step,
                                      int adamw, cudaStream_t stream, cnnc_error *err) {
    return launch_adam(param, grad, m, v, n,
                       adam_args(lr, beta1, beta2, eps, weight_decay, adamw, step < 1 ? 1 : step), nullptr, stream,
                       err);
}

/* ---- step counter in device memory (CUDA graphs replay these unchanged) ---- */

extern "C" cnnc_status sgd_step_devstep_cuda(float *param, const float *grad, float *momentum_buf, int64_t n,
                                             float lr, float momentum, float dampening, float weight_decay,
                                             int nesterov, int64_t *step_dev, float *scalars_dev,
                                             cudaStream_t stream, cnnc_error *err) {
    if (momentum != 0.0f && !momentum_buf)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "SGD with momentum needs a momentum buffer");
    optim_prepare_kernel<<<1, 1, 0, stream>>>(step_dev, scalars_dev, lr, 0.0f, 0.0f);
    CNNC_LAUNCH_CHECK(optim_prepare_kernel);
    return launch_sgd(param, grad, momentum_buf, n, sgd_args(lr, momentum, dampening, weight_decay, nesterov, 0),
                      step_dev, stream, err);
}

extern "C" cnnc_status adam_step_devstep_cuda(float *param, const float *grad, float *m, float *v, int64_t n,
                                              float lr, float beta1, float beta2, float eps, float weight_decay,
                                              int adamw, int64_t *step_dev, float *scalars_dev, cudaStream_t stream,
                                              cnnc_error *err) {
    optim_prepare_kernel<<<1, 1, 0, stream>>>(step_dev, scalars_dev, lr, beta1, beta2);
    CNNC_LAUNCH_CHECK(optim_prepare_kernel);
    return launch_adam(param, grad, m, v, n, adam_args(lr, beta1, beta2, eps, weight_decay, adamw, 0), scalars_dev,
                       stream, err);
}

/* optim.cu — SGD, Adam/AdamW, Adadelta, RMSprop and Adagrad as one fused
 * elementwise pass over the flat parameter arena, PyTorch's single-tensor
 * formulas (as src/cpu/optim.c), and clip_grad_norm_ before it. Scalars that
 * depend only on the step (the schedule's lr and momentum, bias corrections)
 * are computed once per step in double, as PyTorch does in Python: on the host
 * for the host-step entries, by a one-thread kernel for the device-step one.
 * When every pointer is 16-byte aligned the body runs on float4 (one 16-byte
 * access per array per thread), with a scalar tail. */
#include <math.h>
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"
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
           SgdArgs a_arg, int vec, const int64_t *__restrict__ step_dev, const cnnc_cuda_optim_scalars *scal) {
    SgdArgs a = a_arg;
    if (step_dev) a.first_step = *step_dev <= 1;
    if (scal) {
        a.lr = scal->lr;
        a.momentum = scal->momentum;
    }
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
            float *__restrict__ v, int64_t n, AdamArgs a_arg, int vec, const cnnc_cuda_optim_scalars *scal) {
    AdamArgs a = a_arg;
    if (scal) {
        a.neg_step_size = scal->neg_step_size;
        a.bc2_sqrt = scal->bc2_sqrt;
        a.one_minus_beta1 = scal->one_minus_momentum;
        a.decay = scal->decay;
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
                       const int64_t *step_dev, const cnnc_cuda_optim_scalars *scal, cudaStream_t stream,
                       cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    /* a schedule may give SGD a momentum (OneCycleLR's cycling): the buffer is always there then */
    const bool use_buf = a.momentum != 0.0f || scal;
    if (use_buf && !momentum_buf)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "SGD with momentum needs a momentum buffer");
    const int vec = aligned16(param) && aligned16(grad) && (!use_buf || aligned16(momentum_buf));
    const int64_t work = vec ? (n + 3) / 4 : n;
    sgd_kernel<<<grid_for(work), kBlock, 0, stream>>>(param, grad, use_buf ? momentum_buf : nullptr, n, a, vec,
                                                      step_dev, scal);
    CNNC_LAUNCH_CHECK(sgd_kernel);
    return CNNC_OK;
}

cnnc_status launch_adam(float *param, const float *grad, float *m, float *v, int64_t n, AdamArgs a,
                        const cnnc_cuda_optim_scalars *scalars_dev, cudaStream_t stream, cnnc_error *err) {
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
                      nullptr, stream, err);
}

extern "C" cnnc_status adam_step_cuda(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                                      float beta1, float beta2, float eps, float weight_decay, int64_t step,
                                      int adamw, cudaStream_t stream, cnnc_error *err) {
    return launch_adam(param, grad, m, v, n,
                       adam_args(lr, beta1, beta2, eps, weight_decay, adamw, step < 1 ? 1 : step), nullptr, stream,
                       err);
}

/* ---- the step number in device memory (CUDA graphs replay these unchanged) ---- */

namespace {

/* clip_grad_norm_, pass 1: each block's sum of squares in double, in a fixed order. */
__global__ void __launch_bounds__(kBlock)
clip_sumsq_kernel(const float *__restrict__ grad, int64_t n, double *__restrict__ partial) {
    __shared__ double smem[kBlock / 32];
    double acc = 0.0;
    for (int64_t i = (int64_t)blockIdx.x * kBlock + threadIdx.x; i < n; i += (int64_t)kBlock * gridDim.x)
        acc += (double)grad[i] * (double)grad[i];
    acc = block_sum(acc, smem);
    if (threadIdx.x == 0) partial[blockIdx.x] = acc;
}

/* Pass 2 (one thread): the norm and the coefficient, in float as torch computes them. */
__global__ void clip_coef_kernel(const double *__restrict__ partial, int blocks, float max_norm,
                                 cnnc_cuda_optim_scalars *scal) {
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    double sq = 0.0;
    for (int b = 0; b < blocks; b++) sq += partial[b];
    const float norm = (float)sqrt(sq);
    float coef = max_norm / (norm + 1e-6f);
    if (coef > 1.0f) coef = 1.0f;
    scal->grad_norm = norm;
    scal->clip_coef = coef;
}

/* Pass 3: grad *= coef, as clip_grad_norm_ leaves the gradients. */
__global__ void __launch_bounds__(kBlock)
clip_scale_kernel(float *__restrict__ grad, int64_t n, const cnnc_cuda_optim_scalars *scal) {
    const float coef = scal->clip_coef;
    for (int64_t i = (int64_t)blockIdx.x * kBlock + threadIdx.x; i < n; i += (int64_t)kBlock * gridDim.x)
        grad[i] *= coef;
}

struct PrepArgs {
    double lr, momentum, beta2, weight_decay, lr_decay;
    int kind;
};

/* One thread: take the step (t = ++*step) and derive its scalars in double, as
 * PyTorch's Python does (and the host-step entries above). */
__global__ void optim_prepare_kernel(int64_t *step_dev, cnnc_cuda_optim_scalars *scal, PrepArgs a,
                                     const double *__restrict__ sched_lr, const double *__restrict__ sched_mom,
                                     int64_t sched_n) {
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    const int64_t step = ++*step_dev;
    double lr = a.lr, mom = a.momentum;
    if (sched_lr && sched_n > 0) {
        const int64_t k = step - 1 < 0 ? 0 : step - 1 >= sched_n ? sched_n - 1 : step - 1;
        lr = sched_lr[k];
        if (sched_mom) mom = sched_mom[k];
    }
    const double t = (double)(step < 1 ? 1 : step);
    scal->lr = (float)lr;
    scal->momentum = (float)mom;
    scal->one_minus_momentum = (float)(1.0 - mom);
    scal->neg_step_size = (float)(-lr / (1.0 - pow(mom, t)));
    scal->bc2_sqrt = (float)sqrt(1.0 - pow(a.beta2, t));
    scal->decay = (float)(1.0 - lr * a.weight_decay);
    if (a.kind == CNNC_OPTIM_ADAGRAD) scal->lr = (float)(lr / (1 + (t - 1) * a.lr_decay));
}

struct RateArgs {
    float rate;         /* Adadelta rho, RMSprop alpha */
    float one_minus_rate;
    float eps, weight_decay;
};

__global__ void __launch_bounds__(kBlock)
adadelta_kernel(float *__restrict__ param, const float *__restrict__ grad, float *__restrict__ square_avg,
                float *__restrict__ acc_delta, int64_t n, RateArgs a, const cnnc_cuda_optim_scalars *scal) {
    const float lr = scal->lr;
    for (int64_t i = (int64_t)blockIdx.x * kBlock + threadIdx.x; i < n; i += (int64_t)kBlock * gridDim.x) {
        float g = grad[i];
        if (a.weight_decay != 0.0f) g = g + a.weight_decay * param[i];
        const float sq = square_avg[i] * a.rate + a.one_minus_rate * g * g;
        square_avg[i] = sq;
        const float std = sqrtf(sq + a.eps);
        const float delta = sqrtf(acc_delta[i] + a.eps) / std * g;
        acc_delta[i] = acc_delta[i] * a.rate + a.one_minus_rate * delta * delta;
        param[i] = param[i] + -lr * delta;
    }
}

__global__ void __launch_bounds__(kBlock)
rmsprop_kernel(float *__restrict__ param, const float *__restrict__ grad, float *__restrict__ square_avg,
               float *__restrict__ momentum_buf, float *__restrict__ grad_avg, int64_t n, RateArgs a,
               const cnnc_cuda_optim_scalars *scal) {
    const float lr = scal->lr, momentum = scal->momentum;
    for (int64_t i = (int64_t)blockIdx.x * kBlock + threadIdx.x; i < n; i += (int64_t)kBlock * gridDim.x) {
        float g = grad[i];
        if (a.weight_decay != 0.0f) g = g + a.weight_decay * param[i];
        const float sq = square_avg[i] * a.rate + a.one_minus_rate * g * g;
        square_avg[i] = sq;
        float avg;
        if (grad_avg) {
            const float ga = grad_avg[i] * a.rate + a.one_minus_rate * g;
            grad_avg[i] = ga;
            avg = sqrtf(sq + -1.0f * ga * ga);
        } else {
            avg = sqrtf(sq);
        }
        avg = avg + a.eps;
        if (momentum > 0.0f) {
            const float buf = momentum_buf[i] * momentum + g / avg;
            momentum_buf[i] = buf;
            param[i] = param[i] + -lr * buf;
        } else {
            param[i] = param[i] + -lr * (g / avg);
        }
    }
}

__global__ void __launch_bounds__(kBlock)
adagrad_kernel(float *__restrict__ param, const float *__restrict__ grad, float *__restrict__ sum, int64_t n,
               float eps, float weight_decay, const cnnc_cuda_optim_scalars *scal) {
    const float clr = scal->lr;
    for (int64_t i = (int64_t)blockIdx.x * kBlock + threadIdx.x; i < n; i += (int64_t)kBlock * gridDim.x) {
        float g = grad[i];
        if (weight_decay != 0.0f) g = g + weight_decay * param[i];
        const float s = sum[i] + g * g;
        sum[i] = s;
        const float std = sqrtf(s) + eps;
        param[i] = param[i] + -clr * (g / std);
    }
}

RateArgs rate_args(float rate, float eps, float weight_decay) {
    RateArgs a;
    a.rate = rate;
    a.one_minus_rate = (float)(1.0 - (double)rate);
    a.eps = eps;
    a.weight_decay = weight_decay;
    return a;
}

} /* namespace */

extern "C" cnnc_status cnnc_cuda_optim_devstep(const cnnc_cuda_optim_launch *L, cudaStream_t stream,
                                               cnnc_error *err) {
    const cnnc_optim_config *o = L->cfg;
    cnnc_cuda_optim_scalars *scal = L->scal_dev;
    const unsigned grid = grid_for(L->n > 0 ? L->n : 1);   /* named: cu2cpp reads "->" in a launch as a bracket */
    if (L->clip_max_norm > 0.0f && L->n > 0) {
        if (!L->clip_partial)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "clip_grad_norm_ needs its partial-sum buffer");
        clip_sumsq_kernel<<<CNNC_CUDA_CLIP_BLOCKS, kBlock, 0, stream>>>(L->grad, L->n, L->clip_partial);
        CNNC_LAUNCH_CHECK(clip_sumsq_kernel);
        clip_coef_kernel<<<1, 1, 0, stream>>>(L->clip_partial, CNNC_CUDA_CLIP_BLOCKS, L->clip_max_norm, scal);
        CNNC_LAUNCH_CHECK(clip_coef_kernel);
        clip_scale_kernel<<<grid, kBlock, 0, stream>>>(L->grad, L->n, scal);
        CNNC_LAUNCH_CHECK(clip_scale_kernel);
    }
    const int beta = o->kind == CNNC_OPTIM_ADAM || o->kind == CNNC_OPTIM_ADAMW;
    PrepArgs p;
    p.lr = (double)o->lr;
    p.momentum = beta ? (double)o->beta1 : (double)o->momentum;
    p.beta2 = (double)o->beta2;
    p.weight_decay = (double)o->weight_decay;
    p.lr_decay = (double)o->lr_decay;
    p.kind = (int)o->kind;
    optim_prepare_kernel<<<1, 1, 0, stream>>>(L->step_dev, scal, p, L->sched_lr, L->sched_momentum, L->sched_n);
    CNNC_LAUNCH_CHECK(optim_prepare_kernel);
    if (L->n <= 0) return CNNC_OK;
    switch (o->kind) {
    case CNNC_OPTIM_SGD:
        return launch_sgd(L->param, L->grad, L->m, L->n, sgd_args(o->lr, o->momentum, o->dampening, o->weight_decay,
                                                                  o->nesterov, 0),
                          L->step_dev, L->sched_lr ? scal : nullptr, stream, err);
    case CNNC_OPTIM_ADAM:
    case CNNC_OPTIM_ADAMW:
        return launch_adam(L->param, L->grad, L->m, L->v, L->n,
                           adam_args(o->lr, o->beta1, o->beta2, o->eps, o->weight_decay, o->kind == CNNC_OPTIM_ADAMW, 0),
                           scal, stream, err);
    case CNNC_OPTIM_ADADELTA:
        adadelta_kernel<<<grid, kBlock, 0, stream>>>(L->param, L->grad, L->v, L->m, L->n,
                                                     rate_args(o->rho, o->eps, o->weight_decay), scal);
        CNNC_LAUNCH_CHECK(adadelta_kernel);
        return CNNC_OK;
    case CNNC_OPTIM_RMSPROP:
        if (o->centered && !L->u)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "RMSprop(centered=True) needs its grad_avg buffer");
        rmsprop_kernel<<<grid, kBlock, 0, stream>>>(L->param, L->grad, L->v, L->m, o->centered ? L->u : nullptr, L->n,
                                                    rate_args(o->alpha, o->eps, o->weight_decay), scal);
        CNNC_LAUNCH_CHECK(rmsprop_kernel);
        return CNNC_OK;
    case CNNC_OPTIM_ADAGRAD:
        adagrad_kernel<<<grid, kBlock, 0, stream>>>(L->param, L->grad, L->v, L->n, o->eps, o->weight_decay, scal);
        CNNC_LAUNCH_CHECK(adagrad_kernel);
        return CNNC_OK;
    default:
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "unknown optimizer kind %d", (int)o->kind);
    }
}

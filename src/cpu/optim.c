/* optim.c — SGD (momentum, dampening, nesterov, weight decay) and Adam/AdamW,
 * written as PyTorch 1.13's single-tensor update so the steps match. */
#include <math.h>
#include "cpu/cpu_kernels.h"

#define OPTIM_PARALLEL_MIN 65536

void sgd_step_cpu(float *param, const float *grad, float *momentum_buf, int64_t n, float lr,
                  float momentum, float dampening, float weight_decay, int nesterov, int64_t step) {
    const int first = step <= 1;
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float d = grad[i];
        if (weight_decay != 0.0f) d += weight_decay * param[i];
        if (momentum != 0.0f && momentum_buf) {
            float buf = first ? d : momentum * momentum_buf[i] + (1.0f - dampening) * d;
            momentum_buf[i] = buf;
            d = nesterov ? d + momentum * buf : buf;
        }
        param[i] -= lr * d;
    }
}

void adam_step_cpu(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                   float beta1, float beta2, float eps, float weight_decay, int64_t step, int adamw) {
    /* Bias corrections in double, as Python computes them. */
    const double bc1 = 1.0 - pow((double)beta1, (double)step);
    const double bc2 = 1.0 - pow((double)beta2, (double)step);
    const float step_size = (float)((double)lr / bc1);
    const float bc2_sqrt = (float)sqrt(bc2);
    const float decay = adamw ? 1.0f - lr * weight_decay : 1.0f;
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float p = param[i], g = grad[i];
        if (adamw) p *= decay;
        else if (weight_decay != 0.0f) g += weight_decay * p;
        const float mi = beta1 * m[i] + (1.0f - beta1) * g;
        const float vi = beta2 * v[i] + (1.0f - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        const float denom = sqrtf(vi) / bc2_sqrt + eps;
        param[i] = p - step_size * mi / denom;
    }
}

/* optim.c — SGD (momentum, dampening, nesterov, weight decay), Adam/AdamW,
 * Adadelta, RMSprop and Adagrad, written as PyTorch 1.13's single-tensor
 * updates (each tensor op rounded to float in its order) so the steps match;
 * and clip_grad_norm_. */
#include <math.h>
#include <string.h>
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

void adam_step_cpu(float *param, const float *grad, float *m, float *v, int64_t n, double lr,
                   double beta1_d, float beta2, float eps, float weight_decay, int64_t step, int adamw) {
    /* exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1): both scalars rounded once from double */
    const float beta1 = (float)beta1_d, one_minus_beta1 = (float)(1.0 - beta1_d);
    /* Bias corrections in double, as Python computes them. */
    const double bc1 = 1.0 - pow(beta1_d, (double)step);
    const double bc2 = 1.0 - pow((double)beta2, (double)step);
    const float step_size = (float)(lr / bc1);
    const float bc2_sqrt = (float)sqrt(bc2);
    const float decay = adamw ? (float)(1.0 - lr * (double)weight_decay) : 1.0f;
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float p = param[i], g = grad[i];
        if (adamw) p *= decay;
        else if (weight_decay != 0.0f) g += weight_decay * p;
        const float mi = beta1 * m[i] + one_minus_beta1 * g;
        const float vi = beta2 * v[i] + (1.0f - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        const float denom = sqrtf(vi) / bc2_sqrt + eps;
        param[i] = p - step_size * mi / denom;
    }
}

void adadelta_step_cpu(float *param, const float *grad, float *square_avg, float *acc_delta, int64_t n, float lr,
                       float rho, float eps, float weight_decay) {
    const float one_minus_rho = (float)(1.0 - (double)rho);
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float g = grad[i];
        if (weight_decay != 0.0f) g = g + weight_decay * param[i];
        const float sq = square_avg[i] * rho + one_minus_rho * g * g;
        square_avg[i] = sq;
        const float std = sqrtf(sq + eps);
        const float delta = sqrtf(acc_delta[i] + eps) / std * g;
        acc_delta[i] = acc_delta[i] * rho + one_minus_rho * delta * delta;
        param[i] = param[i] + -lr * delta;
    }
}

void rmsprop_step_cpu(float *param, const float *grad, float *square_avg, float *momentum_buf, float *grad_avg,
                      int64_t n, float lr, float alpha, float eps, float weight_decay, float momentum) {
    const float one_minus_alpha = (float)(1.0 - (double)alpha);
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float g = grad[i];
        if (weight_decay != 0.0f) g = g + weight_decay * param[i];
        const float sq = square_avg[i] * alpha + one_minus_alpha * g * g;
        square_avg[i] = sq;
        float avg;
        if (grad_avg) {
            const float ga = grad_avg[i] * alpha + one_minus_alpha * g;
            grad_avg[i] = ga;
            avg = sqrtf(sq + -1.0f * ga * ga);
        } else {
            avg = sqrtf(sq);
        }
        avg = avg + eps;
        if (momentum > 0.0f) {
            const float buf = momentum_buf[i] * momentum + g / avg;
            momentum_buf[i] = buf;
            param[i] = param[i] + -lr * buf;
        } else {
            param[i] = param[i] + -lr * (g / avg);
        }
    }
}

void adagrad_step_cpu(float *param, const float *grad, float *sum, int64_t n, double lr, float lr_decay, float eps,
                      float weight_decay, int64_t step) {
    const float clr = (float)(lr / (1 + (double)(step - 1) * (double)lr_decay));
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float g = grad[i];
        if (weight_decay != 0.0f) g = g + weight_decay * param[i];
        const float s = sum[i] + g * g;
        sum[i] = s;
        const float std = sqrtf(s) + eps;
        param[i] = param[i] + -clr * (g / std);
    }
}

float clip_grad_norm_cpu(float *grad, int64_t n, float max_norm) {
    double sq = 0.0;
    for (int64_t i = 0; i < n; i++) sq += (double)grad[i] * (double)grad[i];
    const float norm = (float)sqrt(sq);
    float coef = max_norm / (norm + 1e-6f);
    if (coef > 1.0f) coef = 1.0f;   /* torch.clamp(clip_coef, max=1.0): NaN stays NaN */
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) grad[i] *= coef;
    return norm;
}

void ema_update_cpu(float *avg, const float *src, int64_t n, double decay, int copy) {
    if (copy) {   /* AveragedModel's first update: n_averaged == 0 copies */
        memcpy(avg, src, (size_t)n * sizeof(float));
        return;
    }
    /* decay * avg + (1 - decay) * param: each product rounded to float, then the sum
     * (the Python float scalars are cast to the tensors' float32) */
    const float keep = (float)decay, take = (float)(1.0 - decay);
#pragma omp parallel for schedule(static) if (n >= OPTIM_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float a = keep * avg[i], b = take * src[i];
        avg[i] = a + b;
    }
}

void swap_cpu(float *a, float *b, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        const float t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

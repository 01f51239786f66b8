/* loss.c — the engine's losses: CrossEntropyLoss (mean reduction) with a
 * stable log-softmax and the fused gradient (softmax - onehot) / N, and
 * NLLLoss (mean) for models that end in LogSoftmax. */
#include <math.h>
#include "cpu/cpu_kernels.h"

float cross_entropy_cpu(float *dlogits, int64_t *correct, const float *logits,
                        const int32_t *targets, int64_t N, int64_t C) {
    return cross_entropy_smooth_cpu(dlogits, correct, logits, targets, N, C, 0.0f);
}

float cross_entropy_smooth_cpu(float *dlogits, int64_t *correct, const float *logits, const int32_t *targets,
                               int64_t N, int64_t C, float eps) {
    return cross_entropy_over_cpu(dlogits, correct, logits, targets, N, C, eps, N);
}

float nll_loss_cpu(float *dlogp, int64_t *correct, const float *logp, const int32_t *targets, int64_t N, int64_t C) {
    return nll_loss_over_cpu(dlogp, correct, logp, targets, N, C, N);
}

/* The gradient is of the mean over mean_over samples (a data-parallel rank's
 * share of the global batch's mean: N of them here); the loss returned is the
 * mean over these N. */
float cross_entropy_over_cpu(float *dlogits, int64_t *correct, const float *logits, const int32_t *targets,
                             int64_t N, int64_t C, float eps, int64_t mean_over) {
    double total = 0.0;
    int64_t hits = 0;
    const float inv_n = 1.0f / (float)mean_over;
    for (int64_t i = 0; i < N; i++) {
        const float *z = logits + i * C;
        int64_t arg = 0;
        float zmax = z[0];
        for (int64_t c = 1; c < C; c++)
            if (z[c] > zmax) {
                zmax = z[c];
                arg = c;
            }
        double sum = 0.0;
        for (int64_t c = 0; c < C; c++) sum += exp((double)z[c] - zmax);
        const double logsum = log(sum) + zmax;
        const int32_t t = targets[i];
        if (eps == 0.0f) {
            total += logsum - z[t];
        } else {
            double all = 0.0;   /* the sum over classes of -logp */
            for (int64_t c = 0; c < C; c++) all += logsum - z[c];
            total += (1.0 - (double)eps) * (logsum - z[t]) + (double)eps / (double)C * all;
        }
        hits += arg == t;
        if (dlogits) {
            float *d = dlogits + i * C;
            if (eps == 0.0f) {
                for (int64_t c = 0; c < C; c++) d[c] = (float)exp((double)z[c] - logsum) * inv_n;
                d[t] -= inv_n;
            } else {
                const double off = (double)eps / (double)C, on = 1.0 - (double)eps + off;
                for (int64_t c = 0; c < C; c++)
                    d[c] = (float)((exp((double)z[c] - logsum) - (c == t ? on : off)) / (double)mean_over);
            }
        }
    }
    if (correct) *correct += hits;
    return (float)(total / (double)N);
}

float nll_loss_over_cpu(float *dlogp, int64_t *correct, const float *logp, const int32_t *targets, int64_t N,
                        int64_t C, int64_t mean_over) {
    double total = 0.0;
    int64_t hits = 0;
    const float inv_n = 1.0f / (float)mean_over;
    for (int64_t i = 0; i < N; i++) {
        const float *z = logp + i * C;
        int64_t arg = 0;
        for (int64_t c = 1; c < C; c++)
            if (z[c] > z[arg]) arg = c;
        const int32_t t = targets[i];
        total -= (double)z[t];
        hits += arg == t;
        if (dlogp) {
            float *d = dlogp + i * C;
            for (int64_t c = 0; c < C; c++) d[c] = 0.0f;
            d[t] = -inv_n;
        }
    }
    if (correct) *correct += hits;
    return (float)(total / (double)N);
}

/* act.c — elementwise layers: ReLU and Dropout. Dropout's mask comes from the
 * counter-based RNG in rng.h, so it is the same on every backend and thread count. */
#include "cpu/cpu_kernels.h"
#include "cpu/cpu_internal.h"
#include "engine/rng.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void relu_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}

void relu_backward_cpu(float *din, const float *dout, const float *out, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float d = dout[i]; /* unconditional load: lets the loop vectorise */
        din[i] = out[i] > 0.0f ? d : 0.0f;
    }
}

void dropout_forward_cpu(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                         uint64_t seed, uint64_t offset) {
    if (p >= 1.0f) { /* PyTorch returns zeros rather than scaling by 1/0 */
        for (int64_t i = 0; i < n; i++) {
            out[i] = 0.0f;
            mask[i] = 0;
        }
        return;
    }
    const float scale = 1.0f / (1.0f - p);
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const int keep = cnnc_dropout_keep(seed, offset, (uint64_t)i, p);
        mask[i] = (uint8_t)keep;
        out[i] = keep ? in[i] * scale : 0.0f;
    }
}

void dropout_backward_cpu(float *din, const float *dout, const uint8_t *mask, int64_t n, float p) {
    const float scale = p >= 1.0f ? 0.0f : 1.0f / (1.0f - p);
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float d = dout[i] * scale;
        din[i] = mask[i] ? d : 0.0f;
    }
}

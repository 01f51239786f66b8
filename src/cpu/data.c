/* data.c — batch assembly: pick samples through an index array and normalise
 * as torchvision's ToTensor + Normalize: (u8 / 255 - mean) / std. */
#include "cpu/cpu_kernels.h"

void gather_batch_cpu(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                      const int32_t *indices, int64_t n, int64_t pixels, float mean, float std) {
    for (int64_t i = 0; i < n; i++) {
        const int64_t src = indices[i];
        const uint8_t *img = images + src * pixels;
        float *dst = x + i * pixels;
        for (int64_t p = 0; p < pixels; p++) dst[p] = ((float)img[p] / 255.0f - mean) / std;
        if (y) y[i] = labels[src];
    }
}

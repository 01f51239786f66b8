/* data.c — batch assembly: pick samples through an index array and normalise
 * as torchvision's ToTensor + Normalize: (u8 / 255 - mean) / std. */
#include "cpu/cpu_kernels.h"
#include "engine/augment.h"

void gather_batch_cpu(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                      const int32_t *indices, int64_t n, int64_t pixels, float mean, float std) {
    for (int64_t i = 0; i < n; i++) {
        const int64_t src = indices ? indices[i] : i;   /* NULL: the samples in batch order (streamed) */
        const uint8_t *img = images + src * pixels;
        float *dst = x + i * pixels;
        for (int64_t p = 0; p < pixels; p++) dst[p] = ((float)img[p] / 255.0f - mean) / std;
        if (y) y[i] = labels[src];
    }
}

/* The same with each sample cropped and flipped by its augmentation code
 * (engine/augment.h): codes[i] goes with indices[i]; pixels outside the image
 * are the zero padding, normalised as any other 0. */
void gather_batch_aug_cpu(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels, const int32_t *indices,
                          const int32_t *codes, int64_t n, int64_t channels, int64_t height, int64_t width, int32_t pad,
                          float mean, float std) {
    const int64_t plane = height * width, pixels = channels * plane;
    const float zero = ((float)0 / 255.0f - mean) / std;
    for (int64_t i = 0; i < n; i++) {
        const int64_t src = indices ? indices[i] : i;   /* NULL: the samples in batch order (streamed) */
        const uint8_t *img = images + src * pixels;
        float *dst = x + i * pixels;
        const int32_t code = codes[i];
        const int64_t dy = CNNC_AUG_OY(code) - pad, dx = CNNC_AUG_OX(code) - pad;
        const int flip = CNNC_AUG_FLIP(code);
        for (int64_t c = 0; c < channels; c++)
            for (int64_t yy = 0; yy < height; yy++) {
                const int64_t sy = yy + dy;
                float *row = dst + c * plane + yy * width;
                if (sy < 0 || sy >= height) {
                    for (int64_t xx = 0; xx < width; xx++) row[xx] = zero;
                    continue;
                }
                const uint8_t *srow = img + c * plane + sy * width;
                for (int64_t xx = 0; xx < width; xx++) {
                    const int64_t sx = (flip ? width - 1 - xx : xx) + dx;
                    row[xx] = sx >= 0 && sx < width ? ((float)srow[sx] / 255.0f - mean) / std : zero;
                }
            }
        if (y) y[i] = labels[src];
    }
}

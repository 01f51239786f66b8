/* data.cu — batch gather from the device-resident u8 dataset:
 * x[i] = (images[order[start+i]] / 255 - mean) / std, y[i] = labels[order[start+i]],
 * with the same float operations, in the same order, as gather_batch_cpu. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"
#include "engine/augment.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
gather_batch_kernel(float *__restrict__ x, int32_t *__restrict__ y, const uint8_t *__restrict__ images,
                    const uint8_t *__restrict__ labels, const int32_t *__restrict__ order_arg, int64_t n,
                    int64_t pixels, float mean, float std, const int64_t *__restrict__ start_dev) {
    const int32_t *order = start_dev ? order_arg + *start_dev : order_arg;
    const int64_t total = n * pixels;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t i = j / pixels;
        const int64_t p = j - i * pixels;
        const int64_t src = (int64_t)order[i];
        x[j] = ((float)images[src * pixels + p] / 255.0f - mean) / std;
        if (j < n && y) y[j] = (int32_t)labels[order[j]];
    }
}

/* --augment: each output pixel reads its sample's code (engine/augment.h) and the
 * one source pixel it comes from, or the zero padding: the crop and flip cost
 * index arithmetic in the same single pass. */
__global__ void __launch_bounds__(kBlock)
gather_batch_aug_kernel(float *__restrict__ x, int32_t *__restrict__ y, const uint8_t *__restrict__ images,
                        const uint8_t *__restrict__ labels, const int32_t *__restrict__ order_arg,
                        const int32_t *__restrict__ codes_arg, int64_t n, int64_t channels, int64_t height,
                        int64_t width, int32_t pad, float mean, float std, const int64_t *__restrict__ start_dev) {
    const int64_t off = start_dev ? *start_dev : 0;
    const int32_t *order = order_arg + off;
    const int32_t *codes = codes_arg + off;
    const int64_t plane = height * width, pixels = channels * plane;
    const int64_t total = n * pixels;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t i = j / pixels;
        const int64_t p = j - i * pixels;
        const int64_t c = p / plane;
        const int64_t r = p - c * plane;
        const int64_t yy = r / width;
        const int64_t xx = r - yy * width;
        const int32_t code = codes[i];
        const int64_t sy = yy + CNNC_AUG_OY(code) - pad;
        const int64_t sx = (CNNC_AUG_FLIP(code) ? width - 1 - xx : xx) + CNNC_AUG_OX(code) - pad;
        const int64_t src = (int64_t)order[i];
        const uint8_t v = sy >= 0 && sy < height && sx >= 0 && sx < width
                              ? images[src * pixels + c * plane + sy * width + sx]
                              : (uint8_t)0;
        x[j] = ((float)v / 255.0f - mean) / std;
        if (j < n && y) y[j] = (int32_t)labels[order[j]];
    }
}

} /* namespace */

extern "C" cnnc_status gather_batch_aug_cuda(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                                             const int32_t *order, const int32_t *codes, int64_t start,
                                             const int64_t *start_dev, int64_t n, int64_t channels, int64_t height,
                                             int64_t width, int32_t pad, float mean, float std, cudaStream_t stream,
                                             cnnc_error *err) {
    const int64_t total = n * channels * height * width;
    if (total <= 0) return CNNC_OK;
    gather_batch_aug_kernel<<<grid_for(total), kBlock, 0, stream>>>(
        x, y, images, labels, order + (start_dev ? 0 : start), codes + (start_dev ? 0 : start), n, channels, height,
        width, pad, mean, std, start_dev);
    CNNC_LAUNCH_CHECK(gather_batch_aug_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status gather_batch_cuda(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                                         const int32_t *order, int64_t start, int64_t n, int64_t pixels,
                                         float mean, float std, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || pixels <= 0) return CNNC_OK;
    gather_batch_kernel<<<grid_for(n * pixels), kBlock, 0, stream>>>(x, y, images, labels, order + start, n,
                                                                     pixels, mean, std, nullptr);
    CNNC_LAUNCH_CHECK(gather_batch_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status gather_batch_devstart_cuda(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                                                  const int32_t *order, const int64_t *start_dev, int64_t n,
                                                  int64_t pixels, float mean, float std, cudaStream_t stream,
                                                  cnnc_error *err) {
    if (n <= 0 || pixels <= 0) return CNNC_OK;
    gather_batch_kernel<<<grid_for(n * pixels), kBlock, 0, stream>>>(x, y, images, labels, order, n, pixels, mean,
                                                                     std, start_dev);
    CNNC_LAUNCH_CHECK(gather_batch_kernel);
    return CNNC_OK;
}

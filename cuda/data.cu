/* data.cu — batch gather from the device-resident u8 dataset:
 * x[i] = (images[order[start+i]] / 255 - mean) / std, y[i] = labels[order[start+i]],
 * with the same float operations, in the same order, as gather_batch_cpu. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

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

} /* namespace */

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

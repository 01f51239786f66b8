/* batchnorm1d.cu — BatchNorm1d on CUDA: BatchNorm2d's kernels and entries,
 * [N, C] and [N, C, L] being N x C x HW with HW = 1 or L (cnnc_bn_geom). */
#include "backend_cuda.h"

extern "C" const cnnc_cuda_kernel cnnc_cuda_batchnorm1d = {
    {NULL, cnnc_cuda_batchnorm_ws, cnnc_cuda_batchnorm_forward, cnnc_cuda_batchnorm_backward},
    cnnc_cuda_batchnorm_sync, cnnc_cuda_batchnorm_replayed};

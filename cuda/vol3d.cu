/* vol3d.cu — the volume kinds on CUDA, as src/cpu/vol3d.c: BatchNorm3d runs
 * BatchNorm2d's kernels with HW = D*H*W; the 3-d convolutions and pools are refused. */
#include "backend_cuda.h"

static const char *vol3d_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no 3-d convolution or pooling kernels yet (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_conv3d = {{vol3d_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_convtranspose3d = {{vol3d_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_maxpool3d = {{vol3d_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_avgpool3d = {{vol3d_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_adaptiveavgpool3d = {{vol3d_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_adaptivemaxpool3d = {{vol3d_unsupported, NULL, NULL, NULL}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_batchnorm3d = {
    {NULL, cnnc_cuda_batchnorm_ws, cnnc_cuda_batchnorm_forward, cnnc_cuda_batchnorm_backward},
    cnnc_cuda_batchnorm_sync, cnnc_cuda_batchnorm_replayed};

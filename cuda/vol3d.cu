/* vol3d.cu — the volume kinds on CUDA, as src/cpu/vol3d.c: the 3-d convolutions and
 * pools are refused (BatchNorm3d's entry is batchnorm2d.cu's kernels with HW = D*H*W). */
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

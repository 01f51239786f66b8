/* layernorm.cu — LayerNorm on CUDA: GroupNorm's kernels with one group per
 * row, the normalized elements as its channels (cnnc_norm_geom). */
#include "backend_cuda.h"

extern "C" const cnnc_cuda_kernel cnnc_cuda_layernorm = {
    {NULL, NULL, cnnc_cuda_groupnorm_forward, cnnc_cuda_groupnorm_backward}, NULL, NULL};

/* layernorm.c — LayerNorm on the CPU: GroupNorm's kernels with one group per
 * row, the normalized elements as its channels (cnnc_norm_geom). */
#include "cpu/cpu_backend.h"

const cnnc_kernel cnnc_cpu_layernorm = {NULL, NULL, cnnc_cpu_groupnorm_forward, cnnc_cpu_groupnorm_backward};

/* batchnorm1d.c — BatchNorm1d on the CPU: BatchNorm2d's kernels, [N, C] and
 * [N, C, L] being N x C x HW with HW = 1 or L (cnnc_bn_geom). */
#include "cpu/cpu_backend.h"

const cnnc_kernel cnnc_cpu_batchnorm1d = {NULL, NULL, cnnc_cpu_batchnorm_forward, cnnc_cpu_batchnorm_backward};

/* vol3d.c — Conv3d, ConvTranspose3d and the 3-d pools have no CPU kernels yet, so the
 * engine refuses them. (BatchNorm3d, InstanceNorm3d and Dropout3d run their 2-d
 * kernels with the plane being D*H*W: their entries sit with those kernels.) */
#include "cpu/cpu_backend.h"

static const char *vol3d_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no 3-d convolution or pooling kernels yet (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_conv3d = {vol3d_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_convtranspose3d = {vol3d_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_maxpool3d = {vol3d_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_avgpool3d = {vol3d_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_adaptiveavgpool3d = {vol3d_unsupported, NULL, NULL, NULL};
const cnnc_kernel cnnc_cpu_adaptivemaxpool3d = {vol3d_unsupported, NULL, NULL, NULL};

/* cmd_devices.c — `cnnc devices`: CUDA devices with compute capability and
 * memory, and library versions; or why there are none (exit 4). */
#include "cli/cli.h"

int cmd_devices(int argc, char **argv) {
    (void)argv;
    if (argc > 1) return cli_usage("devices", "takes no arguments");
    char versions[256];
    cnnc_cuda_versions(versions, sizeof versions);
    cnnc_error err;
    cnnc_error_clear(&err);
    int count = cnnc_cuda_device_count(&err);
    printf("%s\n", versions);
    if (count <= 0) {
        printf("no usable CUDA device: %s\n", err.message);
        return 4;
    }
    for (int i = 0; i < count; i++) {
        cnnc_device_info info;
        cnnc_error_clear(&err);
        if (cnnc_cuda_device_info(i, &info, &err) != CNNC_OK) return cli_fail(&err);
        printf("cuda:%d  %s  compute capability %d.%d  %d SMs  %.1f GiB total, %.1f GiB free\n", i, info.name,
               info.major, info.minor, info.multiprocessors, (double)info.total_bytes / (1 << 30),
               (double)info.free_bytes / (1 << 30));
    }
    return 0;
}

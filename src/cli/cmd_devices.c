/* cmd_devices.c — `cnnc devices`: whether the CUDA plugin loaded (and if not,
 * which library is missing and how to install it), CUDA devices with compute
 * capability and memory, and library versions; or why there are none (exit 4). */
#include <string.h>

#include "cli/cli.h"

static const cli_option OPTIONS[] = {{NULL, NULL, NULL}};
static const cli_command_help HELP = {
    "devices", "",
    "Whether the CUDA plugin (libcnnc-cuda.so) loaded, CUDA devices with compute capability and memory, and "
    "library versions; or why there are none: the library that is missing and how to install it (exit 4).",
    OPTIONS, 0, NULL,
};

int cmd_devices(int argc, char **argv) {
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    if (argc > 1 && argv[1][0] == '-') return cli_unknown_option(&HELP, argv[1]);
    if (argc > 1) return cli_usage_of(&HELP, "takes no arguments");
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_cuda_plugin_load(&err) != CNNC_OK) {
        printf("CUDA plugin: not loaded: %s\n", err.message);
        if (err.hint[0] && !strstr(err.message, err.hint)) printf("  hint: %s\n", err.hint);
        return 4;
    }
    printf("CUDA plugin: %s\n", cnnc_cuda_plugin_path());
    char versions[256];
    cnnc_cuda_versions(versions, sizeof versions);
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

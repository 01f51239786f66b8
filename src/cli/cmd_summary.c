/* cmd_summary.c — `cnnc summary MODEL [--input CxHxW] [--details]`: the table
 * torchsummary.summary(model, input_size) prints; --details adds kernel
 * shapes and multiply-accumulates. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cnnc/summary.h"

int cmd_summary(int argc, char **argv) {
    const char *path = NULL, *input = NULL;
    int details = 0;
    for (int i = 1; i < argc; i++) {
        int r = cli_flag(argc, argv, &i, "--input", &input);
        if (r < 0) return cli_usage("summary", "--input needs a shape like 1x28x28");
        if (r > 0) continue;
        if (!strcmp(argv[i], "--details")) details = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("summary", "unknown option '%s'\nusage: cnnc summary MODEL [--input CxHxW] [--details]", argv[i]);
        else if (!path) path = argv[i];
        else return cli_usage("summary", "more than one model file ('%s', '%s')", path, argv[i]);
    }
    if (!path) return cli_usage("summary", "no model file\nusage: cnnc summary MODEL [--input CxHxW] [--details]");
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_shape sample;
    if (input && cnnc_shape_parse(input, &sample, &err) != CNNC_OK) return cli_usage("summary", "%s", err.message);
    cnnc_model *model = NULL;
    int rc = cli_load_model(path, &model);
    if (rc) return rc;
    if (!input) {
        if (!model->has_input) {
            cnnc_model_free(model);
            return cli_usage("summary", "%s has no `input = (C, H, W)`; pass --input CxHxW", path);
        }
        sample.ndim = model->input_ndim;
        for (int32_t i = 0; i < model->input_ndim; i++) sample.d[i] = model->input[i];
    }
    char *text = cnnc_summary(model, &sample, details, &err);
    cnnc_model_free(model);
    if (!text) return cli_fail(&err);
    fputs(text, stdout);
    free(text);
    return 0;
}

/* cmd_summary.c — `cnnc summary MODEL [--input CxHxW]... [--class C] [--args A] [--details]`:
 * the table torchsummary.summary(model, input_size) prints; --details adds
 * kernel shapes and multiply-accumulates. For a .py class the rows are the
 * module calls its forward makes (torchsummary's hooks), and a forward that
 * fails prints PyTorch's exception, as summary() would raise it. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cnnc/summary.h"

#define MAX_INPUTS 8

static const cli_option OPTIONS[] = {
    {"--input", "CxHxW", "per-sample input shape, once per forward input (default: the model's)"},
    {"--class", "NAME", "the nn.Module class of a .py source"},
    {"--args", "'A, B'", "its constructor's arguments, as Python text"},
    {"--details", NULL, "add kernel shapes and multiply-accumulates"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "summary", "MODEL [options]",
    "The table torchsummary.summary(model, input_size) prints, for a model file or a .py source.",
    OPTIONS, 0, NULL,
};

static int summary_py(const char *path, const char *cls, const char *args, const cnnc_shape *samples, int n_samples,
                      int details) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_source *src = NULL;
    cnnc_status st = cnnc_source_load(path, &src, &err);
    if (st) return cli_fail(&err);
    cnnc_shape in[MAX_INPUTS];
    int n_in = n_samples;
    for (int k = 0; k < n_samples; k++) {
        in[k].ndim = samples[k].ndim + 1;
        in[k].d[0] = 2;   /* torchsummary runs torch.rand(2, *input_size) */
        for (int32_t i = 0; i < samples[k].ndim; i++) in[k].d[i + 1] = samples[k].d[i];
    }
    if (n_in == 0) {
        if ((st = cnnc_source_default_input(src, cls, args, &in[0], &err)) != CNNC_OK) {
            cnnc_source_free(src);
            return cli_fail(&err);
        }
        n_in = 1;
    }
    cnnc_trace *t = NULL;
    st = cnnc_source_trace(src, cls, args, in, n_in, 1, &t, &err);
    cnnc_source_free(src);
    if (st) {
        cnnc_trace_free(t);
        return cli_fail(&err);
    }
    cnnc_shape per[MAX_INPUTS];
    for (int k = 0; k < n_in; k++) {
        per[k].ndim = in[k].ndim - 1;
        for (int32_t i = 1; i < in[k].ndim; i++) per[k].d[i - 1] = in[k].d[i];
    }
    char *text = cnnc_summary_table(t->rows, t->n_rows, per, n_in, &err);
    char *more = text && details ? cnnc_summary_details(t->model, in, n_in, &err) : NULL;
    cnnc_trace_free(t);
    if (!text || (details && !more)) {
        free(text);
        return cli_fail(&err);
    }
    fputs(text, stdout);
    if (more) fputs(more, stdout);
    free(text);
    free(more);
    return 0;
}

int cmd_summary(int argc, char **argv) {
    const char *path = NULL, *cls = NULL, *args = NULL;
    cnnc_shape samples[MAX_INPUTS];
    int n_samples = 0, details = 0;
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if ((r = cli_flag(argc, argv, &i, "--input", &v)) != 0) {
            cnnc_error e;
            cnnc_error_clear(&e);
            if (r < 0 || n_samples == MAX_INPUTS || cnnc_shape_parse(v, &samples[n_samples], &e) != CNNC_OK ||
                samples[n_samples].ndim < 1 || samples[n_samples].ndim > 3)
                return cli_usage("summary", "--input needs a per-sample shape like 1x28x28 (once per forward input, at most %d)", MAX_INPUTS);
            n_samples++;
        } else if ((r = cli_flag(argc, argv, &i, "--class", &v)) != 0) {
            if (r < 0) return cli_usage("summary", "--class needs a class name");
            cls = v;
        } else if ((r = cli_flag(argc, argv, &i, "--args", &v)) != 0) {
            if (r < 0) return cli_usage("summary", "--args needs the constructor's arguments, e.g. --args '3, 10'");
            args = v;
        } else if (!strcmp(argv[i], "--details")) {
            details = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_unknown_option(&HELP, argv[i]);
        } else if (!path) {
            path = argv[i];
        } else {
            return cli_usage("summary", "more than one model file ('%s', '%s')", path, argv[i]);
        }
    }
    if (!path) return cli_usage_of(&HELP, "no model file");
    if (cli_is_py(path)) return summary_py(path, cls, args, samples, n_samples, details);
    if (cls || args) return cli_usage("summary", "--class and --args choose a class in a .py source; %s is a model file", path);
    if (n_samples > 1) return cli_usage("summary", "a model file takes one input");
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    int rc = cli_open_model("summary", path, NULL, NULL, 1, &model);
    if (rc) return rc;
    cnnc_shape sample = samples[0];
    if (!n_samples) {
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

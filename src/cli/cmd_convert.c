/* cmd_convert.c — `cnnc convert MODEL.py [--class NAME] [--args A] [--input SHAPE] -o MODEL.cnn`:
 * write the model file equivalent to a PyTorch nn.Module class: its modules
 * under the same state_dict names and a forward() over the traced graph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cnnc/pyread.h"

static const cli_option OPTIONS[] = {
    {"-o, --out", "MODEL.cnn", "the model file to write (default, or -: standard output)"},
    {"--class", "NAME", "the nn.Module class (default: the source's only or last one)"},
    {"--args", "'A, B'", "its constructor's arguments, as Python text"},
    {"--input", "SHAPE", "batched input shape to trace with, like 2x1x28x28 (default: the source's)"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "convert", "MODEL.py [options] -o MODEL.cnn",
    "Write the model file equivalent to a PyTorch nn.Module class: its modules under the same state_dict names "
    "and a forward() over the traced graph.",
    OPTIONS, 0, NULL,
};

int cmd_convert(int argc, char **argv) {
    const char *path = NULL, *out = NULL, *cls = NULL, *input = NULL, *args = NULL;
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if ((r = cli_flag(argc, argv, &i, "-o", &v)) != 0 || (r = cli_flag(argc, argv, &i, "--out", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "-o needs a file");
            out = v;
        } else if ((r = cli_flag(argc, argv, &i, "--class", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "--class needs a name");
            cls = v;
        } else if ((r = cli_flag(argc, argv, &i, "--args", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "--args needs the constructor's arguments, e.g. --args '3, 10'");
            args = v;
        } else if ((r = cli_flag(argc, argv, &i, "--input", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "--input needs a shape like 2x1x28x28");
            input = v;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_unknown_option(&HELP, argv[i]);
        } else if (!path) {
            path = argv[i];
        } else {
            return cli_usage("convert", "more than one source ('%s', '%s')", path, argv[i]);
        }
    }
    if (!path) return cli_usage_of(&HELP, "no source");
    if (!cli_is_py(path)) return cli_usage("convert", "%s is not a .py source", path);
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_shape shape;
    if (input && (cnnc_shape_parse(input, &shape, &err) || shape.ndim < 2))
        return cli_usage("convert", "--input needs a batched shape like 2x1x28x28");
    cnnc_source *src = NULL;
    cnnc_status st = cnnc_source_load(path, &src, &err);
    if (st) return cli_fail(&err);
    if (!input && (st = cnnc_source_default_input(src, cls, args, &shape, &err)) != CNNC_OK) {
        cnnc_source_free(src);
        return cli_fail(&err);
    }
    cnnc_trace *t = NULL;
    st = cnnc_source_trace(src, cls, args, &shape, 1, 1, &t, &err);
    cnnc_source_free(src);
    char *text = NULL;
    if (st == CNNC_OK) st = cnnc_trace_to_model_text(t, &text, &err);
    cnnc_trace_free(t);
    if (st) return cli_fail(&err);
    /* the written file must read back as a model */
    cnnc_model *m = NULL;
    st = cnnc_model_parse(text, strlen(text), out ? out : "<stdout>", &m, &err);
    cnnc_model_free(m);
    if (st) { free(text); return cli_fail(&err); }
    if (!out || !strcmp(out, "-")) {
        int bad = fputs(text, stdout) < 0 || fflush(stdout) != 0;
        free(text);
        if (bad) { fprintf(stderr, "OSError: cnnc convert: cannot write to standard output\n"); return 3; }
        return 0;
    }
    /* a reader of `out` sees the old file or the new one, never half a file */
    st = cnnc_io_write_atomic(out, text, strlen(text), &err);
    free(text);
    if (st) return cli_fail(&err);
    return 0;
}

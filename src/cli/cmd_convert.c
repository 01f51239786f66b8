/* cmd_convert.c — `cnnc convert MODEL.py [--class NAME] [--input SHAPE] -o MODEL.cnn`:
 * write the model file equivalent to a PyTorch nn.Module source, so the
 * engine can train it. Views become Flatten() only where that is exact. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cnnc/pyread.h"

int cmd_convert(int argc, char **argv) {
    const char *path = NULL, *out = NULL, *cls = NULL, *input = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if ((r = cli_flag(argc, argv, &i, "-o", &v)) != 0 || (r = cli_flag(argc, argv, &i, "--out", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "-o needs a file");
            out = v;
        } else if ((r = cli_flag(argc, argv, &i, "--class", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "--class needs a name");
            cls = v;
        } else if ((r = cli_flag(argc, argv, &i, "--input", &v)) != 0) {
            if (r < 0) return cli_usage("convert", "--input needs a shape like 2x1x28x28");
            input = v;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("convert", "unknown option '%s'\nusage: cnnc convert MODEL.py [--class NAME] [--input SHAPE] -o MODEL.cnn", argv[i]);
        } else if (!path) {
            path = argv[i];
        } else {
            return cli_usage("convert", "more than one source ('%s', '%s')", path, argv[i]);
        }
    }
    if (!path) return cli_usage("convert", "no source\nusage: cnnc convert MODEL.py [--class NAME] [--input SHAPE] -o MODEL.cnn");
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_shape shape;
    if (input && cnnc_shape_parse(input, &shape, &err)) return cli_usage("convert", "%s", err.message);
    cnnc_py_model *pm = NULL;
    cnnc_status st = cnnc_py_load(path, cls, &pm, &err);
    if (st) return cli_fail(&err);
    char *text = NULL;
    st = cnnc_py_to_model_text(pm, input ? &shape : NULL, &text, &err);
    cnnc_py_free(pm);
    if (st) return cli_fail(&err);
    /* the written file must read back as a model */
    cnnc_model *m = NULL;
    st = cnnc_model_parse(text, strlen(text), out ? out : "<stdout>", &m, &err);
    cnnc_model_free(m);
    if (st) { free(text); return cli_fail(&err); }
    FILE *f = out && strcmp(out, "-") ? fopen(out, "wb") : stdout;
    if (!f) { free(text); fprintf(stderr, "cnnc convert: cannot write '%s'\n", out); return 3; }
    fputs(text, f);
    int bad = f != stdout ? fclose(f) != 0 : fflush(f) != 0;
    free(text);
    if (bad) { fprintf(stderr, "cnnc convert: cannot write '%s'\n", out); return 3; }
    return 0;
}

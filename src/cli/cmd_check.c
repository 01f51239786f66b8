/* cmd_check.c — `cnnc check`: run the shape pass as PyTorch would, on model
 * files and on the nn.Module classes of .py sources, and report the output
 * shape or PyTorch's exception with where it happened, the shape trail and
 * a hint. One file: its models in detail. Several paths, a directory, or
 * --as-list (pre-commit passes one or more staged files): one line per model
 * and a count line, files without models passed over. --fix, --sweep and the output formats
 * are in check_fix.c, check_sweep.c and check_report.c.
 *
 * Exit codes: 0 all ok (or skipped), 1 a shape error, 2 a Python error
 * (SyntaxError, TypeError ...) or an unreadable file or bad usage, 6 code
 * cnnc cannot follow (nothing is claimed about it), 3 out of memory. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/check.h"

static const cli_option OPTIONS[] = {
    {"--input", "SHAPE", "batched input shape like 2x1x28x28; repeat for more (default: the model's); 'A;B' is one forward(a, b)"},
    {"--class", "NAME", "check only this nn.Module class of one .py source"},
    {"--args", "'A, B'", "its constructor's arguments, as Python text (with --class)"},
    {"--format", "text|json|github|sarif", "output format (default text)"},
    {"--json", NULL, "--format json"},
    {"--jobs", "N", "files, or sweep rows, checked at once (1..1024)"},
    {"--fix", NULL, "apply the suggested edits to one model until it validates; print the result"},
    {"--sweep", "H=LO..HI[,W=LO..HI]|HW=LO..HI", "which input sizes validate, for one model"},
    {"--batch", "N", "batch size of the --input shapes and the sweep"},
    {"--as-list", NULL, "one line per model and a count line even for one file (pre-commit)"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "check", "PATH... [options]",
    "Run the shape pass as PyTorch would on model files and .py sources (files or directories) and report the "
    "output shape, or PyTorch's exception with where it happened, the shape trail and a hint.",
    OPTIONS, 0, NULL,
};

static int parse_format(const char *v, check_format *f) {
    if (!strcmp(v, "text")) *f = FORMAT_TEXT;
    else if (!strcmp(v, "json")) *f = FORMAT_JSON;
    else if (!strcmp(v, "github")) *f = FORMAT_GITHUB;
    else if (!strcmp(v, "sarif")) *f = FORMAT_SARIF;
    else return 0;
    return 1;
}

static int is_dir(const char *p) {
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int cmd_check(int argc, char **argv) {
    check_opts o;
    memset(&o, 0, sizeof o);
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    char **paths = (char **)calloc((size_t)argc, sizeof *paths);
    int n_paths = 0, rc = 0, as_list = 0;
    if (!paths) return cli_out_of_memory("check", "the path list");
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r;
        if ((r = cli_flag(argc, argv, &i, "--input", &v)) != 0) {
            cnnc_error e;
            cnnc_error_clear(&e);
            /* "A;B": one forward of several inputs, model(a, b), as the corpora's cases write it */
            for (const char *part = v; r > 0 && part;) {
                const char *semi = strchr(part, ';');
                char one[256];
                const size_t len = semi ? (size_t)(semi - part) : strlen(part);
                if (len >= sizeof one || o.n_inputs == CHECK_MAX_INPUTS) { r = -1; break; }
                memcpy(one, part, len);
                one[len] = 0;
                if (cnnc_shape_parse(one, &o.inputs[o.n_inputs], &e) != CNNC_OK) { r = -1; break; }
                o.n_inputs++;
                if (semi) o.per_input = 1;
                part = semi ? semi + 1 : NULL;
            }
            if (r < 0) {
                rc = cli_usage("check", "--input needs a shape like 2x1x28x28, or shapes joined by ';' for one forward of "
                                        "several inputs (at most %d)", CHECK_MAX_INPUTS);
                goto out;
            }
        } else if ((r = cli_flag(argc, argv, &i, "--class", &v)) != 0) {
            if (r < 0) { rc = cli_usage("check", "--class needs a class name"); goto out; }
            o.class_name = v;
        } else if ((r = cli_flag(argc, argv, &i, "--args", &v)) != 0) {
            if (r < 0) { rc = cli_usage("check", "--args needs the constructor's arguments, e.g. --args '64, 128, stride=2'"); goto out; }
            o.args = v;
        } else if ((r = cli_flag(argc, argv, &i, "--jobs", &v)) != 0) {
            int64_t n;
            if (r < 0 || !cli_parse_i64(v, &n) || n < 1 || n > 1024) { rc = cli_usage("check", "--jobs needs 1..1024"); goto out; }
            o.jobs = (int)n;
        } else if ((r = cli_flag(argc, argv, &i, "--batch", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &o.batch) || o.batch < 1) { rc = cli_usage("check", "--batch needs a positive int"); goto out; }
        } else if ((r = cli_flag(argc, argv, &i, "--sweep", &v)) != 0) {
            if (r < 0) { rc = cli_usage("check", "--sweep needs H=LO..HI[,W=LO..HI] or HW=LO..HI"); goto out; }
            o.sweep = v;
        } else if ((r = cli_flag(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0 || !parse_format(v, &o.format)) { rc = cli_usage("check", "--format is text, json, github or sarif"); goto out; }
        } else if (!strcmp(argv[i], "--json")) {
            o.format = FORMAT_JSON;
        } else if (!strcmp(argv[i], "--fix")) {
            o.fix = 1;
        } else if (!strcmp(argv[i], "--as-list")) {
            as_list = o.as_list = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            rc = cli_unknown_option(&HELP, argv[i]);
            goto out;
        } else {
            paths[n_paths++] = argv[i];
        }
    }
    if (!n_paths) { rc = cli_usage_of(&HELP, "no model file or directory"); goto out; }
    if (o.batch > 0)
        for (int k = 0; k < o.n_inputs; k++) o.inputs[k].d[0] = o.batch;
    if (o.args && !o.class_name) { rc = cli_usage("check", "--args goes with --class NAME (the class it constructs)"); goto out; }
    if (o.sweep && o.fix) {
        /* a sweep reports which sizes validate; --fix edits the source for one size */
        rc = cli_usage("check", "--fix and --sweep do not combine: a sweep reports sizes, --fix edits the model for one "
                                "input (use --fix with --input)");
        goto out;
    }
    if (o.sweep || o.fix) {
        if (n_paths != 1 || is_dir(paths[0])) { rc = cli_usage("check", "%s takes one model file or .py source", o.sweep ? "--sweep" : "--fix"); goto out; }
        if (o.fix && o.format != FORMAT_TEXT) { rc = cli_usage("check", "--fix writes the fixed source; it takes no --format"); goto out; }
        rc = o.sweep ? check_sweep(&o, paths[0]) : check_fix(&o, paths[0]);
        goto out;
    }
    if (o.class_name && !(n_paths == 1 && cli_is_py(paths[0]))) {
        rc = cli_usage("check", "--class names a class in one .py source");
        goto out;
    }
    if (n_paths == 1 && !is_dir(paths[0]) && !as_list) {
        /* one file: its models in detail, no count line */
        o.single = 1;
        o.detailed = o.format == FORMAT_TEXT;
        o.jobs = 1;
    }
    rc = check_many(&o, paths, n_paths);
out:
    free(paths);
    return rc;
}

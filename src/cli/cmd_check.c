/* cmd_check.c — `cnnc check MODEL [--input SHAPE]... [--fix] [--json]`:
 * run the shape pass as PyTorch would and report the output shape, or the
 * PyTorch error with location, shape trail and hint. --fix applies the
 * suggested model edits until every input validates and prints the model. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/check_many.h"

#define CHECK_MAX_INPUTS 32

static const char *fix_field_name(cnnc_fix_field f) {
    switch (f) {
    case CNNC_FIX_IN_FEATURES: return "in_features";
    case CNNC_FIX_IN_CHANNELS: return "in_channels";
    case CNNC_FIX_NUM_FEATURES: return "num_features";
    case CNNC_FIX_INPUT_HW: return "input_hw";
    default: return NULL;
    }
}

static void json_result(FILE *f, const cnnc_model *m, const cnnc_shape *in, cnnc_status st, const cnnc_shape *out,
                        const cnnc_error *err) {
    fputs("{\"input\": ", f);
    cli_json_shape(f, in);
    if (st == CNNC_OK) {
        fputs(", \"ok\": true, \"output\": ", f);
        cli_json_shape(f, out);
        fputs("}\n", f);
        return;
    }
    fputs(", \"ok\": false, \"error\": {\"type\": ", f);
    cli_json_str(f, err->type);
    fputs(", \"message\": ", f);
    cli_json_str(f, err->message);
    fputs(", \"file\": ", f);
    cli_json_str(f, err->file);
    fprintf(f, ", \"line\": %d, \"layer\": ", err->line);
    cli_json_str(f, err->layer_index >= 0 ? m->layers[err->layer_index].name : "");
    fputs(", \"kind\": ", f);
    cli_json_str(f, err->layer_index >= 0 ? cnnc_layer_kind_name(m->layers[err->layer_index].kind) : "");
    fputs(", \"trail\": ", f);
    cli_json_str(f, err->trail);
    fputs(", \"hint\": ", f);
    cli_json_str(f, err->hint);
    const char *field = fix_field_name(err->fix.field);
    if (field) {
        fputs(", \"fix\": {\"field\": ", f);
        cli_json_str(f, field);
        if (err->fix.field == CNNC_FIX_INPUT_HW)
            fprintf(f, ", \"height\": %lld, \"width\": %lld}", (long long)err->fix.value, (long long)err->fix.value2);
        else {
            fputs(", \"layer\": ", f);
            cli_json_str(f, m->layers[err->fix.layer_index].name);
            fprintf(f, ", \"value\": %lld}", (long long)err->fix.value);
        }
    }
    fputs("}}\n", f);
}

/* Apply model fixes for every input until all validate. Each applied fix is
 * written back into the text and the text re-parsed, so spans stay right and
 * the result is exactly what a user would get by loading the printed file. */
static int fix_model(cnnc_model **model, const cnnc_shape *inputs, int n_inputs, cnnc_error *err) {
    for (int round = 0; round < 256; round++) {
        int all_ok = 1;
        for (int i = 0; i < n_inputs; i++) {
            cnnc_status st = cnnc_shape_pass(*model, &inputs[i], NULL, NULL, err);
            if (st == CNNC_OK) continue;
            all_ok = 0;
            if (st != CNNC_ERR_SHAPE || !cnnc_fix_apply(*model, &err->fix)) return cli_fail(err);
            char *text = cnnc_model_text_with_layer(*model, err->fix.layer_index);
            if (!text) {
                cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc check --fix: out of memory");
                return cli_fail(err);
            }
            cnnc_model *next = NULL;
            cnnc_error perr;
            cnnc_error_clear(&perr);
            cnnc_status ps = cnnc_model_parse(text, strlen(text), (*model)->path, &next, &perr);
            free(text);
            if (ps != CNNC_OK) return cli_fail(&perr);
            cnnc_model_free(*model);
            *model = next;
            break;
        }
        if (all_ok) {
            fwrite((*model)->text, 1, (*model)->text_len, stdout);
            return 0;
        }
    }
    cnnc_error_set(err, CNNC_ERR_SHAPE, "RuntimeError", "cnnc check --fix: fixes did not converge");
    return cli_fail(err);
}

static int check_cnn_file(int argc, char **argv) {
    const char *path = NULL;
    cnnc_shape inputs[CHECK_MAX_INPUTS];
    int n_inputs = 0, fix = 0, json = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int r = cli_flag(argc, argv, &i, "--input", &v);
        if (r < 0) return cli_usage("check", "--input needs a shape like 2x1x28x28");
        if (r > 0) {
            cnnc_error e;
            cnnc_error_clear(&e);
            if (n_inputs == CHECK_MAX_INPUTS) return cli_usage("check", "at most %d --input shapes", CHECK_MAX_INPUTS);
            if (cnnc_shape_parse(v, &inputs[n_inputs], &e) != CNNC_OK) return cli_usage("check", "%s", e.message);
            n_inputs++;
        } else if (!strcmp(argv[i], "--fix")) {
            fix = 1;
        } else if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("check", "unknown option '%s'\nusage: cnnc check MODEL [--input SHAPE]... [--fix] [--json]", argv[i]);
        } else if (!path) {
            path = argv[i];
        } else {
            return cli_usage("check", "more than one model file ('%s', '%s')", path, argv[i]);
        }
    }
    if (!path) return cli_usage("check", "no model file\nusage: cnnc check MODEL [--input SHAPE]... [--fix] [--json]");
    if (fix && json) return cli_usage("check", "--fix and --json cannot be combined");

    cnnc_model *model = NULL;
    int rc = cli_load_model(path, &model);
    if (rc) return rc;
    if (n_inputs == 0) {
        if (!model->has_input || model->input_ndim + 1 > CNNC_MAX_DIMS) {
            cnnc_model_free(model);
            return cli_usage("check", "%s has no `input = (C, H, W)`; pass --input SHAPE (e.g. 2x1x28x28)", path);
        }
        inputs[0].ndim = model->input_ndim + 1;
        inputs[0].d[0] = 2;   /* default: the model's input with batch 2 */
        for (int32_t i = 0; i < model->input_ndim; i++) inputs[0].d[i + 1] = model->input[i];
        n_inputs = 1;
    }

    cnnc_error err;
    cnnc_error_clear(&err);
    if (fix) {
        rc = fix_model(&model, inputs, n_inputs, &err);
        cnnc_model_free(model);
        return rc;
    }
    rc = 0;
    for (int i = 0; i < n_inputs; i++) {
        cnnc_shape out;
        cnnc_status st = cnnc_shape_pass(model, &inputs[i], NULL, &out, &err);
        if (json) {
            json_result(stdout, model, &inputs[i], st, &out, &err);
        } else if (st == CNNC_OK) {
            char buf[256];
            cnnc_shape_format(&out, buf, sizeof buf);
            printf("%s\n", buf);
        } else {
            cli_print_error(&err);
        }
        if (st != CNNC_OK) {
            int code = cnnc_status_exit_code(st);
            if (code > rc) rc = code;
        }
    }
    cnnc_model_free(model);
    return rc;
}

/* Dispatch: one .cnn file keeps the original command; .py files, several
 * paths, directories and sweeps go to check_many.c. */
int cmd_check(int argc, char **argv) {
    int n_paths = 0, any_py = 0, special = 0;
    const char *first = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--input") || !strcmp(a, "--class") || !strcmp(a, "--jobs") || !strcmp(a, "--sweep") ||
            !strcmp(a, "--batch")) {
            if (strcmp(a, "--input")) special = 1;
            i++;
            continue;
        }
        if (!strncmp(a, "--class=", 8) || !strncmp(a, "--jobs=", 7) || !strncmp(a, "--sweep=", 8) || !strncmp(a, "--batch=", 8)) special = 1;
        if (a[0] == '-') continue;
        n_paths++;
        if (!first) first = a;
        size_t n = strlen(a);
        if (n < 4 || strcmp(a + n - 4, ".cnn")) any_py = 1;   /* .py or a directory */
    }
    if (n_paths <= 1 && !any_py && !special) return check_cnn_file(argc, argv);
    return check_many(argc, argv);
}

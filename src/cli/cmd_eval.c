/* cmd_eval.c — `cnnc eval`: loss, accuracy and the confusion matrix of a
 * checkpoint on a data set's test split. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char *cli_default_data(void);

static const cli_option OPTIONS[] = {
    {"--weights", "CKPT", "the checkpoint to evaluate (required)"},
    {"--data", "DIR", "IDX files or an ImageFolder (default: as cnnc train)"},
    {"--batch", "B", "batch size (default 1000)"},
    {"--train-split", NULL, "evaluate on the train split instead of the test split"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "eval", "MODEL --weights CKPT [options]",
    "Loss, accuracy and the confusion matrix of a checkpoint on a data set's test split.",
    OPTIONS, 1, NULL,
};

int cmd_eval(int argc, char **argv) {
    const char *model_path = NULL, *weights = NULL, *data = NULL;
    int64_t batch = 1000;
    int use_train = 0;
    cli_engine_opts eo;
    cli_engine_opts_init(&eo);
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_engine_opt("eval", argc, argv, &i, &eo);
        if (r < 0) return 2;
        if (r > 0) continue;
        if ((r = cli_flag(argc, argv, &i, "--weights", &v)) != 0) { if (r < 0) return cli_usage("eval", "--weights needs a value"); weights = v; }
        else if ((r = cli_flag(argc, argv, &i, "--data", &v)) != 0) { if (r < 0) return cli_usage("eval", "--data needs a value"); data = v; }
        else if ((r = cli_flag(argc, argv, &i, "--batch", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &batch) || batch < 1) return cli_usage("eval", "bad --batch");
        } else if (!strcmp(argv[i], "--train-split")) use_train = 1;
        else if (argv[i][0] == '-') return cli_unknown_option(&HELP, argv[i]);
        else if (!model_path) model_path = argv[i];
        else return cli_usage_of(&HELP, "unexpected argument %s", argv[i]);
    }
    if (!model_path || !weights) return cli_usage_of(&HELP, "%s", !model_path ? "no model file" : "no --weights");
    if (!data) data = cli_default_data();

    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    cnnc_engine *e = NULL;
    cnnc_data_set train, test;
    memset(&train, 0, sizeof train);
    memset(&test, 0, sizeof test);
    int64_t *confusion = NULL;
    int rc;
    cnnc_status st;
    if ((rc = cli_open_model("eval", model_path, &eo, NULL, 0, &model)) != 0) return rc;
    const int shape_from_data = !eo.input && !model->has_input;
    if (!shape_from_data && (rc = cli_engine_finish("eval", &eo, model)) != 0) goto done;
    eo.cfg.max_batch = batch;
    /* only the split it evaluates */
    if ((st = cnnc_data_load(data, use_train ? &train : NULL, use_train ? NULL : &test, &err)) != CNNC_OK) goto fail;
    const cnnc_data_set *set = use_train ? &train : &test;
    if (shape_from_data) cli_sample_of_data(&eo, set->channels, set->height, set->width);
    if ((st = cli_check_classes(weights, set, data, &err)) != CNNC_OK) goto fail;
    char note[256];
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, note, sizeof note, &err)) != CNNC_OK) goto fail;
    if (note[0]) fprintf(stderr, "%s\n", note);
    if ((st = cnnc_ckpt_load(e, weights, 0, NULL, &err)) != CNNC_OK) goto fail;
    cnnc_dataset ds = cnnc_data_as_dataset(set);
    if ((st = cnnc_engine_set_dataset(e, 1, &ds, &err)) != CNNC_OK) goto fail;
    int64_t C = cnnc_engine_classes(e);
    confusion = calloc((size_t)(C * C), sizeof *confusion);
    if (!confusion) { st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the confusion matrix"); goto fail; }
    cnnc_epoch_stats stats;
    if ((st = cnnc_engine_evaluate(e, 1, batch, &stats, confusion, &err)) != CNNC_OK) goto fail;
    printf("%s on %s (%s split, %lld images, %s): loss %.4f, accuracy %.4f\n", weights, data,
           use_train ? "train" : "test", (long long)stats.samples, cnnc_engine_backend_name(e), stats.loss,
           stats.accuracy);
    printf("confusion matrix (rows: true class, columns: predicted)\n      ");
    for (int64_t c = 0; c < C; c++) printf(" %6lld", (long long)c);
    printf("\n");
    for (int64_t r = 0; r < C; r++) {
        printf("%6lld", (long long)r);
        for (int64_t c = 0; c < C; c++) printf(" %6lld", (long long)confusion[r * C + c]);
        printf("\n");
    }
    rc = 0;
    goto done;
fail:
    rc = cli_fail(&err);
done:
    free(confusion);
    cnnc_engine_free(e);
    cnnc_data_set_free(&train);
    cnnc_data_set_free(&test);
    cnnc_model_free(model);
    return rc;
}

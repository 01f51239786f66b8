/* check_dir.c — check every model (.cnn model files and .py sources) in a directory
 * as PyTorch would run it, and print each error with where it is and how to fix it.
 * Exit 0 when every model is valid, 1 when any is not.  Usage: check_dir DIR [2x1x28x28] */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <cnnc/cnnc.h>

static int ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

/* One model: 0 valid, 1 not (the error is printed). */
static int check_one(const char *path, const char *input) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *m = NULL;
    cnnc_shape in;
    cnnc_status st = ends_with(path, ".py") ? cnnc_py_model_load(path, NULL, NULL, NULL, 1, &m, &err)
                                            : cnnc_model_load(path, &m, &err);
    if (st == CNNC_OK && input) st = cnnc_shape_parse(input, &in, &err);
    if (st == CNNC_OK && !input) {   /* the model's own `input = (C, H, W)` at a batch of 2 */
        in.ndim = m->input_ndim + 1;
        in.d[0] = 2;
        for (int32_t i = 0; i < m->input_ndim; i++) in.d[i + 1] = m->input[i];
    }
    if (st == CNNC_OK) st = cnnc_shape_pass(m, &in, NULL, NULL, &err);
    if (st == CNNC_OK) printf("%s: ok\n", path);
    else {
        char line[1200];
        cnnc_error_line(&err, line, sizeof line);
        printf("%s: %s\n", path, line);
        if (err.layer[0]) printf("  at %s:%d: %s\n", err.file[0] ? err.file : path, (int)err.line, err.layer);
        if (err.hint[0]) printf("  hint: %s\n", err.hint);
    }
    cnnc_model_free(m);
    return st != CNNC_OK;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s DIR [INPUT, e.g. 2x1x28x28]\n", argv[0]); return 2; }
    DIR *d = opendir(argv[1]);
    if (!d) { perror(argv[1]); return 2; }
    int bad = 0, n = 0;
    char path[4096];
    for (struct dirent *ent; (ent = readdir(d));) {
        if (!ends_with(ent->d_name, ".cnn") && !ends_with(ent->d_name, ".py")) continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], ent->d_name);
        bad += check_one(path, argc > 2 ? argv[2] : NULL);
        n++;
    }
    closedir(d);
    printf("%d model(s) checked, %d with errors\n", n, bad);
    return bad ? 1 : 0;
}

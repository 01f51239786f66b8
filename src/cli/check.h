/* check.h — the pieces of `cnnc check` (cmd_check.c): what it was asked,
 * one result and how it is written (check_report.c), files and directories
 * (check_files.c), --fix (check_fix.c) and --sweep (check_sweep.c). */
#ifndef CNNC_CLI_CHECK_H
#define CNNC_CLI_CHECK_H

#include <stdio.h>

#include "cli/cli.h"

#define CHECK_MAX_INPUTS 16

typedef enum check_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_GITHUB, FORMAT_SARIF } check_format;

typedef struct check_opts {
    cnnc_shape inputs[CHECK_MAX_INPUTS];   /* --input, batched */
    int n_inputs;
    int per_input;            /* --input 'A;B': the inputs are one forward's several inputs, model(a, b),
                               * not alternatives */
    const char *class_name, *args;
    check_format format;
    int fix, jobs, detailed;  /* detailed: one model, its error on several lines */
    int single;               /* one file was named: no count line */
    int as_list;              /* --as-list: files without models are fine (pre-commit) */
    const char *sweep;
    int64_t batch;
} check_opts;

/* What one check came to. Words as the JSON "status" field spells them. */
typedef enum check_outcome { OUT_OK, OUT_SKIPPED, OUT_UNSUPPORTED, OUT_SHAPE, OUT_ERROR, OUT_UNREADABLE, OUT_COUNT } check_outcome;

typedef struct check_result {
    const char *path;
    const char *cls;          /* .py class, NULL for a model file */
    int show_cls;             /* name the class in text output */
    const cnnc_shape *in;     /* NULL: failed before an input applied */
    int32_t n_in;
    check_outcome outcome;
    const cnnc_shape *out;    /* OUT_OK */
    const cnnc_error *err;    /* otherwise (OUT_SKIPPED: err->message says why) */
    const cnnc_model *model;  /* the graph, for the fix's layer name (may be NULL) */
    /* OUT_OK of a .py class: forward's return value as Python shows its shapes
     * ("[2, 10]", "([2, 10], [2, 20])", "None") and its tensors; NULL: out alone */
    const char *result;
    const cnnc_shape *outs;
    int32_t n_outs;
} check_result;

typedef struct check_counts { long n[OUT_COUNT]; long files; } check_counts;

check_outcome check_outcome_of(cnnc_status st);
const char *check_outcome_word(check_outcome o);
/* Write one result to f in the chosen format (SARIF: one result object, preceded by ",\n"). */
void check_emit(FILE *f, const check_opts *o, const check_result *r);
/* The closing lines: the count line (stderr for machine formats), SARIF's document end. */
void check_print_counts(const check_opts *o, const check_counts *c, double seconds, int jobs);
void check_sarif_begin(void);
void check_sarif_end(void);
/* The exit code for a set of outcomes: 2 a Python error or unreadable file, 1 a shape
 * error, 6 code cnnc cannot follow, else 0 (2 when nothing was checked). */
int check_exit_code(const check_counts *c, int none_is_ok);

/* Check one path (model file or .py) and write its results to f. */
void check_file(const check_opts *o, const char *path, FILE *f, check_counts *c);
/* Many paths (files and directories, walked) with --jobs workers. */
int check_many(const check_opts *o, char **paths, int n_paths);
int check_fix(const check_opts *o, const char *path);
int check_sweep(const check_opts *o, const char *path);

/* The default batched input for a model: its `input` line, or the .py class's default. */
void check_input_for(const check_opts *o, int k, const cnnc_model *m, cnnc_shape *in);

#endif

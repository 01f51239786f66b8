/* main.c — the cnnc command-line program: dispatches to one file per command. */
#include <stdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} command;

static const command commands[] = {
    {"check", cmd_check, "check MODEL [--input SHAPE]... [--fix] [--json]   validate shapes as PyTorch would"},
    {"check", cmd_check, "check DIR|FILES... [--input S] [--jobs N] [--json]  every .cnn/.py model, one line each"},
    {"check", cmd_check, "check MODEL --sweep H=8..512[,W=..]|HW=.. [--batch N]  which input sizes validate"},
    {"convert", cmd_convert, "convert MODEL.py [--class C] [--input S] -o M.cnn  PyTorch nn.Module source -> model file"},
    {"summary", cmd_summary, "summary MODEL [--input CxHxW]                   torchsummary-style table"},
    {"train", cmd_train, "train MODEL --data DIR [options]                 train and evaluate each epoch"},
    {"eval", cmd_eval, "eval MODEL --weights CKPT --data DIR             loss, accuracy, confusion matrix"},
    {"predict", cmd_predict, "predict MODEL --weights CKPT IMAGE...            top classes of 28x28 PGM/PNG images"},
    {"step", cmd_step, "step MODEL --weights W --batch B --out O [--steps K]   reproduce PyTorch steps"},
    {"bench", cmd_bench, "bench MODEL --batch B --steps N [--device D]     time training steps"},
    {"profile", cmd_profile, "profile MODEL --device cuda --batch B             per-layer GPU time, GFLOP/s, GB/s"},
    {"devices", cmd_devices, "devices                                          list CUDA devices, or why none"},
};

static void usage(FILE *f) {
    fprintf(f, "usage: cnnc COMMAND [ARGS]   (cnnc COMMAND --help: its options)\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) fprintf(f, "  cnnc %s\n", commands[i].help);
    /* the engine options' names from their table, wrapped */
    fprintf(f, "\nengine options (train, eval, predict, step, bench, profile):\n ");
    int col = 1;
    for (const cli_option *o = cli_engine_options; o->name; o++) {
        int n = (int)strlen(o->name) + (o->value ? 1 + (int)strlen(o->value) : 0);
        if (col + 1 + n > 110) { fprintf(f, "\n "); col = 1; }
        col += fprintf(f, " %s%s%s", o->name, o->value ? " " : "", o->value ? o->value : "");
    }
    fprintf(f, "\n");
}

int main(int argc, char **argv) {
#if defined(__GLIBC__)
    /* A many-file check builds and frees one evaluator arena per source, in blocks of
     * 64 KiB to 8 MiB. glibc would mmap and munmap each block above 128 KiB, so every
     * source paid its page faults again (a quarter of the time on real corpora): keep
     * such blocks in the heap, and freed memory in the process, for reuse. */
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "cnnc: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}

/* main.c — the cnnc command-line program: dispatches to one file per command. */
#include <stdio.h>
#include <string.h>
#include "cnnc/cnnc.h"

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: cnnc COMMAND ...\n");
        return 2;
    }
    fprintf(stderr, "cnnc: unknown command '%s'\n", argv[1]);
    return 2;
}

/* cli_help.c — `cnnc COMMAND --help` and usage errors, printed from the
 * command's option table (cli_command_help), so the options a command lists
 * are the ones its parser documents in one place. */
#include "cli/cli.h"

#include <stdarg.h>
#include <string.h>

/* Options and their values fill a column this wide; a longer one has its help
 * on the next line. */
#define HELP_COLUMN 26

/* arg is one of the ", "-joined spellings in name. */
static int spelled(const char *name, const char *arg) {
    size_t n = strlen(arg);
    for (const char *p = name; p && *p;) {
        const char *end = strstr(p, ", ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, arg, n)) return 1;
        p = end ? end + 2 : NULL;
    }
    return 0;
}

static const cli_option *find_option(const cli_option *table, const char *arg) {
    for (const cli_option *o = table; o && o->name; o++)
        if (spelled(o->name, arg)) return o;
    return NULL;
}

int cli_help_wanted(const cli_command_help *h, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return 1;
        const cli_option *o = find_option(h->options, a);
        if (!o && h->engine) o = find_option(cli_engine_options, a);
        if (!o && h->training) o = find_option(h->training, a);
        if (o && o->value) i++;   /* its value, whatever it spells */
    }
    return 0;
}

static void print_options(FILE *f, const cli_option *table) {
    for (const cli_option *o = table; o->name; o++) {
        char left[96];
        snprintf(left, sizeof left, "%s%s%s", o->name, o->value ? " " : "", o->value ? o->value : "");
        if (strlen(left) < HELP_COLUMN - 1) fprintf(f, "  %-*s %s\n", HELP_COLUMN - 1, left, o->help);
        else fprintf(f, "  %s\n  %-*s %s\n", left, HELP_COLUMN - 1, "", o->help);
    }
}

static const cli_option help_option[] = {{"-h, --help", NULL, "print this help and exit"}, {NULL, NULL, NULL}};

int cli_help(const cli_command_help *h) {
    FILE *f = stdout;
    fprintf(f, "usage: cnnc %s%s%s\n\n%s\n\noptions:\n", h->name, h->synopsis[0] ? " " : "", h->synopsis, h->about);
    print_options(f, h->options);
    print_options(f, help_option);
    if (h->training) {
        fprintf(f, "\nschedule, loss and clipping options:\n");
        print_options(f, h->training);
    }
    if (h->engine) {
        fprintf(f, "\nengine options:\n");
        print_options(f, cli_engine_options);
    }
    return 0;
}

int cli_usage_of(const cli_command_help *h, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "cnnc %s: ", h->name);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nusage: cnnc %s%s%s\n(cnnc %s --help lists the options)\n", h->name, h->synopsis[0] ? " " : "",
            h->synopsis, h->name);
    return 2;
}

int cli_unknown_option(const cli_command_help *h, const char *arg) {
    return cli_usage_of(h, "unknown option '%s'", arg);
}

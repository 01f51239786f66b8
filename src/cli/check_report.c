/* check_report.c — how `cnnc check` writes what it found, in each --format:
 *
 *   text    one line per model; for a single model, the exception line on a
 *           line of its own, then where, the shape trail and the hint
 *   json    one object per line, the same schema in every mode (docs/check-at-scale.md)
 *   github  GitHub Actions workflow commands (::error file=...,line=...::...)
 *   sarif   one SARIF 2.1.0 document for code-scanning tools */
#include <string.h>

#include "cli/check.h"

check_outcome check_outcome_of(cnnc_status st) {
    switch (st) {
    case CNNC_OK: return OUT_OK;
    case CNNC_ERR_SHAPE: return OUT_SHAPE;
    case CNNC_ERR_UNSUPPORTED: return OUT_UNSUPPORTED;
    case CNNC_ERR_PARSE: case CNNC_ERR_USAGE: return OUT_ERROR;
    default: return OUT_UNREADABLE;
    }
}

const char *check_outcome_word(check_outcome o) {
    static const char *const words[OUT_COUNT] = {"ok", "skipped", "unsupported", "shape", "error", "unreadable"};
    return o < OUT_COUNT ? words[o] : "error";
}

static const char *fix_field_name(cnnc_fix_field f) {
    switch (f) {
    case CNNC_FIX_IN_FEATURES: return "in_features";
    case CNNC_FIX_IN_CHANNELS: return "in_channels";
    case CNNC_FIX_NUM_FEATURES: return "num_features";
    case CNNC_FIX_INPUT_HW: return "input_hw";
    default: return NULL;
    }
}

static void json_shapes(FILE *f, const cnnc_shape *s, int32_t n) {
    if (n == 1) { cli_json_shape(f, s); return; }
    fputc('[', f);
    for (int32_t k = 0; k < n; k++) {
        if (k) fputs(", ", f);
        cli_json_shape(f, &s[k]);
    }
    fputc(']', f);
}

static void json_fix(FILE *f, const check_result *r) {
    const cnnc_error *e = r->err;
    const char *field = fix_field_name(e->fix.field);
    if (!field) return;
    if (e->fix.field != CNNC_FIX_INPUT_HW && (!r->model || e->fix.layer_index < 0 || e->fix.layer_index >= r->model->n_layers)) return;
    fputs(", \"fix\": {\"field\": ", f);
    cli_json_str(f, field);
    if (e->fix.field == CNNC_FIX_INPUT_HW) {
        fprintf(f, ", \"height\": %lld, \"width\": %lld}", (long long)e->fix.value, (long long)e->fix.value2);
    } else {
        fputs(", \"layer\": ", f);
        cli_json_str(f, r->model->layers[e->fix.layer_index].name);
        fprintf(f, ", \"value\": %lld}", (long long)e->fix.value);
    }
}

/* {"file", "class", "input", "status", "ok", then "output" or the error's fields} */
static void emit_json(FILE *f, const check_result *r) {
    fputs("{\"file\": ", f);
    cli_json_str(f, r->path);
    fputs(", \"class\": ", f);
    if (r->cls) cli_json_str(f, r->cls); else fputs("null", f);
    fputs(", \"input\": ", f);
    if (r->in) json_shapes(f, r->in, r->n_in); else fputs("null", f);
    fprintf(f, ", \"status\": \"%s\", \"ok\": %s", check_outcome_word(r->outcome), r->outcome == OUT_OK ? "true" : "false");
    if (r->outcome == OUT_OK) {
        /* output: the one tensor forward returns (null for a tuple, a list or None);
         * outputs: every tensor in its value; result: the value as Python shows it */
        fputs(", \"output\": ", f);
        if (r->out) cli_json_shape(f, r->out); else fputs("null", f);
        if (r->result) {
            fputs(", \"outputs\": [", f);
            for (int32_t k = 0; k < r->n_outs; k++) {
                if (k) fputs(", ", f);
                cli_json_shape(f, &r->outs[k]);
            }
            fputs("], \"result\": ", f);
            cli_json_str(f, r->result);
        }
        fputs("}\n", f);
        return;
    }
    const cnnc_error *e = r->err;
    fputs(", \"type\": ", f);
    cli_json_str(f, e->type);
    fputs(", \"message\": ", f);
    cli_json_str(f, e->message);
    fputs(", \"at\": ", f);
    cli_json_str(f, e->file[0] ? e->file : r->path);
    fprintf(f, ", \"line\": %d, \"col\": %d, \"layer\": ", e->line, e->col);
    const cnnc_layer *L = r->model && e->layer_index >= 0 && e->layer_index < r->model->n_layers
                              ? &r->model->layers[e->layer_index] : NULL;
    cli_json_str(f, L ? L->name : e->layer_index >= 0 ? e->layer : "");
    fputs(", \"kind\": ", f);
    cli_json_str(f, L ? cnnc_layer_kind_name(L->kind) : "");
    fputs(", \"trail\": ", f);
    cli_json_str(f, e->trail);
    fputs(", \"hint\": ", f);
    cli_json_str(f, e->hint);
    json_fix(f, r);
    fputs("}\n", f);
}

/* What a model that checks out returns: its output shape, or forward's value. */
static const char *ok_text(const check_result *r, char *buf, size_t cap) {
    if (r->result) return r->result;
    if (!r->out) return "None";
    cnnc_shape_format(r->out, buf, cap);
    return buf;
}

static void text_prefix(FILE *f, const check_opts *o, const check_result *r) {
    fprintf(f, "%s%s%s", r->path, r->cls && r->show_cls ? ":" : "", r->cls && r->show_cls ? r->cls : "");
    if (r->in && o->n_inputs > 1 && !o->per_input) {
        char s[128];
        cnnc_shape_format(r->in, s, sizeof s);
        fprintf(f, " %s", s);
    }
}

static void emit_text_line(FILE *f, const check_opts *o, const check_result *r) {
    text_prefix(f, o, r);
    if (r->outcome == OUT_OK) {
        char s[128];
        fprintf(f, ": ok %s\n", ok_text(r, s, sizeof s));
        return;
    }
    if (r->outcome == OUT_SKIPPED) {
        fprintf(f, ": skipped (%s)\n", r->err->message);
        return;
    }
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(r->err, line, sizeof line);
    fprintf(f, ": %s", line);
    if (r->err->line > 0) {
        fprintf(f, " (");
        if (r->err->file[0] && strcmp(r->err->file, r->path)) fprintf(f, "%s ", r->err->file);
        fprintf(f, "line %d%s%s)", r->err->line, r->err->layer_index >= 0 ? ", " : "", r->err->layer_index >= 0 ? r->err->layer : "");
    }
    if (r->err->hint[0]) fprintf(f, "; hint: %s", r->err->hint);
    fputc('\n', f);
}

/* One model: the output shape on stdout, or the error as a block on stderr. */
static void emit_text_detailed(const check_opts *o, const check_result *r) {
    (void)o;
    const char *cls = r->cls && r->show_cls ? r->cls : NULL;
    if (r->outcome == OUT_OK) {
        char s[128];
        const char *text = ok_text(r, s, sizeof s);
        if (cls) printf("%s: %s\n", cls, text); else printf("%s\n", text);
        return;
    }
    if (r->outcome == OUT_SKIPPED) {
        printf("%s%sskipped (%s)\n", cls ? cls : "", cls ? ": " : "", r->err->message);
        return;
    }
    fflush(stdout);
    if (cls) fprintf(stderr, "%s:\n", cls);
    cli_print_error(r->err);
}

/* GitHub's workflow-command escaping: data escapes %, CR, LF; properties also : and , */
static void gh_escape(FILE *f, const char *s, int property) {
    for (; *s; s++) {
        if (*s == '%') fputs("%25", f);
        else if (*s == '\r') fputs("%0D", f);
        else if (*s == '\n') fputs("%0A", f);
        else if (property && *s == ':') fputs("%3A", f);
        else if (property && *s == ',') fputs("%2C", f);
        else fputc(*s, f);
    }
}

static void emit_github(FILE *f, const check_result *r) {
    if (r->outcome == OUT_OK || r->outcome == OUT_SKIPPED) return;
    const cnnc_error *e = r->err;
    const char *level = r->outcome == OUT_UNSUPPORTED ? "warning" : "error";
    fprintf(f, "::%s file=", level);
    gh_escape(f, e->file[0] ? e->file : r->path, 1);
    if (e->line > 0) fprintf(f, ",line=%d", e->line);
    if (e->col > 0) fprintf(f, ",col=%d", e->col);
    fputs(",title=", f);
    char title[160];
    snprintf(title, sizeof title, "cnnc check%s%s", r->cls ? " " : "", r->cls ? r->cls : "");
    gh_escape(f, title, 1);
    fputs("::", f);
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(e, line, sizeof line);
    gh_escape(f, line, 0);
    if (e->trail[0]) { gh_escape(f, "\nshape: ", 0); gh_escape(f, e->trail, 0); }
    if (e->hint[0]) { gh_escape(f, "\nhint: ", 0); gh_escape(f, e->hint, 0); }
    fputc('\n', f);
}

static const char *sarif_rule(check_outcome o) {
    switch (o) {
    case OUT_SHAPE: return "shape-error";
    case OUT_UNSUPPORTED: return "cannot-follow";
    case OUT_UNREADABLE: return "unreadable";
    default: return "python-error";
    }
}

static void emit_sarif(FILE *f, const check_result *r) {
    if (r->outcome == OUT_OK || r->outcome == OUT_SKIPPED) return;
    const cnnc_error *e = r->err;
    fprintf(f, ",\n    {\"ruleId\": \"%s\", \"level\": \"%s\", \"message\": {\"text\": ", sarif_rule(r->outcome),
            r->outcome == OUT_UNSUPPORTED ? "warning" : "error");
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(e, line, sizeof line);
    char text[3 * CNNC_ERR_TEXT + 256];
    snprintf(text, sizeof text, "%s%s%s%s%s%s%s", r->cls ? r->cls : "", r->cls ? ": " : "", line,
             e->trail[0] ? "\nshape: " : "", e->trail, e->hint[0] ? "\nhint: " : "", e->hint);
    cli_json_str(f, text);
    fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", f);
    cli_json_str(f, e->file[0] ? e->file : r->path);
    fputs("}", f);
    if (e->line > 0) fprintf(f, ", \"region\": {\"startLine\": %d, \"startColumn\": %d}", e->line, e->col > 0 ? e->col : 1);
    fputs("}}]}", f);
}

void check_emit(FILE *f, const check_opts *o, const check_result *r) {
    switch (o->format) {
    case FORMAT_JSON: emit_json(f, r); return;
    case FORMAT_GITHUB: emit_github(f, r); return;
    case FORMAT_SARIF: emit_sarif(f, r); return;
    case FORMAT_TEXT:
        if (o->detailed) emit_text_detailed(o, r);
        else emit_text_line(f, o, r);
        return;
    }
}

void check_sarif_begin(void) {
    printf("{\"version\": \"2.1.0\", \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
           " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"cnnc\", \"informationUri\": \"https://github.com/cnnc/cnnc\",\n"
           "  \"rules\": [\n"
           "   {\"id\": \"shape-error\", \"shortDescription\": {\"text\": \"PyTorch raises a shape error in forward()\"}},\n"
           "   {\"id\": \"python-error\", \"shortDescription\": {\"text\": \"Python raises an exception building or running the model\"}},\n"
           "   {\"id\": \"cannot-follow\", \"shortDescription\": {\"text\": \"cnnc cannot follow this code; nothing was checked past it\"}},\n"
           "   {\"id\": \"unreadable\", \"shortDescription\": {\"text\": \"the file cannot be read\"}}]}},\n"
           "  \"results\": [");
}

void check_sarif_end(void) { printf("\n  ]}]}\n"); }

static void plural(FILE *f, long n, const char *one, const char *many) { fprintf(f, "%ld %s", n, n == 1 ? one : many); }

void check_print_counts(const check_opts *o, const check_counts *c, double seconds, int jobs) {
    FILE *f = o->format == FORMAT_TEXT ? stdout : stderr;
    long models = 0;
    for (int k = 0; k < OUT_COUNT; k++) models += c->n[k];
    plural(f, models, "model", "models");
    fputs(" in ", f);
    plural(f, c->files, "file", "files");
    fprintf(f, ": %ld ok, ", c->n[OUT_OK]);
    plural(f, c->n[OUT_SHAPE], "shape error", "shape errors");
    fputs(", ", f);
    plural(f, c->n[OUT_ERROR], "Python error", "Python errors");
    fprintf(f, ", %ld cannot follow, %ld skipped, %ld unreadable (%.2f s, ", c->n[OUT_UNSUPPORTED], c->n[OUT_SKIPPED],
            c->n[OUT_UNREADABLE], seconds);
    plural(f, jobs, "job", "jobs");
    fputs(")\n", f);
}

int check_exit_code(const check_counts *c, int none_is_ok) {
    if (c->n[OUT_ERROR] || c->n[OUT_UNREADABLE]) return 2;
    if (c->n[OUT_SHAPE]) return 1;
    if (c->n[OUT_UNSUPPORTED]) return 6;
    long models = 0;
    for (int k = 0; k < OUT_COUNT; k++) models += c->n[k];
    return models || none_is_ok ? 0 : 2;
}

/* summary.c — torchsummary's table, computed from the shape pass.
 * torchsummary hooks every leaf module, runs a batch of 2 and replaces the
 * batch dim by -1; its sizes are abs() of products that include that -1. */
#include "cnnc/summary.h"
#include "base/strbuf.h"
#include "layers/layer_def.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


int64_t cnnc_layer_param_count(const cnnc_layer *L) {
    const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
    if (!def || !def->params) return 0;
    cnnc_param_desc d[CNNC_LAYER_MAX_PARAMS];
    int32_t n = def->params(L, d);
    int64_t total = 0;
    for (int32_t k = 0; k < n; k++) {
        if (d[k].role != CNNC_P_WEIGHT && d[k].role != CNNC_P_BIAS) continue;
        int64_t c = 1;
        for (int32_t j = 0; j < d[k].ndim; j++) c *= d[k].shape[j];
        total += c;
    }
    return total;
}

/* Python's "{0:,}" */
static void commas(int64_t v, char *buf, size_t cap) {
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? -v : v));
    size_t n = strlen(digits), o = 0;
    if (v < 0 && o + 1 < cap) buf[o++] = '-';
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0 && o + 1 < cap) buf[o++] = ',';
        if (o + 1 < cap) buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

/* str(list) of the output shape with the batch dim set to -1. */
static void batch_shape(const cnnc_shape *s, char *buf, size_t cap) {
    cnnc_shape t = *s;
    if (t.ndim > 0) t.d[0] = -1;
    cnnc_shape_format(&t, buf, cap);
}

/* str() of a row's output shape: a list, or a list of lists for tuples. */
static void row_shape(const cnnc_summary_row *r, char *buf, size_t cap) {
    if (r->n_out == 1) { batch_shape(&r->out[0], buf, cap); return; }
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    cnnc_sb_puts(&sb, "[");
    for (int32_t k = 0; k < r->n_out; k++) {
        char one[24 * CNNC_MAX_DIMS];
        batch_shape(&r->out[k], one, sizeof one);
        cnnc_sb_printf(&sb, k ? ", %s" : "%s", one);
    }
    cnnc_sb_puts(&sb, "]");
}

static int64_t row_prod(const cnnc_summary_row *r) {
    int64_t p = 1;
    for (int32_t k = 0; k < r->n_out; k++)
        for (int32_t d = 0; d < r->out[k].ndim; d++) p *= d == 0 ? -1 : r->out[k].d[d];
    return r->n_out ? p : 0;
}

char *cnnc_summary_table(const cnnc_summary_row *rows, int32_t n_rows, const cnnc_shape *samples, int32_t n_samples,
                         cnnc_error *err) {
    for (int32_t i = 0; i < n_rows; i++)   /* torchsummary's hook raised during the forward */
        if (rows[i].hook_error[0]) {
            cnnc_error_set(err, CNNC_ERR_SHAPE, "AttributeError", "%s", rows[i].hook_error);
            return NULL;
        }
    for (int32_t i = 0; i < n_rows; i++) {   /* np.prod of a row's shapes of different lengths (numpy >= 1.24) */
        int ragged = 0;
        for (int32_t k = 1; k < rows[i].n_out; k++) ragged |= rows[i].out[k].ndim != rows[i].out[0].ndim;
        if (ragged) {
            cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                           "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 "
                           "dimensions. The detected shape was (%d,) + inhomogeneous part.", (int)rows[i].n_out);
            return NULL;
        }
    }
    cnnc_strbuf b = {0};
    char cell[256], num[40];
    const char *rule = "----------------------------------------------------------------";
    const char *dbl = "================================================================";
    cnnc_sb_printf(&b, "%s\n%20s  %25s %15s\n%s\n", rule, "Layer (type)", "Output Shape", "Param #", dbl);
    int64_t total_params = 0, trainable = 0, total_output = 0;
    for (int32_t i = 0; i < n_rows; i++) {
        const cnnc_summary_row *r = &rows[i];
        char key[96];
        snprintf(key, sizeof key, "%s-%d", r->class_name, i + 1);
        row_shape(r, cell, sizeof cell);
        commas(r->params, num, sizeof num);
        cnnc_sb_printf(&b, "%20s  %25s %15s\n", key, cell, num);
        total_params += r->params;
        if (r->trainable) trainable += r->params;
        total_output += row_prod(r);
    }
    /* np.prod(input_size) over every input's dims, times batch_size = -1 */
    int64_t in_prod = 1;
    for (int32_t k = 0; k < n_samples; k++)
        for (int32_t i = 0; i < samples[k].ndim; i++) in_prod *= samples[k].d[i];
    const double MB = 1024.0 * 1024.0;
    double input_mb = fabs((double)in_prod * -1 * 4. / MB);
    double output_mb = fabs(2. * (double)total_output * 4. / MB);
    double params_mb = fabs((double)total_params * 4. / MB);
    double total_mb = params_mb + output_mb + input_mb;
    cnnc_sb_printf(&b, "%s\n", dbl);
    commas(total_params, num, sizeof num);
    cnnc_sb_printf(&b, "Total params: %s\n", num);
    commas(trainable, num, sizeof num);
    cnnc_sb_printf(&b, "Trainable params: %s\n", num);
    commas(total_params - trainable, num, sizeof num);
    cnnc_sb_printf(&b, "Non-trainable params: %s\n", num);
    cnnc_sb_printf(&b, "%s\n", rule);
    cnnc_sb_printf(&b, "Input size (MB): %0.2f\n", input_mb);
    cnnc_sb_printf(&b, "Forward/backward pass size (MB): %0.2f\n", output_mb);
    cnnc_sb_printf(&b, "Params size (MB): %0.2f\n", params_mb);
    cnnc_sb_printf(&b, "Estimated Total Size (MB): %0.2f\n", total_mb);
    cnnc_sb_printf(&b, "%s\n\n", rule);   /* print(summary_str) adds a newline to the final one */
    if (b.failed) {
        cnnc_sb_free(&b);
        cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory");
        return NULL;
    }
    return cnnc_sb_take(&b);
}

/* cnnc's own table: weight shape and multiply-accumulates per sample, module nodes only. */
static void details_table(const cnnc_model *model, const cnnc_layer_shape *ls, cnnc_strbuf *b) {
    char cell[256], num[40];
    const char *rule = "----------------------------------------------------------------";
    const char *dbl = "================================================================";
    cnnc_sb_printf(b, "%20s  %25s %15s\n%s\n", "Layer (type)", "Kernel Shape", "Mult-Adds", dbl);
    int64_t total_macs = 0;
    int32_t row = 0;
    for (int32_t i = 0; i < model->n_layers; i++) {
        const cnnc_layer *L = &model->layers[i];
        const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
        cnnc_layer_cost c;
        memset(&c, 0, sizeof c);
        if (def && def->cost) def->cost(L, &ls[i], 1, &c);
        total_macs += c.macs_per_sample;
        if (L->node_flags & CNNC_NODE_FUNCTIONAL) continue;
        char key[96];
        snprintf(key, sizeof key, "%s-%d", cnnc_layer_kind_name(L->kind), ++row);
        cnnc_strbuf cs;
        cnnc_sb_fixed(&cs, cell, sizeof cell);
        if (def && def->kernel_shape) def->kernel_shape(L, &ls[i], &cs);
        else cnnc_sb_puts(&cs, "-");
        commas(c.macs_per_sample, num, sizeof num);
        cnnc_sb_printf(b, "%20s  %25s %15s\n", key, cell, num);
    }
    commas(total_macs, num, sizeof num);
    cnnc_sb_printf(b, "%s\nTotal mult-adds (per sample): %s\n%s\n", dbl, num, rule);
}

char *cnnc_summary_details(const cnnc_model *model, const cnnc_shape *inputs, int32_t n_inputs, cnnc_error *err) {
    cnnc_layer_shape *ls = calloc(model->n_layers > 0 ? (size_t)model->n_layers : 1, sizeof *ls);
    if (!ls) { cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory"); return NULL; }
    if (cnnc_shape_pass_inputs(model, inputs, n_inputs, 1, ls, NULL, err) != CNNC_OK) { free(ls); return NULL; }
    cnnc_strbuf b = {0};
    details_table(model, ls, &b);
    free(ls);
    if (b.failed) {
        cnnc_sb_free(&b);
        cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory");
        return NULL;
    }
    return cnnc_sb_take(&b);
}

char *cnnc_summary(const cnnc_model *model, const cnnc_shape *sample, int details, cnnc_error *err) {
    if (!model || !sample || sample->ndim < 0 || sample->ndim + 1 > CNNC_MAX_DIMS) {
        cnnc_error_set(err, CNNC_ERR_USAGE, "", "cnnc_summary: bad arguments");
        return NULL;
    }
    cnnc_shape in;
    in.ndim = sample->ndim + 1;
    in.d[0] = 2;   /* torchsummary runs torch.rand(2, *input_size) */
    for (int32_t i = 0; i < sample->ndim; i++) in.d[i + 1] = sample->d[i];
    size_t n = model->n_layers > 0 ? (size_t)model->n_layers : 1;
    cnnc_layer_shape *ls = calloc(n, sizeof *ls);
    cnnc_summary_row *rows = calloc(n, sizeof *rows);
    if (!ls || !rows) { free(ls); free(rows); cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory"); return NULL; }
    if (cnnc_shape_pass(model, &in, ls, NULL, err) != CNNC_OK) { free(ls); free(rows); return NULL; }
    /* torchsummary hooks modules: a function in forward (F.relu, +) gets no row */
    int32_t n_rows = 0;
    for (int32_t i = 0; i < model->n_layers; i++) {
        const cnnc_layer *L = &model->layers[i];
        if (L->node_flags & CNNC_NODE_FUNCTIONAL) continue;
        cnnc_summary_row *r = &rows[n_rows++];
        snprintf(r->class_name, sizeof r->class_name, "%s", cnnc_layer_kind_name(L->kind));
        r->n_out = 1;
        r->out[0] = ls[i].out;
        r->params = cnnc_layer_param_count(&model->layers[cnnc_layer_owner(model, i)]);
        /* torchsummary sets "trainable" only for modules with a weight tensor */
        r->trainable = 1;
    }
    char *table = cnnc_summary_table(rows, n_rows, sample, 1, err);
    free(rows);
    if (!table || !details) { free(ls); return table; }
    cnnc_strbuf b = {0};
    cnnc_sb_puts(&b, table);
    free(table);
    details_table(model, ls, &b);
    free(ls);
    if (b.failed) {
        cnnc_sb_free(&b);
        cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory");
        return NULL;
    }
    return cnnc_sb_take(&b);
}

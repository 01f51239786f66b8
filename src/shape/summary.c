/* summary.c — torchsummary's table, computed from the shape pass.
 * torchsummary hooks every leaf module, runs a batch of 2 and replaces the
 * batch dim by -1; its sizes are abs() of products that include that -1. */
#include "cnnc/summary.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


int64_t cnnc_layer_param_count(const cnnc_layer *L) {
    switch (L->kind) {
    case CNNC_CONV2D: {
        const cnnc_conv2d_params *c = &L->p.conv;
        int64_t g = c->groups > 0 ? c->groups : 1;
        return c->out_channels * (c->in_channels / g) * c->kernel_size[0] * c->kernel_size[1] +
               (c->bias ? c->out_channels : 0);
    }
    case CNNC_LINEAR:
        return L->p.linear.in_features * L->p.linear.out_features + (L->p.linear.bias ? L->p.linear.out_features : 0);
    case CNNC_BATCHNORM2D:
        return L->p.bn.affine ? 2 * L->p.bn.num_features : 0;
    default: return 0;
    }
}

/* A growing text buffer; `failed` latches the first allocation failure. */
typedef struct sbuf { char *p; size_t len, cap; int failed; } sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void sb_printf(sbuf *b, const char *fmt, ...) {
    if (b->failed) return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int w = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (w < 0) { b->failed = 1; return; }
        if (b->p && b->len + (size_t)w < b->cap) { b->len += (size_t)w; return; }
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + (size_t)w + 1) cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) { b->failed = 1; return; }
        b->p = np; b->cap = cap;
    }
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

char *cnnc_summary(const cnnc_model *model, const cnnc_shape *sample, int details, cnnc_error *err) {
    if (!model || !sample || sample->ndim < 0 || sample->ndim + 1 > CNNC_MAX_DIMS) {
        cnnc_error_set(err, CNNC_ERR_USAGE, "", "cnnc_summary: bad arguments");
        return NULL;
    }
    cnnc_shape in;
    in.ndim = sample->ndim + 1;
    in.d[0] = 2;   /* torchsummary runs torch.rand(2, *input_size) */
    for (int32_t i = 0; i < sample->ndim; i++) in.d[i + 1] = sample->d[i];
    cnnc_layer_shape *ls = calloc(model->n_layers > 0 ? (size_t)model->n_layers : 1, sizeof *ls);
    if (!ls) { cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory"); return NULL; }
    if (cnnc_shape_pass(model, &in, ls, NULL, err) != CNNC_OK) { free(ls); return NULL; }

    sbuf b = { 0 };
    char cell[96], num[40];
    const char *rule = "----------------------------------------------------------------";
    const char *dbl = "================================================================";
    sb_printf(&b, "%s\n%20s  %25s %15s\n%s\n", rule, "Layer (type)", "Output Shape", "Param #", dbl);
    int64_t total_params = 0, trainable = 0, total_output = 0;
    for (int32_t i = 0; i < model->n_layers; i++) {
        const cnnc_layer *L = &model->layers[i];
        char key[64];
        snprintf(key, sizeof key, "%s-%d", cnnc_layer_kind_name(L->kind), i + 1);
        batch_shape(&ls[i].out, cell, sizeof cell);
        int64_t np_ = cnnc_layer_param_count(L);
        commas(np_, num, sizeof num);
        sb_printf(&b, "%20s  %25s %15s\n", key, cell, num);
        total_params += np_;
        /* torchsummary sets "trainable" only for modules with a weight tensor */
        trainable += np_;
        int64_t prod = -1;
        for (int32_t d = 1; d < ls[i].out.ndim; d++) prod *= ls[i].out.d[d];
        total_output += prod;
    }
    int64_t in_prod = 1;
    for (int32_t i = 0; i < sample->ndim; i++) in_prod *= sample->d[i];
    const double MB = 1024.0 * 1024.0;
    double input_mb = fabs((double)in_prod * -1 * 4. / MB);
    double output_mb = fabs(2. * (double)total_output * 4. / MB);
    double params_mb = fabs((double)total_params * 4. / MB);
    double total_mb = params_mb + output_mb + input_mb;
    sb_printf(&b, "%s\n", dbl);
    commas(total_params, num, sizeof num);
    sb_printf(&b, "Total params: %s\n", num);
    commas(trainable, num, sizeof num);
    sb_printf(&b, "Trainable params: %s\n", num);
    commas(total_params - trainable, num, sizeof num);
    sb_printf(&b, "Non-trainable params: %s\n", num);
    sb_printf(&b, "%s\n", rule);
    sb_printf(&b, "Input size (MB): %0.2f\n", input_mb);
    sb_printf(&b, "Forward/backward pass size (MB): %0.2f\n", output_mb);
    sb_printf(&b, "Params size (MB): %0.2f\n", params_mb);
    sb_printf(&b, "Estimated Total Size (MB): %0.2f\n", total_mb);
    sb_printf(&b, "%s\n\n", rule);   /* print(summary_str) adds a newline to the final one */

    if (details) {
        /* cnnc's own table: weight shape and multiply-accumulates per sample */
        sb_printf(&b, "%20s  %25s %15s\n%s\n", "Layer (type)", "Kernel Shape", "Mult-Adds", dbl);
        int64_t total_macs = 0;
        for (int32_t i = 0; i < model->n_layers; i++) {
            const cnnc_layer *L = &model->layers[i];
            char key[64];
            snprintf(key, sizeof key, "%s-%d", cnnc_layer_kind_name(L->kind), i + 1);
            int64_t macs = 0;
            cell[0] = '\0';
            if (L->kind == CNNC_CONV2D) {
                const cnnc_conv_geom *g = &ls[i].g.conv;
                snprintf(cell, sizeof cell, "[%lld, %lld, %lld, %lld]", (long long)g->OC, (long long)(g->C / g->groups),
                         (long long)g->KH, (long long)g->KW);
                macs = g->OC * g->OH * g->OW * (g->C / g->groups) * g->KH * g->KW;
            } else if (L->kind == CNNC_LINEAR) {
                const cnnc_linear_geom *g = &ls[i].g.linear;
                snprintf(cell, sizeof cell, "[%lld, %lld]", (long long)g->N, (long long)g->K);
                macs = (g->M / 2) * g->K * g->N;
            } else if (L->kind == CNNC_MAXPOOL2D || L->kind == CNNC_AVGPOOL2D) {
                snprintf(cell, sizeof cell, "[%lld, %lld]", (long long)ls[i].g.pool.KH, (long long)ls[i].g.pool.KW);
            } else if (L->kind == CNNC_BATCHNORM2D) {
                snprintf(cell, sizeof cell, "[%lld]", (long long)L->p.bn.num_features);
            } else {
                snprintf(cell, sizeof cell, "-");
            }
            total_macs += macs;
            commas(macs, num, sizeof num);
            sb_printf(&b, "%20s  %25s %15s\n", key, cell, num);
        }
        commas(total_macs, num, sizeof num);
        sb_printf(&b, "%s\nTotal mult-adds (per sample): %s\n%s\n", dbl, num, rule);
    }
    free(ls);
    if (b.failed) {
        free(b.p);
        cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc_summary: out of memory");
        return NULL;
    }
    return b.p;
}

/* metrics.c — per-epoch training metrics as CSV and as a self-contained SVG
 * chart (train/test loss on the left axis, test accuracy on the right). */
#include "cnnc/io.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/io_util.h"

#define CSV_HEADER "epoch,step,train_loss,test_loss,test_acc,images_per_s,seconds"

static cnnc_status close_checked(FILE *f, int ok, const char *path, cnnc_error *err) {
    int e = errno;
    if (fclose(f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (!ok) return cnnc_io_os_error(err, e ? e : EIO, path);
    return CNNC_OK;
}

cnnc_status cnnc_metrics_write_csv(const char *path, const cnnc_metrics_row *rows, int64_t n, cnnc_error *err) {
    if (!path || (n > 0 && !rows) || n < 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_metrics_write_csv: bad argument");
    FILE *f = fopen(path, "w");
    if (!f) return cnnc_io_os_error(err, errno, path);
    int ok = fprintf(f, "%s\n", CSV_HEADER) > 0;
    for (int64_t i = 0; ok && i < n; i++) {
        const cnnc_metrics_row *r = &rows[i];
        ok = fprintf(f, "%lld,%lld,%.6g,%.6g,%.6g,%.1f,%.3f\n", (long long)r->epoch, (long long)r->step, r->train_loss,
                     r->test_loss, r->test_acc, r->images_per_s, r->seconds) > 0;
    }
    return close_checked(f, ok, path, err);
}

/* A "nice" tick step (1, 2 or 5 times a power of ten) for about `count` ticks. */
static double nice_step(double range, int count) {
    if (!(range > 0)) return 1.0;
    double raw = range / count, mag = pow(10.0, floor(log10(raw))), r = raw / mag;
    return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
}

static void xml_text(FILE *f, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* Plot geometry. */
enum { SVG_W = 760, SVG_H = 440, PAD_L = 70, PAD_R = 70, PAD_T = 50, PAD_B = 60 };

typedef struct plot { double x0, x1, l0, l1, a0, a1; } plot;

static double px_x(const plot *p, double x) { return PAD_L + (x - p->x0) / (p->x1 - p->x0) * (SVG_W - PAD_L - PAD_R); }
static double px_l(const plot *p, double y) { return SVG_H - PAD_B - (y - p->l0) / (p->l1 - p->l0) * (SVG_H - PAD_T - PAD_B); }
static double px_a(const plot *p, double y) { return SVG_H - PAD_B - (y - p->a0) / (p->a1 - p->a0) * (SVG_H - PAD_T - PAD_B); }

/* One series: a polyline through the finite points, and a dot on each. */
static void series(FILE *f, const plot *p, const cnnc_metrics_row *rows, int64_t n, size_t field, int right_axis,
                   const char *color, const char *dash) {
    fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"", color, dash);
    for (int64_t i = 0; i < n; i++) {
        double v = *(const double *)((const char *)&rows[i] + field);
        if (!isfinite(v)) continue;
        fprintf(f, "%.1f,%.1f ", px_x(p, (double)rows[i].epoch), right_axis ? px_a(p, v) : px_l(p, v));
    }
    fputs("\"/>\n", f);
    for (int64_t i = 0; i < n; i++) {
        double v = *(const double *)((const char *)&rows[i] + field);
        if (!isfinite(v)) continue;
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", px_x(p, (double)rows[i].epoch),
                right_axis ? px_a(p, v) : px_l(p, v), color);
    }
}

cnnc_status cnnc_metrics_write_svg(const char *path, const cnnc_metrics_row *rows, int64_t n, const char *title,
                                   cnnc_error *err) {
    if (!path || !rows || n <= 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_metrics_write_svg: need at least one row");
    plot p = {0, 0, 0, 0, 0, 1};
    double lmax = 0, amax = 0;
    p.x0 = p.x1 = (double)rows[0].epoch;
    for (int64_t i = 0; i < n; i++) {
        double e = (double)rows[i].epoch;
        if (e < p.x0) p.x0 = e;
        if (e > p.x1) p.x1 = e;
        if (isfinite(rows[i].train_loss) && rows[i].train_loss > lmax) lmax = rows[i].train_loss;
        if (isfinite(rows[i].test_loss) && rows[i].test_loss > lmax) lmax = rows[i].test_loss;
        if (isfinite(rows[i].test_acc) && rows[i].test_acc > amax) amax = rows[i].test_acc;
    }
    /* One epoch still gets a visible x range around it. */
    if (p.x1 - p.x0 < 1) {
        p.x0 -= 0.5;
        p.x1 += 0.5;
    }
    double lstep = nice_step(lmax > 0 ? lmax : 1, 5);
    p.l1 = ceil((lmax > 0 ? lmax : 1) / lstep) * lstep;
    int percent = amax > 1.0;   /* accuracy given as 0..100 */
    p.a1 = percent ? 100 : 1;

    FILE *f = fopen(path, "w");
    if (!f) return cnnc_io_os_error(err, errno, path);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
               "font-family=\"sans-serif\" font-size=\"12\">\n", SVG_W, SVG_H, SVG_W, SVG_H);
    fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", SVG_W, SVG_H);
    fputs("<text x=\"380\" y=\"25\" text-anchor=\"middle\" font-size=\"15\">", f);
    xml_text(f, title && title[0] ? title : "training");
    fputs("</text>\n", f);

    /* grid and loss ticks (left) */
    for (double y = 0; y <= p.l1 + lstep * 1e-9; y += lstep) {
        double py = px_l(&p, y);
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", PAD_L, py, SVG_W - PAD_R, py);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", PAD_L - 6, py + 4, y);
    }
    /* accuracy ticks (right) */
    for (int k = 0; k <= 5; k++) {
        double a = p.a1 * k / 5.0;
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"start\" fill=\"#2a7\">%g%s</text>\n", SVG_W - PAD_R + 6,
                px_a(&p, a) + 4, a, percent ? "%" : "");
    }
    /* epoch ticks */
    double xstep = nice_step(p.x1 - p.x0, 10);
    if (xstep < 1) xstep = 1;
    for (double x = ceil(p.x0); x <= p.x1 + 1e-9; x += xstep) {
        double px = px_x(&p, x);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>\n", px, SVG_H - PAD_B, px,
                SVG_H - PAD_B + 5);
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%g</text>\n", px, SVG_H - PAD_B + 18, x);
    }
    /* axes */
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", PAD_L, PAD_T, PAD_L, SVG_H - PAD_B);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", SVG_W - PAD_R, PAD_T, SVG_W - PAD_R,
            SVG_H - PAD_B);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", PAD_L, SVG_H - PAD_B, SVG_W - PAD_R,
            SVG_H - PAD_B);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">epoch</text>\n", (PAD_L + SVG_W - PAD_R) / 2, SVG_H - 20);
    fprintf(f, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">loss</text>\n",
            (PAD_T + SVG_H - PAD_B) / 2);
    fprintf(f, "<text transform=\"translate(%d,%d) rotate(90)\" text-anchor=\"middle\" fill=\"#2a7\">test accuracy</text>\n",
            SVG_W - 16, (PAD_T + SVG_H - PAD_B) / 2);

    series(f, &p, rows, n, offsetof(cnnc_metrics_row, train_loss), 0, "#36c", "");
    series(f, &p, rows, n, offsetof(cnnc_metrics_row, test_loss), 0, "#d52", " stroke-dasharray=\"6 3\"");
    series(f, &p, rows, n, offsetof(cnnc_metrics_row, test_acc), 1, "#2a7", "");

    /* legend */
    static const char *const names[3] = {"train loss", "test loss", "test accuracy"};
    static const char *const colors[3] = {"#36c", "#d52", "#2a7"};
    int lx = SVG_W - PAD_R - 150, ly = PAD_T + 8;
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"140\" height=\"62\" fill=\"white\" stroke=\"#999\"/>\n", lx, ly);
    for (int k = 0; k < 3; k++) {
        fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n", lx + 8,
                ly + 14 + 18 * k, lx + 32, ly + 14 + 18 * k, colors[k]);
        fprintf(f, "<text x=\"%d\" y=\"%d\">%s</text>\n", lx + 38, ly + 18 + 18 * k, names[k]);
    }
    int ok = fputs("</svg>\n", f) >= 0;
    return close_checked(f, ok, path, err);
}

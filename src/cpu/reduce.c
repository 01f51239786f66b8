/* reduce.c — mean and sum over dims on the CPU: each output sums its inputs
 * in double, in index order (deterministic, and the order of the CUDA
 * kernels' one-thread-per-output path). amax and amin (and torch.max/min's
 * reductions) and vector_norm walk the same geometry. */
#include "cpu/cpu_backend.h"

#include <math.h>

/* Below this much work a parallel region costs more than it saves. */
#define RED_PARALLEL_MIN 32768

/* The input offsets of output o's reduced elements: base + walk_offset(r), r in [0, R). */
typedef struct red_walk {
    int64_t istride[CNNC_MAX_DIMS], n_out, R;
} red_walk;

static void walk_init(red_walk *w, const cnnc_reduce_geom *g) {
    int64_t s = 1;
    w->n_out = w->R = 1;
    for (int32_t k = g->ndim - 1; k >= 0; k--) {
        w->istride[k] = s;
        s *= g->size[k];
        if ((g->reduced >> k) & 1u) w->R *= g->size[k];
        else w->n_out *= g->size[k];
    }
}

static int64_t walk_base(const red_walk *w, const cnnc_reduce_geom *g, int64_t o) {
    int64_t base = 0;
    for (int32_t k = g->ndim - 1; k >= 0; k--) {
        if ((g->reduced >> k) & 1u) continue;
        base += o % g->size[k] * w->istride[k];
        o /= g->size[k];
    }
    return base;
}

static int64_t walk_offset(const red_walk *w, const cnnc_reduce_geom *g, int64_t r) {
    int64_t off = 0;
    for (int32_t k = g->ndim - 1; k >= 0; k--) {
        if (!((g->reduced >> k) & 1u)) continue;
        off += r % g->size[k] * w->istride[k];
        r /= g->size[k];
    }
    return off;
}

void reduce_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, int mean) {
    red_walk w;
    walk_init(&w, g);
    const double count = (double)g->count;
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        double acc = 0.0;
        for (int64_t r = 0; r < w.R; r++) acc += (double)in[base + walk_offset(&w, g, r)];
        out[o] = (float)(mean ? acc / count : acc);   /* an empty mean: 0/0 = nan, as PyTorch */
    }
}

void reduce_backward_cpu(float *din, const float *dout, const cnnc_reduce_geom *g, int mean) {
    const int32_t nd = g->ndim;
    int64_t ostride[CNNC_MAX_DIMS], s = 1, n_in = 1;
    for (int32_t k = nd - 1; k >= 0; k--) {   /* the output's strides along the kept dims */
        n_in *= g->size[k];
        ostride[k] = 0;
        if ((g->reduced >> k) & 1u) continue;
        ostride[k] = s;
        s *= g->size[k];
    }
    const float count = (float)g->count;
#pragma omp parallel for schedule(static) if (n_in >= RED_PARALLEL_MIN)
    for (int64_t j = 0; j < n_in; j++) {
        int64_t rem = j, o = 0;
        for (int32_t k = nd - 1; k >= 0; k--) {
            o += rem % g->size[k] * ostride[k];
            rem /= g->size[k];
        }
        din[j] = mean ? dout[o] / count : dout[o];
    }
}

void extremum_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, int is_max) {
    red_walk w;
    walk_init(&w, g);
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        float m = in[base];
        for (int64_t r = 1; r < w.R && !isnan(m); r++) {   /* the first NaN is the result */
            const float v = in[base + walk_offset(&w, g, r)];
            if (isnan(v) || (is_max ? v > m : v < m)) m = v;
        }
        out[o] = m;
    }
}

void extremum_backward_cpu(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                           cnnc_extremum_form form) {
    red_walk w;
    walk_init(&w, g);
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        const float m = out[o], d = dout[o];
        const int nan_m = isnan(m);
        int64_t count = 0;
        for (int64_t r = 0; r < w.R; r++) {
            const float v = in[base + walk_offset(&w, g, r)];
            /* amax's mask is (input == result): a NaN result matches nothing */
            count += form == CNNC_EXTREMUM_AMAX ? v == m : (nan_m ? isnan(v) : v == m);
        }
        const float share = d / (float)count;   /* amax with no match: NaN, as PyTorch's (g / 0) * 0 */
        int first = 1;
        for (int64_t r = 0; r < w.R; r++) {
            const int64_t at = base + walk_offset(&w, g, r);
            const float v = in[at];
            if (form == CNNC_EXTREMUM_AMAX) {
                din[at] = share * (float)(v == m);
            } else {
                const int hit = nan_m ? isnan(v) : v == m;
                if (form == CNNC_EXTREMUM_DIM) {
                    din[at] = hit && first ? d : 0.0f;
                    if (hit) first = 0;
                } else {
                    din[at] = hit ? share : 0.0f;
                }
            }
        }
    }
}

/* |x| to the power p, summed in double, then the p-th root: ATen's p-norm
 * (p = 1, 2 and inf take their exact forms). */
void vector_norm_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, double ord) {
    red_walk w;
    walk_init(&w, g);
    const int inf = isinf(ord);
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        double acc = 0.0;
        for (int64_t r = 0; r < w.R; r++) {
            const double a = fabs((double)in[base + walk_offset(&w, g, r)]);
            if (inf) acc = (isnan(a) || a > acc) ? a : acc;
            else acc += ord == 1.0 ? a : ord == 2.0 ? a * a : pow(a, ord);
        }
        out[o] = (float)(inf || ord == 1.0 ? acc : ord == 2.0 ? sqrt(acc) : pow(acc, 1.0 / ord));
    }
}

/* norm_backward: p = 1: sgn(x) g; p = 2: x g / n; p > 1: x |x|^(p-2) g / n^(p-1)
 * (p < 2: sgn(x) |x|^(p-1) ...), 0 where n = 0; inf: sgn(x) g / count among the
 * entries whose |x| is the norm (or NaN). */
void vector_norm_backward_cpu(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                              double ord) {
    red_walk w;
    walk_init(&w, g);
    const int inf = isinf(ord);
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        const float n = out[o], d = dout[o];
        float scale;
        if (inf) {
            int64_t count = 0;
            for (int64_t r = 0; r < w.R; r++) {
                const float a = fabsf(in[base + walk_offset(&w, g, r)]);
                count += a == n || isnan(a);
            }
            scale = d / (float)count;
        } else {
            scale = ord == 1.0 ? d : ord == 2.0 ? d / n : (float)((double)d / pow((double)n, ord - 1.0));
            if (n == 0.0f && ord != 1.0) scale = 0.0f;
        }
        for (int64_t r = 0; r < w.R; r++) {
            const int64_t at = base + walk_offset(&w, g, r);
            const float x = in[at], a = fabsf(x), sgn = (float)((x > 0.0f) - (x < 0.0f));
            float v;
            if (inf) v = (a == n || isnan(a)) ? sgn * scale : 0.0f;
            else if (ord == 1.0) v = sgn * scale;
            else if (ord == 2.0) v = x * scale;
            else if (ord < 2.0) v = sgn * (float)pow((double)a, ord - 1.0) * scale;
            else v = x * (float)pow((double)a, ord - 2.0) * scale;
            din[at] = v;
        }
    }
}

/* var/std: the mean in double, then the squared deviations in double over N - correction;
 * std is its square root. */
void moment_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, double correction, int is_std) {
    red_walk w;
    walk_init(&w, g);
    const double div = (double)w.R - correction > 0.0 ? (double)w.R - correction : 0.0;   /* max(0, N - correction) */
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        double mean = 0.0, ss = 0.0;
        for (int64_t r = 0; r < w.R; r++) mean += (double)in[base + walk_offset(&w, g, r)];
        mean /= (double)w.R;
        for (int64_t r = 0; r < w.R; r++) {
            const double d = (double)in[base + walk_offset(&w, g, r)] - mean;
            ss += d * d;
        }
        const double v = ss / div;   /* N <= correction: inf, or NaN for 0/0, as PyTorch */
        out[o] = (float)(is_std ? sqrt(v) : v);
    }
}

/* var_backward: g * 2 (x - mean) / (N - correction); std_backward is var_backward of
 * g / (2 std) (NaN where std is 0, as PyTorch's). */
void moment_backward_cpu(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                         double correction, int is_std) {
    red_walk w;
    walk_init(&w, g);
    const float div = (float)((double)w.R - correction);
#pragma omp parallel for schedule(static) if (w.n_out * w.R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < w.n_out; o++) {
        const int64_t base = walk_base(&w, g, o);
        double mean = 0.0;
        for (int64_t r = 0; r < w.R; r++) mean += (double)in[base + walk_offset(&w, g, r)];
        const float m = (float)(mean / (double)w.R);
        const float gv = is_std ? dout[o] / (out[o] * 2.0f) : dout[o];
        for (int64_t r = 0; r < w.R; r++) {
            const int64_t at = base + walk_offset(&w, g, r);
            din[at] = gv * 2.0f * (in[at] - m) / div;
        }
    }
}

/* ---- the engine's entries ---- */

static cnnc_status reduce_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    reduce_forward_cpu(r->out, r->in[0], &r->shape->g.reduce, r->layer->kind == CNNC_MEAN);
    return CNNC_OK;
}

static cnnc_status reduce_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) reduce_backward_cpu(r->din[0], r->dout, &r->shape->g.reduce, r->layer->kind == CNNC_MEAN);
    return CNNC_OK;
}

static cnnc_status extremum_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    extremum_forward_cpu(r->out, r->in[0], &r->shape->g.reduce, r->layer->kind == CNNC_AMAX);
    return CNNC_OK;
}

static cnnc_status extremum_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0])
        extremum_backward_cpu(r->din[0], r->dout, r->in[0], r->out, &r->shape->g.reduce,
                              (cnnc_extremum_form)r->layer->p.reduce.form);
    return CNNC_OK;
}

static cnnc_status vector_norm_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    vector_norm_forward_cpu(r->out, r->in[0], &r->shape->g.reduce, r->layer->p.reduce.ord);
    return CNNC_OK;
}

static cnnc_status vector_norm_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0])
        vector_norm_backward_cpu(r->din[0], r->dout, r->in[0], r->out, &r->shape->g.reduce, r->layer->p.reduce.ord);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_vector_norm = {NULL, NULL, vector_norm_fwd, vector_norm_bwd};

static cnnc_status moment_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    moment_forward_cpu(r->out, r->in[0], &r->shape->g.reduce, r->layer->p.reduce.correction, r->layer->kind == CNNC_STD);
    return CNNC_OK;
}

static cnnc_status moment_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0])
        moment_backward_cpu(r->din[0], r->dout, r->in[0], r->out, &r->shape->g.reduce, r->layer->p.reduce.correction,
                            r->layer->kind == CNNC_STD);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_var = {NULL, NULL, moment_fwd, moment_bwd};
const cnnc_kernel cnnc_cpu_std = {NULL, NULL, moment_fwd, moment_bwd};
const cnnc_kernel cnnc_cpu_mean = {NULL, NULL, reduce_fwd, reduce_bwd};
const cnnc_kernel cnnc_cpu_amax = {NULL, NULL, extremum_fwd, extremum_bwd};
const cnnc_kernel cnnc_cpu_amin = {NULL, NULL, extremum_fwd, extremum_bwd};
const cnnc_kernel cnnc_cpu_sum = {NULL, NULL, reduce_fwd, reduce_bwd};

/* optim_state.c — what the optimizer reads besides the flat m/v buffers:
 * RMSprop(centered=True)'s third buffer, and the learning-rate schedule's
 * per-step tables (made by cnnc/sched.h, handed to the backend once). */
#include "engine/engine_internal.h"

#include <stdlib.h>
#include <string.h>

int cnnc_engine_optim_has_grad_avg(const cnnc_engine *e) { return e && e->plan.opt_u != CNNC_NO_OFFSET; }

static cnnc_status no_grad_avg(cnnc_error *err) {
    return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                          "the optimizer keeps no grad_avg (only RMSprop with centered=True does)");
}

cnnc_status cnnc_engine_read_optim_grad_avg(cnnc_engine *e, float *dst, cnnc_error *err) {
    if (!cnnc_engine_optim_has_grad_avg(e) || !dst) return no_grad_avg(err);
    size_t bytes = (size_t)e->plan.n_params * sizeof(float);
    return bytes ? e->ops->download(e, dst, e->plan.opt_u, bytes, err) : CNNC_OK;
}

cnnc_status cnnc_engine_write_optim_grad_avg(cnnc_engine *e, const float *src, cnnc_error *err) {
    if (!cnnc_engine_optim_has_grad_avg(e) || !src) return no_grad_avg(err);
    size_t bytes = (size_t)e->plan.n_params * sizeof(float);
    return bytes ? e->ops->upload(e, e->plan.opt_u, src, bytes, err) : CNNC_OK;
}

cnnc_status cnnc_engine_set_schedule(cnnc_engine *e, const double *lr, const double *momentum, int64_t n,
                                     cnnc_error *err) {
    if (!e || n < 0 || n > ((int64_t)1 << 40))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_engine_set_schedule: bad argument");
    double *l = NULL, *m = NULL;
    if (lr && n > 0) {
        l = malloc((size_t)n * sizeof *l);
        m = momentum ? malloc((size_t)n * sizeof *m) : NULL;
        if (!l || (momentum && !m)) {
            free(l);
            free(m);
            return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate a schedule of %lld steps",
                                  (long long)n);
        }
        memcpy(l, lr, (size_t)n * sizeof *l);
        if (m) memcpy(m, momentum, (size_t)n * sizeof *m);
    } else {
        n = 0;
    }
    free(e->sched_lr);
    free(e->sched_momentum);
    e->sched_lr = l;
    e->sched_momentum = m;
    e->sched_n = n;
    return e->ops->set_schedule ? e->ops->set_schedule(e, err) : CNNC_OK;
}

double cnnc_engine_lr_at(const cnnc_engine *e, int64_t step) {
    if (!e) return 0.0;
    double lr, momentum;
    cnnc_engine_hyper(e, step, &lr, &momentum);
    return lr;
}

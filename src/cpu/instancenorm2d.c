/* instancenorm2d.c — InstanceNorm2d on the CPU: GroupNorm's kernels with one
 * channel per group (statistics per (n, c)), the running statistics averaged
 * over the batch as torch.instance_norm does, and BatchNorm2d's eval kernel
 * where the running statistics normalise. */
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

void instancenorm2d_update_running_cpu(float *running_mean, float *running_var, const float *mean, const float *var,
                                       int64_t N, int64_t C, float momentum) {
    if (N <= 0) return;
    for (int64_t c = 0; c < C; c++) {
        /* each instance's updated copy in float, as batch_norm writes it; their mean over n */
        double sm = 0.0, sv = 0.0;
        for (int64_t n = 0; n < N; n++) {
            sm += (double)((1.0f - momentum) * running_mean[c] + momentum * mean[n * C + c]);
            sv += (double)((1.0f - momentum) * running_var[c] + momentum * var[n * C + c]);
        }
        running_mean[c] = (float)(sm / (double)N);
        running_var[c] = (float)(sv / (double)N);
    }
}

/* ---- the engine's entry ---- */

static cnnc_status instancenorm2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    const cnnc_batchnorm2d_params *p = &r->layer->p.bn;
    const cnnc_norm_geom *g = &r->shape->g.norm;
    float *save = (float *)r->aux, *save_rstd = save + g->N * g->C, *save_var = save_rstd + g->N * g->C;
    (void)e; (void)err;
    if (!train && p->track_running_stats) {   /* eval with running statistics: they normalise */
        batchnorm2d_forward_eval_cpu(r->out, r->in[0], r->weight, r->bias, r->running_mean, r->running_var, g->N, g->C,
                                     g->HW, (float)p->eps);
        return CNNC_OK;
    }
    const int update = train && p->track_running_stats && r->running_mean && r->running_var;
    groupnorm_forward_cpu(r->out, save, save_rstd, update ? save_var : NULL, r->in[0], r->weight, r->bias, g->N, g->C,
                          g->HW, g->C, (float)p->eps);
    /* num_batches_tracked stays 0: _InstanceNorm.forward never counts */
    if (update) instancenorm2d_update_running_cpu(r->running_mean, r->running_var, save, save_var, g->N, g->C,
                                                  (float)p->momentum);
    return CNNC_OK;
}

static cnnc_status instancenorm2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_norm_geom *g = &r->shape->g.norm;
    const float *save = (const float *)r->aux;
    (void)e; (void)err;
    groupnorm_backward_cpu(r->din[0], r->dweight, r->dbias, r->dout, r->in[0], save, save + g->N * g->C, r->weight, g->N,
                           g->C, g->HW, g->C);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_instancenorm2d = {NULL, NULL, instancenorm2d_fwd, instancenorm2d_bwd};
/* InstanceNorm1d's geometry is InstanceNorm2d's with HW = L (src/layers/instancenorm1d.c). */
const cnnc_kernel cnnc_cpu_instancenorm1d = {NULL, NULL, instancenorm2d_fwd, instancenorm2d_bwd};
/* InstanceNorm3d's is InstanceNorm2d's with HW = D*H*W (src/layers/instancenorm3d.c). */
const cnnc_kernel cnnc_cpu_instancenorm3d = {NULL, NULL, instancenorm2d_fwd, instancenorm2d_bwd};

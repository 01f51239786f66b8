/* instancenorm2d.cu — InstanceNorm2d on CUDA, as instancenorm2d.c on the CPU:
 * GroupNorm's kernels with one channel per group, the running statistics
 * averaged over the batch (torch.instance_norm), BatchNorm2d's eval kernel
 * where running statistics normalise. The momentum is a constant, so a
 * captured graph replays it as is; num_batches_tracked never moves. */
#include "backend_cuda.h"
#include "cuda_kernels.h"

static cnnc_status instancenorm2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_batchnorm2d_params *p = &r->layer->p.bn;
    const cnnc_norm_geom *g = &r->shape->g.norm;
    float *save = (float *)r->aux, *save_rstd = save + g->N * g->C, *save_var = save_rstd + g->N * g->C;
    if (!train && p->track_running_stats)
        return batchnorm2d_forward_eval_cuda(r->out, r->in[0], r->weight, r->bias, r->running_mean, r->running_var, g->N,
                                             g->C, g->HW, (float)p->eps, st->stream, err);
    const int update = train && p->track_running_stats && r->running_mean && r->running_var;
    cnnc_status s = groupnorm_forward_cuda(r->out, save, save_rstd, update ? save_var : NULL, r->in[0], r->weight, r->bias,
                                           g->N, g->C, g->HW, g->C, (float)p->eps, st->stream, err);
    if (s || !update) return s;
    return instancenorm2d_update_running_cuda(r->running_mean, r->running_var, save, save_var, g->N, g->C,
                                              (float)p->momentum, st->stream, err);
}

static cnnc_status instancenorm2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_norm_geom *g = &r->shape->g.norm;
    const float *save = (const float *)r->aux;
    return groupnorm_backward_cuda(r->din[0], r->dweight, r->dbias, r->dout, r->in[0], save, save + g->N * g->C, r->weight,
                                   g->N, g->C, g->HW, g->C, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_instancenorm2d = {
    {NULL, NULL, instancenorm2d_fwd, instancenorm2d_bwd}, NULL, NULL};
/* InstanceNorm1d's geometry is InstanceNorm2d's with HW = L (src/layers/instancenorm1d.c). */
extern "C" const cnnc_cuda_kernel cnnc_cuda_instancenorm1d = {
    {NULL, NULL, instancenorm2d_fwd, instancenorm2d_bwd}, NULL, NULL};
/* InstanceNorm3d's is InstanceNorm2d's with HW = D*H*W (src/layers/instancenorm3d.c). */
extern "C" const cnnc_cuda_kernel cnnc_cuda_instancenorm3d = {
    {NULL, NULL, instancenorm2d_fwd, instancenorm2d_bwd}, NULL, NULL};

/* plan_report.c — what the arena will hold, told to cfg.on_plan before it is
 * allocated and zeroed: a plan of gigabytes (20,000 ReLU lines made 8 GB and
 * 14 s of zeroing) should not start in silence. */
#include "engine/engine_internal.h"

void cnnc_engine_report_plan(const cnnc_engine *e) {
    const cnnc_plan *p = &e->plan;
    cnnc_plan_summary s;
    s.total_bytes = p->total_bytes;
    s.param_bytes = (size_t)p->n_params * sizeof(float) * 4;   /* params, grads, optimizer m and v */
    s.workspace_bytes = p->workspace_bytes;
    size_t fixed = s.param_bytes + s.workspace_bytes;
    s.activation_bytes = p->total_bytes > fixed ? p->total_bytes - fixed : 0;
    s.max_batch = p->max_batch;
    s.layers = e->model->n_layers;
    s.device = e->ops ? e->ops->name : "cpu";
    e->cfg.on_plan(e->cfg.on_plan_user, &s);
}

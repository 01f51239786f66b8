/* norm_common.c — _NormBase's constructor for BatchNorm1d and InstanceNorm2d
 * (norm_common.h). */
#include "layers/norm_common.h"

#include <stdio.h>

/* torch.empty(num_features) / torch.zeros(num_features): a bare int, or no
 * overload matches (a bool included: the binding's int check refuses it). */
static cnnc_status features_tensor(const cnnc_arg *v, const char *fn, const cnnc_arg *dev, const cnnc_arg *dt,
                                   cnnc_error *err) {
    if (v->kind != CNNC_ARG_INT) return cnnc_factory_overload_fail(v, fn, cnnc_arg_type_name(v), dev, dt, err);
    int64_t dims[1] = {v->i};
    return cnnc_negative_dim(v, dims, 1, err);
}

cnnc_status cnnc_norm_base_build(cnnc_batchnorm2d_params *q, const cnnc_arg *const *a, int affine_default,
                                 int track_default, const char *fn, int momentum_none_ok, cnnc_error *err) {
    cnnc_status st;
    q->affine = a[3] ? cnnc_arg_truthy(a[3]) : affine_default;
    q->track_running_stats = a[4] ? cnnc_arg_truthy(a[4]) : track_default;
    /* weight and bias first, then the running statistics (_NormBase.__init__) */
    if (q->affine && (st = features_tensor(a[0], "empty", a[5], a[6], err))) return st;
    if (q->track_running_stats && (st = features_tensor(a[0], "zeros", a[5], a[6], err))) return st;
    /* Without tensors num_features is never read: PyTorch takes anything. */
    q->num_features = a[0]->kind == CNNC_ARG_INT ? a[0]->i : 0;
    if ((st = cnnc_device_dtype_args(a[5], a[6], err))) return st;
    /* The functional's binding checks these at the first forward: momentum, then eps. */
    q->momentum = 0.1;
    q->momentum_none = 0;
    if (a[2]) {
        if (a[2]->kind == CNNC_ARG_NONE && momentum_none_ok) {
            q->momentum_none = 1;
            q->momentum = 0.0;
        } else if ((st = cnnc_float_arg_at(a[2], fn, "momentum", 7, &q->momentum, err))) return st;
    }
    q->eps = 1e-5;
    if (a[1] && (st = cnnc_float_arg_at(a[1], fn, "eps", 8, &q->eps, err))) return st;
    return CNNC_OK;
}

void cnnc_norm_base_render(const cnnc_batchnorm2d_params *q, int affine_default, int track_default, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld", (long long)q->num_features);
    if (q->eps != 1e-5) cnnc_render_float(sb, ", ", "eps", q->eps);
    if (q->momentum_none) cnnc_sb_puts(sb, ", momentum=None");
    else if (q->momentum != 0.1) cnnc_render_float(sb, ", ", "momentum", q->momentum);
    if (q->affine != affine_default) cnnc_sb_printf(sb, ", affine=%s", q->affine ? "True" : "False");
    if (q->track_running_stats != track_default)
        cnnc_sb_printf(sb, ", track_running_stats=%s", q->track_running_stats ? "True" : "False");
}

size_t cnnc_norm_stats_bytes(int64_t per) { return 2 * (size_t)(per > 0 ? per : 0) * sizeof(float); }

cnnc_status cnnc_instance_norm_shape(const cnnc_batchnorm2d_params *p, const cnnc_shape *in, int32_t spatial, int train,
                                     cnnc_layer_shape *ls, cnnc_error *err) {
    const int32_t batched = spatial + 2;
    if (in->ndim != batched - 1 && in->ndim != batched)
        return cnnc_shape_fail(err, "ValueError", "expected %dD or %dD input (got %dD input)", (int)batched - 1, (int)batched,
                               in->ndim);
    const int unb = in->ndim == batched - 1;
    cnnc_shape b = *in;   /* _handle_no_batch_input: unsqueeze(0) */
    if (unb) {
        b.ndim = batched;
        b.d[0] = 1;
        for (int32_t k = 0; k < in->ndim; k++) b.d[k + 1] = in->d[k];
    }
    const int64_t N = b.d[0], C = b.d[1], HW = cnnc_dims_product(&b, 2, batched), nf = p->num_features;
    const int input_stats = train || !p->track_running_stats;
    if (input_stats && HW == 1) {   /* F.instance_norm's _verify_spatial_size */
        CNNC_FMT_SHAPE(s, &b);
        return cnnc_shape_fail(err, "ValueError",
                               "Expected more than 1 spatial element when training, got input size torch.Size(%s)", s);
    }
    if (N * C * HW != 0) {
        const char *what = p->track_running_stats ? "running_mean" : p->affine ? "weight" : NULL;
        if (what && C != nf)
            return cnnc_shape_fail(err, "RuntimeError", "%s should contain %lld elements not %lld", what,
                                   (long long)(N * C), (long long)(N * nf));
    } else if (N == 0 && p->affine) {
        /* batch_norm's empty-input path scales by weight[0] of the weight repeated 0 times */
        return cnnc_shape_fail(err, "IndexError", "select(): index 0 out of range for tensor of size [0] at dimension 0");
    } else if (p->track_running_stats && C != nf) {
        /* the running statistics repeated N times are viewed back as [N, C] */
        if (N == 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "The size of tensor a (%lld) must match the size of tensor b (%lld) at non-singleton "
                                   "dimension 0", (long long)nf, (long long)C);
        return cnnc_shape_fail(err, "RuntimeError", "shape '[%lld, %lld]' is invalid for input of size %lld", (long long)N,
                               (long long)C, (long long)(N * nf));
    }
    cnnc_norm_geom *g = &ls->g.norm;
    g->N = N; g->C = C; g->HW = HW; g->G = C;
    ls->unbatched = unb;
    ls->out = *in;
    return CNNC_OK;
}

size_t cnnc_instance_norm_aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    const int64_t per = s->g.norm.N * s->g.norm.C;
    return cnnc_norm_stats_bytes(per) + (L->p.bn.track_running_stats ? (size_t)per * sizeof(float) : 0);
}

cnnc_status cnnc_instance_norm_build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_norm_base_build(&l->p.bn, a, 0, 0, "instance_norm", 0, err);
}

int32_t cnnc_instance_norm_params(const cnnc_layer *l, cnnc_param_desc *out) {
    return cnnc_layer_batchnorm2d.params(l, out);   /* _NormBase's entries */
}

void cnnc_instance_norm_render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_norm_base_render(&L->p.bn, 0, 0, sb); }

void cnnc_instance_norm_kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)s;
    if (L->p.bn.affine) cnnc_sb_printf(sb, "[%lld]", (long long)L->p.bn.num_features);
    else cnnc_sb_puts(sb, "-");
}

int cnnc_instance_norm_channels_hint(const cnnc_layer *L, int64_t C, const cnnc_hint_env *env, cnnc_error *err) {
    cnnc_layer copy = *L;
    char prefix[96];
    copy.p.bn.num_features = C;
    snprintf(prefix, sizeof prefix, "the input has %lld channels (the message counts N*C): ", (long long)C);
    return cnnc_hint_set_number(&copy, prefix, "num_features", C, CNNC_FIX_NUM_FEATURES, env, err);
}

int cnnc_instance_norm_apply_fix(cnnc_layer *L, const cnnc_fix *fix) {
    if (fix->field != CNNC_FIX_NUM_FEATURES || L->p.bn.num_features == fix->value) return 0;
    L->p.bn.num_features = fix->value;
    return 1;
}

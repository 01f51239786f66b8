/* nn_layers.c — every registered layer kind as a torch.nn module class whose
 * constructor is the registry's (signature, defaults, checks, state_dict) and
 * whose forward is one node of the trace. */
#include "base/str.h"
#include "py/nn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- layers */

/* The class whose forward a layer module runs, as Python's TypeErrors name it
 * (BatchNorm2d runs _BatchNorm.forward). */
static const char *forward_owner(const cnnc_layer_def *def) {
    if (!def) return "Module";
    const char *nm = def->name;
    if (!strncmp(nm, "BatchNorm", 9)) return "_BatchNorm";
    if (!strncmp(nm, "InstanceNorm", 12)) return "_InstanceNorm";
    if (!strncmp(nm, "Upsampling", 10)) return "Upsample";
    if (!strcmp(nm, "ReLU6")) return "Hardtanh";
    if (!strcmp(nm, "ZeroPad2d") || !strncmp(nm, "ConstantPad", 11)) return "_ConstantPadNd";
    if (!strncmp(nm, "ReflectionPad", 13)) return "_ReflectionPadNd";
    if (!strncmp(nm, "ReplicationPad", 14)) return "_ReplicationPadNd";
    return nm;
}

/* A layer module's forward: one tensor through the layer's node. */
/* A pair as the module keeps it: (a, b) */
static py_val pair_val(interp *I, const int64_t v[2]) {
    py_val t = pv_seq(I, PV_TUPLE, 2);
    if (t.t == PV_UNBOUND) return t;
    pv_as_seq(t)->v[0] = pv_int(v[0]);
    pv_as_seq(t)->v[1] = pv_int(v[1]);
    return t;
}

/* Conv2d and Linear whose weight is no longer their parameter (del m._parameters['weight'],
 * then m.weight = w / sigma: the spectral-norm wrappers GAN code copies): their forward
 * is F.conv2d(x, self.weight, self.bias, ...) / F.linear(x, self.weight, self.bias) on
 * whatever those attributes are now. 1: the weight is still the parameter. */
static int forward_with_attribute_weight(interp *I, py_val self, py_val x, py_val *out) {
    py_obj *o = pv_as_obj(self);
    const cnnc_layer *L = &o->nn->layer;
    if ((L->kind != CNNC_CONV2D && L->kind != CNNC_LINEAR) || py_attrs_find(&o->nn->params, I->s_weight)) return 1;
    py_val w, b = pv_none();
    if (py_getattr(I, self, I->s_weight, &w)) return -1;
    const py_val *pb = py_attrs_find(&o->nn->params, I->s_bias);
    if (pb) b = *pb;
    else if (py_attrs_find(&o->attrs, I->s_bias) && py_getattr(I, self, I->s_bias, &b)) return -1;
    if (L->kind == CNNC_LINEAR) {
        py_val args[3] = {x, w, b};
        return torch_f_linear(I, pv_unbound(), args, 3, NULL, NULL, 0, out);
    }
    const cnnc_conv2d_params *c = &L->p.conv;
    if (c->padding_mode) return py_unsupported(I, "cnnc follows a Conv2d with a replaced weight with padding_mode='zeros' only");
    py_val args[7] = {x, w, b, pair_val(I, c->stride), pair_val(I, c->padding), pair_val(I, c->dilation), pv_int(c->groups)};
    if (c->pad_mode != CNNC_PAD_EXPLICIT) args[4] = pv_cstr(I, c->pad_mode == CNNC_PAD_SAME ? "same" : "valid");
    for (int k = 3; k < 6; k++)
        if (args[k].t == PV_UNBOUND) return py_nomem(I);
    return torch_f_conv2d(I, pv_unbound(), args, 7, NULL, NULL, 0, out);
}

/* ConvTranspose2d.forward(input, output_size): _output_padding's checks and words, then the
 * module's node with that output_padding. */
static int convtranspose_output_size(interp *I, py_nn *m, py_val x, py_val size, py_val *out) {
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow ConvTranspose2d of a %s", py_type_name(&x));
    const cnnc_shape *in = &pv_as_tensor(x)->shape;
    if (!pv_is_seq(size)) return py_raise(I, "TypeError", "object of type '%s' has no len()", py_type_name(&size));
    if (in->ndim != 3 && in->ndim != 4) return py_unsupported(I, "cnnc cannot follow ConvTranspose2d(output_size=) of a %d-d input", (int)in->ndim);
    const int32_t non_spatial = in->ndim == 4 ? 2 : 1;
    const py_seq *q = pv_as_seq(size);
    if (q->n == non_spatial + 2) {   /* output_size[num_non_spatial_dims:], of the same type */
        py_val cut = pv_seq(I, (py_type)size.t, 2);
        if (cut.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(cut)->v[0] = q->v[non_spatial];
        pv_as_seq(cut)->v[1] = q->v[non_spatial + 1];
        size = cut;
        q = pv_as_seq(size);
    }
    if (q->n != 2)
        return py_raise(I, "ValueError", "ConvTranspose2D: for %dD input, output_size must have 2 or %d elements (got %d)",
                        (int)in->ndim, (int)non_spatial + 2, (int)q->n);
    for (int d = 0; d < 2; d++)
        if (!pv_is_int(q->v[d]) || q->v[d].big) return py_unsupported(I, "cnnc cannot follow ConvTranspose2d with an output_size of %s", py_type_name(&q->v[d]));
    cnnc_layer_params p = m->layer.p;
    const cnnc_convtranspose2d_params *c = &m->layer.p.convt;
    int64_t lo[2], hi[2];
    for (int d = 0; d < 2; d++) {
        lo[d] = (in->d[d + non_spatial] - 1) * c->stride[d] - 2 * c->padding[d] + c->dilation[d] * (c->kernel_size[d] - 1) + 1;
        hi[d] = lo[d] + c->stride[d] - 1;
    }
    for (int d = 0; d < 2; d++) {
        if (q->v[d].u.i >= lo[d] && q->v[d].u.i <= hi[d]) continue;
        cnnc_strbuf sb = {0};
        py_repr(I, size, &sb);
        cnnc_shape spatial = {.ndim = in->ndim - 2};   /* input.size()[2:] */
        for (int32_t j = 2; j < in->ndim; j++) spatial.d[j - 2] = in->d[j];
        char rest[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(&spatial, rest, sizeof rest);
        py_raise(I, "ValueError", "requested an output size of %s, but valid sizes range from [%lld, %lld] to [%lld, %lld] (for an "
                                  "input of torch.Size(%s))", sb.p ? sb.p : "", (long long)lo[0], (long long)lo[1],
                 (long long)hi[0], (long long)hi[1], rest);
        cnnc_sb_free(&sb);
        return -1;
    }
    for (int d = 0; d < 2; d++) p.convt.output_padding[d] = q->v[d].u.i - lo[d];
    return py_trace_op(I, m->layer.kind, &p, &x, 1, m, NULL, out);
}

int nn_layer_forward(ARGS) {
    UNUSED;
    py_obj *o = pv_as_obj(a[0]);
    const cnnc_layer_def *def = o->cls->layer;   /* a user class's: the first along its MRO (define_class) */
    if (def && def->kind == CNNC_MAXUNPOOL2D) return torch_unpool_module(I, o->nn, a + 1, n - 1, kw, kwv, n_kw, out);
    if (def && (def->kind == CNNC_RNN || def->kind == CNNC_LSTM || def->kind == CNNC_GRU || def->kind == CNNC_RNNCELL ||
                def->kind == CNNC_LSTMCELL || def->kind == CNNC_GRUCELL))
        return torch_rnn_module(I, o->nn, a + 1, n - 1, kw, kwv, n_kw, out);
    if (def && def->kind == CNNC_CONVTRANSPOSE2D && (n == 3 || n_kw)) {   /* forward(self, input, output_size=None) */
        py_val b[2];
        const py_sig *sig = py_sig_cached(I, "input, output_size=None", -1);
        if (!sig || py_bind_sig_as(I, sig, "ConvTranspose2d.forward", 0, PY_BINDER_PYTHON, a + 1, n - 1, kw, kwv, n_kw, b)) return -1;
        if (b[1].t != PV_UNBOUND && b[1].t != PV_NONE) return convtranspose_output_size(I, o->nn, b[0], b[1], out);
        if (b[0].t == PV_TENSOR && py_layer_input_check(I, &o->nn->layer, b[0])) return -1;
        return py_trace_op(I, o->nn->layer.kind, &o->nn->layer.p, &b[0], 1, o->nn, NULL, out);
    }
    /* forward(self, input), bound as Python binds it: keywords first, then the count */
    py_val by_kw[2];
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (strcmp(nm, "input"))
            return py_raise(I, "TypeError", "%s.forward() got an unexpected keyword argument '%s'", forward_owner(def), nm);
        if (n >= 2)
            return py_raise(I, "TypeError", "%s.forward() got multiple values for argument 'input'", forward_owner(def));
        by_kw[0] = a[0];
        by_kw[1] = kwv[k];
        a = by_kw;
        n = 2;
    }
    if (n == 2 && o->nn->call_error) {
        if (o->nn->call_error_status == CNNC_ERR_UNSUPPORTED) return py_unsupported(I, "%s", o->nn->call_error);
        return py_raise(I, o->nn->call_error_type, "%s", o->nn->call_error);
    }
    if (n == 2 && a[1].t == PV_TENSOR && py_layer_input_check(I, &o->nn->layer, a[1])) return -1;
    if (n != 2) {
        const char *owner = forward_owner(def);
        if (n < 2) return py_raise(I, "TypeError", "%s.forward() missing 1 required positional argument: 'input'", owner);
        return py_raise(I, "TypeError", "%s.forward() takes 2 positional arguments but %d were given", owner, (int)n);
    }
    const int replaced = forward_with_attribute_weight(I, a[0], a[1], out);
    if (replaced <= 0) return replaced;
    if (py_trace_op(I, o->nn->layer.kind, &o->nn->layer.p, &a[1], 1, o->nn, NULL, out)) return -1;
    return torch_pool_with_indices(I, o->nn->layer.kind, &o->nn->layer.p, a[1], out);
}

/* Constructor of a registered layer kind: bind against its signature, build
 * through the registry, and set the attributes PyTorch's module has. */
/* `name` is listed in `attrs` (a definition's pair_attrs or single_attrs). */
static int is_listed_attr(const char *attrs, const char *name) {
    if (!attrs) return 0;
    size_t n = strlen(name);
    for (const char *p = attrs; *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && !memcmp(p, name, n)) return 1;
        p += len;
        while (*p == ' ') p++;
    }
    return 0;
}

/* A default as a signature writes it (sig->def_text): None, True, False, an
 * int, a float or a quoted string. */
static int default_value(interp *I, const char *v, int32_t vl, py_val *out) {
    char text[64];
    if (vl >= (int32_t)sizeof text) vl = (int32_t)sizeof text - 1;
    memcpy(text, v, (size_t)vl);
    text[vl] = '\0';
    if (!strcmp(text, "None")) *out = pv_none();
    else if (!strcmp(text, "True")) *out = pv_bool(1);
    else if (!strcmp(text, "False")) *out = pv_bool(0);
    else if (text[0] == '\'' || text[0] == '"') {
        *out = pv_str(I, text + 1, vl >= 2 ? (size_t)vl - 2 : 0);
        if (out->t == PV_UNBOUND) return py_nomem(I);
    } else if (strpbrk(text, ".e")) *out = pv_float(strtod(text, NULL));
    else *out = pv_int(strtoll(text, NULL, 10));
    return 0;
}

int nn_layer_init(ARGS) {
    (void)self;
    if (n < 1 || a[0].t != PV_OBJ) return py_raise(I, "TypeError", "__init__ needs a module");
    py_obj *o = pv_as_obj(a[0]);
    const cnnc_layer_def *def = o->cls->layer;   /* a user class's: the first along its MRO (define_class) */
    if (!def) return py_unsupported(I, "cnnc does not support nn.%s", o->cls->name);
    char qual[96];
    cnnc_str_join(qual, sizeof qual, def->qualname, ".__init__");
    py_val bound[32];
    const py_sig *sig = py_sig_cached(I, def->signature, -1);
    if (!sig) return -1;
    if (sig->n > 32) return py_unsupported(I, "cnnc cannot follow nn.%s's %d parameters", def->name, (int)sig->n);
    const char *const *names = sig->names;
    int32_t np = sig->n;
    if (py_bind_sig(I, sig, qual, 1, a + 1, n - 1, kw, kwv, n_kw, bound) || nn_init_next(I, a[0])) return -1;
    /* positions of the arguments as written, for the registry's messages */
    const py_node *site = I->at && I->at->kind == PY_E_CALL ? I->at : NULL;
    cnnc_arg args[32];
    const cnnc_arg *argp[32];
    for (int32_t k = 0; k < np; k++) {
        argp[k] = NULL;
        if (bound[k].t == PV_UNBOUND) continue;
        int32_t line = site ? site->line : I->line, col = site ? site->col : I->col;
        if (site) {
            if (k < site->n && !(site->list[k]->kind == PY_E_STARRED)) { line = site->list[k]->line; col = site->list[k]->col; }
            for (int32_t j = 0; j < site->n2; j++)
                if (site->list2[j]->kind == PY_E_KEYWORD && !strcmp(py_sym_name(I->syms, site->list2[j]->v.sym), names[k])) {
                    line = site->list2[j]->a->line;
                    col = site->list2[j]->a->col;
                }
        }
        if (py_to_arg(I, bound[k], line, col, &args[k])) return -1;
        argp[k] = &args[k];
    }
    cnnc_arg call;
    memset(&call, 0, sizeof call);
    call.line = site ? site->a->line : I->line;
    call.col = site ? site->a->col : I->col;
    if (site && site->a->kind == PY_E_ATTR) {
        /* nn.Linear: the model file's messages point at the class name */
        call.col = site->a->col;
    }
    cnnc_error e;
    cnnc_error_clear(&e);
    memset(&o->nn->layer, 0, sizeof o->nn->layer);
    o->nn->layer.kind = def->kind;
    o->nn->call_error = NULL;
    const cnnc_status built = def->build(&o->nn->layer, argp, &call, &e);
    const char *etype = e.type[0] ? e.type : "ValueError";
    if (built != CNNC_OK && (def->flags & CNNC_LAYER_ARGS_CHECKED_AT_CALL)) {
        /* nn.MaxPool2d(3, padding="valid") is built; F.max_pool2d rejects the padding when it runs
         * (and what cnnc cannot follow is refused there: a module never called is no matter) */
        o->nn->call_error_status = built;
        o->nn->call_error_type = py_strndup(I->arena, etype, strlen(etype));
        o->nn->call_error = py_strndup(I->arena, e.message, strlen(e.message));
        if (!o->nn->call_error_type || !o->nn->call_error) return py_nomem(I);
    } else if (built != CNNC_OK) {
        py_raise(I, etype, "%s", e.message);
        I->ex.status = e.status;
        if (e.line > 0) { I->ex.line = e.line; I->ex.col = e.col; }
        return -1;
    }
    o->nn->initialized = 1;
    o->nn->training = 1;
    if (site) {
        o->nn->ctor_line = site->line;
        o->nn->ctor_col = site->col;
        o->nn->ctor_begin = site->begin;
        o->nn->ctor_end = site->end;
    } else {
        o->nn->ctor_line = I->line;
        o->nn->ctor_col = I->col;
    }
    o->nn->ctor_src = I->cur_src;
    /* the constructor's arguments as attributes (in_features, kernel_size ...), as PyTorch keeps them */
    for (int32_t k = 0; k < np; k++) {
        py_val v = bound[k];
        /* bias=True is the parameter `bias`; device and dtype are not kept */
        const char *nm = names[k];
        if ((nm[0] == 'b' && !strcmp(nm, "bias")) || (nm[0] == 'd' && (!strcmp(nm, "device") || !strcmp(nm, "dtype")))) continue;
        if (v.t == PV_UNBOUND && sig->def_text[k] && default_value(I, sig->def_text[k], sig->def_len[k], &v)) return -1;
        if (v.t == PV_UNBOUND) continue;
        const int times = is_listed_attr(def->pair_attrs, names[k]) ? 2 : is_listed_attr(def->single_attrs, names[k]) ? 1
                        : is_listed_attr(def->triple_attrs, names[k]) ? 3 : 0;
        if (pv_is_int(v) && times) {
            py_val t = pv_seq(I, PV_TUPLE, times);
            if (t.t == PV_UNBOUND) return py_nomem(I);
            for (int j = 0; j < times; j++) pv_as_seq(t)->v[j] = v;
            v = t;
        } else if (v.t == PV_LIST && times) {
            py_val t = pv_seq(I, PV_TUPLE, pv_as_seq(v)->n);
            if (t.t == PV_UNBOUND) return py_nomem(I);
            if (pv_as_seq(v)->n) memcpy(pv_as_seq(t)->v, pv_as_seq(v)->v, (size_t)pv_as_seq(v)->n * sizeof(py_val));
            v = t;
        }
        if (py_attrs_set(I, &o->attrs, sig->syms[k], v)) return -1;
    }
    /* the pools keep stride=None as their kernel_size (`stride if (stride is not None) else kernel_size`) */
    if (!strncmp(def->name, "MaxPool", 7) || !strncmp(def->name, "AvgPool", 7) || !strncmp(def->name, "MaxUnpool", 9)) {
        const py_val *st = py_attrs_find(&o->attrs, py_s(I, "stride")), *ks = py_attrs_find(&o->attrs, py_s(I, "kernel_size"));
        if (st && ks && st->t == PV_NONE && py_attrs_set(I, &o->attrs, py_s(I, "stride"), *ks)) return -1;
    }
    /* parameters and buffers, as tensors of their shapes */
    if (def->params) {
        cnnc_param_desc d[CNNC_LAYER_MAX_PARAMS];
        int32_t cnt = def->params(&o->nn->layer, d);
        for (int32_t k = 0; k < cnt; k++) {
            cnnc_shape s;
            memset(&s, 0, sizeof s);
            s.ndim = d[k].ndim;
            for (int32_t j = 0; j < d[k].ndim; j++) s.d[j] = d[k].shape[j];
            py_val t = pv_tensor(I, &s, TENSOR_CONST);
            if (t.t == PV_UNBOUND) return py_nomem(I);
            int trainable = d[k].role == CNNC_P_WEIGHT || d[k].role == CNNC_P_BIAS;
            pv_as_tensor(t)->is_param = trainable;
            pv_as_tensor(t)->owner = o->nn;
            if (py_attrs_set(I, trainable ? &o->nn->params : &o->nn->buffers, py_s(I, d[k].suffix), t)) return -1;
        }
    }
    /* PyTorch keeps `bias` as None when there is none */
    const cnnc_layer_kind k = def->kind;
    if (!py_attrs_find(&o->nn->params, I->s_bias) && (k == CNNC_CONV2D || k == CNNC_CONV1D || k == CNNC_LINEAR || k == CNNC_CONV3D ||
                                                      k == CNNC_CONVTRANSPOSE2D || k == CNNC_CONVTRANSPOSE1D || k == CNNC_CONVTRANSPOSE3D))
        if (py_attrs_set(I, &o->nn->params, I->s_bias, pv_none())) return -1;
    /* ... and a norm's weight and bias without affine, its running statistics without tracking */
    const int stats = k == CNNC_BATCHNORM1D || k == CNNC_BATCHNORM2D || k == CNNC_BATCHNORM3D || k == CNNC_INSTANCENORM1D ||
                      k == CNNC_INSTANCENORM2D || k == CNNC_INSTANCENORM3D;
    if (stats || k == CNNC_LAYERNORM || k == CNNC_GROUPNORM) {
        if (!py_attrs_find(&o->nn->params, I->s_weight) && py_attrs_set(I, &o->nn->params, I->s_weight, pv_none())) return -1;
        if (!py_attrs_find(&o->nn->params, I->s_bias) && py_attrs_set(I, &o->nn->params, I->s_bias, pv_none())) return -1;
    }
    static const char *const stat_names[3] = {"running_mean", "running_var", "num_batches_tracked"};
    for (int j = 0; stats && j < 3; j++)
        if (!py_attrs_find(&o->nn->buffers, py_s(I, stat_names[j])) &&
            py_attrs_set(I, &o->nn->buffers, py_s(I, stat_names[j]), pv_none()))
            return -1;
    *out = pv_none();
    return 0;
}


/* ------------------------------------------------------------- losses */

/* A loss module (self.criterion = nn.CrossEntropyLoss()) is built as PyTorch builds it:
 * its constructor binds as 1.13's (the signature is the builtin's data) and keeps each
 * argument as the attribute of that name (reduction, weight, ignore_index, beta ...).
 * Calling it is F's function of the same loss with them (torch_loss.c). */
/* a loss signature's default, as written: None, a bool, a number or a quoted name */
static py_val literal_default(interp *I, const char *text, int32_t len) {
    char buf[32];
    snprintf(buf, sizeof buf, "%.*s", (int)len, text);
    if (!strcmp(buf, "None")) return pv_none();
    if (!strcmp(buf, "True") || !strcmp(buf, "False")) return pv_bool(buf[0] == 'T');
    if (buf[0] == '\'' && len >= 2) return pv_str(I, buf + 1, (int32_t)strlen(buf) - 2);
    if (strchr(buf, '.')) return pv_float(strtod(buf, NULL));
    return pv_int(strtoll(buf, NULL, 10));
}

int nn_loss_init(ARGS) {
    (void)self;
    if (n < 1 || a[0].t != PV_OBJ || !pv_as_obj(a[0])->nn) return py_raise(I, "TypeError", "__init__ needs a module");
    py_obj *o = pv_as_obj(a[0]);
    const char *signature = (const char *)I->callee->data;
    const py_sig *sig = py_sig_cached(I, signature, -1);
    if (!sig) return -1;
    char qual[96];
    cnnc_str_join(qual, sizeof qual, o->cls->name, ".__init__");
    py_val bound[16];
    if (sig->n > 16) return py_unsupported(I, "cnnc cannot follow nn.%s's %d parameters", o->cls->name, (int)sig->n);
    if (py_bind_sig(I, sig, qual, 1, a + 1, n - 1, kw, kwv, n_kw, bound)) return -1;
    o->nn->initialized = 1;
    o->nn->training = 1;
    for (int32_t k = 0; k < sig->n; k++) {
        py_val v = bound[k];
        if (v.t == PV_UNBOUND && sig->def_text[k]) v = literal_default(I, sig->def_text[k], sig->def_len[k]);
        if (v.t != PV_UNBOUND && py_attrs_set(I, &o->attrs, sig->syms[k], v)) return -1;
    }
    *out = pv_none();
    return 0;
}

int nn_loss_forward(ARGS) {
    UNUSED;
    static const struct { const char *cls, *fn, *args; } losses[] = {   /* args: the attributes F's takes */
        {"L1Loss", "l1_loss", "size_average reduce reduction"},
        {"MSELoss", "mse_loss", "size_average reduce reduction"},
        {"NLLLoss", "nll_loss", "weight size_average ignore_index reduce reduction"},
        {"CrossEntropyLoss", "cross_entropy",
         "weight size_average ignore_index reduce reduction label_smoothing"},
        {"BCELoss", "binary_cross_entropy", "weight size_average reduce reduction"},
        {"BCEWithLogitsLoss", "binary_cross_entropy_with_logits",
         "weight size_average reduce reduction pos_weight"},
        {"KLDivLoss", "kl_div", "size_average reduce reduction log_target"},
        {"SmoothL1Loss", "smooth_l1_loss", "size_average reduce reduction beta"},
        {"HuberLoss", "huber_loss", "reduction delta"},
    };
    py_obj *o = n > 0 && a[0].t == PV_OBJ ? pv_as_obj(a[0]) : NULL;
    const py_class *c = o ? o->cls : NULL;
    while (c && c->n_bases && c->module && strcmp(c->module, "torch.nn.modules.loss")) c = c->bases[0];
    for (size_t k = 0; c && k < sizeof losses / sizeof losses[0]; k++) {
        if (strcmp(losses[k].cls, c->name)) continue;
        char qual[96];
        cnnc_str_join(qual, sizeof qual, o->cls->name, ".forward()");
        if (n != 3 || n_kw)
            return py_unsupported(I, "cnnc follows %s with an input and a target, by position", qual);
        py_val fn;
        if (py_getattr(I, pv_ptr(PV_MODULE, I->m_f), py_s(I, losses[k].fn), &fn)) return -1;
        py_sym names[8];
        py_val vals[8];
        int32_t nk = 0;
        for (const char *p = losses[k].args; *p && nk < 8;) {
            const size_t len = strcspn(p, " ");
            const py_sym sym = py_intern(I->syms, p, len);
            p += len + (p[len] == ' ');
            const py_val *v = py_attrs_find(&o->attrs, sym);
            if (!v) continue;
            names[nk] = sym;
            vals[nk++] = *v;
        }
        return py_call(I, fn, a + 1, 2, names, vals, nk, out);
    }
    const char *name = o ? o->cls->name : "a loss";
    return py_unsupported(I, "cnnc cannot follow nn.%s's forward", name);
}

/* nn.Embedding.from_pretrained(embeddings, freeze=True, ...), as torch 1.13 writes it: the
 * 2-d check, an Embedding of embeddings' rows and columns with the other arguments, its
 * weight trainable unless frozen (the values are not followed) */
static int embedding_from_pretrained(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                                     int32_t n_kw, py_val *out) {
    static const char sig[] = "embeddings, freeze=True, padding_idx=None, max_norm=None, norm_type=2.0, "
                              "scale_grad_by_freq=False, sparse=False";
    py_val b[7];
    const char *names[7];
    int32_t np = 0;
    if (py_bind_signature(I, sig, "Embedding.from_pretrained", 0, a, n, kw, kwv, n_kw, b, &np, names, 7)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow Embedding.from_pretrained of a %s", py_type_name(&b[0]));
    const cnnc_shape *s = &pv_as_tensor(b[0])->shape;
    if (s->ndim != 2) return py_raise(I, "AssertionError", "Embeddings parameter is expected to be 2-dimensional");
    static const char *const kw_names[] = {"num_embeddings", "embedding_dim", "padding_idx", "max_norm", "norm_type",
                                           "scale_grad_by_freq", "sparse"};
    py_sym ks[7];
    py_val vs[7];
    int32_t nk = 0;
    for (int32_t k = 0; k < 7; k++) {
        const py_val v = k == 0 ? pv_int(s->d[0]) : k == 1 ? pv_int(s->d[1]) : b[k];
        if (v.t == PV_UNBOUND) continue;
        ks[nk] = py_s(I, kw_names[k]);
        vs[nk++] = v;
    }
    py_val m, w;
    if (py_call(I, self, NULL, 0, ks, vs, nk, &m)) return -1;
    int frozen = 1;
    if (b[1].t != PV_UNBOUND && py_truthy(I, b[1], &frozen)) return -1;
    if (py_getattr(I, m, py_s(I, "weight"), &w) || py_tensor_set_requires_grad(I, w, pv_bool(!frozen))) return -1;
    *out = m;
    return 0;
}

int py_layer_class_attr(interp *I, const py_class *c, const char *name, py_val *out) {
    if (!c->layer || strcmp(c->layer->name, "Embedding") || strcmp(name, "from_pretrained")) return 1;
    *out = pv_builtin(I, "from_pretrained", embedding_from_pretrained, pv_ptr(PV_CLASS, (py_class *)c), NULL, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

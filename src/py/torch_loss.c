/* torch_loss.c — F.mse_loss and F.l1_loss, as model code computes a loss inside forward
 * (a VQ-VAE's commitment loss, a reconstruction term): PyTorch's own steps,
 * broadcast_tensors, the elementwise term, then the reduction, made of the registry's
 * sub, pow or abs, and mean or sum nodes (torch/nn/functional.py, 1.13). */
#include "py/torch_internal.h"

#include <string.h>

static const char loss_signature[] = "input, target, size_average=None, reduce=None, reduction='mean'";

static int call_kind(interp *I, const char *kind, const py_val *args, int32_t n, py_val *out) {
    const cnnc_layer_def *def = cnnc_layer_def_find(kind, strlen(kind));
    if (!def || !def->functional) return py_unsupported(I, "cnnc cannot follow %s here", kind);
    return torch_call_functional(I, def, "", args, n, NULL, NULL, 0, out);
}

/* F.mse_loss(input, target, size_average=None, reduce=None, reduction='mean'), F.l1_loss(...) */
int torch_f_loss(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const int squared = !strcmp(fn, "mse_loss");
    const py_sig *sig = py_sig_cached(I, loss_signature, -1);
    if (!sig) return -1;
    py_val v[5];
    if (py_bind_sig(I, sig, fn, 0, a, n, kw, kwv, n_kw, v)) return -1;
    for (int k = 2; k < 5; k++)
        if (v[k].t == PV_UNBOUND) v[k] = k < 4 ? pv_none() : pv_unbound();
    if (v[0].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'size'", py_type_name(&v[0]));
    if (v[1].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'size'", py_type_name(&v[1]));
    const char *reduction = v[4].t == PV_UNBOUND ? "mean" : v[4].t == PV_STR ? pv_as_str(v[4])->s : NULL;
    if (v[2].t != PV_NONE || v[3].t != PV_NONE) {   /* _Reduction.legacy_get_string: each defaults to True */
        int size_average = 1, reduce = 1;
        if ((v[2].t != PV_NONE && py_truthy(I, v[2], &size_average)) || (v[3].t != PV_NONE && py_truthy(I, v[3], &reduce)))
            return -1;
        reduction = !reduce ? "none" : size_average ? "mean" : "sum";
    }
    if (!reduction) return py_unsupported(I, "cnnc cannot follow %s() with a %s reduction", fn, py_type_name(&v[4]));
    py_val diff, term;
    const py_val both[2] = {v[0], v[1]};
    if (call_kind(I, "sub", both, 2, &diff)) return -1;   /* broadcast_tensors' error is sub's */
    if (strcmp(reduction, "mean") && strcmp(reduction, "sum") && strcmp(reduction, "none"))
        return py_raise(I, "ValueError", "%s is not a valid value for reduction", reduction);
    if (squared) {
        const py_val sq[2] = {diff, pv_int(2)};
        if (call_kind(I, "pow", sq, 2, &term)) return -1;
    } else if (call_kind(I, "abs", &diff, 1, &term)) {
        return -1;
    }
    if (!strcmp(reduction, "none")) { *out = term; return 0; }
    return call_kind(I, reduction, &term, 1, out);
}

/* ------------------------------------------------------------------------------------------
 * The other losses (F.cross_entropy, F.nll_loss, F.kl_div, F.binary_cross_entropy(_with_logits),
 * F.smooth_l1_loss, F.huber_loss), written (below) in the Python that cnnc reads with 1.13's
 * checks in their order: the reduction's name first, then the sizes. Their values matter in
 * two places, which cnnc follows only where it knows them: class indices must be below the
 * class count (an argmax's are), and binary_cross_entropy's input must lie in [0, 1] (the
 * model's input, torch.rand's, or a sigmoid's or softmax's output). Elsewhere: refused. */
static const char losses_py[] =
    "import warnings\n"
    "import torch\n"
    "import torch.nn as nn\n"
    "\n"
    "\n"
    "def _cnnc_reduction(size_average, reduce, reduction):\n"
    "    if size_average is not None or reduce is not None:\n"
    "        size_average = True if size_average is None else size_average\n"
    "        reduce = True if reduce is None else reduce\n"
    "        reduction = 'none' if not reduce else 'mean' if size_average else 'sum'\n"
    "    if reduction not in ('none', 'mean', 'sum'):\n"
    "        raise ValueError('{} is not a valid value for reduction'.format(reduction))\n"
    "    return reduction\n"
    "\n"
    "\n"
    "class _Loss(nn.Module):\n"
    "    def __init__(self, size_average=None, reduce=None, reduction='mean'):\n"
    "        super().__init__()\n"
    "        if size_average is not None or reduce is not None:\n"
    "            self.reduction = _cnnc_reduction(size_average, reduce, None)\n"
    "        else:\n"
    "            self.reduction = reduction\n"
    "\n"
    "\n"
    "class _WeightedLoss(_Loss):\n"
    "    def __init__(self, weight=None, size_average=None, reduce=None, reduction='mean'):\n"
    "        super().__init__(size_average, reduce, reduction)\n"
    "        self.register_buffer('weight', weight)\n"
    "\n"
    "\n"
    "def _cnnc_reduce(out, reduction):\n"
    "    return out if reduction == 'none' else out.mean() if reduction == 'mean' else out.sum()\n"
    "\n"
    "\n"
    "def _cnnc_tensor(x):\n"
    "    if not isinstance(x, torch.Tensor):\n"
    "        raise AttributeError(\"'{}' object has no attribute 'size'\".format(type(x).__name__))\n"
    "\n"
    "\n"
    "def _cnnc_weight(weight, classes, fn):\n"
    "    if weight is not None and (weight.dim() != 1 or weight.numel() != classes):\n"
    "        raise RuntimeError(fn + 'weight tensor should be defined either for all {} classes or no classes but got '\n"
    "                           'weight tensor of shape: {}'.format(classes, list(weight.shape)))\n"
    "\n"
    "\n"
    "def _cnnc_nll(input, target, weight, reduction, fn):\n"
    "    if input.dim() < 1:\n"
    "        raise ValueError('Expected 1 or more dimensions (got {})'.format(input.dim()))\n"
    "    if input.dim() == 1:\n"
    "        if target.dim() > 1:\n"
    "            raise RuntimeError('0D or 1D target tensor expected, multi-target not supported')\n"
    "        if target.dim() == 1 and target.size(0) != 1 and target.size(0) != input.size(0):\n"
    "            raise RuntimeError('size mismatch (got input: {}, target: {})'.format(list(input.shape), list(target.shape)))\n"
    "    elif input.size(0) != target.size(0):\n"
    "        raise ValueError('Expected input batch_size ({}) to match target batch_size ({}).'.format(input.size(0), target.size(0)))\n"
    "    if input.dim() == 2 and target.dim() != 1:\n"
    "        raise RuntimeError('0D or 1D target tensor expected, multi-target not supported')\n"
    "    if input.dim() > 2 and list(target.shape) != [input.size(0)] + list(input.shape)[2:]:\n"
    "        raise RuntimeError('Expected target size {}, got {}'.format([input.size(0)] + list(input.shape)[2:], list(target.shape)))\n"
    "    if target.dtype != torch.int64:\n"
    "        raise RuntimeError('expected scalar type Long but found {}'.format(_cnnc_dtype_name(target)))\n"
    "    classes = input.size(0) if input.dim() == 1 else input.size(1)\n"
    "    _cnnc_weight(weight, classes, fn)\n"
    "    if not 0 < _cnnc_index_bound(target) <= classes:\n"
    "        _cnnc_refuse('cnnc cannot follow ' + (fn or 'nll_loss: ') + 'class indices whose values it does not know '\n"
    "                     '(they must be below ' + str(classes) + ')')\n"
    "    out = input.narrow(0, 0, 1).squeeze(0) if input.dim() == 1 else input.narrow(1, 0, 1).squeeze(1)\n"
    "    return _cnnc_reduce(out, reduction)\n"
    "\n"
    "\n"
    "def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'):\n"
    "    reduction = _cnnc_reduction(size_average, reduce, reduction)\n"
    "    return _cnnc_nll(input, target, weight, reduction, '')\n"
    "\n"
    "\n"
    "def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean',\n"
    "                  label_smoothing=0.0):\n"
    "    reduction = _cnnc_reduction(size_average, reduce, reduction)\n"
    "    if list(input.shape) == list(target.shape) and target.dtype != torch.int64:\n"
    "        _cnnc_weight(weight, input.size(0) if input.dim() == 1 else input.size(1), 'cross_entropy: ')\n"
    "        out = -(target * torch.log_softmax(input, 0 if input.dim() == 1 else 1)).sum(0 if input.dim() == 1 else 1)\n"
    "        return _cnnc_reduce(out, reduction)\n"
    "    return _cnnc_nll(torch.log_softmax(input, 0 if input.dim() == 1 else 1), target, weight, reduction, '')\n"
    "\n"
    "\n"
    "def kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False):\n"
    "    if reduction == 'batchmean' and size_average is None and reduce is None:\n"
    "        out = target * (target.log() - input) if not log_target else target.exp() * (target - input)\n"
    "        return out.sum() / input.size(0) if input.dim() != 0 else out.sum()\n"
    "    reduction = _cnnc_reduction(size_average, reduce, reduction)\n"
    "    if reduction == 'mean':\n"
    "        warnings.warn(\"reduction: 'mean' divides the total loss by both the batch size and the support size.\")\n"
    "    out = target * (target.log() - input) if not log_target else target.exp() * (target - input)\n"
    "    return _cnnc_reduce(out, reduction)\n"
    "\n"
    "\n"
    "def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean'):\n"
    "    reduction = _cnnc_reduction(size_average, reduce, reduction)\n"
    "    _cnnc_tensor(input)\n"
    "    _cnnc_tensor(target)\n"
    "    if target.size() != input.size():\n"
    "        raise ValueError('Using a target size ({}) that is different to the input size ({}) is deprecated. '\n"
    "                         'Please ensure they have the same size.'.format(target.size(), input.size()))\n"
    "    if not _cnnc_unit_interval(input):\n"
    "        _cnnc_refuse('cnnc cannot follow binary_cross_entropy of values it does not know to lie in [0, 1] '\n"
    "                     '(the input, or a sigmoid or softmax output)')\n"
    "    out = (input - target).abs()\n"
    "    if weight is not None:\n"
    "        out *= weight\n"
    "    return _cnnc_reduce(out, reduction)\n"
    "\n"
    "\n"
    "def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean',\n"
    "                                     pos_weight=None):\n"
    "    reduction = _cnnc_reduction(size_average, reduce, reduction)\n"
    "    if not (target.size() == input.size()):\n"
    "        raise ValueError('Target size ({}) must be the same as input size ({})'.format(target.size(), input.size()))\n"
    "    out = (input - target).abs()\n"
    "    if pos_weight is not None:\n"
    "        out = out * (pos_weight - target)\n"
    "    if weight is not None:\n"
    "        out = out * weight\n"
    "    return _cnnc_reduce(out, reduction)\n"
    "\n"
    "\n"
    "def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0):\n"
    "    reduction = _cnnc_reduction(size_average, reduce, reduction)\n"
    "    _cnnc_tensor(input)\n"
    "    _cnnc_tensor(target)\n"
    "    return _cnnc_reduce((input - target).abs(), reduction)\n"
    "\n"
    "\n"
    "def cosine_similarity(x1, x2, dim=1, eps=1e-8):\n"
    "    _cnnc_tensor(x1)\n"
    "    _cnnc_tensor(x2)\n"
    "    return (x1 * x2).sum(dim)\n"
    "\n"
    "\n"
    "class CosineSimilarity(nn.Module):\n"
    "    def __init__(self, dim=1, eps=1e-8):\n"
    "        super().__init__()\n"
    "        self.dim = dim\n"
    "        self.eps = eps\n"
    "\n"
    "    def forward(self, x1, x2):\n"
    "        return cosine_similarity(x1, x2, self.dim, self.eps)\n"
    "\n"
    "\n"
    "class PairwiseDistance(nn.Module):\n"
    "    def __init__(self, p=2.0, eps=1e-6, keepdim=False):\n"
    "        super().__init__()\n"
    "        self.norm = p\n"
    "        self.eps = eps\n"
    "        self.keepdim = keepdim\n"
    "\n"
    "    def forward(self, x1, x2):\n"
    "        return torch.nn.functional.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)\n"
    "\n"
    "\n"
    "def huber_loss(input, target, reduction='mean', delta=1.0):\n"
    "    reduction = _cnnc_reduction(None, None, reduction)\n"
    "    _cnnc_tensor(input)\n"
    "    _cnnc_tensor(target)\n"
    "    return _cnnc_reduce((input - target).abs(), reduction)\n";

/* _cnnc_index_bound(t): every value of an index tensor is below this (0: not known) */
static int b_index_bound(ARGS) {
    UNUSED;
    (void)I;
    const py_tensor *t = n == 1 && a[0].t == PV_TENSOR ? pv_as_tensor(a[0]) : NULL;
    *out = pv_int(t && t->is_indices ? t->index_bound : 0);
    return 0;
}

/* _cnnc_unit_interval(t): its values lie in [0, 1]: a model input (torch.rand's), or what a
 * sigmoid or softmax made */
static int b_unit_interval(ARGS) {
    UNUSED;
    const py_tensor *t = n == 1 && a[0].t == PV_TENSOR ? pv_as_tensor(a[0]) : NULL;
    int ok = 0;
    if (t && t->node < 0 && t->node != TENSOR_CONST) ok = 1;
    if (t && t->node >= 0 && t->node < I->g.n) {
        const cnnc_layer_kind k = I->g.nodes[t->node].kind;
        ok = k == CNNC_SIGMOID || k == CNNC_SOFTMAX;
    }
    *out = pv_bool(ok);
    return 0;
}

/* _cnnc_dtype_name(t): 'Float', 'Long' ... as PyTorch's scalar type messages name them */
static int b_dtype_name(ARGS) {
    UNUSED;
    const py_tensor *t = n == 1 && a[0].t == PV_TENSOR ? pv_as_tensor(a[0]) : NULL;
    const char *name = t && t->is_indices ? "Long" : t && t->is_mask ? "Bool" : "Float";
    *out = pv_cstr(I, name);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

int torch_loss_function(interp *I, const char *name, py_val *out) {
    static const char *const names[] = {"nll_loss", "cross_entropy", "kl_div", "binary_cross_entropy",
                                        "binary_cross_entropy_with_logits", "smooth_l1_loss", "huber_loss", "_Loss",
                                        "_WeightedLoss", "cosine_similarity", "CosineSimilarity", "PairwiseDistance", NULL};
    int known = 0;
    for (int k = 0; names[k]; k++) known |= !strcmp(names[k], name);
    if (!known) return 1;
    if (!I->loss_python) {
        py_source *src = py_load_prelude(I, "<cnnc>/torch/nn/functional.py", losses_py, sizeof losses_py - 1);
        if (!src) return -1;
        static const struct { const char *name; py_native fn; } natives[] = {
            {"_cnnc_index_bound", b_index_bound}, {"_cnnc_unit_interval", b_unit_interval}, {"_cnnc_dtype_name", b_dtype_name}};
        for (size_t k = 0; k < sizeof natives / sizeof natives[0]; k++) {
            py_val f = pv_builtin(I, natives[k].name, natives[k].fn, pv_unbound(), NULL, 0);
            if (f.t == PV_UNBOUND) return py_nomem(I);
            if (py_attrs_set(I, &src->globals, py_s(I, natives[k].name), f)) return -1;
        }
        I->loss_python = src;
    }
    const py_val *v = py_attrs_find(&I->loss_python->globals, py_s(I, name));
    if (!v) return py_unsupported(I, "cnnc cannot follow %s", name);
    *out = *v;
    return 0;
}

/* torch_distributions.c — torch.distributions' Normal and Uniform, written (below) in the
 * Python that cnnc reads, after torch/distributions (1.13): batch_shape from the
 * parameters broadcast, sample/rsample of sample_shape + batch_shape, log_prob with
 * _validate_sample's checks, mean, stddev, variance and entropy. Parameters are
 * validated as PyTorch does by default; a tensor scale (or bounds) is refused, since
 * the check reads its values. Samples are random constants: a model that computes with
 * them is checked, and its engines refuse it. Loaded on first use of torch.distributions. */
#include "py/torch_internal.h"

#include <stdlib.h>
#include <string.h>

static const char distributions_py[] =
    "import math\n"
    "import torch\n"
    "\n"
    "\n"
    "def _broadcast_shape(a, b):\n"
    "    n = max(len(a), len(b))\n"
    "    a = [1] * (n - len(a)) + list(a)\n"
    "    b = [1] * (n - len(b)) + list(b)\n"
    "    out = []\n"
    "    for i in range(n):\n"
    "        if a[i] != b[i] and a[i] != 1 and b[i] != 1:\n"
    "            raise RuntimeError('The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton '\n"
    "                               'dimension {}'.format(a[i], b[i], i))\n"
    "        out.append(b[i] if a[i] == 1 else a[i])\n"
    "    return torch.Size(out)\n"
    "\n"
    "\n"
    "def _as_param(v, name, dist):\n"
    "    if isinstance(v, torch.Tensor):\n"
    "        return v\n"
    "    if isinstance(v, bool) or not isinstance(v, (int, float)):\n"
    "        _cnnc_refuse('cnnc cannot follow ' + dist + ' with a ' + type(v).__name__ + ' ' + name)\n"
    "    return torch.tensor(float(v))\n"
    "\n"
    "\n"
    "def _number(v):\n"
    "    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None\n"
    "\n"
    "\n"
    "def _fmt(v):\n"
    "    return str(float(v))\n"
    "\n"
    "\n"
    "class Distribution(object):\n"
    "    has_rsample = False\n"
    "\n"
    "    def __init__(self, batch_shape=torch.Size(), event_shape=torch.Size(), validate_args=None):\n"
    "        self._batch_shape = batch_shape\n"
    "        self._event_shape = event_shape\n"
    "\n"
    "    @property\n"
    "    def batch_shape(self):\n"
    "        return self._batch_shape\n"
    "\n"
    "    @property\n"
    "    def event_shape(self):\n"
    "        return self._event_shape\n"
    "\n"
    "    def _extended_shape(self, sample_shape=torch.Size()):\n"
    "        if not isinstance(sample_shape, torch.Size):\n"
    "            sample_shape = torch.Size(sample_shape)\n"
    "        return torch.Size(list(sample_shape) + list(self._batch_shape) + list(self._event_shape))\n"
    "\n"
    "    def _validate_sample(self, value):\n"
    "        if not isinstance(value, torch.Tensor):\n"
    "            raise ValueError('The value argument to log_prob must be a Tensor')\n"
    "        expected = torch.Size(list(self._batch_shape) + list(self._event_shape))\n"
    "        actual = value.size()\n"
    "        for i, j in zip(reversed(actual), reversed(expected)):\n"
    "            if i != 1 and j != 1 and i != j:\n"
    "                raise ValueError('Value is not broadcastable with batch_shape+event_shape: {} vs {}.'.format(actual, expected))\n"
    "\n"
    "    def sample(self, sample_shape=torch.Size()):\n"
    "        return self.rsample(sample_shape).detach()\n"
    "\n"
    "\n"
    "class Normal(Distribution):\n"
    "    has_rsample = True\n"
    "\n"
    "    def __init__(self, loc, scale, validate_args=None):\n"
    "        n_loc, n_scale = _number(loc), _number(scale)\n"
    "        self.loc = _as_param(loc, 'loc', 'Normal')\n"
    "        self.scale = _as_param(scale, 'scale', 'Normal')\n"
    "        shape = _broadcast_shape(self.loc.size(), self.scale.size())\n"
    "        if validate_args is not False:\n"
    "            if n_scale is None:\n"
    "                _cnnc_refuse('cnnc cannot follow Normal with a tensor scale: PyTorch checks its values are positive')\n"
    "            if not n_scale > 0:\n"
    "                raise ValueError('Expected parameter scale (Tensor of shape {}) of distribution Normal(loc: {}, scale: {}) '\n"
    "                                 'to satisfy the constraint GreaterThan(lower_bound=0.0), but found invalid values:\\n{}'\n"
    "                                 .format(tuple(shape) if n_loc is None else '()', _fmt(loc) if n_loc is not None else\n"
    "                                 self.loc.size(), _fmt(scale), _fmt(scale)))\n"
    "        super().__init__(shape, torch.Size(), validate_args)\n"
    "\n"
    "    @property\n"
    "    def mean(self):\n"
    "        return self.loc.expand(self._batch_shape)\n"
    "\n"
    "    @property\n"
    "    def stddev(self):\n"
    "        return self.scale.expand(self._batch_shape)\n"
    "\n"
    "    @property\n"
    "    def variance(self):\n"
    "        return self.stddev.pow(2)\n"
    "\n"
    "    def rsample(self, sample_shape=torch.Size()):\n"
    "        shape = self._extended_shape(sample_shape)\n"
    "        return self.loc + torch.randn(shape) * self.scale\n"
    "\n"
    "    def log_prob(self, value):\n"
    "        self._validate_sample(value)\n"
    "        return -((value - self.loc) ** 2) / (2 * self.scale ** 2) - self.scale.log() - math.log(math.sqrt(2 * math.pi))\n"
    "\n"
    "    def entropy(self):\n"
    "        return 0.5 + 0.5 * math.log(2 * math.pi) + torch.log(self.scale.expand(self._batch_shape))\n"
    "\n"
    "\n"
    "class Uniform(Distribution):\n"
    "    has_rsample = True\n"
    "\n"
    "    def __init__(self, low, high, validate_args=None):\n"
    "        n_low, n_high = _number(low), _number(high)\n"
    "        self.low = _as_param(low, 'low', 'Uniform')\n"
    "        self.high = _as_param(high, 'high', 'Uniform')\n"
    "        shape = _broadcast_shape(self.low.size(), self.high.size())\n"
    "        if validate_args is not False:\n"
    "            if n_low is None or n_high is None:\n"
    "                _cnnc_refuse('cnnc cannot follow Uniform with tensor bounds: PyTorch checks low < high on their values')\n"
    "            if not n_low < n_high:\n"
    "                raise ValueError('Uniform is not defined when low>= high')\n"
    "        super().__init__(shape, torch.Size(), validate_args)\n"
    "\n"
    "    @property\n"
    "    def mean(self):\n"
    "        return ((self.high + self.low) / 2).expand(self._batch_shape)\n"
    "\n"
    "    def rsample(self, sample_shape=torch.Size()):\n"
    "        shape = self._extended_shape(sample_shape)\n"
    "        return self.low + torch.rand(shape) * (self.high - self.low)\n"
    "\n"
    "    def entropy(self):\n"
    "        return torch.log(self.high - self.low).expand(self._batch_shape)\n";

static int b_refuse(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                    py_val *out) {
    (void)self; (void)kw; (void)kwv; (void)n_kw; (void)out;
    return py_unsupported(I, "%s", n == 1 && a[0].t == PV_STR ? pv_as_str(a[0])->s : "cnnc cannot follow this use of torch.distributions");
}

static int add_refuse(interp *I, py_source *src) {
    py_val f = pv_builtin(I, "_cnnc_refuse", b_refuse, pv_unbound(), NULL, 0);
    if (f.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, &src->globals, py_s(I, "_cnnc_refuse"), f);
}

/* other names of torch.distributions: PyTorch's, refused */
static int distributions_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)out;
    const char *nm = py_sym_name(I->syms, name);
    if (nm[0] == '_' && nm[1] == '_') return 1;
    return py_unsupported(I, "cnnc cannot follow %s.%s", m->name, nm);
}

py_module_ns *py_torch_distributions(interp *I) {
    if (I->m_distributions) return I->m_distributions;
    const size_t len = sizeof distributions_py - 1;
    char *text = (char *)malloc(len + 1);
    if (!text) { py_nomem(I); return NULL; }
    memcpy(text, distributions_py, len + 1);
    const int32_t line = I->line, col = I->col;
    py_source *saved = I->cur_src;
    py_source *src = py_load_text(I, "<cnnc>/torch/distributions/__init__.py", text, len, add_refuse);
    I->cur_src = saved;
    I->line = line;
    I->col = col;
    if (!src) return NULL;
    py_module_ns *m = py_module_new(I, "torch.distributions");
    if (!m) { py_nomem(I); return NULL; }
    m->attrs = &src->globals;
    m->getattr = distributions_getattr;
    m->is_source = 1;
    I->m_distributions = m;
    return m;
}

/* torch_quantization.c — torch.quantization (torch.ao.quantization) as float models use it:
 * QuantStub and DeQuantStub mark where a model would be quantized and, until it is
 * converted, pass their input through (1.13's stubs.py), written (below) in the Python
 * that cnnc reads. The module's other names (prepare, convert, fuse_modules, QConfig ...)
 * work on a model, not in it: importing them is fine, using one is refused. */
#include "py/interp.h"

#include <stdio.h>

static const char quantization_py[] =
    "import torch.nn as nn\n"
    "\n"
    "\n"
    "class QuantStub(nn.Module):\n"
    "    def __init__(self, qconfig=None):\n"
    "        super().__init__()\n"
    "        if qconfig:\n"
    "            self.qconfig = qconfig\n"
    "\n"
    "    def forward(self, x):\n"
    "        return x\n"
    "\n"
    "\n"
    "class DeQuantStub(nn.Module):\n"
    "    def __init__(self, qconfig=None):\n"
    "        super().__init__()\n"
    "        if qconfig:\n"
    "            self.qconfig = qconfig\n"
    "\n"
    "    def forward(self, x):\n"
    "        return x\n";

/* a name the prelude does not define: an opaque value, refused where it is used */
static int other_name(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    if (nm[0] == '_' && nm[1] == '_') return 1;
    char full[160];
    snprintf(full, sizeof full, "%s.%s", m->name, nm);
    *out = pv_opaque(I, full);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

py_module_ns *py_torch_quantization(interp *I) {
    if (!I->m_quantization) {
        py_source *src = py_load_prelude(I, "<cnnc>/torch/ao/quantization/stubs.py", quantization_py,
                                         sizeof quantization_py - 1);
        if (!src) return NULL;
        py_module_ns *m = py_module_new(I, "torch.quantization");
        if (!m) { py_nomem(I); return NULL; }
        m->attrs = &src->globals;
        m->getattr = other_name;
        I->m_quantization = m;
    }
    return I->m_quantization;
}

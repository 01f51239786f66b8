/* stdlib_types.c — types.SimpleNamespace, the other way configurations reach model
 * constructors (`Encoder(SimpleNamespace(latent_size=1024))`, `cfg.LOSS.temperature`),
 * written (below) in the Python that cnnc reads; any other name of types is refused.
 * Loaded on first `import types`. Python names the class types.SimpleNamespace in its
 * messages ("'types.SimpleNamespace' object has no attribute 'LOSS'"), and so does cnnc. */
#include "py/interp.h"

#include <string.h>

static const char types_py[] =
    "class SimpleNamespace(object):\n"
    "    def __init__(self, *args, **kwargs):\n"
    "        if args:\n"
    "            raise TypeError('no positional arguments expected')\n"
    "        for name in kwargs:\n"
    "            setattr(self, name, kwargs[name])\n"
    "\n"
    "    def __contains__(self, key):\n"
    "        return key in self.__dict__\n";

py_module_ns *py_stdlib_types(interp *I) {
    if (!I->m_types) {
        py_module_ns *m = py_prelude_module(I, "types", "<cnnc>/types.py", types_py, sizeof types_py - 1);
        if (!m) return NULL;
        const py_val *c = py_attrs_find(m->attrs, py_s(I, "SimpleNamespace"));
        if (c && c->t == PV_CLASS) pv_as_class(*c)->name = "types.SimpleNamespace";
        I->m_types = m;
    }
    return I->m_types;
}

/* prelude.c — the parts of torch and of Python's library that cnnc writes in the Python it
 * reads (nn_transformer.c, nn_param_containers.c, torch_distributions.c, stdlib_argparse.c):
 * each text is loaded on first use as a source of its own, whose globals hold
 * _cnnc_refuse(message) for code a model may run that cnnc does not follow. An error
 * inside is raised at the line of the model that asked for the name. */
#include "py/interp.h"

#include <stdlib.h>
#include <string.h>

/* _cnnc_refuse(message) */
static int b_refuse(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                    py_val *out) {
    (void)self; (void)kw; (void)kwv; (void)n_kw; (void)out;
    return py_unsupported(I, "%s", n == 1 && a[0].t == PV_STR ? pv_as_str(a[0])->s : "cnnc cannot follow this code");
}

static int add_refuse(interp *I, py_source *src) {
    py_val f = pv_builtin(I, "_cnnc_refuse", b_refuse, pv_unbound(), NULL, 0);
    if (f.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, &src->globals, py_s(I, "_cnnc_refuse"), f);
}

py_source *py_load_prelude(interp *I, const char *path, const char *text, size_t len) {
    char *copy = (char *)malloc(len + 1);   /* the source owns its text */
    if (!copy) { py_nomem(I); return NULL; }
    memcpy(copy, text, len);
    copy[len] = '\0';
    const int32_t line = I->line, col = I->col;
    py_source *saved = I->cur_src;
    py_source *src = py_load_text(I, path, copy, len, add_refuse);
    I->cur_src = saved;
    I->line = line;
    I->col = col;
    return src;
}

/* the module's other names: the real module's, which cnnc does not model */
int py_refuse_other_names(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)out;
    const char *nm = py_sym_name(I->syms, name);
    if (nm[0] == '_' && nm[1] == '_') return 1;
    return py_unsupported(I, "cnnc cannot follow %s.%s", m->name, nm);
}

py_module_ns *py_prelude_module(interp *I, const char *name, const char *path, const char *text, size_t len) {
    py_source *src = py_load_prelude(I, path, text, len);
    if (!src) return NULL;
    py_module_ns *m = py_module_new(I, name);
    if (!m) { py_nomem(I); return NULL; }
    m->attrs = &src->globals;
    m->getattr = py_refuse_other_names;
    m->is_source = 1;
    return m;
}

/* call_internal.h — what the evaluator's object-protocol files share (not
 * public API): call.c (classes, argument binding, calls, isinstance, sibling
 * files), access.c (attributes, items) and operators.c (binary operators,
 * comparisons). */
#ifndef CNNC_PY_CALL_INTERNAL_H
#define CNNC_PY_CALL_INTERNAL_H

#include "py/interp.h"
#include "py/real_names.h"
#include "model/model_internal.h"

int py_run_function(interp *I, const py_func *fn, py_frame *frame, py_val *out);
int py_builtin_method(interp *I, py_val obj, py_sym name, py_val *out);
/* builtins.c: object.__init__, super.__init__ and kin (1: not one of those) */
int py_builtin_type_attr(interp *I, py_val type, py_sym name, py_val *out);  /* builtins_methods.c: 1 found, 0 not, -1 raised */

/* call.c */
py_val *py_class_lookup(py_class *c, py_sym name, py_class **found_in);
/* c's method resolution order (C3, as Python's __mro__ without object) into c->mro:
 * 0, or -1 with Python's TypeError when the bases allow none. */
int py_class_build_mro(interp *I, py_class *c);
int py_call_function(interp *I, py_func *fn, py_val self, int has_self, const py_val *args, int32_t n,
                     const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);

#endif

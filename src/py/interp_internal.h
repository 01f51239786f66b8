/* interp_internal.h — what the evaluator's files share (not public API):
 * interp.c (names, iteration, assignment, running a source), interp_expr.c
 * (expressions), interp_stmt.c (statements, functions, classes, exceptions)
 * and interp_import.c (imports). */
#ifndef CNNC_PY_INTERP_INTERNAL_H
#define CNNC_PY_INTERP_INTERNAL_H

#include "py/interp.h"

/* Statement results */
enum { X_NORMAL = 0, X_RETURN = 1, X_BREAK = 2, X_CONTINUE = 3, X_RAISE = -1 };

/* interp.c */
int interp_step(interp *I, const py_node *at);
int interp_lookup(interp *I, py_frame *f, py_sym s, py_val *out);
int interp_store_name(interp *I, py_frame *f, py_sym s, py_val v);
int interp_setitem(interp *I, py_val obj, py_val key, py_val v);
int interp_assign(interp *I, py_frame *f, const py_node *target, py_val v);

/* interp_expr.c */
int interp_eval(interp *I, py_frame *f, const py_node *e, py_val *out);

/* interp_stmt.c */
int interp_make_function(interp *I, py_frame *f, const py_node *def, py_val *out);

/* interp_import.c */
int interp_import_stmt(interp *I, py_frame *f, const py_node *s);
int interp_from_stmt(interp *I, py_frame *f, const py_node *s);

#endif

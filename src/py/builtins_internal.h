/* builtins_internal.h — what the builtins' files share (not public API):
 * builtins.c (argument checks, objects and classes, setup), builtins_values.c
 * (conversions, numbers, sequences, iteration), builtins_methods.c (methods of
 * list, dict, str, ...) and builtins_modules.c (math, numpy, functools, copy). */
#ifndef CNNC_PY_BUILTINS_INTERNAL_H
#define CNNC_PY_BUILTINS_INTERNAL_H

#include "py/interp.h"

#define ARGS interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out
#define UNUSED_ARGS (void)I; (void)self; (void)kw; (void)kwv; (void)n_kw

/* builtins.c */
int builtin_no_kwargs(interp *I, const char *fn, int32_t n_kw);
int builtin_nargs(interp *I, const char *fn, int32_t n, int32_t lo, int32_t hi);
py_val *builtin_kwarg(const py_sym *kw, const py_val *kwv, int32_t n_kw, py_sym want);

/* builtins_namedtuple.c */
int builtin_namedtuple(ARGS);

/* builtins_values.c */
int builtin_print(ARGS);
int builtin_len(ARGS);
int builtin_range(ARGS);
int builtin_int(ARGS);
int builtin_float(ARGS);
int builtin_str(ARGS);
int builtin_repr(ARGS);
int builtin_bool(ARGS);
int builtin_to_seq(interp *I, py_type t, int32_t n, const py_val *a, py_val *out);
int builtin_list(ARGS);
int builtin_tuple(ARGS);
int builtin_set(ARGS);
int builtin_dict(ARGS);
int builtin_enumerate(ARGS);
int builtin_zip(ARGS);
int builtin_max(ARGS);
int builtin_min(ARGS);
int builtin_sum(ARGS);
int builtin_abs(ARGS);
int builtin_defaultdict(ARGS);
int builtin_chr(ARGS);
int builtin_slice(ARGS);
int builtin_ord(ARGS);
int builtin_round(ARGS);
int builtin_sorted(ARGS);
int builtin_reversed(ARGS);
int builtin_map(ARGS);
int builtin_filter(ARGS);
int builtin_any(ARGS);
int builtin_all(ARGS);
int builtin_divmod(ARGS);
int builtin_pow(ARGS);
int builtin_iter(ARGS);
int builtin_next(ARGS);

/* builtins_modules.c */
int builtin_prod(ARGS);
int builtin_np_type(ARGS);
int builtin_np_math(ARGS);
int builtin_np_prod(ARGS);
/* numpy_functions.c: np.linspace, np.concatenate ... and np.linalg, set into numpy */
int py_numpy_functions(interp *I, py_module_ns *np);
int builtin_partial(ARGS);
int builtin_reduce(ARGS);
int builtin_identity(ARGS);
int builtin_wraps(ARGS);   /* functools.wraps: a decorator giving back what it decorates */
int builtin_deepcopy(ARGS);
int builtin_warn(ARGS);
/* logging.getLogger(name): the logging module stands for the logger */
int builtin_get_logger(ARGS);
int builtin_math_dispatch(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                          int32_t n_kw, py_val *out);

#endif

/* model_internal.h — helpers shared by the model reader's files (not public API). */
#ifndef CNNC_MODEL_INTERNAL_H
#define CNNC_MODEL_INTERNAL_H

#include <stddef.h>

/* Python's repr() of a float: shortest text that reads back to the same
 * double, "1.0" not "1", "1e-05" not "1e-5". Returns chars written. */
size_t cnnc_py_float_repr(double v, char *buf, size_t cap);

#endif

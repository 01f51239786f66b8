/* real_names.h — whether PyTorch has a name (real_names.c, generated). */
#ifndef CNNC_PY_REAL_NAMES_H
#define CNNC_PY_REAL_NAMES_H

/* 1 when `owner` ("torch", "torch.nn", "torch.nn.functional", "torch.nn.init",
 * "Tensor", "Module", "math") has a public attribute `name` in PyTorch 1.13. */
int py_real_name(const char *owner, const char *name);
/* 1 when the table knows every public name of `owner` (else a missing name proves nothing). */
int py_real_names_known(const char *owner);

#endif

/* stdlib_os.c — os.path.exists, isfile, isdir and join, which model files use to find
 * pretrained weights (`if path and os.path.exists(path): ... load_state_dict`): the answer is
 * the file system's, relative to the working directory, as Python's is. Every other name of
 * os and os.path is one cnnc does not model (refused where used). Loaded on first import.
 * Also open()'s FileNotFoundError for torch.load and np.load of a path with no file. */
#include "py/interp.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* os.path.exists(path) and kin: os.stat's answer, False where it raises OSError or
 * ValueError (no such file, an embedded NUL), as genericpath's tests; other types are
 * stat's TypeError, and an int (a file descriptor) is refused. */
static int os_path_test(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                        int32_t n_kw, py_val *out) {
    (void)self;
    const char *fn = I->callee->name;
    py_val p = n ? a[0] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++) {
        if (strcmp(py_sym_name(I->syms, kw[k]), "path"))
            return py_raise(I, "TypeError", "%s() got an unexpected keyword argument '%s'", fn, py_sym_name(I->syms, kw[k]));
        if (n) return py_raise(I, "TypeError", "%s() got multiple values for argument 'path'", fn);
        p = kwv[k];
    }
    if (p.t == PV_UNBOUND) return py_raise(I, "TypeError", "%s() missing 1 required positional argument: 'path'", fn);
    if (n > 1) return py_raise(I, "TypeError", "%s() takes 1 positional argument but %d were given", fn, (int)n);
    if (p.t != PV_STR) {
        if (p.t == PV_OPAQUE || pv_is_int(p) || p.t == PV_OBJ)
            return py_unsupported(I, "cnnc cannot follow os.path.%s of a %s", fn, py_type_name(&p));
        return py_raise(I, "TypeError", "stat: path should be string, bytes, os.PathLike or integer, not %s", py_type_name(&p));
    }
    const py_str *s = pv_as_str(p);
    struct stat st;
    const int ok = !memchr(s->s, 0, (size_t)s->len) && stat(s->s, &st) == 0;
    *out = pv_bool(ok && (fn[2] == 'f' ? S_ISREG(st.st_mode) : fn[2] == 'd' ? S_ISDIR(st.st_mode) : 1));
    return 0;
}

/* os.path.join(a, *p): each part after the first appended with one '/', an absolute part
 * starting over, as posixpath.join. */
static int os_path_join(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                        int32_t n_kw, py_val *out) {
    (void)self; (void)kwv;
    if (n_kw) return py_raise(I, "TypeError", "join() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[0]));
    if (n == 0) return py_raise(I, "TypeError", "join() missing 1 required positional argument: 'a'");
    for (int32_t k = 0; k < n; k++)
        if (a[k].t != PV_STR) {
            if (a[k].t == PV_OPAQUE) return py_unsupported(I, "cnnc cannot follow os.path.join of a value it does not model");
            return py_raise(I, "TypeError", "join() argument must be str, bytes, or os.PathLike object, not '%s'",
                            py_type_name(&a[k]));
        }
    cnnc_strbuf sb = {0};
    for (int32_t k = 0; k < n; k++) {
        const py_str *s = pv_as_str(a[k]);
        if (s->len && s->s[0] == '/') sb.len = 0;
        else if (sb.len && sb.p[sb.len - 1] != '/') cnnc_sb_putn(&sb, "/", 1);
        cnnc_sb_putn(&sb, s->s, (size_t)s->len);
    }
    *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* open(path) of a path with no file: Python's FileNotFoundError, the path as repr() writes it
 * (torch.load, np.load). 0 raised, 1 a file is there or cannot be asked about (an empty path,
 * an embedded NUL, a very long one), -1 out of memory. */
int py_raise_if_no_file(interp *I, py_val path) {
    const py_str *p = pv_as_str(path);
    if (p->len == 0 || p->len >= 4096 || memchr(p->s, 0, (size_t)p->len)) return 1;
    if (access(p->s, F_OK) == 0 || errno != ENOENT) return 1;
    cnnc_strbuf sb = {0};
    py_repr(I, path, &sb);
    if (!sb.p) return py_nomem(I);
    py_raise(I, "FileNotFoundError", "[Errno 2] No such file or directory: %s", sb.p);
    cnnc_sb_free(&sb);
    return 0;
}

static int set_fn(interp *I, py_module_ns *m, const char *name, py_native fn) {
    const py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, 0);
    return v.t == PV_UNBOUND ? py_nomem(I) : py_module_set(I, m, name, v);
}

py_module_ns *py_stdlib_os(interp *I, int want_path) {
    if (!I->m_os) {
        py_module_ns *os = py_module_new(I, "os"), *path = py_module_new(I, "os.path");
        if (!os || !path) { py_nomem(I); return NULL; }
        if (set_fn(I, path, "exists", os_path_test) || set_fn(I, path, "isfile", os_path_test) ||
            set_fn(I, path, "isdir", os_path_test) || set_fn(I, path, "join", os_path_join) ||
            py_module_set(I, path, "sep", pv_cstr(I, "/")) || py_module_set(I, os, "sep", pv_cstr(I, "/")) ||
            py_module_set(I, os, "path", pv_ptr(PV_MODULE, path)))
            return NULL;
        I->m_os = os;
        I->m_os_path = path;
    }
    return want_path ? I->m_os_path : I->m_os;
}

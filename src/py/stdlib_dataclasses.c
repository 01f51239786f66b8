/* stdlib_dataclasses.c — dataclasses as model configurations use them (`@dataclass class
 * Config: channels: int; hidden: int = 16`, `field(default_factory=list)`, `asdict`,
 * `replace`), written (below) in the Python that cnnc reads, after CPython 3.11's
 * dataclasses.py: its field collection, its checks and their words (mutable defaults,
 * a non-default argument after a default one, both default and default_factory).
 * The generated __init__ is, as in CPython, the text of a def: cnnc writes it, loads
 * it as a source of its own and puts the field defaults in, so calling it binds and
 * fails as a Python function of that signature does (`Config.__init__() missing 1
 * required positional argument: 'channels'`); kw_only fields come after the others,
 * keyword-only. Not modelled: order=True (refused); eq, frozen and slots are not
 * enforced on the instances (`==` of two configs compares identity; assigning to a
 * frozen field goes through). Loaded on first `import dataclasses`. */
#include "py/builtins_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char dataclasses_py[] =
    "import copy\n"
    "\n"
    "\n"
    "class _MISSING_TYPE:\n"
    "    pass\n"
    "\n"
    "\n"
    "MISSING = _MISSING_TYPE()\n"
    "_HAS_DEFAULT_FACTORY = _MISSING_TYPE()\n"
    "\n"
    "\n"
    "class FrozenInstanceError(AttributeError):\n"
    "    pass\n"
    "\n"
    "\n"
    "class Field:\n"
    "    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):\n"
    "        self.name = None\n"
    "        self.type = None\n"
    "        self.default = default\n"
    "        self.default_factory = default_factory\n"
    "        self.init = init\n"
    "        self.repr = repr\n"
    "        self.hash = hash\n"
    "        self.compare = compare\n"
    "        self.metadata = metadata\n"
    "        self.kw_only = kw_only\n"
    "\n"
    "\n"
    "def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,\n"
    "          kw_only=MISSING):\n"
    "    if default is not MISSING and default_factory is not MISSING:\n"
    "        raise ValueError('cannot specify both default and default_factory')\n"
    "    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)\n"
    "\n"
    "\n"
    "def _unhashable(value):\n"
    "    if isinstance(value, (list, dict, set)):\n"
    "        return True\n"
    "    params = getattr(type(value), '__dataclass_params__', None)\n"
    "    return params is not None and params[1] and not params[2]\n"
    "\n"
    "\n"
    "def _process_class(cls, init, eq, order, frozen, kw_only):\n"
    "    if order:\n"
    "        _cnnc_refuse('cnnc follows dataclass() without order=True')\n"
    "    fields = {}\n"
    "    inherited = getattr(cls, '__dataclass_fields__', None)\n"
    "    if inherited is not None:\n"
    "        for f in inherited.values():\n"
    "            fields[f.name] = f\n"
    "    own = []\n"
    "    for name, annotation in _cnnc_annotations(cls):\n"
    "        default = _cnnc_own_attr(cls, name, MISSING)\n"
    "        if isinstance(default, Field):\n"
    "            f = default\n"
    "        else:\n"
    "            f = field(default=default)\n"
    "        f.name = name\n"
    "        f.type = annotation\n"
    "        if _cnnc_is_classvar(annotation):\n"
    "            continue\n"
    "        if f.kw_only is MISSING:\n"
    "            f.kw_only = kw_only\n"
    "        if f.default is not MISSING and _unhashable(f.default):\n"
    "            raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not allowed: use default_factory')\n"
    "        own.append(f)\n"
    "    for f in own:\n"
    "        fields[f.name] = f\n"
    "        if isinstance(_cnnc_own_attr(cls, f.name, None), Field):\n"
    "            if f.default is MISSING:\n"
    "                _cnnc_del_own_attr(cls, f.name)\n"
    "            else:\n"
    "                setattr(cls, f.name, f.default)\n"
    "    for name in _cnnc_own_names(cls):\n"
    "        if isinstance(_cnnc_own_attr(cls, name, None), Field) and name not in fields:\n"
    "            raise TypeError(f'{name!r} is a field but has no type annotation')\n"
    "    setattr(cls, '__dataclass_fields__', fields)\n"
    "    setattr(cls, '__dataclass_params__', (init, eq, frozen))\n"
    "    if init:\n"
    "        seen_default = False\n"
    "        for f in fields.values():\n"
    "            if f.init and not f.kw_only:\n"
    "                if not (f.default is MISSING and f.default_factory is MISSING):\n"
    "                    seen_default = True\n"
    "                elif seen_default:\n"
    "                    raise TypeError(f'non-default argument {f.name!r} follows default argument')\n"
    "        _cnnc_make_init(cls, list(fields.values()), MISSING, _HAS_DEFAULT_FACTORY, hasattr(cls, '__post_init__'))\n"
    "    return cls\n"
    "\n"
    "\n"
    "def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,\n"
    "              match_args=True, kw_only=False, slots=False, weakref_slot=False):\n"
    "    def wrap(cls):\n"
    "        return _process_class(cls, init, eq, order, frozen, kw_only)\n"
    "    if cls is None:\n"
    "        return wrap\n"
    "    return wrap(cls)\n"
    "\n"
    "\n"
    "def _is_dataclass_instance(obj):\n"
    "    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')\n"
    "\n"
    "\n"
    "def is_dataclass(obj):\n"
    "    cls = obj if isinstance(obj, type) else type(obj)\n"
    "    return hasattr(cls, '__dataclass_fields__')\n"
    "\n"
    "\n"
    "def fields(class_or_instance):\n"
    "    found = getattr(class_or_instance, '__dataclass_fields__', None)\n"
    "    if found is None:\n"
    "        raise TypeError('must be called with a dataclass type or instance')\n"
    "    return tuple(found.values())\n"
    "\n"
    "\n"
    "def _asdict_inner(obj):\n"
    "    if _is_dataclass_instance(obj):\n"
    "        result = []\n"
    "        for f in fields(obj):\n"
    "            result.append((f.name, _asdict_inner(getattr(obj, f.name))))\n"
    "        return dict(result)\n"
    "    if isinstance(obj, list):\n"
    "        return [_asdict_inner(v) for v in obj]\n"
    "    if isinstance(obj, tuple) and not hasattr(obj, '_fields'):\n"
    "        return tuple(_asdict_inner(v) for v in obj)\n"
    "    if isinstance(obj, dict):\n"
    "        return {_asdict_inner(k): _asdict_inner(v) for k, v in obj.items()}\n"
    "    return copy.deepcopy(obj)\n"
    "\n"
    "\n"
    "def asdict(obj, *, dict_factory=dict):\n"
    "    if not _is_dataclass_instance(obj):\n"
    "        raise TypeError('asdict() should be called on dataclass instances')\n"
    "    if dict_factory is not dict:\n"
    "        _cnnc_refuse('cnnc follows asdict() with the default dict_factory')\n"
    "    return _asdict_inner(obj)\n"
    "\n"
    "\n"
    "def astuple(obj, *, tuple_factory=tuple):\n"
    "    if not _is_dataclass_instance(obj):\n"
    "        raise TypeError('astuple() should be called on dataclass instances')\n"
    "    if tuple_factory is not tuple:\n"
    "        _cnnc_refuse('cnnc follows astuple() with the default tuple_factory')\n"
    "    return tuple(_asdict_inner(getattr(obj, f.name)) for f in fields(obj))\n"
    "\n"
    "\n"
    "def replace(obj, /, **changes):\n"
    "    if not _is_dataclass_instance(obj):\n"
    "        raise TypeError('replace() should be called on dataclass instances')\n"
    "    for f in getattr(obj, '__dataclass_fields__').values():\n"
    "        if not f.init:\n"
    "            if f.name in changes:\n"
    "                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')\n"
    "            continue\n"
    "        if f.name not in changes:\n"
    "            changes[f.name] = getattr(obj, f.name)\n"
    "    return obj.__class__(**changes)\n";

static int want_class(interp *I, const py_val *a, int32_t n, const char *fn) {
    if (n < 1 || a[0].t != PV_CLASS) return py_unsupported(I, "cnnc follows %s of a class", fn);
    return 0;
}

/* _cnnc_annotations(cls): the (name, annotation) pairs of the class body, in order */
static int b_annotations(ARGS) {
    UNUSED_ARGS;
    if (want_class(I, a, n, "_cnnc_annotations")) return -1;
    const py_attrs *an = &pv_as_class(a[0])->annotations;
    *out = pv_seq(I, PV_LIST, an->n);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < an->n; k++) {
        py_val t = pv_seq(I, PV_TUPLE, 2);
        if (t.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(t)->v[0] = pv_cstr(I, py_sym_name(I->syms, an->k[k]));
        pv_as_seq(t)->v[1] = an->v[k];
        pv_as_seq(*out)->v[k] = t;
    }
    return 0;
}

/* _cnnc_own_names(cls): the names the class body itself bound */
static int b_own_names(ARGS) {
    UNUSED_ARGS;
    if (want_class(I, a, n, "_cnnc_own_names")) return -1;
    const py_attrs *d = &pv_as_class(a[0])->dict;
    *out = pv_seq(I, PV_LIST, d->n);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < d->n; k++) pv_as_seq(*out)->v[k] = pv_cstr(I, py_sym_name(I->syms, d->k[k]));
    return 0;
}

/* _cnnc_own_attr(cls, name, default): cls.__dict__.get(name, default) */
static int b_own_attr(ARGS) {
    UNUSED_ARGS;
    if (want_class(I, a, n, "_cnnc_own_attr")) return -1;
    if (n != 3 || a[1].t != PV_STR) return py_unsupported(I, "cnnc follows _cnnc_own_attr(cls, name, default)");
    const py_val *v = py_attrs_find(&pv_as_class(a[0])->dict, py_s(I, pv_as_str(a[1])->s));
    *out = v ? *v : a[2];
    return 0;
}

/* _cnnc_del_own_attr(cls, name) */
static int b_del_own_attr(ARGS) {
    UNUSED_ARGS;
    if (want_class(I, a, n, "_cnnc_del_own_attr")) return -1;
    if (n != 2 || a[1].t != PV_STR) return py_unsupported(I, "cnnc follows _cnnc_del_own_attr(cls, name)");
    py_attrs_del(&pv_as_class(a[0])->dict, py_s(I, pv_as_str(a[1])->s));
    *out = pv_none();
    return 0;
}

/* _cnnc_is_classvar(annotation): typing.ClassVar or ClassVar[...], or such a string */
static int b_is_classvar(ARGS) {
    UNUSED_ARGS;
    (void)I;
    int yes = 0;
    if (n == 1 && a[0].t == PV_TYPING && a[0].u.p && !strcmp((const char *)a[0].u.p, "ClassVar")) yes = 1;
    if (n == 1 && a[0].t == PV_STR) {
        const char *s = pv_as_str(a[0])->s;
        yes = !strncmp(s, "ClassVar", 8) || !strncmp(s, "typing.ClassVar", 15);
    }
    *out = pv_bool(yes);
    return 0;
}

/* `a is b` */
static int is_same(interp *I, py_val a, py_val b) {
    int same = 0;
    py_compare(I, PY_CMP_IS, a, b, &same);
    return same;
}

/* Field attribute `name` of field object f. */
static int field_attr(interp *I, py_val f, const char *name, py_val *out) { return py_getattr(I, f, py_s(I, name), out); }

/* _cnnc_make_init(cls, fields, MISSING, HAS_DEFAULT_FACTORY, has_post_init): CPython's
 * _init_fn as a def's text, loaded as a source of its own; the defaults and factories
 * are put in afterwards (the def names placeholders), and the function becomes
 * cls.__init__ with the qualname its errors print. */
static int b_make_init(ARGS) {
    UNUSED_ARGS;
    if (want_class(I, a, n, "_cnnc_make_init")) return -1;
    if (n != 5 || a[1].t != PV_LIST) return py_unsupported(I, "cnnc follows _cnnc_make_init(cls, fields, ...)");
    py_class *c = pv_as_class(a[0]);
    const py_seq *fs = pv_as_seq(a[1]);
    /* each is a source of its own: a bound on them, as on a source's values */
    if (++I->n_dataclass_inits > 4096) return py_unsupported(I, "cnnc stopped following this code: it made more than 4096 dataclasses");
    const py_val missing = a[2], has_factory = a[3];
    int post_init = 0;
    if (py_truthy(I, a[4], &post_init)) return -1;
    struct field { const char *name; py_val dflt, fact; int init, kw_only, has_dflt, has_fact; };
    struct field *f = (struct field *)py_alloc(I->arena, (size_t)(fs->n + 1) * sizeof *f);
    int32_t *order = (int32_t *)py_alloc(I->arena, (size_t)(fs->n + 1) * sizeof *order);   /* field of each parameter */
    if (!f || !order) return py_nomem(I);
    for (int32_t k = 0; k < fs->n; k++) {
        py_val nm, in, ko;
        if (field_attr(I, fs->v[k], "name", &nm) || field_attr(I, fs->v[k], "default", &f[k].dflt) ||
            field_attr(I, fs->v[k], "default_factory", &f[k].fact) || field_attr(I, fs->v[k], "init", &in) ||
            py_truthy(I, in, &f[k].init) || field_attr(I, fs->v[k], "kw_only", &ko) || py_truthy(I, ko, &f[k].kw_only))
            return -1;
        if (nm.t != PV_STR) return py_unsupported(I, "cnnc follows dataclass fields named by a str");
        f[k].name = pv_as_str(nm)->s;
        f[k].has_dflt = !is_same(I, f[k].dflt, missing);
        f[k].has_fact = !is_same(I, f[k].fact, missing);
    }
    /* the parameters: the positional fields in order, then the keyword-only ones (3.10's kw_only) */
    int32_t n_params = 0, n_pos = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int32_t k = 0; k < fs->n; k++)
            if (f[k].init && f[k].kw_only == pass) order[n_params++] = k;
    for (int32_t k = 0; k < fs->n; k++) n_pos += f[k].init && !f[k].kw_only;
    cnnc_strbuf sig = {0}, body = {0};
    cnnc_sb_puts(&sig, "def __init__(self");
    for (int32_t j = 0; j < n_params; j++) {
        const struct field *p = &f[order[j]];
        cnnc_sb_printf(&sig, "%s, %s%s", j == n_pos ? ", *" : "", p->name, p->has_dflt || p->has_fact ? "=None" : "");
    }
    for (int32_t k = 0; k < fs->n; k++) {
        const struct field *p = &f[k];
        if (p->init && p->has_fact)
            cnnc_sb_printf(&body, "    self.%s = _cnnc_factory_%d() if %s is _HAS_DEFAULT_FACTORY else %s\n", p->name, (int)k,
                           p->name, p->name);
        else if (p->init) cnnc_sb_printf(&body, "    self.%s = %s\n", p->name, p->name);
        else if (p->has_fact) cnnc_sb_printf(&body, "    self.%s = _cnnc_factory_%d()\n", p->name, (int)k);
        else if (p->has_dflt) cnnc_sb_printf(&body, "    self.%s = _cnnc_default_%d\n", p->name, (int)k);
    }
    if (post_init) cnnc_sb_puts(&body, "    self.__post_init__()\n");
    cnnc_sb_printf(&sig, "):\n%s    pass\n", body.p ? body.p : "");
    free(body.p);
    if (!sig.p) return py_nomem(I);
    char path[200];
    snprintf(path, sizeof path, "<cnnc>/dataclasses.py:%.120s.__init__", c->qualname);
    py_source *src = py_load_prelude(I, path, sig.p, sig.len);
    free(sig.p);
    if (!src) return -1;
    py_val *fv = py_attrs_find(&src->globals, py_s(I, "__init__"));
    if (!fv || fv->t != PV_FUNC) return py_unsupported(I, "cnnc could not build this dataclass's __init__");
    py_func *fn = (py_func *)fv->u.p;
    /* the def named placeholders: the factories and init=False defaults go in its globals,
     * the defaults in its parameters (0 is self) */
    if (py_attrs_set(I, &src->globals, py_s(I, "_HAS_DEFAULT_FACTORY"), has_factory)) return -1;
    for (int32_t k = 0; k < fs->n; k++) {
        char buf[32];
        snprintf(buf, sizeof buf, f[k].has_fact ? "_cnnc_factory_%d" : "_cnnc_default_%d", (int)k);
        if ((f[k].has_fact || (f[k].has_dflt && !f[k].init)) &&
            py_attrs_set(I, &src->globals, py_s(I, buf), f[k].has_fact ? f[k].fact : f[k].dflt))
            return -1;
    }
    for (int32_t j = 0; j < n_params; j++) {
        const struct field *p = &f[order[j]];
        if (p->has_fact) fn->defaults[1 + j] = has_factory;
        else if (p->has_dflt) fn->defaults[1 + j] = p->dflt;
    }
    cnnc_strbuf q = {0};
    cnnc_sb_printf(&q, "%s.__init__", c->qualname);
    if (!q.p) return py_nomem(I);
    fn->qualname = py_strndup(I->arena, q.p, q.len);
    free(q.p);
    fn->owner = c;
    if (py_attrs_set(I, &c->dict, I->s_init, *fv)) return -1;
    *out = pv_none();
    return 0;
}

py_module_ns *py_stdlib_dataclasses(interp *I) {
    if (I->m_dataclasses) return I->m_dataclasses;
    py_module_ns *m = py_prelude_module(I, "dataclasses", "<cnnc>/dataclasses.py", dataclasses_py, sizeof dataclasses_py - 1);
    if (!m) return NULL;
    static const struct { const char *name; py_native fn; } natives[] = {
        {"_cnnc_annotations", b_annotations}, {"_cnnc_own_names", b_own_names}, {"_cnnc_own_attr", b_own_attr},
        {"_cnnc_del_own_attr", b_del_own_attr}, {"_cnnc_is_classvar", b_is_classvar}, {"_cnnc_make_init", b_make_init},
    };
    for (size_t k = 0; k < sizeof natives / sizeof natives[0]; k++) {
        py_val f = pv_builtin(I, natives[k].name, natives[k].fn, pv_unbound(), NULL, 0);
        if (f.t == PV_UNBOUND || py_attrs_set(I, m->attrs, py_s(I, natives[k].name), f)) { py_nomem(I); return NULL; }
    }
    I->m_dataclasses = m;
    return m;
}

/* checkpoint.c — engine state as a PyTorch state_dict in a safetensors file,
 * through the public engine API only. Tensor names are state_dict names (F32;
 * num_batches_tracked I64 with shape []); metadata: format=cnnc, model (the
 * model file text), epoch, seed, step, run_id. The optimizer state (optim.m,
 * optim.v: F32 flat over trainable floats; optim.step: I64) goes to a sidecar
 * file, cnnc_ckpt_optim_path(), so that the checkpoint itself loads strictly
 * into PyTorch (load_state_dict refuses unknown keys); the two files are saved
 * and loaded as one unit (ckpt_optim.c). Loading checks every name
 * and shape first and reports all mismatches at once in load_state_dict's
 * words; nothing is written to the engine unless everything matches. */
#include "cnnc/io.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/ckpt_internal.h"

/* ---- saving ---- */

static cnnc_status put_meta_i64(cnnc_st_writer *w, const char *key, int64_t value, cnnc_error *err) {
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, value);
    return cnnc_st_writer_meta(w, key, num, err);
}

cnnc_status cnnc_ckpt_add_entries(cnnc_st_writer *w, cnnc_engine *e, const char *prefix, cnnc_ckpt_entry_reader read,
                                  const char *path, cnnc_error *err) {
    cnnc_status st = CNNC_OK;
    const int32_t n = cnnc_engine_param_count(e);
    for (int32_t i = 0; i < n && st == CNNC_OK; i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        void *buf = malloc((size_t)pi->numel * (pi->dtype == CNNC_I64 ? 8 : 4) + 1);
        char key[CNNC_NAME_MAX + 40];
        snprintf(key, sizeof key, "%s%s", prefix, pi->name);
        if (!buf) st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory saving %s", path);
        if (st == CNNC_OK) st = read(e, i, buf, err);
        if (st == CNNC_OK)
            st = cnnc_st_writer_add(w, key, pi->dtype == CNNC_I64 ? CNNC_I64 : CNNC_F32, pi->ndim, pi->shape, buf, err);
        free(buf);
    }
    return st;
}

/* "ema_decay": the tensors are AveragedModel's average with this decay. */
static cnnc_status put_meta_ema(cnnc_st_writer *w, const cnnc_engine *e, cnnc_error *err) {
    char num[40];
    snprintf(num, sizeof num, "%.17g", cnnc_engine_ema_decay(e));
    return cnnc_st_writer_meta(w, "ema_decay", num, err);
}

cnnc_status cnnc_ckpt_save(cnnc_engine *e, const cnnc_model *model, const char *path, const cnnc_ckpt_meta *meta,
                           cnnc_error *err) {
    return cnnc_ckpt_save_at(e, model, path, meta, 0, err);
}

cnnc_status cnnc_ckpt_save_at(cnnc_engine *e, const cnnc_model *model, const char *path, const cnnc_ckpt_meta *meta,
                              int64_t step_in_epoch, cnnc_error *err) {
    if (!e || !path) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_ckpt_save: NULL argument");
    cnnc_status st = CNNC_OK;
    const uint64_t run_id = meta && meta->run_id ? meta->run_id : cnnc_ckpt_new_run_id();
    cnnc_st_writer *w = cnnc_st_writer_new();
    if (!w) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory saving %s", path);
    const int ema = cnnc_engine_has_ema(e);
    /* --ema: the weights file holds the average (what evaluation and PyTorch load);
     * the sidecar keeps the trained weights for a resume */
    st = cnnc_ckpt_add_entries(w, e, "", ema ? cnnc_engine_read_ema : cnnc_engine_read_param, path, err);
    if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "format", "cnnc", err);
    if (st == CNNC_OK && model && model->text) st = cnnc_st_writer_meta(w, "model", model->text, err);
    if (st == CNNC_OK) st = put_meta_i64(w, "epoch", meta ? meta->epoch : 0, err);
    if (st == CNNC_OK) {
        char num[32];
        snprintf(num, sizeof num, "%" PRIu64, meta ? meta->seed : (uint64_t)0);
        st = cnnc_st_writer_meta(w, "seed", num, err);
    }
    if (st == CNNC_OK) st = put_meta_i64(w, "step", cnnc_engine_steps(e), err);
    /* What a resumed run needs to continue bit-identically: the position inside
     * the epoch (its shuffle is derived from seed and epoch) and the dropout RNG. */
    if (st == CNNC_OK && step_in_epoch > 0) st = put_meta_i64(w, "step_in_epoch", step_in_epoch, err);
    if (st == CNNC_OK) {
        char num[32];
        snprintf(num, sizeof num, "%" PRIu64, cnnc_engine_rng_counter(e));
        st = cnnc_st_writer_meta(w, "rng_counter", num, err);
    }
    char rid[17];
    cnnc_ckpt_format_run_id(run_id, rid);
    if (st == CNNC_OK) st = cnnc_st_writer_meta(w, "run_id", rid, err);
    if (st == CNNC_OK && meta && meta->classes) st = cnnc_st_writer_meta(w, "classes", meta->classes, err);
    if (st == CNNC_OK && ema) st = put_meta_ema(w, e, err);
    /* Both temporaries first, then the renames that make them one unit. */
    cnnc_io_staged sw, so;
    memset(&sw, 0, sizeof sw);
    memset(&so, 0, sizeof so);
    const int with_optim = meta && meta->with_optim;
    if (st == CNNC_OK) st = cnnc_st_writer_stage(w, path, &sw, err);
    if (st == CNNC_OK && with_optim) st = cnnc_ckpt_stage_optim(e, path, run_id, meta, &so, err);
    if (st == CNNC_OK) st = cnnc_ckpt_commit_pair(&sw, with_optim ? &so : NULL, err);
    cnnc_io_discard(&sw);
    cnnc_io_discard(&so);
    cnnc_st_writer_free(w);
    return st;
}

/* ---- loading ---- */

/* Appends to a fixed message buffer; truncation is harmless (the error text
 * has a fixed size), so the length is clamped. */
typedef struct msgbuf { char *p; size_t cap, n; } msgbuf;

static void mb_printf(msgbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void mb_printf(msgbuf *b, const char *fmt, ...) {
    if (b->n + 1 >= b->cap) return;
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    if (r > 0) b->n += (size_t)r;
    if (b->n >= b->cap) b->n = b->cap - 1;
}

/* torch.Size([10, 1568]) */
static void mb_size(msgbuf *b, int32_t ndim, const int64_t *shape) {
    mb_printf(b, "torch.Size([");
    for (int32_t d = 0; d < ndim; d++) mb_printf(b, "%s%" PRId64, d ? ", " : "", shape[d]);
    mb_printf(b, "])");
}

static int is_optim_key(const char *name) { return strncmp(name, "optim.", 6) == 0; }

static int same_shape(const cnnc_st_tensor *t, const cnnc_param_info *pi) {
    if (t->ndim != pi->ndim) return 0;
    for (int32_t d = 0; d < pi->ndim; d++)
        if (t->shape[d] != pi->shape[d]) return 0;
    return 1;
}

/* Element k of a tensor as double / int64 (data may be unaligned). */
static double elem_f64(const cnnc_st_tensor *t, int64_t k) {
    const unsigned char *p = t->data;
    switch (t->dtype) {
    case CNNC_F32: { float f; memcpy(&f, p + 4 * k, 4); return f; }
    case CNNC_I64: { int64_t x; memcpy(&x, p + 8 * k, 8); return (double)x; }
    case CNNC_I32: { int32_t x; memcpy(&x, p + 4 * k, 4); return x; }
    case CNNC_U8: return p[k];
    case CNNC_F64: { double x; memcpy(&x, p + 8 * k, 8); return x; }
    }
    return 0;
}

/* Copy a checkpoint tensor into the layout the engine wants (float or int64),
 * converting the dtype like Tensor.copy_ does. */
static void convert(const cnnc_st_tensor *t, const cnnc_param_info *pi, void *dst) {
    if (pi->dtype == CNNC_I64) {
        int64_t *o = dst;
        for (int64_t k = 0; k < pi->numel; k++) {
            if (t->dtype == CNNC_I64) memcpy(&o[k], (const unsigned char *)t->data + 8 * k, 8);
            else o[k] = (int64_t)elem_f64(t, k);
        }
    } else if (t->dtype == CNNC_F32) {
        memcpy(dst, t->data, (size_t)pi->numel * sizeof(float));
    } else {
        float *o = dst;
        for (int64_t k = 0; k < pi->numel; k++) o[k] = (float)elem_f64(t, k);
    }
}

/* Whether the file holds optimizer state (0 none, 1 usable); a partial or
 * wrongly sized state is PyTorch's optimizer load_state_dict ValueError. */
static cnnc_status check_optim(cnnc_engine *e, const cnnc_st_file *f, const char *path, int *present, cnnc_error *err) {
    *present = 0;
    const cnnc_st_tensor *tm = cnnc_st_find(f, "optim.m"), *tv = cnnc_st_find(f, "optim.v"),
                         *ts = cnnc_st_find(f, "optim.step");
    if (!tm && !tv && !ts) return CNNC_OK;   /* weights-only checkpoint */
    int64_t floats = cnnc_engine_trainable_floats(e);
    if (!tm || !tv || !ts || tm->dtype != CNNC_F32 || tv->dtype != CNNC_F32 || tm->numel != floats ||
        tv->numel != floats || ts->numel != 1) {
        if (err) snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                              "loaded state dict contains a parameter group that doesn't match the size of "
                              "optimizer's group");
    }
    *present = 1;
    return CNNC_OK;
}

static cnnc_status load_optim(cnnc_engine *e, const cnnc_st_file *f, const char *path, cnnc_error *err) {
    const cnnc_st_tensor *tm = cnnc_st_find(f, "optim.m"), *tv = cnnc_st_find(f, "optim.v"),
                         *ts = cnnc_st_find(f, "optim.step");
    int64_t floats = cnnc_engine_trainable_floats(e);
    float *m = malloc((size_t)floats * sizeof(float) + 1), *v = malloc((size_t)floats * sizeof(float) + 1);
    if (!m || !v) {
        free(m);
        free(v);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory loading %s", path);
    }
    memcpy(m, tm->data, (size_t)floats * sizeof(float));
    memcpy(v, tv->data, (size_t)floats * sizeof(float));
    int64_t step = (int64_t)elem_f64(ts, 0);
    if (ts->dtype == CNNC_I64) memcpy(&step, ts->data, 8);
    cnnc_status st = cnnc_engine_write_optim_state(e, m, v, step, err);
    free(m);
    free(v);
    if (st == CNNC_OK && cnnc_engine_optim_has_grad_avg(e)) {   /* RMSprop(centered=True) */
        const cnnc_st_tensor *tu = cnnc_st_find(f, "optim.grad_avg");
        if (!tu || tu->dtype != CNNC_F32 || tu->numel != floats) {
            if (err) snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
            return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                                  "%s holds no grad_avg of %lld floats, which RMSprop(centered=True) keeps (it was "
                                  "saved by another optimizer configuration)",
                                  path, (long long)floats);
        }
        float *u = malloc((size_t)floats * sizeof(float) + 1);
        if (!u) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory loading %s", path);
        memcpy(u, tu->data, (size_t)floats * sizeof(float));
        st = cnnc_engine_write_optim_grad_avg(e, u, err);
        free(u);
    }
    return st;
}

/* A sidecar saved with --ema keeps the trained weights ("model.<name>") while the
 * weights file `w` holds their average. Resuming trains those: with an average of
 * its own the engine takes w's tensors as its average (and n_averaged); without
 * one the average is dropped. A sidecar without them: the weights are the trained
 * ones, and an engine's average starts over (write_optim_state reset it). */
static cnnc_status load_trained_weights(cnnc_engine *e, const cnnc_st_file *w, const cnnc_st_file *f, const char *path,
                                        cnnc_error *err) {
    const cnnc_st_tensor *tn = cnnc_st_find(f, "ema.n_averaged");
    if (!tn) return CNNC_OK;
    const int32_t n = cnnc_engine_param_count(e);
    char key[CNNC_NAME_MAX + 40];
    const char *bad = tn->numel != 1 || tn->dtype != CNNC_I64 ? "ema.n_averaged" : NULL;
    for (int32_t i = 0; i < n && !bad; i++) {   /* all present and the right size before anything is written */
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        snprintf(key, sizeof key, "model.%s", pi->name);
        const cnnc_st_tensor *t = cnnc_st_find(f, key);
        if (!t || !same_shape(t, pi)) bad = key;
    }
    if (bad) {
        if (err) snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                              "%s records an EMA (ema.n_averaged) but %s is %s: it cannot be resumed", path, bad,
                              bad == key && !cnnc_st_find(f, key) ? "missing" : "malformed");
    }
    int64_t count;
    memcpy(&count, tn->data, 8);
    if (count < 0 || count > cnnc_engine_steps(e)) {   /* one update per optimizer step at most */
        if (err) snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                              "%s: ema.n_averaged is %lld, outside 0 to the %lld optimizer steps taken", path,
                              (long long)count, (long long)cnnc_engine_steps(e));
    }
    const int ema = cnnc_engine_has_ema(e);
    cnnc_status st = CNNC_OK;
    void *buf = NULL;
    for (int32_t i = 0; i < n && st == CNNC_OK; i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        free(buf);
        if (!(buf = malloc((size_t)pi->numel * (pi->dtype == CNNC_I64 ? 8 : 4) + 1)))
            return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory loading %s", path);
        if (ema) {   /* the weights file's tensors: the average */
            convert(cnnc_st_find(w, pi->name), pi, buf);
            st = cnnc_engine_write_ema(e, i, buf, err);
        }
        snprintf(key, sizeof key, "model.%s", pi->name);
        if (st == CNNC_OK) {
            convert(cnnc_st_find(f, key), pi, buf);
            st = cnnc_engine_write_param(e, i, buf, err);
        }
    }
    free(buf);
    if (st == CNNC_OK && ema) cnnc_engine_set_ema_count(e, count);
    return st;
}

cnnc_status cnnc_ckpt_load(cnnc_engine *e, const char *path, int want_optim, cnnc_ckpt_meta *meta, cnnc_error *err) {
    return cnnc_ckpt_load_at(e, path, want_optim, meta, NULL, err);
}

/* A metadata number: absent (0), or all decimal digits with a value in 0..max.
 * Metadata is input: a negative or huge epoch must not reach the training loop. */
static cnnc_status meta_number(const cnnc_st_file *f, const char *key, uint64_t max, const char *path, uint64_t *out,
                               cnnc_error *err) {
    *out = 0;
    const char *s = cnnc_st_meta(f, key);
    if (!s) return CNNC_OK;
    size_t n = strlen(s);
    int ok = n > 0 && n <= 20;
    for (size_t k = 0; ok && k < n; k++) ok = s[k] >= '0' && s[k] <= '9';
    unsigned long long v = 0;
    if (ok) {
        errno = 0;
        v = strtoull(s, NULL, 10);
        ok = errno == 0 && v <= max;
    }
    if (!ok) {
        cnnc_error_set(err, CNNC_ERR_IO, "ValueError", "%s: checkpoint metadata \"%s\" is '%.40s', not an integer in 0..%llu",
                       path, key, s, (unsigned long long)max);
        if (err) snprintf(err->file, sizeof err->file, "%s", path);
        return CNNC_ERR_IO;
    }
    *out = v;
    return CNNC_OK;
}

cnnc_status cnnc_ckpt_load_at(cnnc_engine *e, const char *path, int want_optim, cnnc_ckpt_meta *meta,
                              int64_t *step_in_epoch, cnnc_error *err) {
    if (!e || !path) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_ckpt_load: NULL argument");
    cnnc_st_file *f = NULL;
    cnnc_status st = cnnc_st_read(path, &f, err);
    if (st != CNNC_OK) return st;
    /* every metadata number first: nothing is loaded from a file whose metadata is bad */
    uint64_t m_epoch, m_step, m_rng, m_seed;
    if ((st = meta_number(f, "epoch", CNNC_CKPT_MAX_EPOCHS, path, &m_epoch, err)) != CNNC_OK ||
        (st = meta_number(f, "step_in_epoch", (uint64_t)1 << 40, path, &m_step, err)) != CNNC_OK ||
        (st = meta_number(f, "rng_counter", UINT64_MAX, path, &m_rng, err)) != CNNC_OK ||
        (st = meta_number(f, "seed", UINT64_MAX, path, &m_seed, err)) != CNNC_OK) {
        cnnc_st_free(f);
        return st;
    }

    const int32_t n = cnnc_engine_param_count(e);
    /* Check everything first, as load_state_dict does, and list every problem:
     * missing keys (model order), unexpected keys (file order), size mismatches. */
    int n_missing = 0, n_unexpected = 0, n_size = 0;
    for (int32_t i = 0; i < n; i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        const cnnc_st_tensor *t = cnnc_st_find(f, pi->name);
        if (!t) n_missing++;
        else if (!same_shape(t, pi)) n_size++;
    }
    for (int32_t k = 0; k < cnnc_st_count(f); k++) {
        const char *name = cnnc_st_at(f, k)->name;
        if (!is_optim_key(name) && cnnc_engine_param_find(e, name) < 0) n_unexpected++;
    }
    if (n_missing || n_unexpected || n_size) {
        char text[CNNC_ERR_TEXT];
        msgbuf b = {text, sizeof text, 0};
        text[0] = '\0';
        mb_printf(&b, "Error(s) in loading state_dict for Sequential:");
        if (n_missing) {
            mb_printf(&b, "\n\tMissing key(s) in state_dict: ");
            int first = 1;
            for (int32_t i = 0; i < n; i++) {
                const cnnc_param_info *pi = cnnc_engine_param(e, i);
                if (cnnc_st_find(f, pi->name)) continue;
                mb_printf(&b, "%s\"%s\"", first ? "" : ", ", pi->name);
                first = 0;
            }
            mb_printf(&b, ". ");
        }
        if (n_unexpected) {
            mb_printf(&b, "\n\tUnexpected key(s) in state_dict: ");
            int first = 1;
            for (int32_t k = 0; k < cnnc_st_count(f); k++) {
                const char *name = cnnc_st_at(f, k)->name;
                if (is_optim_key(name) || cnnc_engine_param_find(e, name) >= 0) continue;
                mb_printf(&b, "%s\"%s\"", first ? "" : ", ", name);
                first = 0;
            }
            mb_printf(&b, ". ");
        }
        for (int32_t i = 0; i < n && n_size; i++) {
            const cnnc_param_info *pi = cnnc_engine_param(e, i);
            const cnnc_st_tensor *t = cnnc_st_find(f, pi->name);
            if (!t || same_shape(t, pi)) continue;
            mb_printf(&b, "\n\tsize mismatch for %s: copying a param with shape ", pi->name);
            mb_size(&b, t->ndim, t->shape);
            mb_printf(&b, " from checkpoint, the shape in current model is ");
            mb_size(&b, pi->ndim, pi->shape);
            mb_printf(&b, ".");
        }
        cnnc_error_set(err, CNNC_ERR_SHAPE, "RuntimeError", "%s", text);
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", path);
            snprintf(err->hint, sizeof err->hint, "%s",
                     cnnc_st_meta(f, "model")
                         ? "the checkpoint was saved from a different model; the text of that model is stored "
                           "in the file's \"model\" metadata"
                         : "the checkpoint does not match this model file");
        }
        cnnc_st_free(f);
        return CNNC_ERR_SHAPE;
    }

    /* Optimizer state: inside the file (older checkpoints) or in the sidecar that belongs with it. */
    int optim_present = 0;
    cnnc_st_file *of = NULL;
    const cnnc_st_file *optim_file = f;
    char opath[1100] = "";
    if (want_optim && !cnnc_st_find(f, "optim.m")) {
        if ((st = cnnc_ckpt_open_sidecar(e, f, path, &of, opath, sizeof opath, meta, err)) != CNNC_OK) {
            cnnc_st_free(f);
            return st;
        }
        if (of) optim_file = of;
    }
    if (want_optim && (st = check_optim(e, optim_file, of ? opath : path, &optim_present, err)) != CNNC_OK) {
        cnnc_st_free(of);
        cnnc_st_free(f);
        return st;
    }

    /* Everything matches: copy in. */
    void *buf = NULL;
    for (int32_t i = 0; i < n && st == CNNC_OK; i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        const cnnc_st_tensor *t = cnnc_st_find(f, pi->name);
        free(buf);
        buf = malloc((size_t)pi->numel * (pi->dtype == CNNC_I64 ? 8 : 4) + 1);
        if (!buf) {
            st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory loading %s", path);
            break;
        }
        convert(t, pi, buf);
        st = cnnc_engine_write_param(e, i, buf, err);
    }
    free(buf);
    if (st == CNNC_OK && optim_present) st = load_optim(e, optim_file, of ? opath : path, err);
    if (st == CNNC_OK && optim_present) st = load_trained_weights(e, f, optim_file, of ? opath : path, err);
    cnnc_st_free(of);
    if (st == CNNC_OK && want_optim) {
        if (cnnc_st_meta(f, "rng_counter")) cnnc_engine_set_rng_counter(e, m_rng);
    }
    if (st == CNNC_OK && step_in_epoch) *step_in_epoch = (int64_t)m_step;
    if (st == CNNC_OK && meta) {
        meta->run_id = cnnc_ckpt_parse_run_id(cnnc_st_meta(f, "run_id"));
        meta->epoch = (int64_t)m_epoch;
        meta->seed = m_seed;
        meta->with_optim = optim_present;
    }
    cnnc_st_free(f);
    return st;
}

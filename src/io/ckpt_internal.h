/* ckpt_internal.h — what checkpoint.c (the weights) and ckpt_optim.c (the
 * optimizer sidecar and the pairing of the two files) share (internal). */
#ifndef CNNC_CKPT_INTERNAL_H
#define CNNC_CKPT_INTERNAL_H

#include "cnnc/io.h"
#include "io/io_util.h"

/* "run_id" metadata: 16 lowercase hex digits. */
void cnnc_ckpt_format_run_id(uint64_t id, char out[17]);
uint64_t cnnc_ckpt_parse_run_id(const char *text);   /* 0 when absent or malformed */

/* Every entry of the engine's state_dict into w as PREFIX<name>, as `read` gives it
 * (cnnc_engine_read_param: the weights; cnnc_engine_read_ema: their average). */
typedef cnnc_status (*cnnc_ckpt_entry_reader)(cnnc_engine *e, int32_t index, void *dst, cnnc_error *err);
cnnc_status cnnc_ckpt_add_entries(cnnc_st_writer *w, cnnc_engine *e, const char *prefix, cnnc_ckpt_entry_reader read,
                                  const char *path, cnnc_error *err);

/* Stage the sidecar of the checkpoint at PATH: optim.m, optim.v, optim.step and
 * the metadata format, step, run_id, optim and its hyperparameters. */
cnnc_status cnnc_ckpt_stage_optim(cnnc_engine *e, const char *path, uint64_t run_id, const cnnc_ckpt_meta *meta,
                                  cnnc_io_staged *staged, cnnc_error *err);
/* Commit staged weights and (if non-NULL) a staged sidecar as one unit: the old
 * sidecar becomes SIDECAR.prev, the new sidecar and then the new weights are
 * renamed into place, .prev is removed. On failure both temporaries are gone. */
cnnc_status cnnc_ckpt_commit_pair(cnnc_io_staged *weights, cnnc_io_staged *optim, cnnc_error *err);
/* The sidecar that belongs with the weights file `w` read from PATH: the sidecar
 * itself, else SIDECAR.prev (what a save cut off between its renames leaves);
 * *out NULL when there is none. One that exists but does not belong (run id,
 * step) or that holds another optimizer kind than the engine's is an error
 * naming what differs. `used` gets the file's path; meta (if non-NULL) gets the
 * recorded optimizer. */
cnnc_status cnnc_ckpt_open_sidecar(cnnc_engine *e, const cnnc_st_file *w, const char *path, cnnc_st_file **out,
                                   char *used, size_t used_cap, cnnc_ckpt_meta *meta, cnnc_error *err);

#endif

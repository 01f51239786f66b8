/* cnnc.h — umbrella header for the cnnc C API (docs/api.md). */
#ifndef CNNC_H
#define CNNC_H
#include "cnnc/status.h"
#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "cnnc/engine.h"
#include "cnnc/io.h"
#include "cnnc/profile.h"
#include "cnnc/fix.h"
#include "cnnc/summary.h"
#include "cnnc/pyread.h"
#include "cnnc/dist.h"
#endif

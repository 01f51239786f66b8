/* rng.h — the backends' counter-based RNG, which is public (cnnc/rng.h): a
 * program can draw the same numbers (cnnc bench's random batch, dropout masks). */
#include "cnnc/rng.h"

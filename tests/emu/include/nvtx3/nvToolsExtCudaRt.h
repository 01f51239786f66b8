/* Emulation: nothing needed beyond nvToolsExt.h. */
#include "nvToolsExt.h"

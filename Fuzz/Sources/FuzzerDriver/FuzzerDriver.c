// Declarations only; see include/FuzzerDriver.h. The definition comes from libclang_rt.fuzzer.
#include "FuzzerDriver.h"

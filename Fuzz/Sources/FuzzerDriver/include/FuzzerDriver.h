#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's documented driver entry (compiler-rt FuzzerInterface.h): runs the fuzzing loop
/// with `argc`/`argv` as libFuzzer options on `callback`. SwiftPM links each executable with
/// `main` renamed to `<module>_main`, so the targets call this from there instead of relying
/// on libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

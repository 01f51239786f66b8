// test_paths.h — where tests find the sources, the cnnc binary and Python.
// Compile-time defaults from CMake; the environment overrides them, so a
// build carried to another machine (the GPU check) still finds its files.
#ifndef CNNC_TEST_PATHS_H
#define CNNC_TEST_PATHS_H

#include <cstdlib>
#include <string>

inline std::string env_or(const char *name, const char *fallback) {
    const char *v = std::getenv(name);
    return v && *v ? std::string(v) : std::string(fallback);
}

// Repository root (models/, tests/python/ ...).
inline std::string source_dir() { return env_or("CNNC_SOURCE_DIR", CNNC_SOURCE_DIR); }
// A path under the repository root.
inline std::string source_path(const std::string &rel) { return source_dir() + "/" + rel; }
// The cnnc executable.
inline std::string cnnc_exe() { return env_or("CNNC_EXE", CNNC_EXE); }
#ifdef CNNC_HOOKED_EXE
// The same CLI built with the fault-injection hooks (src/base/test_hooks.h).
inline std::string cnnc_hooked_exe() { return env_or("CNNC_HOOKED_EXE", CNNC_HOOKED_EXE); }
#endif
// A writable folder for scratch files (the build folder may not exist where a
// carried build runs).
inline std::string scratch_dir() { return env_or("CNNC_TEST_TMP", env_or("TMPDIR", "/tmp").c_str()); }
// Python with PyTorch: Debian's /usr/bin/python3 here; CNNC_PYTHON elsewhere.
inline std::string python_exe() { return env_or("CNNC_PYTHON", "/usr/bin/python3"); }

#endif

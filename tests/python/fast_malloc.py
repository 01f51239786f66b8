"""fast_malloc.py — the oracles' allocator settings (imported by a script before torch).

PyTorch takes each large tensor from glibc malloc, which serves it with a fresh mmap (and
a page fault for every page touched) and hands it back at once; a corpus builds and drops
thousands of them. With the mmap threshold above any tensor here and no trimming, freed
memory is reused from the heap: the corpora's oracle runs take about half the CPU time
(real64: 82 s -> 38 s of user+sys; real10: 30 s -> 16 s, both byte-identical), at the same
peak memory. Only the allocator changes: no value and no message does.
"""
import os
import sys

SETTINGS = {
    "MALLOC_MMAP_THRESHOLD_": str(4 << 30),
    "MALLOC_TRIM_THRESHOLD_": str(16 << 30),
    "MALLOC_TOP_PAD_": str(256 << 20),
}


def reexec():
    """Runs the calling script again with SETTINGS in its environment, once (glibc reads them
    at start-up only)."""
    if all(os.environ.get(k) == v for k, v in SETTINGS.items()):
        return
    env = dict(os.environ)
    env.update(SETTINGS)
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

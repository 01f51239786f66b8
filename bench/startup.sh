#!/usr/bin/env bash
# startup.sh — start-up cost of `cnnc check` on the seed net: wall time, CPU time (user + sys)
# and peak RSS, each the median of N runs (default 10). The issue's goal (docs/startup.md): at
# most 10 ms wall and 20 MiB peak RSS with the default build (CUDA compiled in) on a machine
# without a GPU. Wall time is what a user waits; CPU time is what the process itself costs and
# grows much less when other jobs share the cores (wall does). python3 times each run
# (perf_counter; os.wait4's user + sys, in microseconds) of /usr/bin/time -f %M, which gives the
# peak RSS; wall and CPU include starting /usr/bin/time (well under 1 ms).
# Usage: bench/startup.sh [CNNC_BINARY] [RUNS] [ARGS...]
#   (default build/cnnc, 10, check models/mnist_cnn.cnn --input 2x1x28x28); last line JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/cnnc}
runs=${2:-10}
shift $(( $# > 2 ? 2 : $# ))
[ $# -gt 0 ] || set -- check models/mnist_cnn.cnn --input 2x1x28x28
[ -x "$exe" ] || { echo "startup.sh: $exe is not an executable (build first: scripts/build.sh)" >&2; exit 2; }
exec python3 - "$exe" "$runs" "$@" <<'PY'
import json, os, statistics, sys, time
exe, runs, args = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rss_file = f"/tmp/cnnc-startup-{os.getpid()}.rss"
def once():
    # The peak RSS comes from /usr/bin/time: a child forked from this Python would carry
    # Python's own pages into the figure; time's fork is small.
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1); os.dup2(fd, 2)
        try:
            os.execv("/usr/bin/time", ["/usr/bin/time", "-o", rss_file, "-f", "%x %M", exe] + args)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    rc, rss = open(rss_file).read().split()[-2:]
    if int(rc) not in (0, 1):
        sys.exit(f"startup.sh: {exe} {' '.join(args)} exited {rc}")
    return wall * 1e3, (ru.ru_utime + ru.ru_stime) * 1e3, int(rss)
def sample(program, argv):
    global exe, args
    exe, args = program, argv
    once()  # warm the page cache
    return zip(*(once() for _ in range(runs)))
med = lambda v: statistics.median(v)
# The floor on this machine right now: an empty program started the same way.
tw, tc, tm = sample("/bin/true", [])
w, c, m = sample(sys.argv[1], sys.argv[3:])
os.unlink(rss_file)
print(f"/bin/true (the floor): median of {runs} runs: {med(tw):.1f} ms wall, {med(tc):.1f} ms CPU, "
      f"{med(tm) / 1024:.1f} MiB peak RSS")
print(f"{exe} {' '.join(args)}: median of {runs} runs: {med(w):.1f} ms wall, {med(c):.1f} ms CPU, "
      f"{med(m) / 1024:.1f} MiB peak RSS (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
print(json.dumps({"wall_ms": round(med(w), 2), "cpu_ms": round(med(c), 2), "peak_rss_kib": med(m), "runs": runs,
                  "wall_ms_min": round(min(w), 2), "loadavg": round(os.getloadavg()[0], 2),
                  "floor_wall_ms": round(med(tw), 2), "floor_cpu_ms": round(med(tc), 2)}))
PY

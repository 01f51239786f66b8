# gpu-env.sh — sourced by scripts/gpu-check.sh, gpu-bench.sh and profile.sh on the GPU
# machine: finds the CUDA/cuDNN libraries (system, toolkit, or PyTorch's venv wheels),
# unpacks the carried build-gpu/lib/*.gz, and sets LD_LIBRARY_PATH, BIN (the folder
# holding cnnc and cnnc_tests), DATA (Fashion-MNIST) and PYTHON (one with torch).
# Expects the repository root as the current directory. Builds nothing: without a
# carried build-gpu/bin it leaves BIN empty and the caller decides.
LIBS=""
for d in /usr/local/cuda/lib64 /usr/local/cuda/lib /usr/local/cuda/targets/x86_64-linux/lib; do
    [ -d "$d" ] && LIBS="$LIBS:$d"
done
VENV=${CNNC_TORCH_VENV:-/opt/torch/.venv}
find_lib() {  # first folder holding $1: system, then the venv's nvidia wheels
    if ldconfig -p 2>/dev/null | grep -q "$1"; then echo system; return; fi
    for d in /usr/local/cuda/lib64 /usr/local/cuda/lib; do [ -e "$d/$1" ] && { echo "$d"; return; }; done
    local f; f=$(find "$VENV" -path '*site-packages/nvidia*' -name "$1*" 2>/dev/null | head -1)
    [ -n "$f" ] && dirname "$f"
}
# cuDNN's sub-libraries (libcudnn_cnn, engines) sit beside libcudnn.so.9. NCCL (208 MB, too big to
# carry) for the data-parallel tests: the toolkit's, or PyTorch's wheel (nvidia/nccl).
for lib in libcudnn.so.9 libcublas.so.13 libcublasLt.so.13 libcudart.so.13 libnccl.so.2; do
    where=$(find_lib "$lib")
    echo "$lib: ${where:-NOT FOUND}"
    [ -n "$where" ] && [ "$where" != system ] && LIBS="$LIBS:$where"
done
BIN=""
if [ -x build-gpu/bin/cnnc ]; then
    BIN=$PWD/build-gpu/bin
    CARRIED=$(mktemp -d)
    for gz in build-gpu/lib/*.gz; do [ -e "$gz" ] && gunzip -c "$gz" > "$CARRIED/$(basename "$gz" .gz)"; done
    LIBS="$CARRIED:$BIN$LIBS"   # $BIN: the CUDA plugin libcnnc-cuda.so, which cnnc_tests links
    echo "using carried build-gpu/ (libs unpacked to $CARRIED: $(ls "$CARRIED" | tr '\n' ' '))"
fi
export LD_LIBRARY_PATH="${LIBS#:}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# Tests that cannot hide libraries put on LD_LIBRARY_PATH skip on the GPU machine only (tests/cli_hidden_cuda_test.cpp).
export CNNC_GPU_CHECK=1
DATA=build-gpu/data/fashion-mnist; [ -d "$DATA" ] || DATA=data/fashion-mnist
PYTHON=${CNNC_PYTHON:-$(command -v python3)}
[ -x "$VENV/bin/python3" ] && ! "$PYTHON" -c 'import torch' 2>/dev/null && PYTHON=$VENV/bin/python3
export PYTHON

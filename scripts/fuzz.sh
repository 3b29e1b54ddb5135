#!/usr/bin/env bash
# Fuzzes scenario files for SECONDS seconds (default 60): libFuzzer mutates the corpus in
# fuzz/corpus (the bundled scenarios and the inputs of issue 11) with the keys of fuzz/scenario.dict,
# and each input goes through decode -> plan -> a short simulation (fuzz/Sources/main.swift) under
# AddressSanitizer. Exits non-zero when it finds a crash, a sanitizer report, a leak or a hang, and
# leaves the input in fuzz/findings/ (add it to fuzz/corpus and a regression test once fixed).
#
#   scripts/fuzz.sh 60
#
# Builds in .build-fuzz (a few minutes the first time), apart from the ordinary build. Needs the
# Swift toolchain's libFuzzer and lld (both ship with swift.org toolchains for Linux).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
export PATH="/opt/swift/usr/bin:$PATH"

# Coverage instrumentation as -sanitize=fuzzer sets it, with libFuzzer's library that has no main:
# the target has its own main (it enters through LLVMFuzzerRunDriver). Linked with lld, which the
# instrumented objects need on this toolchain.
resource_dir="$(dirname "$(command -v swiftc)")/../lib/clang"
libfuzzer="$(find "$resource_dir" -name 'libclang_rt.fuzzer_no_main-*.a' | head -n 1)"
[ -n "$libfuzzer" ] || { echo "fuzz.sh: libclang_rt.fuzzer_no_main not found under $resource_dir" >&2; exit 1; }
SWARMSIM_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product swarmsim-fuzz \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xswiftc -use-ld=lld -Xlinker "$libfuzzer" -Xlinker -lstdc++

mkdir -p fuzz/findings .build-fuzz/corpus
# New inputs the fuzzer finds go to a scratch corpus; the committed corpus is only read.
.build-fuzz/release/swarmsim-fuzz .build-fuzz/corpus fuzz/corpus \
    -dict=fuzz/scenario.dict -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz/findings/ -print_final_stats=1

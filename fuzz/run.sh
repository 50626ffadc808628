#!/usr/bin/env bash
# Runs cargo-fuzz targets on the stable toolchain, one after another, each for SECONDS.
#
#   fuzz/run.sh TARGET... SECONDS        e.g.  fuzz/run.sh parse marker 600
#
# cargo-fuzz passes nightly-only flags (-Zsanitizer=address, -Cpasses=sancov-module);
# RUSTC_BOOTSTRAP=1 lets the stable compiler accept them. Each target's corpus is seeded
# with the corpus reports (whole, and cut into paragraphs) before the run; findings land
# in fuzz/artifacts/TARGET/, and the last lines of libFuzzer's log (executions, coverage)
# in fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")"

if [ "$#" -lt 2 ]; then
    echo "usage: $0 TARGET... SECONDS (targets: parse parse_bytes marker numeral metric)" >&2
    exit 2
fi
seconds="${*: -1}"
targets=("${@:1:$#-1}")

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install --locked cargo-fuzz
fi

seed() {
    local dir="corpus/$1"
    mkdir -p "$dir"
    for file in ../tests/fixtures/corpus/*.txt; do
        cp "$file" "$dir/"
        # Paragraph-sized seeds reach the marker and numeral parsers' corners faster.
        awk -v dir="$dir" -v base="$(basename "$file" .txt)" \
            'NF { n++; print > (dir "/" base "-" n ".txt") }' "$file"
    done
}

mkdir -p logs
status=0
for target in "${targets[@]}"; do
    seed "$target"
    echo "== fuzzing $target for ${seconds}s"
    if ! RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        >"logs/$target.log" 2>&1; then
        echo "!! $target found a crash: see fuzz/artifacts/$target and fuzz/logs/$target.log"
        status=1
    fi
    grep -E "^#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs" "logs/$target.log" | tail -2 || true
done
exit "$status"

#!/usr/bin/env bash
# The batch throughput of BENCHMARKS.md: the week of Pingxiang days solved with 1 and 2 jobs
# (30 s per instance), each from an empty output directory. Prints the table's rows.
# Run from the repository root after `swift build -c release`.
set -euo pipefail
railslot=${RAILSLOT:-.build/release/railslot}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "| jobs | wall s | instances per minute |"
for jobs in 1 2; do
    "$railslot" batch examples/batch/week --out-dir "$scratch/$jobs" --time-limit 30 --jobs "$jobs" --quiet > /dev/null || true
    python3 - "$scratch/$jobs/summary.json" "$jobs" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
wall, count = summary["timing"]["wall_seconds"], len(summary["instances"])
print(f"| {sys.argv[2]} | {wall:.1f} | {count * 60 / wall:.1f} |")
PY
done

#!/usr/bin/env bash
# Writes the example batches from the Pingxiang day and solves them:
#   week/     seven days from 1 December 2026, with the demand of each day varied
#   what-if/  variants of 1 December: a slot fewer, a lane closed, 30% more trains, ...
# Run from the repository root: examples/batch/make-examples.sh
set -euo pipefail
railslot=${RAILSLOT:-.build/release/railslot}
base=examples/pingxiang/pingxiang-2026-12-01.yaml
here=examples/batch

rm -rf "$here/week" "$here/what-if"
"$railslot" scenarios "$base" --out-dir "$here/week" \
    --vary "shift-days=0" \
    --vary "shift-days=1;shift-demand=30" \
    --vary "shift-days=2;scale-trains=1.1" \
    --vary "shift-days=3;remove-slot=PXG-DDG/N08" \
    --vary "shift-days=4;scale-trains=1.2" \
    --vary "shift-days=5;scale-trains=0.8" \
    --vary "shift-days=6;scale-trains=0.7"
"$railslot" scenarios "$base" --out-dir "$here/what-if" \
    --vary "remove-slot=PXG-DDG/S06" \
    --vary "remove-slot=PXG-DDG/S06;remove-slot=PXG-DDG/N06" \
    --vary "add-slot=PXG-DDG/S10@PXG,21:00-21:40" \
    --vary "close-lane=DDG-C1@10:00-14:00" \
    --vary "close-lane=PXG-C2@10:00-13:00" \
    --vary "scale-trains=1.3" \
    --vary "shift-demand=60"

# Results and timetables go to results/ (not committed); the summaries are kept beside the instances.
rm -rf "$here/results"
for set in week what-if; do
    "$railslot" batch "$here/$set" --out-dir "$here/results/$set" --time-limit 30 --jobs 2 | tee "$here/$set-summary.txt"
    cp "$here/results/$set/summary.json" "$here/$set-summary.json"
done

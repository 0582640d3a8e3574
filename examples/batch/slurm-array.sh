#!/bin/bash
# A Slurm job array that solves the week in four shards (documented, not run in CI).
# railslot reads the shard from SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and
# SLURM_ARRAY_TASK_COUNT: task k solves every 4th instance of the sorted list, starting at k.
# All tasks write into one shared directory (result names do not clash; each task writes its own
# summary-shard-K-of-4.json). A task that is requeued skips what it already solved.
#
#   sbatch examples/batch/slurm-array.sh
#   # when every task has finished:
#   railslot merge results/week -o results/week/summary.json
#
#SBATCH --job-name=railslot-week
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=railslot-week-%A_%a.log
set -euo pipefail
srun railslot batch examples/batch/week --out-dir results/week --jobs "$SLURM_CPUS_PER_TASK" --time-limit 60

#!/usr/bin/env bash
# Training time of the Rasa model from scratch (no training cache), as CI's first `make train`
# on a new machine: each run trains into a temporary folder with a new, empty cache.
#   bench/training_time.sh [RUNS]   — prints the seconds of each run, then the median
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
times=()
for i in $(seq "$runs"); do
  tmp=$(mktemp -d)
  start=$(date +%s.%N)
  RASA_CACHE_DIRECTORY="$tmp/cache" .venv-rasa/bin/rasa train --domain bot/domain --data data \
    --config config.yml --out "$tmp/models" --quiet >"$tmp/log" 2>&1
  end=$(date +%s.%N)
  t=$(awk "BEGIN {printf \"%.1f\", $end - $start}")
  times+=("$t")
  echo "run $i: ${t} s"
  rm -rf "$tmp"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %.0f s, min %.0f s, max %.0f s\n", m, a[1], a[NR]}'

#!/usr/bin/env bash
# npm run bench [-- NAME…]: runs the named benchmarks (bench/NAME.ts), or all of them. Each prints its own table.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  mapfile -t names < <(find bench -maxdepth 1 -name '*.ts' ! -name 'table.ts' -printf '%f\n' | sed 's/\.ts$//' | sort)
else
  names=("$@")
fi
for name in "${names[@]}"; do
  [ -f "bench/$name.ts" ] || { echo "no benchmark bench/$name.ts" >&2; exit 2; }
  echo "== bench/$name.ts" >&2
  node --import tsx "bench/$name.ts"
done

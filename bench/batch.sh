#!/usr/bin/env bash
# End-to-end timing of `qp localiser` (JVM start, Spring, reference snapshot, locator build,
# parse, locate, write) on generated files of realistic points, with peak memory (GNU time).
# Usage: bench/batch.sh [ROWS...]   (default: 1000000; try 10000000 with QP_JAVA_OPTS=-Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=("${@:-1000000}")
cp=$(bench/classpath.sh)
[ -f target/qp.jar ] || ./mvnw -q -B -DskipTests package
out=bench-out; mkdir -p "$out"
# A first run imports the reference data into the embedded database if it is empty.
./qp localiser --entree /dev/null --sortie /dev/null --lon lon --lat lat >/dev/null 2>&1 || true
for n in "${rows[@]}"; do
  f="$out/points-$n.csv"
  [ -f "$f" ] || java -cp "$cp" fr.quartiersproductifs.bench.PointFileGenerator "$f" "$n"
  for run in 1 2 3; do
    /usr/bin/time -f "rows=$n run=$run wall_s=%e max_rss_kb=%M" ./qp localiser --entree "$f" --sortie "$out/out-$n.csv" --lon lon --lat lat --date 2025-06-01 2>&1 | tail -n 2
  done
  echo "rows in: $(($(wc -l < "$f") - 1)), rows out: $(($(wc -l < "$out/out-$n.csv") - 1))"
done

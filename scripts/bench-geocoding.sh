#!/usr/bin/env bash
# Reruns the geocoding benchmark (index build, batch throughput). Usage:
#   scripts/bench-geocoding.sh [DATA_DIR] [ROUNDS] [ROWS]
# Builds the test classes, then runs the timed harness with a production-like JVM (C2, 1 GB heap).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx1g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  fr.quartiersproductifs.geocoding.bench.GeocodingBench "${1:-../shared/data}" "${2:-5}" "${3:-36055}"

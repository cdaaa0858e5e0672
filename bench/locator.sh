#!/usr/bin/env bash
# JMH: the QPV locator against the STRtree + PreparedGeometry baseline, same run, same points.
# Extra arguments go to JMH (e.g. bench/locator.sh -f 1 -wi 2 -i 3 for a quick run).
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(bench/classpath.sh)
exec java -cp "$cp" org.openjdk.jmh.Main LocatorBenchmark -rf json -rff target/jmh-locator.json "$@"

#!/usr/bin/env bash
# Prints the test classpath (compiles first). Used by the benchmark scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
echo "target/test-classes:target/classes:$(cat target/test-classpath.txt)"

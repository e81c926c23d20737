#!/usr/bin/env bash
# PK simulator with JMH: 10,000 virtual patients' 4-hour curves at 1-minute steps per operation,
# per model and regimen (bench/jmh/src/main/java/org/ketamineclinic/bench/PkBenchmark.java).
# Target of issue 5, acceptance item 7: under 200 ms per 10,000 curves on a 2-core machine.
#
#   bench/pk.sh                            # ./mvnw -Pjmh package, then four scenarios x two benchmarks (about 2.5 minutes)
#   SKIP_BUILD=1 bench/pk.sh               # reuse target/jmh/benchmarks.jar
#   JMH_OPTS="-f 1 -wi 5 -w 2s -i 10 -r 2s" bench/pk.sh
#   BENCHMARKS="PkBenchmark.tenThousandCurves$ -p scenario=FANTA_2015_IV" bench/pk.sh   # one thread, one model
#
# tenThousandCurves runs on one thread, tenThousandCurvesAllCores on all cores (parallel stream).
# Average time in ms per operation (-bm avgt -tu ms); the table adds curves per second
# (10,000 / time). Results in bench/results/pk-<timestamp>/. Never fails on timing.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
BENCHMARKS="${BENCHMARKS:-PkBenchmark}"
CURVES=10000

command -v jq >/dev/null || { echo "jq is not installed (apt-get install jq)" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
	log "SKIP_BUILD=1: using the existing target/jmh/benchmarks.jar"
else
	log "Building the benchmarks: ./mvnw -B -q -Pjmh package (load avg $(loadavg))"
	(cd "$REPO_DIR" && ./mvnw -B -q -Pjmh package)
fi
JMH_JAR="$REPO_DIR/target/jmh/benchmarks.jar"
[[ -f "$JMH_JAR" ]] || { echo "no $JMH_JAR (run without SKIP_BUILD=1)" >&2; exit 1; }

RUN_DIR="$RESULTS_DIR/pk-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
SUMMARY="$RUN_DIR/summary.txt"
OUT="$RUN_DIR/jmh-avgt.txt"
log "Results in $RUN_DIR"
{
	echo "pk benchmark $(date -Is) on $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "JMH options: $JMH_OPTS; benchmarks: $BENCHMARKS"
} >"$SUMMARY"

log "JMH -bm avgt -tu ms (load avg $(loadavg))"
echo "load avg before: $(loadavg)" | tee -a "$SUMMARY" >"$OUT"
# shellcheck disable=SC2086
java -jar "$JMH_JAR" $BENCHMARKS $JMH_OPTS -bm avgt -tu ms -rf json -rff "$RUN_DIR/avgt.json" | tee -a "$OUT" >&2
echo "load avg after: $(loadavg)" | tee -a "$SUMMARY" >>"$OUT"

{
	echo
	printf '%-26s %-24s %24s %14s  %s\n' benchmark scenario "ms per $CURVES curves" "curves/s" "under 200 ms"
	jq -r '.[] | [(.benchmark | sub(".*\\."; "")), .params.scenario, .primaryMetric.score, .primaryMetric.scoreError] | @tsv' "$RUN_DIR/avgt.json" |
		awk -F '\t' -v n="$CURVES" '{ printf "%-26s %-24s %10.1f (± %7.1f) %14.0f  %s\n", $1, $2, $3, $4, n * 1000 / $3, ($3 < 200 ? "yes" : "no") }'
} | tee -a "$SUMMARY" >&2
echo
cat "$SUMMARY"

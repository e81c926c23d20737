#!/usr/bin/env bash
# Scoring throughput with JMH: Scale.score() for PHQ-9, QIDS-SR16, PCL-5 and the C-SSRS screener
# (bench/jmh/src/main/java/org/ketamineclinic/bench/ScoringBenchmark.java).
#
#   bench/scoring.sh                       # ./mvnw -Pjmh package, then both modes (about 3 minutes)
#   SKIP_BUILD=1 bench/scoring.sh          # reuse target/jmh/benchmarks.jar
#   JMH_OPTS="-f 1 -wi 5 -w 2s -i 10 -r 2s" bench/scoring.sh
#   BENCHMARKS="ScoringBenchmark.score -p instrument=PHQ9" bench/scoring.sh
#
# The jmh profile of pom.xml builds into target/jmh/ only (the application jar in target/ is left
# alone) and produces target/jmh/benchmarks.jar, a plain JMH jar: java -jar target/jmh/benchmarks.jar -h.
# It runs JMH twice, throughput in ops/s (-bm thrpt -tu s) and average time in ns/op (-bm avgt
# -tu ns), and joins both into one table. Results in bench/results/scoring-<timestamp>/.
# Never fails on timing.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
BENCHMARKS="${BENCHMARKS:-ScoringBenchmark}"

command -v jq >/dev/null || { echo "jq is not installed (apt-get install jq)" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
	log "SKIP_BUILD=1: using the existing target/jmh/benchmarks.jar"
else
	log "Building the benchmarks: ./mvnw -B -q -Pjmh package (load avg $(loadavg))"
	(cd "$REPO_DIR" && ./mvnw -B -q -Pjmh package)
fi
JMH_JAR="$REPO_DIR/target/jmh/benchmarks.jar"
[[ -f "$JMH_JAR" ]] || { echo "no $JMH_JAR (run without SKIP_BUILD=1)" >&2; exit 1; }

RUN_DIR="$RESULTS_DIR/scoring-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
SUMMARY="$RUN_DIR/summary.txt"
log "Results in $RUN_DIR"
{
	echo "scoring benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "JMH options: $JMH_OPTS; benchmarks: $BENCHMARKS"
} >"$SUMMARY"

# jmh <mode> <unit>: one JMH run, its console output in jmh-<mode>.txt and results in <mode>.json.
jmh() {
	local mode="$1" unit="$2" out="$RUN_DIR/jmh-$1.txt"
	log "JMH -bm $mode -tu $unit (load avg $(loadavg))"
	echo "load avg before $mode: $(loadavg)" | tee -a "$SUMMARY" >"$out"
	# shellcheck disable=SC2086
	java -jar "$JMH_JAR" $BENCHMARKS $JMH_OPTS -bm "$mode" -tu "$unit" -rf json -rff "$RUN_DIR/$mode.json" | tee -a "$out" >&2
	echo "load avg after $mode: $(loadavg)" | tee -a "$SUMMARY" >>"$out"
}
jmh thrpt s
jmh avgt ns

{
	echo
	printf '%-12s %-16s %22s %18s\n' benchmark instrument "ops/s (99.9% error)" "ns/op (error)"
	jq -r -n --slurpfile t "$RUN_DIR/thrpt.json" --slurpfile a "$RUN_DIR/avgt.json" '
		($a[0] | map({ key: (.benchmark + " " + .params.instrument), value: .primaryMetric }) | from_entries) as $avg
		| $t[0][] | (.benchmark + " " + .params.instrument) as $key
		| [(.benchmark | sub(".*\\."; "")), .params.instrument, .primaryMetric.score, .primaryMetric.scoreError,
		   ($avg[$key].score // "nan"), ($avg[$key].scoreError // "nan")] | @tsv' |
		awk -F '\t' '{ printf "%-12s %-16s %12.0f (± %5.1f%%) %8.1f (± %4.1f)\n", $1, $2, $3, 100 * $4 / $3, $5, $6 }'
} | tee -a "$SUMMARY" >&2
echo
cat "$SUMMARY"

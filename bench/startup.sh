#!/usr/bin/env bash
# Start-to-ready benchmark: time from `java -jar` to /actuator/health/readiness = UP,
# (a) first start on an empty data dir (initdb + Flyway migrations + demo seed) and
# (b) restarts on the existing data dir (RESTARTS times, default 3), with the median.
#
#   bench/startup.sh                 # builds the jar once, then measures
#   SKIP_BUILD=1 bench/startup.sh    # reuse target/*.jar
#   RESTARTS=5 bench/startup.sh
#
# Output goes to the terminal and to bench/results/startup-<timestamp>/ (gitignored).
# It never fails on timing; it fails only if the app does not start.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RESTARTS="${RESTARTS:-3}"

build_jar

RUN_DIR="$RESULTS_DIR/startup-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
DATA_DIR="$RUN_DIR/pg"
SUMMARY="$RUN_DIR/summary.txt"

cleanup() {
	stop_app
	if [[ "${KEEP_DATA:-0}" != "1" ]]; then
		rm -rf "$DATA_DIR"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(free_port)"
log "Results in $RUN_DIR (port $PORT, data dir $DATA_DIR)"

# measure <label> <log-file>: one launch; sets MEASURED_MS to the milliseconds to ready.
# (Not run in $(...), so that the EXIT trap always knows the app's pid.)
measure() {
	local label="$1" logfile="$2" load
	load="$(loadavg)"
	start_app "$DATA_DIR" "$PORT" "$logfile" --clinic.database.embedded.clean-on-start=false
	wait_ready "$PORT" "$logfile"
	MEASURED_MS="$READY_MS"
	printf '%-10s %6s s to ready, JVM CPU %s s   (load avg before: %s; %s)\n' "$label" "$(ms_to_s "$MEASURED_MS")" \
		"$READY_CPU_S" "$load" "$(start_breakdown "$logfile")" | tee -a "$SUMMARY" >&2
	stop_app
	printf '%-10s stopped in %s s after SIGTERM\n' "" "$(ms_to_s "${LAST_STOP_MS:-0}")" | tee -a "$SUMMARY" >&2
}

{
	echo "startup benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "jar: $JAR; BENCH_JAVA_OPTS: ${BENCH_JAVA_OPTS:-none}"
} >"$SUMMARY"

rm -rf "$DATA_DIR"
measure first "$RUN_DIR/first.log"
first_ms="$MEASURED_MS"

restart_ms=()
for i in $(seq 1 "$RESTARTS"); do
	measure "restart-$i" "$RUN_DIR/restart-$i.log"
	restart_ms+=("$MEASURED_MS")
done

median_ms="$(median "${restart_ms[@]}")"
{
	echo
	echo "first start (empty data dir): $(ms_to_s "$first_ms") s"
	for i in "${!restart_ms[@]}"; do
		echo "restart $((i + 1)):                    $(ms_to_s "${restart_ms[$i]}") s"
	done
	echo "restart median:               $(ms_to_s "$median_ms") s"
	echo "(target: ready in under 15 s)"
} | tee -a "$SUMMARY"

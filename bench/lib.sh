# Shared helpers for the bench/*.sh scripts. Source it; do not run it.
# Everything here acts only on the processes these scripts start themselves.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"

APP_PID=""
APP_DATA_DIR=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

now_ms() { date +%s%3N; }

# Seconds with one decimal from a number of milliseconds.
ms_to_s() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# A TCP port nobody listens on (random pick in 20000-60000, checked with ss).
free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		if ! ss -Htln "sport = :$port" | grep -q .; then
			echo "$port"
			return 0
		fi
	done
	echo "no free port found" >&2
	return 1
}

build_jar() {
	if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
		log "SKIP_BUILD=1: using the existing jar"
	else
		log "Building the jar: ./mvnw -B -q -DskipTests package"
		(cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package)
	fi
	JAR="$(ls "$REPO_DIR"/target/*.jar 2>/dev/null | grep -v '\.original$' | head -n1 || true)"
	if [[ -z "$JAR" ]]; then
		echo "no jar in target/ (run without SKIP_BUILD=1)" >&2
		exit 1
	fi
	log "Jar: $JAR"
}

# start_app <data-dir> <port> <log-file> [extra --property=value arguments...]
# Launches the jar in the background and sets APP_PID and APP_LAUNCH_MS.
start_app() {
	local data_dir="$1" port="$2" logfile="$3"
	shift 3
	APP_DATA_DIR="$data_dir"
	APP_LAUNCH_MS="$(now_ms)"
	# shellcheck disable=SC2086
	java ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
		--server.port="$port" \
		--clinic.database.embedded.data-dir="$data_dir" \
		"$@" >"$logfile" 2>&1 &
	APP_PID=$!
}

# CPU seconds (user + system) the app's JVM has used so far; the embedded PostgreSQL's own
# processes are not included. Independent of how busy the rest of the machine is.
app_cpu_s() {
	awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$APP_PID/stat" 2>/dev/null || echo "?"
}

# wait_ready <port> <log-file> [timeout-seconds]: polls readiness every 100 ms and prints the
# milliseconds from launch to the first {"status":"UP"}. Sets READY_MS to those milliseconds and
# READY_CPU_S to the JVM's CPU seconds at that moment. Call it directly, not in $(...).
wait_ready() {
	local port="$1" logfile="$2" timeout="${3:-600}" body
	local deadline=$(($(now_ms) + timeout * 1000))
	while (($(now_ms) < deadline)); do
		body="$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || true)"
		if [[ "$body" == *'"status":"UP"'* ]]; then
			READY_MS=$(($(now_ms) - APP_LAUNCH_MS))
			READY_CPU_S="$(app_cpu_s)"
			return 0
		fi
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			echo "the application exited before it was ready; last lines of $logfile:" >&2
			tail -n 30 "$logfile" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "not ready after ${timeout}s; see $logfile" >&2
	return 1
}

# The embedded PostgreSQL's postmaster pid, from its data directory.
postmaster_pid() {
	[[ -n "$APP_DATA_DIR" && -f "$APP_DATA_DIR/postmaster.pid" ]] && head -n1 "$APP_DATA_DIR/postmaster.pid" || true
}

# Stops the app started by start_app: SIGTERM, up to STOP_TIMEOUT seconds (default 90) for a
# clean exit, then SIGKILL. If the embedded PostgreSQL outlives the JVM, it gets a fast shutdown.
stop_app() {
	[[ -z "$APP_PID" ]] && return 0
	local pg_pid waited=0 timeout="${STOP_TIMEOUT:-90}"
	pg_pid="$(postmaster_pid)"
	if kill -0 "$APP_PID" 2>/dev/null; then
		local t0
		t0="$(now_ms)"
		kill -TERM "$APP_PID" 2>/dev/null || true
		while kill -0 "$APP_PID" 2>/dev/null && ((waited < timeout * 10)); do
			sleep 0.1
			waited=$((waited + 1))
		done
		if kill -0 "$APP_PID" 2>/dev/null; then
			log "app $APP_PID still running after ${timeout}s: SIGKILL"
			kill -KILL "$APP_PID" 2>/dev/null || true
		fi
		wait "$APP_PID" 2>/dev/null || true
		LAST_STOP_MS=$(($(now_ms) - t0))
	fi
	# The JVM's shutdown hook stops PostgreSQL but may exit before it is gone: give it 10 s.
	for _ in $(seq 1 100); do [[ -n "$pg_pid" ]] && kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
	if [[ -n "$pg_pid" ]] && kill -0 "$pg_pid" 2>/dev/null; then
		log "embedded PostgreSQL $pg_pid outlived the app by 10 s: fast shutdown"
		kill -INT "$pg_pid" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
	fi
	APP_PID=""
}

# The port of the embedded PostgreSQL, from the application log.
embedded_pg_port() {
	sed -n 's/.*Starting embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$1" | tail -n1
}

# Breakdown of one start from the application log, for the record.
start_breakdown() {
	local logfile="$1" started seeded
	started="$(grep -o 'Started KetamineClinicApplication in [0-9.]* seconds (process running for [0-9.]*)' "$logfile" | tail -n1 || true)"
	seeded="$(grep -o 'Seeded the demo clinic with [0-9]* patients in [0-9]* ms' "$logfile" | tail -n1 || true)"
	echo "${started:-no Started line}${seeded:+; $seeded}"
}

# Points psql (PGHOST, PGPORT, PGUSER, PGDATABASE) at the app's embedded PostgreSQL, whose port
# comes from the application log.
use_embedded_pg() {
	export PGHOST=127.0.0.1 PGPORT="$(embedded_pg_port "$1")" PGUSER=postgres PGDATABASE=postgres
}

sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# CPU seconds (user + system) the embedded PostgreSQL has used so far: the postmaster, its live
# processes and those it has reaped.
pg_cpu_s() {
	local pg_pid
	pg_pid="$(postmaster_pid)"
	[[ -n "$pg_pid" ]] || { echo "?"; return 0; }
	{
		awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$pg_pid/stat" 2>/dev/null
		for child in $(ps -o pid= --ppid "$pg_pid"); do
			awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$child/stat" 2>/dev/null
		done
	} | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.1f", s / hz }'
}

# CPU seconds the whole machine has been busy (every core, every process: the app, its database,
# wrk and anything else running) since boot.
machine_busy_s() {
	awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

# run_wrk <label> <threads> <connections> <duration> <lua-script> <url>: one wrk run (--latency,
# 10 s timeout) into $RUN_DIR/wrk-<label>.txt, with the load average before and after and the CPU
# seconds the app's JVM, its PostgreSQL and the whole machine used meanwhile. The RESULT line of
# the script's done() (bench/wrk-report.lua), plus those CPU figures, goes into $SUMMARY.
run_wrk() {
	local label="$1" threads="$2" connections="$3" duration="$4" script="$5" url="$6"
	local out="$RUN_DIR/wrk-$1.txt" jvm0 pg0 all0 t0 jvm pg all wall requests result
	log "wrk $label: -t$threads -c$connections -d$duration (load avg $(loadavg))"
	echo "load avg before: $(loadavg)" >"$out"
	jvm0="$(app_cpu_s)" pg0="$(pg_cpu_s)" all0="$(machine_busy_s)" t0="$(now_ms)"
	BENCH_DIR="$BENCH_DIR" wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -s "$script" "$url" >>"$out"
	wall=$(($(now_ms) - t0))
	jvm="$(awk -v a="$jvm0" -v b="$(app_cpu_s)" 'BEGIN { printf "%.1f", b - a }')"
	pg="$(awk -v a="$pg0" -v b="$(pg_cpu_s)" 'BEGIN { printf "%.1f", b - a }')"
	all="$(awk -v a="$all0" -v b="$(machine_busy_s)" 'BEGIN { printf "%.1f", b - a }')"
	result="$(grep '^RESULT' "$out" | sed 's/^RESULT //')"
	requests="$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")"
	{
		printf 'CPU during the run (%s s wall, %s cores): app JVM %s s, PostgreSQL %s s, whole machine %s s' \
			"$(ms_to_s "$wall")" "$(nproc)" "$jvm" "$pg" "$all"
		[[ "${requests:-0}" -gt 0 ]] && awk -v j="$jvm" -v p="$pg" -v n="$requests" \
			'BEGIN { printf "; per request: JVM %.2f ms, PostgreSQL %.2f ms", j * 1000 / n, p * 1000 / n }'
		echo
		echo "load avg after: $(loadavg)"
	} >>"$out"
	cat "$out" >&2
	printf '%-18s %s cpu_jvm_s=%s cpu_pg_s=%s cpu_machine_s=%s\n' "$label" "$result" "$jvm" "$pg" "$all" >>"$SUMMARY"
}

# start_wait_sampler <file>: until stop_wait_sampler, what the database's busy client sessions wait
# for, one sample every 0.5 s (psql must point at the embedded PostgreSQL: use_embedded_pg).
SAMPLER_PID=""
start_wait_sampler() {
	(
		while :; do
			sql -At -c "SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') || ' (' || state || ')'
				FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'" || true
			sleep 0.5
		done
	) >"$1" 2>/dev/null &
	SAMPLER_PID=$!
}

stop_wait_sampler() {
	[[ -n "$SAMPLER_PID" ]] || return 0
	kill "$SAMPLER_PID" 2>/dev/null || true
	wait "$SAMPLER_PID" 2>/dev/null || true
	SAMPLER_PID=""
}

# wait_histogram <raw-file>: the sampled wait events, most frequent first.
wait_histogram() {
	echo "busy database sessions by wait event (samples every 0.5 s; $(grep -c . "$1" || true) session samples):"
	sort "$1" | uniq -c | sort -rn | head -n 8
}

# Stops with a hint when a tool a benchmark needs is missing.
require_tools() {
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $tool; psql: postgresql-client)" >&2; exit 1; }
	done
}

# A fresh results directory bench/results/<name>-<timestamp>/ with the app's data under pg/ (removed on exit unless
# KEEP_DATA=1; the app is stopped on exit or interrupt). Sets RUN_DIR, DATA_DIR and SUMMARY.
new_run() {
	RUN_DIR="$RESULTS_DIR/$1-$(date +%Y%m%d-%H%M%S)"
	mkdir -p "$RUN_DIR"
	DATA_DIR="$RUN_DIR/pg"
	SUMMARY="$RUN_DIR/summary.txt"
	trap run_cleanup EXIT
	trap 'exit 130' INT TERM
}

run_cleanup() {
	stop_app
	if [[ "${KEEP_DATA:-0}" != "1" ]]; then
		rm -rf "$DATA_DIR"
	fi
}

#!/usr/bin/env bash
# Patient search latency with wrk against GET /api/v1/patients?query=..., 10,000 patients.
#
#   bench/search.sh                  # builds the jar, seeds 10,000 demo patients, measures
#   SKIP_BUILD=1 bench/search.sh     # reuse target/*.jar
#   SEED=sql bench/search.sh         # 40 demo patients + the rest inserted with SQL, varied names
#   PATIENTS=20000 DURATION=60s bench/search.sh
#
# Steps: fresh data dir -> start the jar -> seed -> token (frontdesk) -> query mix from the data ->
# EXPLAIN ANALYZE of representative searches -> wrk warm-up (WARMUP, 10s) -> wrk 2 threads /
# 8 connections (DURATION, 30s) -> wrk 1 thread / 1 connection (DURATION).
# Results in bench/results/search-<timestamp>/ (gitignored). Never fails on timing.
#
# SEED=service (default) seeds through the demo seeder, i.e. the same checked and audited use
# cases as people (full charts, ~10 audit rows per patient). Its names come from 40 given and
# 30 family names, so a name prefix matches hundreds of patients: a pessimistic mix for search.
# SEED=sql seeds the 40 demo patients through the service and inserts the rest straight into the
# patient table (bench/seed-varied-patients.sql: 180 given x 250 family names).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PATIENTS="${PATIENTS:-10000}"
SEED="${SEED:-service}"
WARMUP="${WARMUP:-10s}"
DURATION="${DURATION:-30s}"
QUERY_COUNT="${QUERY_COUNT:-2000}"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is not installed (apt-get install postgresql-client)" >&2; exit 1; }

build_jar

RUN_DIR="$RESULTS_DIR/search-$(date +%Y%m%d-%H%M%S)-$SEED"
mkdir -p "$RUN_DIR"
DATA_DIR="$RUN_DIR/pg"
SUMMARY="$RUN_DIR/summary.txt"

cleanup() {
	stop_wait_sampler
	stop_app
	if [[ "${KEEP_DATA:-0}" != "1" ]]; then
		rm -rf "$DATA_DIR"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
log "Results in $RUN_DIR (port $PORT, seed mode $SEED, $PATIENTS patients)"

{
	echo "search benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "jar: $JAR; seed mode: $SEED; patients: $PATIENTS; BENCH_JAVA_OPTS: ${BENCH_JAVA_OPTS:-none}"
} >"$SUMMARY"

case "$SEED" in
	service) demo_patients="$PATIENTS" ;;
	sql) demo_patients=40 ;;
	*) echo "SEED must be service or sql" >&2; exit 1 ;;
esac

rm -rf "$DATA_DIR"
log "Starting the app with clinic.demo.patients=$demo_patients (load avg $(loadavg))"
start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app.log" --clinic.database.embedded.clean-on-start=false \
	--clinic.demo.patients="$demo_patients"
wait_ready "$PORT" "$RUN_DIR/app.log" 3600
echo "start to ready with $demo_patients demo patients seeded through the service: $(ms_to_s "$READY_MS") s, JVM CPU $READY_CPU_S s ($(start_breakdown "$RUN_DIR/app.log"))" | tee -a "$SUMMARY" >&2

use_embedded_pg "$RUN_DIR/app.log"

if [[ "$SEED" == "sql" ]]; then
	t0="$(now_ms)"
	sql -v total="$PATIENTS" -f "$BENCH_DIR/seed-varied-patients.sql" | tee -a "$SUMMARY" >&2
	echo "SQL top-up to $PATIENTS patients: $(ms_to_s $(($(now_ms) - t0))) s" | tee -a "$SUMMARY" >&2
fi
sql -c "VACUUM ANALYZE patient" >/dev/null
sql -At -F ' ' -c "SELECT 'patients:', count(*), 'distinct family names:', count(DISTINCT family_name),
	'distinct given names:', count(DISTINCT given_name) FROM patient" | tee -a "$SUMMARY" >&2

TOKEN="$(curl -sf -H 'Content-Type: application/json' \
	-d '{"username":"frontdesk","password":"ketamine-demo"}' "$BASE/api/v1/auth/token" |
	sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$TOKEN" ]] || { echo "could not get a token" >&2; exit 1; }

# The query mix, drawn from the data: 25% family-name prefixes (2-4 letters), 15% given-name
# prefixes, 20% two-word prefixes ("mar gar"), 25% exact MRNs, 15% birth dates.
QUERIES="$RUN_DIR/queries.txt"
sql -At -c "SELECT setseed(0.42)" -c "
	WITH p AS (SELECT given_name g, family_name f, mrn, birth_date b, random() r FROM patient
	           WHERE voided_at IS NULL ORDER BY mrn),
	     s AS (SELECT * FROM p ORDER BY random() LIMIT $QUERY_COUNT)
	SELECT CASE
	  WHEN r < 0.25 THEN lower(substr(f, 1, 2 + floor(random() * 3)::int))
	  WHEN r < 0.40 THEN lower(substr(g, 1, 2 + floor(random() * 3)::int))
	  WHEN r < 0.60 THEN lower(substr(g, 1, 2 + floor(random() * 3)::int)) || ' ' || lower(substr(f, 1, 2 + floor(random() * 3)::int))
	  WHEN r < 0.85 THEN mrn
	  ELSE to_char(b, 'YYYY-MM-DD') END
	FROM s" | sed "/^$/d" >"$QUERIES"
log "$(wc -l <"$QUERIES") queries in $QUERIES, e.g. $(shuf -n 6 --random-source=<(yes) "$QUERIES" | paste -sd '|' | sed 's/|/, /g')"

# Sanity check: every kind of query answers 200 with hits.
for q in "$(grep -m1 '^[a-z]* [a-z]*$' "$QUERIES")" "$(grep -m1 '^[a-z]*$' "$QUERIES")" "$(grep -m1 '^K' "$QUERIES")" \
	"$(grep -m1 -- '-' "$QUERIES")"; do
	code="$(curl -s -o "$RUN_DIR/sample.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
		--get --data-urlencode "query=$q" "$BASE/api/v1/patients")"
	echo "sample search '$q': HTTP $code, $(grep -o '"mrn"' "$RUN_DIR/sample.json" | wc -l) hits" | tee -a "$SUMMARY" >&2
done

# Query plans of representative searches, exactly as PatientService builds them.
CLINIC="$(sql -At -c "SELECT id FROM clinic WHERE name = 'Demo Ketamine Clinic'")"
family2="$(sql -At -c "SELECT lower(substr(family_name, 1, 2)) FROM patient GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
given3="$(sql -At -c "SELECT lower(substr(given_name, 1, 3)) FROM patient GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
two="$(sql -At -c "SELECT lower(substr(given_name, 1, 3)) || ' ' || lower(substr(family_name, 1, 3)) FROM patient GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
mrn="$(sql -At -c "SELECT mrn FROM patient ORDER BY mrn DESC LIMIT 1")"
born="$(sql -At -c "SELECT birth_date FROM patient GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
select="SELECT id, mrn, given_name, family_name, birth_date, sex_at_birth FROM patient WHERE clinic_id = '$CLINIC' AND voided_at IS NULL"
order="ORDER BY lower(family_name), lower(given_name), birth_date LIMIT 50"
name_clause() { local c=""; for w in $1; do c="$c AND (lower(family_name) LIKE '$w%' OR lower(given_name) LIKE '$w%')"; done; echo "$c"; }
{
	for q in "$family2" "$given3" "$two"; do
		echo "== name prefix '$q'"
		sql -c "EXPLAIN (ANALYZE, BUFFERS) $select $(name_clause "$q") $order" || true
	done
	echo "== MRN $mrn"
	sql -c "EXPLAIN (ANALYZE, BUFFERS) $select AND mrn = '$mrn' $order" || true
	echo "== birth date $born"
	sql -c "EXPLAIN (ANALYZE, BUFFERS) $select AND birth_date = '$born' $order" || true
	echo "== name prefix '$family2' as a generic prepared plan (what JDBC may settle on after 5 runs)"
	sql -c "SET plan_cache_mode = force_generic_plan" \
		-c "PREPARE s(uuid, text, text) AS SELECT id, mrn, given_name, family_name, birth_date, sex_at_birth FROM patient WHERE clinic_id = \$1 AND voided_at IS NULL AND (lower(family_name) LIKE \$2 OR lower(given_name) LIKE \$3) $order" \
		-c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE s('$CLINIC', '$family2%', '$family2%')" || true
} >"$RUN_DIR/explain.txt" 2>&1
grep -E '^==|Execution Time' "$RUN_DIR/explain.txt" | paste - - | sed 's/ *Execution Time:/ ->/' | tee -a "$SUMMARY" >&2

export BENCH_TOKEN="$TOKEN" BENCH_QUERIES="$QUERIES"
URL="$BASE/api/v1/patients"

# run_wrk (lib.sh) with this script's Lua and URL: search_wrk <label> <threads> <connections> <duration>
search_wrk() { run_wrk "$1" "$2" "$3" "$4" "$BENCH_DIR/search.lua" "$URL"; }

search_wrk warmup 2 8 "$WARMUP"
# What the database sessions wait for during the 8-connection run.
start_wait_sampler "$RUN_DIR/waits-c8.raw"
search_wrk c8 2 8 "$DURATION"
stop_wait_sampler
{ echo "during c8:"; wait_histogram "$RUN_DIR/waits-c8.raw"; } | tee "$RUN_DIR/waits-c8.txt" >>"$SUMMARY"
search_wrk c1 1 1 "$DURATION"

# Diagnostics (BY_KIND=0 skips them): one connection per kind of query, and a baseline on the
# readiness endpoint (no token, no database, no audit) that shows what the machine itself adds.
if [[ "${BY_KIND:-1}" == "1" ]]; then
	KIND_DURATION="${KIND_DURATION:-10s}"
	grep '^[a-z]*$' "$QUERIES" >"$RUN_DIR/queries-name.txt" || true
	grep '^[a-z]* [a-z]*$' "$QUERIES" >"$RUN_DIR/queries-two-words.txt" || true
	grep '^K[0-9]*$' "$QUERIES" >"$RUN_DIR/queries-mrn.txt" || true
	grep '^[0-9-]*$' "$QUERIES" >"$RUN_DIR/queries-birth-date.txt" || true
	for kind in name two-words mrn birth-date; do
		BENCH_QUERIES="$RUN_DIR/queries-$kind.txt" search_wrk "c1-$kind" 1 1 "$KIND_DURATION"
	done
	BENCH_PATH=/actuator/health/readiness search_wrk c1-readiness 1 1 "$KIND_DURATION"
fi

{
	echo
	echo "audit rows written: $(sql -At -c "SELECT count(*) FROM audit_entry WHERE action = 'SEARCH'") searches"
	echo "(target: search p95 under 50 ms)"
} >>"$SUMMARY"
echo
cat "$SUMMARY"

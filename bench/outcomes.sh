#!/usr/bin/env bash
# Cohort analytics over a large outcomes read model: 100,000 courses and 2,000,000 ratings.
#
#   bench/outcomes.sh                          # build, seed with SQL, measure
#   SKIP_BUILD=1 bench/outcomes.sh
#   PATIENTS=20000 RATINGS=400000 REPEAT=9 bench/outcomes.sh
#
# Steps: fresh data dir -> start the jar -> bench/seed-outcomes.sql (generate_series into the
# outcomes tables only) -> POST /api/v1/outcomes/rebuild (admin) -> token (physician) -> each query REPEAT times with curl, first call
# reported apart (cold), then the median and the slowest of the rest -> EXPLAIN ANALYZE of the
# summary aggregate. Results in bench/results/outcomes-<timestamp>/ (gitignored). Never fails on timing.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PATIENTS="${PATIENTS:-100000}"
RATINGS="${RATINGS:-2000000}"
REPEAT="${REPEAT:-5}"

command -v psql >/dev/null || { echo "psql is not installed (apt-get install postgresql-client)" >&2; exit 1; }

build_jar

new_run outcomes

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
log "Results in $RUN_DIR (port $PORT, $PATIENTS courses, $RATINGS ratings)"
{
	echo "outcomes benchmark $(date -Is) on $(nproc) cores, load avg $(loadavg)"
	java -version 2>&1 | head -n1
} >"$SUMMARY"

start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app.log" --clinic.database.embedded.clean-on-start=false
wait_ready "$PORT" "$RUN_DIR/app.log" 900
use_embedded_pg "$RUN_DIR/app.log"

t0="$(now_ms)"
sql -v patients="$PATIENTS" -v ratings="$RATINGS" -f "$BENCH_DIR/seed-outcomes.sql" | tee -a "$SUMMARY" >&2
echo "seed: $(ms_to_s $(($(now_ms) - t0))) s" | tee -a "$SUMMARY" >&2

TOKEN="$(curl -s -H 'Content-Type: application/json' \
	-d '{"username":"physician","password":"ketamine-demo"}' "$BASE/api/v1/auth/token" |
	sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$TOKEN" ]] || { echo "could not get a token" >&2; exit 1; }

# The seed bypasses the listeners: judge every course once, as an administrator would after a bulk load.
ADMIN_TOKEN="$(curl -s -H 'Content-Type: application/json' \
	-d '{"username":"admin","password":"ketamine-demo"}' "$BASE/api/v1/auth/token" |
	sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
t0="$(now_ms)"
rebuilt="$(curl -s -X POST -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/outcomes/rebuild")"
echo "rebuild (judge every course on 3 scales): $(ms_to_s $(($(now_ms) - t0))) s, $rebuilt" | tee -a "$SUMMARY" >&2
sql -c "ANALYZE outcomes_cohort_outcome" >/dev/null

from="$(date -d '-365 days' +%F)"
month="$(date -d '-60 days' +%F)"
month_end="$(date -d '-30 days' +%F)"
today="$(date +%F)"

measure() {
	local name="$1" path="$2" times=() first out
	for i in $(seq 1 "$REPEAT"); do
		out="$(curl -s -o "$RUN_DIR/$name.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE$path")"
		[[ "${out%% *}" == "200" ]] || { echo "$name: HTTP ${out%% *}" >&2; cat "$RUN_DIR/$name.json" >&2; return 1; }
		ms="$(awk -v s="${out##* }" 'BEGIN { printf "%.0f", s * 1000 }')"
		if [[ "$i" == 1 ]]; then first="$ms"; else times+=("$ms"); fi
	done
	local sorted max
	max="$(printf '%s\n' "${times[@]}" | sort -n | tail -n1)"
	echo "$name: first ${first} ms, median $(median "${times[@]}") ms, slowest ${max} ms of $((REPEAT - 1)); $(head -c 200 "$RUN_DIR/$name.json")" | tee -a "$SUMMARY" >&2
}

measure summary-year-all "/api/v1/outcomes/summary?instrument=MADRS&from=$from&to=$today"
measure summary-year-iv "/api/v1/outcomes/summary?instrument=MADRS&from=$from&to=$today&route=IV_KETAMINE"
measure summary-month-iv "/api/v1/outcomes/summary?instrument=PHQ9&from=$month&to=$month_end&route=IV_KETAMINE"
measure cohort-year-all "/api/v1/outcomes/cohort?instrument=MADRS&from=$from&to=$today"

sql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT count(*), count(baseline), count(*) FILTER (WHERE baseline IS NOT NULL AND responder),
  count(*) FILTER (WHERE baseline IS NOT NULL AND remitter) FROM outcomes_cohort_outcome
  WHERE clinic_id = (SELECT id FROM clinic ORDER BY created_at LIMIT 1) AND instrument = 'MADRS' AND start_date BETWEEN '$from' AND '$today'" >"$RUN_DIR/explain.txt"
log "Done: $SUMMARY"

#!/usr/bin/env bash
# Vital-sign ingestion from CHAIRS chairs at one reading per second each, then board latency.
#
#   bench/vitals.sh                          # builds the jar, 50 chairs for 5 minutes
#   SKIP_BUILD=1 CHAIRS=50 DURATION=300s BOARD_DURATION=30s bench/vitals.sh
#
# Steps: fresh data dir -> start the jar (demo clinic) -> token (nurse) -> CHAIRS IM sessions in
# MONITORING for demo patients, inserted with SQL (check-in and dosing have their own rules and
# tests; this measures the readings) -> wrk, one connection per chair, each posting one reading a
# second to its own session (bench/vitals.lua) -> wrk GET /api/v1/board, 1 connection, as fast as
# it answers -> check that the stored readings match the 201 answers. Results in
# bench/results/vitals-<timestamp>/. Never fails on timing; exit 2 if the counts do not add up.
#
# Every reading is range-checked, evaluated against the alert thresholds in the same transaction
# (about 1 in 20 raises BLOOD_PRESSURE_SEVERE), stored and audited (hash chain).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHAIRS="${CHAIRS:-50}"
DURATION="${DURATION:-300s}"
BOARD_DURATION="${BOARD_DURATION:-30s}"

require_tools wrk psql jq curl

build_jar

new_run vitals

PORT="$(free_port)"
MAIL_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
log "Results in $RUN_DIR (port $PORT, $CHAIRS chairs, $DURATION)"
{
	echo "vitals benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "jar: $JAR; chairs: $CHAIRS; duration: $DURATION; BENCH_JAVA_OPTS: ${BENCH_JAVA_OPTS:-none}"
} >"$SUMMARY"

rm -rf "$DATA_DIR"
start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app.log" --clinic.database.embedded.clean-on-start=false \
	--clinic.demo.patients="$CHAIRS" --spring.mail.host=127.0.0.1 --spring.mail.port="$MAIL_PORT"
wait_ready "$PORT" "$RUN_DIR/app.log"
use_embedded_pg "$RUN_DIR/app.log"

TOKEN="$(curl -sf -H 'Content-Type: application/json' -d '{"username":"nurse","password":"ketamine-demo"}' \
	"$BASE/api/v1/auth/token" | jq -r '.token // empty' || true)"
[[ -n "$TOKEN" ]] || { echo "could not get a token for nurse" >&2; exit 1; }

SESSIONS="$RUN_DIR/sessions.txt"
sql -At -c "INSERT INTO dosing_session (id, clinic_id, patient_id, route, scheduled_start, chair_id, status, checked_in_at,
	checked_in_by, escort_name, escort_phone, pre_dose_sbp, pre_dose_dbp, pre_dose_hr, pre_dose_spo2, first_dose_at, version,
	created_by, created_at, updated_at)
	SELECT gen_random_uuid(), p.clinic_id, p.id, 'IM_KETAMINE', now() - interval '1 hour', 'Chair ' || row_number() OVER (),
	'MONITORING', now() - interval '1 hour', 'bench', 'Escort', '555-0100', 120, 80, 70, 98, now() - interval '50 minutes', 0,
	'bench', now(), now()
	FROM (SELECT id, clinic_id FROM patient ORDER BY mrn LIMIT $CHAIRS) p RETURNING id" | grep -E '^[0-9a-f-]{36}$' >"$SESSIONS"
[[ "$(wc -l <"$SESSIONS")" -eq "$CHAIRS" ]] || { echo "could not create $CHAIRS sessions" >&2; exit 1; }
first="$(head -n1 "$SESSIONS")"
code="$(curl -s -o "$RUN_DIR/sample.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d "{\"takenAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"sbp\":185,\"dbp\":95}" "$BASE/api/v1/sessions/$first/vitals")"
echo "sample reading: HTTP $code, $(jq -c '[.alerts[].code]' "$RUN_DIR/sample.json")" | tee -a "$SUMMARY" >&2
[[ "$code" == 201 ]] || { echo "the sample reading was not stored" >&2; exit 1; }

export BENCH_TOKEN="$TOKEN" BENCH_SESSIONS="$SESSIONS"
run_wrk "chairs-$CHAIRS" 2 "$CHAIRS" "$DURATION" "$BENCH_DIR/vitals.lua" "$BASE"
run_wrk board 1 1 "$BOARD_DURATION" "$BENCH_DIR/board.lua" "$BASE"

created="$(awk '{ for (i = 1; i <= NF; i++) if (index($i, "created=") == 1) s += substr($i, 9) } END { print s + 0 }' "$SUMMARY")"
stored="$(sql -At -c "SELECT count(*) FROM session_vitals") "
alerts="$(sql -At -c "SELECT count(*) FROM session_alert")"
{
	echo
	echo "check: 201 answers counted by wrk (+1 sample): $((created + 1)); readings stored: $stored; alerts stored: $alerts"
} | tee -a "$SUMMARY" >&2
status=0
if ((stored < created + 1 || stored > created + 1 + CHAIRS)); then
	echo "MISMATCH: $stored readings stored, $((created + 1)) created answers" | tee -a "$SUMMARY" >&2
	status=2
fi
echo
cat "$SUMMARY"
exit "$status"

#!/usr/bin/env bash
# Availability search and booking latency in a clinic of 30 chairs and 40 staff with a year of appointments.
#
#   bench/scheduling.sh                                   # builds the jar, 30 s per run
#   SKIP_BUILD=1 DURATION=30s CONNECTIONS=4 bench/scheduling.sh
#
# Steps: fresh data dir -> start the jar -> bench/seed-scheduling.sql puts a clinic of its own
# ("Scheduling bench": 30 chairs, 4 rooms, 30 nurses, 8 physicians, 2 therapists, 2,000 patients,
# Monday-Saturday 07:00-19:00) and a year of IV infusions (five per chair per open day, about 46,000)
# into the database -> token for bench-frontdesk -> wrk GET /api/v1/availability on days spread over
# the year (bench/availability.lua) -> wrk POST /api/v1/appointments at 17:00, the free end of each
# day, with one thread so requests never ask for the same chair, nurse or patient (bench/booking.lua)
# -> check that the stored bookings equal the 201 answers. Results in bench/results/scheduling-<timestamp>/.
# Never fails on timing; exit 2 if the counts do not add up.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-4}"
ZONE="America/New_York"

require_tools wrk psql jq curl

build_jar

new_run scheduling

PORT="$(free_port)"
MAIL_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
# The seeded year starts next Monday, so no slot is in the past.
FIRST="$(date -d "next monday" +%Y-%m-%d)"
log "Results in $RUN_DIR (port $PORT, $CONNECTIONS connections, $DURATION per run, year from $FIRST)"
{
	echo "scheduling benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "jar: $JAR; connections: $CONNECTIONS; duration: $DURATION; BENCH_JAVA_OPTS: ${BENCH_JAVA_OPTS:-none}"
} >"$SUMMARY"

rm -rf "$DATA_DIR"
start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app.log" --clinic.database.embedded.clean-on-start=false \
	--spring.mail.host=127.0.0.1 --spring.mail.port="$MAIL_PORT"
wait_ready "$PORT" "$RUN_DIR/app.log"
use_embedded_pg "$RUN_DIR/app.log"

t0="$(now_ms)"
sql -v first="$FIRST" -v zone="$ZONE" -f "$BENCH_DIR/seed-scheduling.sql" | tee -a "$SUMMARY" >&2
echo "seeded in $(ms_to_s $(($(now_ms) - t0))) s" | tee -a "$SUMMARY" >&2
SEEDED="$(sql -At -c "SELECT count(*) FROM scheduling_appointment a JOIN clinic c ON c.id = a.clinic_id WHERE c.name = 'Scheduling bench'")"

DAYS="$RUN_DIR/days.txt"
PATIENTS="$RUN_DIR/patients.txt"
sql -At -c "SELECT d::date FROM generate_series(DATE '$FIRST', DATE '$FIRST' + 364, interval '1 day') d
	WHERE extract(isodow FROM d) <= 6 ORDER BY d" >"$DAYS"
sql -At -c "SELECT p.id FROM patient p JOIN clinic c ON c.id = p.clinic_id WHERE c.name = 'Scheduling bench' ORDER BY p.mrn" >"$PATIENTS"

TOKEN="$(curl -sf -H 'Content-Type: application/json' -d '{"username":"bench-frontdesk","password":"ketamine-demo"}' \
	"$BASE/api/v1/auth/token" | jq -r '.token // empty' || true)"
[[ -n "$TOKEN" ]] || { echo "could not get a token for bench-frontdesk" >&2; exit 1; }

sample_day="$(sed -n 100p "$DAYS")"
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/availability?date=$sample_day&type=IV_INFUSION" >"$RUN_DIR/sample.json"
echo "sample availability on $sample_day: $(jq '.slots | length' "$RUN_DIR/sample.json") slots, first $(jq -r '.slots[0].start' "$RUN_DIR/sample.json")" \
	| tee -a "$SUMMARY" >&2

export BENCH_TOKEN="$TOKEN" BENCH_DAYS="$DAYS" BENCH_PATIENTS="$PATIENTS"
run_wrk availability 2 "$CONNECTIONS" "$DURATION" "$BENCH_DIR/availability.lua" "$BASE"
run_wrk booking 1 "$CONNECTIONS" "$DURATION" "$BENCH_DIR/booking.lua" "$BASE"

created="$(awk '/^booking/ { for (i = 1; i <= NF; i++) if (index($i, "created=") == 1) print substr($i, 9) }' "$SUMMARY")"
stored="$(sql -At -c "SELECT count(*) FROM scheduling_appointment a JOIN clinic c ON c.id = a.clinic_id WHERE c.name = 'Scheduling bench'")"
{
	echo
	echo "check: seeded $SEEDED; 201 answers counted by wrk: ${created:-0}; appointments now: $stored"
} | tee -a "$SUMMARY" >&2
status=0
# wrk stops counting at the deadline: up to one request per connection may be stored unanswered.
if ((stored < SEEDED + ${created:-0} || stored > SEEDED + ${created:-0} + CONNECTIONS)); then
	echo "MISMATCH: $stored appointments, expected $((SEEDED + ${created:-0})) (+ up to $CONNECTIONS in flight)" | tee -a "$SUMMARY" >&2
	status=2
fi
echo
cat "$SUMMARY"
exit "$status"

#!/usr/bin/env bash
# PHQ-9 submissions with wrk against POST /api/v1/patients/{id}/assessments.
#
#   bench/assessments.sh                  # builds the jar, registers 200 patients, measures
#   SKIP_BUILD=1 bench/assessments.sh     # reuse target/*.jar
#   PATIENTS=500 DURATION=60s WARMUP=20s RISK_SHARE=0.1 bench/assessments.sh
#
# Steps: fresh data dir -> start the jar (demo clinic, 40 demo patients) -> token (nurse) ->
# register PATIENTS patients through the API -> wrk warm-up (WARMUP, 30s, 2 threads / 8
# connections; 10 s was too short for the JIT here: the 8-connection run then still paid for it) -> wrk 2 threads / 8 connections (DURATION, 30s) -> wrk 1 connection (DURATION) ->
# check through the API that the stored assessments match the 201 answers, and that the audit
# chain is intact. Results in bench/results/assessments-<timestamp>/ (gitignored). Never fails on
# timing; it fails if the app does not start, or (exit 2) if the counts do not add up.
#
# Every submission is scored, stored with its nine items, audited (hash chain) and, in RISK_SHARE
# of them (item 9 above 0, default 5 %), raises a risk alert that queues an email to the physician(s)
# in the same transaction. The mail outbox points at a closed port, so nothing is delivered; its
# dispatcher (every 30 s, 20 messages) only retries.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PATIENTS="${PATIENTS:-200}"
WARMUP="${WARMUP:-30s}"
DURATION="${DURATION:-30s}"
RISK_SHARE="${RISK_SHARE:-0.05}"

for tool in wrk psql jq curl; do
	command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $tool; psql: postgresql-client)" >&2; exit 1; }
done

build_jar

RUN_DIR="$RESULTS_DIR/assessments-$(date +%Y%m%d-%H%M%S)"
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
MAIL_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
log "Results in $RUN_DIR (port $PORT, $PATIENTS patients, item 9 > 0 in $RISK_SHARE of submissions)"

{
	echo "assessments benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "jar: $JAR; patients: $PATIENTS; risk share: $RISK_SHARE; BENCH_JAVA_OPTS: ${BENCH_JAVA_OPTS:-none}"
} >"$SUMMARY"

rm -rf "$DATA_DIR"
log "Starting the app (load avg $(loadavg))"
start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app.log" --clinic.database.embedded.clean-on-start=false \
	--spring.mail.host=127.0.0.1 --spring.mail.port="$MAIL_PORT"
wait_ready "$PORT" "$RUN_DIR/app.log"
echo "start to ready: $(ms_to_s "$READY_MS") s ($(start_breakdown "$RUN_DIR/app.log"))" | tee -a "$SUMMARY" >&2
use_embedded_pg "$RUN_DIR/app.log"

# token <username>: a bearer token (one Argon2 password check; the runs reuse it).
token() {
	curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"ketamine-demo\"}" \
		"$BASE/api/v1/auth/token" | jq -r '.token // empty'
}
TOKEN="$(token nurse || true)"
[[ -n "$TOKEN" ]] || { echo "could not get a token for nurse" >&2; exit 1; }
AUTH="Authorization: Bearer $TOKEN"

# Register the patients through the API, as the nurse (checked, audited use case).
GIVEN=(Ada Ben Carla Dev Elena Farid Grace Hugo Ines Jonah Kira Liam Maya Noor Omar Pia Quinn Rosa Sami Tess)
FAMILY=(Abbott Baker Castillo Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lopez Moreau Nakamura Okafor Patel)
SEXES=(FEMALE MALE FEMALE MALE OTHER UNKNOWN)
PATIENT_IDS="$RUN_DIR/patients.txt"
: >"$PATIENT_IDS"
RANDOM=42
t0="$(now_ms)"
for i in $(seq 1 "$PATIENTS"); do
	body="$(printf '{"givenName":"%s","familyName":"%s","birthDate":"%04d-%02d-%02d","sexAtBirth":"%s"}' \
		"${GIVEN[RANDOM % ${#GIVEN[@]}]}" "${FAMILY[RANDOM % ${#FAMILY[@]}]}" $((1940 + RANDOM % 66)) $((1 + RANDOM % 12)) \
		$((1 + RANDOM % 28)) "${SEXES[RANDOM % ${#SEXES[@]}]}")"
	id="$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$body" "$BASE/api/v1/patients" | jq -r '.id // empty' || true)"
	[[ -n "$id" ]] || { echo "registering patient $i failed: $body" >&2; exit 1; }
	echo "$id" >>"$PATIENT_IDS"
done
echo "registered $PATIENTS patients through the API in $(ms_to_s $(($(now_ms) - t0))) s" | tee -a "$SUMMARY" >&2

# Sanity check: one plain and one item-9 submission answer 201 with the expected score and flag.
post_assessment() { # post_assessment <patient-id> <answers, comma-separated> <output-file>: prints the status
	curl -s -o "$3" -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
		-d "{\"instrument\":\"PHQ9\",\"answers\":[$2]}" "$BASE/api/v1/patients/$1/assessments"
}
first="$(head -n1 "$PATIENT_IDS")"
code="$(post_assessment "$first" 1,2,1,2,1,2,1,2,0 "$RUN_DIR/sample.json")"
echo "sample submission: HTTP $code, $(jq -c '{total, severity, flags: [.flags[].code]}' "$RUN_DIR/sample.json")" | tee -a "$SUMMARY" >&2
code2="$(post_assessment "$first" 0,1,0,1,0,1,0,1,2 "$RUN_DIR/sample-risk.json")"
echo "sample item-9 submission: HTTP $code2, $(jq -c '{total, severity, flags: [.flags[].code], crisisResources: (.crisisResources != null)}' "$RUN_DIR/sample-risk.json")" | tee -a "$SUMMARY" >&2
[[ "$code" == 201 && "$code2" == 201 ]] || { echo "sample submissions were not created" >&2; exit 1; }
SAMPLES_CREATED=2

export BENCH_TOKEN="$TOKEN" BENCH_PATIENTS="$PATIENT_IDS" BENCH_RISK_SHARE="$RISK_SHARE"
URL="$BASE/api/v1/patients"

# run_wrk (lib.sh) with this script's Lua and URL: submit_wrk <label> <threads> <connections> <duration>
submit_wrk() { run_wrk "$1" "$2" "$3" "$4" "$BENCH_DIR/assessments.lua" "$URL"; }

submit_wrk warmup 2 8 "$WARMUP"
start_wait_sampler "$RUN_DIR/waits-c8.raw"
submit_wrk c8 2 8 "$DURATION"
stop_wait_sampler
{ echo "during c8:"; wait_histogram "$RUN_DIR/waits-c8.raw"; } | tee "$RUN_DIR/waits-c8.txt" >>"$SUMMARY"
submit_wrk c1 1 1 "$DURATION"

# Check: what the API lists per patient against the 201s wrk counted. A request still in flight
# when a wrk run stops may be stored without being counted, so the store may hold up to
# connections (8 + 8 + 1) more; it must never hold fewer.
# sum_field <name>: the sum of name=N over the RESULT lines in the summary.
sum_field() { awk -v f="$1=" '{ for (i = 1; i <= NF; i++) if (index($i, f) == 1) s += substr($i, length(f) + 1) } END { print s + 0 }' "$SUMMARY"; }
created=$((SAMPLES_CREATED + $(sum_field created)))
other="$(sum_field other_status)"
errors="$(sum_field errors)"
listed=0
while read -r id; do
	n="$(curl -sf -H "$AUTH" "$BASE/api/v1/patients/$id/assessments" | jq 'length')"
	listed=$((listed + n))
done <"$PATIENT_IDS"
# Only the submissions of this run (the nurse's); the demo seed may add its own.
mine="FROM assessment a WHERE a.created_by = 'nurse'"
stored="$(sql -At -c "SELECT count(*) $mine")"
flagged="$(sql -At -c "SELECT count(*) $mine AND EXISTS (SELECT 1 FROM risk_alert r WHERE r.assessment_id = a.id)")"
alerts="$(sql -At -c "SELECT count(*) FROM risk_alert r JOIN assessment a ON a.id = r.assessment_id WHERE a.created_by = 'nurse'")"
items="$(sql -At -c "SELECT count(*) FROM assessment_item i JOIN assessment a ON a.id = i.assessment_id WHERE a.created_by = 'nurse'")"
audited="$(sql -At -c "SELECT count(*) FROM audit_entry WHERE username = 'nurse' AND resource_type = 'Assessment' AND action = 'CREATE'")"
mails="$(sql -At -c "SELECT count(*) FROM mail_outbox")"
audit_mix="$(sql -At -F ' ' -c "SELECT resource_type || ' ' || action, count(*) FROM audit_entry WHERE username = 'nurse'
	AND occurred_at >= (SELECT min(created_at) FROM assessment WHERE created_by = 'nurse') GROUP BY 1 ORDER BY 2 DESC" | paste -sd, | sed 's/,/, /g')"
ADMIN_TOKEN="$(token admin || true)"
chain="$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/audit/verify" | jq -c . || echo 'not checked')"
{
	echo
	echo "check: 201 answers counted by wrk (all runs + 2 samples): $created; other statuses: $other"
	echo "check: assessments listed through the API for the $PATIENTS patients: $listed (database: $stored," \
		"$items items, $audited audit CREATE entries)"
	echo "check: risk alerts $alerts on $flagged assessments ($(awk -v a="$flagged" -v n="$stored" 'BEGIN { printf "%.1f", n ? 100 * a / n : 0 }') %), mail outbox $mails"
	echo "check: audit chain $chain"
	echo "check: the nurse's audit entries since the first submission: $audit_mix"
	echo "wrk errors (socket errors and non-2xx/3xx answers) over all runs: $errors"
} | tee -a "$SUMMARY" >&2
status=0
if ((listed < created || listed > created + 17 || other > 0 || errors > 0)); then
	echo "MISMATCH: $listed assessments listed, $created created answers, $other other statuses" | tee -a "$SUMMARY" >&2
	status=2
fi
echo
cat "$SUMMARY"
exit "$status"

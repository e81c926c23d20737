#!/usr/bin/env bash
# FHIR import throughput: Synthea transaction bundles POSTed to /fhir as a physician.
#
#   bench/fhir-import.sh                       # builds the jar, generates 200 Synthea patients, measures
#   SKIP_BUILD=1 PATIENTS=50 PARALLEL=4 bench/fhir-import.sh
#
# Steps: Synthea (the pom's synthea profile, same seed and options as SyntheaImportTest, PATIENTS
# adults, cached in target/synthea-bench-<PATIENTS>) -> fresh data dir -> start the jar -> token
# (physician) -> every bundle once, one at a time (curl) -> the same bundles again (the idempotent
# path: nothing stored, 200 with the earlier locations) -> restart on a fresh data dir -> every
# bundle once with PARALLEL concurrent requests (xargs -P). Per run: bundles/s, bundle entries/s,
# resources stored/s (entries answered 201), p50/p95 per bundle. A bundle refused with 422
# (one entry breaks a rule; the whole bundle is rolled back) is counted and listed in refused.txt;
# any other answer fails the run (exit 2). Results in
# bench/results/fhir-import-<timestamp>/ (gitignored).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PATIENTS="${PATIENTS:-200}"
PARALLEL="${PARALLEL:-4}"

require_tools curl jq awk xargs

build_jar

SYNTHEA_DIR="$REPO_DIR/target/synthea-bench-$PATIENTS"
if [[ ! -d "$SYNTHEA_DIR/fhir" ]]; then
	log "Generating $PATIENTS Synthea patients into $SYNTHEA_DIR"
	t0="$(now_ms)"
	(cd "$REPO_DIR" && ./mvnw -B -q -Psynthea exec:exec@synthea -Dsynthea.population="$PATIENTS" \
		-Dsynthea.output="$SYNTHEA_DIR")
	log "Synthea took $(ms_to_s $(($(now_ms) - t0))) s"
fi
BUNDLES=()
while IFS= read -r file; do BUNDLES+=("$file"); done < <(ls "$SYNTHEA_DIR"/fhir/*.json | grep -v -e hospitalInformation -e practitionerInformation)
((${#BUNDLES[@]} > 0)) || { echo "no Synthea bundles in $SYNTHEA_DIR/fhir" >&2; exit 1; }

new_run fhir-import
{
	echo "FHIR import benchmark $(date -Is) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
	java -version 2>&1 | head -n1
	echo "jar: $JAR; bundles: ${#BUNDLES[@]} ($(du -sh "$SYNTHEA_DIR/fhir" | cut -f1)); parallel: $PARALLEL; BENCH_JAVA_OPTS: ${BENCH_JAVA_OPTS:-none}"
	echo "entries in the bundles: $(cat "${BUNDLES[@]}" | jq -s 'map(.entry | length) | add')"
} >"$SUMMARY"
cat "$SUMMARY" >&2

start_fresh() {
	stop_app
	rm -rf "$DATA_DIR"
	PORT="$(free_port)"
	BASE="http://127.0.0.1:$PORT"
	start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app-$1.log" --clinic.database.embedded.clean-on-start=false \
		--spring.mail.host=127.0.0.1 --spring.mail.port="$(free_port)"
	wait_ready "$PORT" "$RUN_DIR/app-$1.log"
	TOKEN="$(curl -sf -H 'Content-Type: application/json' -d '{"username":"physician","password":"ketamine-demo"}' \
		"$BASE/api/v1/auth/token" | jq -r '.token // empty' || true)"
	[[ -n "$TOKEN" ]] || { echo "could not get a token for physician" >&2; exit 1; }
	export BASE TOKEN RUN_DIR
}

# import_one <bundle-file>: one POST; prints "<ms> <http status> <entries> <stored (201)>".
import_one() {
	local file="$1" out status seconds
	out="$(mktemp)"
	read -r status seconds < <(curl -s -o "$out" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/fhir+json' --data-binary "@$file" "$BASE/fhir")
	if [[ "$status" != 200 ]]; then
		# Why a bundle was refused (entry index and rule; no patient data), for the record.
		printf '%s\t%s\t%s\n' "$(basename "$file" .json | sed "s/.*_//")" "$status" "$(jq -r '.issue[0].diagnostics // empty' "$out" 2>/dev/null)" \
			>>"$RUN_DIR/refused.txt"
	fi
	jq -r --arg s "$status" --arg t "$seconds" \
		'"\(($t | tonumber) * 1000 | floor) \($s) \(.entry // [] | length) \([.entry[]? | select(.response.status == "201 Created")] | length)"' \
		"$out" 2>/dev/null || echo "0 $status 0 0"
	rm -f "$out"
}
export -f import_one

# run_import <label> <concurrency>: every bundle once; one line of figures into $SUMMARY.
run_import() {
	local label="$1" concurrency="$2" lines="$RUN_DIR/$1.txt" t0 wall jvm0 jvm
	log "$label: ${#BUNDLES[@]} bundles, $concurrency at a time (load avg $(loadavg))"
	jvm0="$(app_cpu_s)" t0="$(now_ms)"
	printf '%s\0' "${BUNDLES[@]}" | xargs -0 -P "$concurrency" -I{} bash -c 'import_one "$1"' _ {} >"$lines"
	wall=$(($(now_ms) - t0))
	jvm="$(awk -v a="$jvm0" -v b="$(app_cpu_s)" 'BEGIN { printf "%.1f", b - a }')"
	sort -n "$lines" | awk -v label="$label" -v wall="$wall" -v c="$concurrency" -v jvm="$jvm" '
		{ ms[NR] = $1; if ($2 != 200) bad++; entries += $3; stored += $4 }
		END {
			p50 = ms[int((NR - 1) * 0.50) + 1]; p95 = ms[int((NR - 1) * 0.95) + 1]
			printf "%s (%d at a time): %d bundles in %.1f s: %.2f bundles/s, %.0f entries/s, %.0f stored/s (%d entries, %d stored); per bundle p50 %d ms, p95 %d ms, max %d ms; app JVM CPU %s s; refused (not 200): %d\n",
				label, c, NR, wall / 1000, NR * 1000 / wall, entries * 1000 / wall, stored * 1000 / wall, entries, stored, p50, p95, ms[NR], jvm, bad + 0
		}' | tee -a "$SUMMARY" >&2
	# 422 is a bundle the modules' checks refuse (Synthea makes the odd diastolic above its systolic):
	# counted and listed in refused.txt. Anything else is a failure.
	if awk '$2 != 200 && $2 != 422 { found = 1 } END { exit !found }' "$lines"; then
		echo "some bundles were answered neither 200 nor 422: see $lines" >&2
		exit 2
	fi
}

start_fresh sequential
run_import sequential 1
run_import reimport 1
start_fresh parallel
run_import parallel "$PARALLEL"
echo "load avg at the end: $(loadavg)" >>"$SUMMARY"
log "Summary: $SUMMARY"

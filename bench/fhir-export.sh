#!/usr/bin/env bash
# FHIR Bulk Data export throughput over the outcomes benchmark's data size: 100,000 patients and
# 2,000,000 rating-scale assessments (with their item answers) in the real tables.
#
#   bench/fhir-export.sh                       # build, seed with SQL, export, report
#   SKIP_BUILD=1 PATIENTS=10000 RATINGS=200000 bench/fhir-export.sh
#   PER_TYPE=0 bench/fhir-export.sh            # only the whole export, no export per type
#
# Steps: fresh data dir -> start the jar (export files under the run directory) ->
# bench/seed-fhir-export.sql (generate_series into patient, patient_measurement, patient_condition,
# assessment, assessment_item) -> token (physician) -> GET /fhir/$export with Prefer: respond-async
# -> poll the Content-Location every 0.2 s until 200 -> download every file in the manifest ->
# then, with PER_TYPE=1, one export per resource type in the manifest (_type=<Type>), since the
# whole export reads the types interleaved batch by batch and cannot time them apart.
# Exports whatever resource types the build has (every PatientCompartment bean).
# Results in bench/results/fhir-export-<timestamp>/summary.txt (gitignored). Never fails on timing.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PATIENTS="${PATIENTS:-100000}"
RATINGS="${RATINGS:-2000000}"
PER_TYPE="${PER_TYPE:-1}"

require_tools psql curl jq

build_jar

new_run fhir-export
EXPORT_DIR="$RUN_DIR/exports"
trap 'run_cleanup; [[ "${KEEP_DATA:-0}" == "1" ]] || rm -rf "$EXPORT_DIR" "$RUN_DIR/download"' EXIT

PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
log "Results in $RUN_DIR (port $PORT, $PATIENTS patients, $RATINGS assessments)"
{
	echo "FHIR bulk export benchmark $(date -Is) on $(nproc) cores, load avg $(loadavg)"
	java -version 2>&1 | head -n1
	echo "data: $PATIENTS patients (+ the demo clinic's), $RATINGS assessments with item answers"
} >"$SUMMARY"

start_app "$DATA_DIR" "$PORT" "$RUN_DIR/app.log" --clinic.database.embedded.clean-on-start=false \
	--clinic.fhir.export.directory="$EXPORT_DIR"
wait_ready "$PORT" "$RUN_DIR/app.log" 900
use_embedded_pg "$RUN_DIR/app.log"

t0="$(now_ms)"
sql -v patients="$PATIENTS" -v ratings="$RATINGS" -f "$BENCH_DIR/seed-fhir-export.sql" | tee -a "$SUMMARY" >&2
echo "seed: $(ms_to_s $(($(now_ms) - t0))) s" | tee -a "$SUMMARY" >&2
sql -c "CHECKPOINT" >/dev/null

TOKEN="$(curl -s -H 'Content-Type: application/json' \
	-d '{"username":"physician","password":"ketamine-demo"}' "$BASE/api/v1/auth/token" | jq -r .token)"
[[ -n "$TOKEN" && "$TOKEN" != "null" ]] || { echo "could not get a token" >&2; exit 1; }

# export_once <label> <query string>: one export from kick-off to manifest, then every file downloaded.
export_once() {
	local label="$1" query="$2" headers location code wall jvm0 pg0 jvm pg job server_s
	log "export $label: GET /fhir/\$export$query"
	jvm0="$(app_cpu_s)" pg0="$(pg_cpu_s)" t0="$(now_ms)"
	headers="$(curl -s -D - -o "$RUN_DIR/$label-kickoff.json" -H "Authorization: Bearer $TOKEN" \
		-H 'Prefer: respond-async' -H 'Accept: application/fhir+json' "$BASE/fhir/\$export$query" | tr -d '\r')"
	code="$(head -n1 <<<"$headers" | awk '{ print $2 }')"
	[[ "$code" == "202" ]] || { echo "$label: kick-off answered $code" >&2; cat "$RUN_DIR/$label-kickoff.json" >&2; return 1; }
	location="$(sed -n 's/^[Cc]ontent-[Ll]ocation: *//p' <<<"$headers")"
	while :; do
		code="$(curl -s -o "$RUN_DIR/$label-manifest.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$location")"
		[[ "$code" == "200" ]] && break
		[[ "$code" == "202" ]] || { echo "$label: poll answered $code" >&2; cat "$RUN_DIR/$label-manifest.json" >&2; return 1; }
		sleep 0.2
	done
	wall=$(($(now_ms) - t0))
	jvm="$(awk -v a="$jvm0" -v b="$(app_cpu_s)" 'BEGIN { printf "%.1f", b - a }')"
	pg="$(awk -v a="$pg0" -v b="$(pg_cpu_s)" 'BEGIN { printf "%.1f", b - a }')"
	job="${location##*_jobId=}"
	server_s="$(sql -At -c "SELECT round(extract(epoch FROM completed_at - created_at)::numeric, 2) FROM fhir_export_job WHERE id = '$job'")"

	local total files
	total="$(jq '[.output[].count] | add // 0' "$RUN_DIR/$label-manifest.json")"
	files="$(jq '.output | length' "$RUN_DIR/$label-manifest.json")"
	{
		echo "== export $label ($query): $total resources in $files file(s)"
		awk -v n="$total" -v ms="$wall" -v s="$server_s" 'BEGIN { printf "  kick-off to manifest %.1f s (job on the server %s s): %.0f resources/s\n", ms / 1000, s, n * 1000 / ms }'
		# CPU per resource is the steadier figure on a shared machine: wall time includes waiting for the cores.
		awk -v j="$jvm" -v p="$pg" -v n="$total" 'BEGIN { printf "  CPU meanwhile: app JVM %s s, PostgreSQL %s s; per 1000 resources JVM %.0f ms, PostgreSQL %.0f ms\n", j, p, (n ? j * 1e6 / n : 0), (n ? p * 1e6 / n : 0) }'
	} | tee -a "$SUMMARY" >&2

	# Every file, counted line by line and timed; each type's count against the manifest.
	mkdir -p "$RUN_DIR/download"
	local type url count lines bytes dl_ms
	declare -A type_lines=() type_bytes=() type_count=() type_ms=()
	while IFS=$'\t' read -r type url count; do
		t0="$(now_ms)"
		curl -s -o "$RUN_DIR/download/part.ndjson" -H "Authorization: Bearer $TOKEN" -H 'Accept: application/fhir+ndjson' "$url"
		dl_ms=$(($(now_ms) - t0))
		lines="$(wc -l <"$RUN_DIR/download/part.ndjson")"
		bytes="$(stat -c %s "$RUN_DIR/download/part.ndjson")"
		rm -f "$RUN_DIR/download/part.ndjson"
		type_lines[$type]=$((${type_lines[$type]:-0} + lines))
		type_bytes[$type]=$((${type_bytes[$type]:-0} + bytes))
		type_count[$type]=$((${type_count[$type]:-0} + count))
		type_ms[$type]=$((${type_ms[$type]:-0} + dl_ms))
	done < <(jq -r '.output[] | [.type, .url, .count] | @tsv' "$RUN_DIR/$label-manifest.json")
	for type in $(printf '%s\n' "${!type_count[@]}" | sort); do
		awk -v t="$type" -v n="${type_count[$type]}" -v l="${type_lines[$type]}" -v b="${type_bytes[$type]}" -v d="${type_ms[$type]}" \
			'BEGIN { printf "  %-26s %9d resources (%s lines%s), %7.1f MB, %5.0f bytes each; download %.1f s\n",
				t, n, l, (n == l ? "" : " MISMATCH"), b / 1048576, (n ? b / n : 0), d / 1000 }' | tee -a "$SUMMARY" >&2
	done
	LAST_TYPES="$(printf '%s\n' "${!type_count[@]}" | sort | tr '\n' ' ')"
}

export_once all ""
if [[ "$PER_TYPE" == "1" ]]; then
	for type in $LAST_TYPES; do
		export_once "$type" "?_type=$type"
	done
fi
grep -o 'FHIR export [0-9a-f-]* \(completed\|failed\).*' "$RUN_DIR/app.log" >"$RUN_DIR/jobs.txt" || true
log "Done: $SUMMARY"

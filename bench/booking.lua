-- POST /api/v1/appointments: an IV infusion at 17:00 (the free end of each seeded day) for a
-- different patient each time; the book picks a free chair and nurse. Run with one wrk thread so
-- the counter is shared by its connections: request n takes day n / 30 and patient n mod 2000, so
-- no request asks for a taken chair, nurse or patient while the day still has a free chair.
-- BENCH_DAYS (one date per line), BENCH_PATIENTS (one id per line). The start is clinic wall-clock time (no offset).
dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  days, patients = {}, {}
  for line in io.lines(os.getenv("BENCH_DAYS")) do if line ~= "" then table.insert(days, line) end end
  for line in io.lines(os.getenv("BENCH_PATIENTS")) do if line ~= "" then table.insert(patients, line) end end
  headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json",
    ["Accept"] = "application/json" }
  n = -1
  statuses = {}
end

function request()
  n = n + 1
  local day = days[math.floor(n / 30) % #days + 1]
  local patient = patients[n % #patients + 1]
  local body = '{"patientId":"' .. patient .. '","type":"IV_INFUSION","start":"' .. day .. 'T17:00:00"}'
  return wrk.format("POST", "/api/v1/appointments", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local created, conflicts, other = 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      if status == 201 then created = created + count elseif status == 409 then conflicts = conflicts + count
      else other = other + count end
    end
  end
  report(summary, latency, string.format("created=%d conflicts=%d other_status=%d", created, conflicts, other))
end

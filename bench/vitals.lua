-- wrk script for POST /api/v1/sessions/{id}/vitals: every connection is one chair posting one
-- reading per second (delay 1000 ms), to its own session, with plausible varying values; about 1 in
-- 20 readings has a systolic of 180 or more and raises an alert in the same transaction.
-- Environment: BENCH_TOKEN (bearer token), BENCH_SESSIONS (file, one session id per line).
-- done() prints the percentiles and RESULT line of bench/wrk-report.lua and the responses by status.

dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")

local token = os.getenv("BENCH_TOKEN")
local sessions_file = os.getenv("BENCH_SESSIONS")

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(sessions_file) do
    if line ~= "" then
      table.insert(paths, "/api/v1/sessions/" .. line .. "/vitals")
    end
  end
  headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  math.randomseed(os.time() * 100 + thread_index * 7919)
  statuses = {}
  next_path = thread_index
end

function delay()
  return 1000
end

function request()
  -- Threads take turns over the sessions so that each chair keeps its own stream.
  next_path = next_path % #paths + 1
  local sbp = math.random() < 0.05 and math.random(180, 190) or math.random(110, 150)
  local body = string.format('{"takenAt":"%s","sbp":%d,"dbp":%d,"hr":%d,"spo2":%d,"rr":%d}',
    os.date("!%Y-%m-%dT%H:%M:%SZ"), sbp, math.random(65, 95), math.random(55, 110), math.random(93, 100), math.random(12, 20))
  return wrk.format("POST", paths[next_path], headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local codes, created, other = {}, 0, 0
  for status, count in pairs(by_status) do
    table.insert(codes, status)
    if status == 201 then created = created + count else other = other + count end
  end
  table.sort(codes)
  local parts = {}
  for _, status in ipairs(codes) do
    table.insert(parts, string.format("%d: %d", status, by_status[status]))
  end
  report(summary, latency, string.format("created=%d other_status=%d", created, other))
  io.write(string.format("by status     %s\n", #parts > 0 and table.concat(parts, ", ") or "none"))
end

-- GET /api/v1/availability for IV infusions on a day of the seeded year, a different day each request.
-- BENCH_DAYS: file with one yyyy-mm-dd per line (the clinic's open days).
dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  days = {}
  for line in io.lines(os.getenv("BENCH_DAYS")) do if line ~= "" then table.insert(days, line) end end
  headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Accept"] = "application/json" }
  n = thread_index * 1000
  statuses = {}
  with_slots = 0
end

function request()
  n = n + 1
  return wrk.format("GET", "/api/v1/availability?date=" .. days[(n * 7919) % #days + 1] .. "&type=IV_INFUSION", headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 and body:find('"slots":%[{') then with_slots = with_slots + 1 end
end

function done(summary, latency, requests)
  local ok, other, slots = 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      if status == 200 then ok = ok + count else other = other + count end
    end
    slots = slots + thread:get("with_slots")
  end
  report(summary, latency, string.format("ok=%d with_free_slots=%d other_status=%d", ok, slots, other))
end

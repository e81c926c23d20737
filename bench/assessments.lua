-- wrk script for POST /api/v1/patients/{id}/assessments with PHQ-9 submissions.
-- Environment: BENCH_TOKEN (bearer token), BENCH_PATIENTS (file, one patient id per line),
-- BENCH_RISK_SHARE (share of submissions with item 9 above 0, default 0.05).
-- Every request goes to a random patient with random valid answers: items 1-8 uniform 0-3, item 9
-- 1-3 in BENCH_RISK_SHARE of them (each of those raises a risk alert and queues its email), else 0.
-- done() prints the percentiles and RESULT line of bench/wrk-report.lua, plus the responses by
-- status code: created (201) is what the database should hold afterwards.

dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")

local token = os.getenv("BENCH_TOKEN")
local patients_file = os.getenv("BENCH_PATIENTS")
local risk_share = tonumber(os.getenv("BENCH_RISK_SHARE") or "0.05")

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  if token == nil or patients_file == nil then
    error("set BENCH_TOKEN and BENCH_PATIENTS")
  end
  paths = {}
  for line in io.lines(patients_file) do
    if line ~= "" then
      table.insert(paths, "/api/v1/patients/" .. line .. "/assessments")
    end
  end
  if #paths == 0 then
    error("no patients in " .. patients_file)
  end
  headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  math.randomseed(os.time() * 100 + thread_index * 7919)
  statuses = {}
  sent = 0
  sent_risk = 0
end

function request()
  local answers = {}
  for i = 1, 8 do
    answers[i] = math.random(0, 3)
  end
  if math.random() < risk_share then
    answers[9] = math.random(1, 3)
    sent_risk = sent_risk + 1
  else
    answers[9] = 0
  end
  sent = sent + 1
  local body = '{"instrument":"PHQ9","answers":[' .. table.concat(answers, ",") .. ']}'
  return wrk.format("POST", paths[math.random(#paths)], headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local by_status, total_sent, total_risk = {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
    total_sent = total_sent + thread:get("sent")
    total_risk = total_risk + thread:get("sent_risk")
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
  io.write(string.format("item 9 > 0    %d of %d built (%.1f %%)\n", total_risk, total_sent,
    total_sent > 0 and 100 * total_risk / total_sent or 0))
end

-- wrk script for GET /api/v1/patients?query=...
-- Environment: BENCH_TOKEN (bearer token), BENCH_QUERIES (file, one search text per line);
-- or BENCH_PATH: request that one path instead (used for the readiness baseline).
-- Each thread walks the query list from its own offset, so threads do not send the same query
-- at the same moment. done() prints the percentiles and a RESULT line (bench/wrk-report.lua).

local token = os.getenv("BENCH_TOKEN")
local queries_file = os.getenv("BENCH_QUERIES")
local fixed_path = os.getenv("BENCH_PATH")

local thread_count = 0

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  paths = {}
  headers = { ["Accept"] = "application/json" }
  if fixed_path ~= nil and fixed_path ~= "" then
    table.insert(paths, fixed_path)
    position = 0
    return
  end
  if token == nil or queries_file == nil then
    error("set BENCH_TOKEN and BENCH_QUERIES")
  end
  for line in io.lines(queries_file) do
    if line ~= "" then
      table.insert(paths, "/api/v1/patients?query=" .. urlencode(line))
    end
  end
  if #paths == 0 then
    error("no queries in " .. queries_file)
  end
  headers["Authorization"] = "Bearer " .. token
  -- Spread the threads over the list.
  position = (thread_index * 7919) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], headers)
end

dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")

function done(summary, latency, requests)
  report(summary, latency)
end

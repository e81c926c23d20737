-- wrk script for GET /api/v1/board (the chair board a wall screen polls). Environment: BENCH_TOKEN.
dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")

local token = os.getenv("BENCH_TOKEN")

function request()
  return wrk.format("GET", "/api/v1/board", { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  report(summary, latency, "")
end

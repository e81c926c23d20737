-- The report every bench/*.lua script prints from done(): requests/s, p50/p95/p99, errors, and a
-- RESULT line that the scripts put into summary.txt. Load it with
--   dofile((os.getenv("BENCH_DIR") or "bench") .. "/wrk-report.lua")
-- (run_wrk in lib.sh sets BENCH_DIR). `extra` is appended to the RESULT line as is.

function report(summary, latency, extra)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local function ms(us) return us / 1000 end
  io.write("------------------------------------------------------------\n")
  io.write(string.format("requests      %d in %.1f s = %.1f req/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency p50   %.2f ms\n", ms(latency:percentile(50))))
  io.write(string.format("latency p95   %.2f ms\n", ms(latency:percentile(95))))
  io.write(string.format("latency p99   %.2f ms\n", ms(latency:percentile(99))))
  io.write(string.format("latency mean  %.2f ms, max %.2f ms\n", ms(latency.mean), ms(latency.max)))
  io.write(string.format("errors        %d (non-2xx/3xx %d, connect %d, read %d, write %d, timeout %d)\n",
    errors, e.status, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("RESULT p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f rps=%.1f requests=%d errors=%d%s\n",
    ms(latency:percentile(50)), ms(latency:percentile(95)), ms(latency:percentile(99)),
    summary.requests / seconds, summary.requests, errors, extra and (" " .. extra) or ""))
end

-- wrk script of bench/run: sends If-None-Match when WRK_ETAG is set, and writes the run's numbers as JSON to
-- WRK_JSON (throughput, errors, latency percentiles in milliseconds).
local etag = os.getenv("WRK_ETAG")
if etag ~= nil and etag ~= "" then
  wrk.headers["If-None-Match"] = etag
end
wrk.headers["Accept"] = os.getenv("WRK_ACCEPT") or "*/*"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local f = assert(io.open(os.getenv("WRK_JSON"), "w"))
  f:write(string.format('{"path":"%s","connections":%s,"threads":%s,"requests":%d,"seconds":%.3f,"rps":%.2f,',
    os.getenv("WRK_PATH") or "", os.getenv("WRK_CONNECTIONS") or "0", os.getenv("WRK_THREADS") or "0",
    summary.requests, seconds, summary.requests / seconds))
  f:write(string.format('"bytes":%d,"non2xx3xx":%d,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},',
    summary.bytes, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
  f:write(string.format('"latency_ms":{"mean":%.3f,"stdev":%.3f,"max":%.3f,"p50":%.3f,"p75":%.3f,"p90":%.3f,' ..
    '"p99":%.3f,"p99_9":%.3f}}\n', latency.mean / 1000, latency.stdev / 1000, latency.max / 1000,
    latency:percentile(50) / 1000, latency:percentile(75) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
  f:close()
end

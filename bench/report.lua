-- wrk calls done() once at the end: print one line scripts/bench can parse.
-- Latencies are in microseconds; "status" counts answers that were not 2xx or 3xx.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH rps=%.1f p50_us=%d p99_us=%d requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50.0), latency:percentile(99.0),
    summary.requests, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end

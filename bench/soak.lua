-- The soak (issue 12): mixed reads and writes, as several demo accounts, for a long run.
-- Arguments: the request list (one "METHOD<TAB>PATH<TAB>COOKIE<TAB>BODY" per line; a path
-- repeated weighs more) and the server's origin, which a same-site write must name.
-- Each thread walks the list from its own offset, round and round, and counts answers by class.
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

init = function(args)
  list = {}
  for line in io.lines(args[1]) do
    local method, path, cookie, body = line:match("^(%S+)\t(%S+)\t([^\t]*)\t?(.*)$")
    local headers = { ["Cookie"] = cookie, ["Origin"] = args[2], ["X-Requested-With"] = "XMLHttpRequest" }
    if body == "" then
      body = nil
    else
      headers["Content-Type"] = "application/json"
    end
    list[#list + 1] = wrk.format(method, path, headers, body)
  end
  next_request = id * 7 % #list
  ok, redirects, client_errors, server_errors = 0, 0, 0, 0
end

request = function()
  next_request = next_request % #list + 1
  return list[next_request]
end

response = function(status)
  if status < 300 then ok = ok + 1
  elseif status < 400 then redirects = redirects + 1
  elseif status < 500 then client_errors = client_errors + 1
  else server_errors = server_errors + 1 end
end

done = function(summary, latency, requests)
  local totals = { ok = 0, redirects = 0, client_errors = 0, server_errors = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  local errors = summary.errors
  io.write(string.format(
    "SOAK rps=%.1f p50_us=%d p99_us=%d requests=%d ok=%d redirects=%d client_errors=%d server_errors=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50.0), latency:percentile(99.0), summary.requests,
    totals.ok, totals.redirects, totals.client_errors, totals.server_errors,
    errors.connect + errors.read + errors.write + errors.timeout))
end

-- wrk script of bench/containers: rotates through the paths listed in a file (one per line),
-- sends the session cookie to pages and the bearer token to /api/, counts the answers of each
-- instance (X-Instance-Id; "none" when the proxy answered itself) and among them those other than
-- 200, and prints one machine-readable line.
--   wrk ... -s bench/wrk-instances.lua URL -- COOKIE TOKEN PATHS_FILE
local threads = {}
local paths = {}
local cookie = ""
local token = ""
local counter = 0
-- globals, so that done() can read them from each thread
answers = {}
failures = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  cookie = args[1] or ""
  token = args[2] or ""
  for line in io.lines(args[3]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  -- threads start at different places of the list
  counter = math.random(0, 1000)
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if path:sub(1, 5) == "/api/" then
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  local instance = headers["X-Instance-Id"] or headers["x-instance-id"] or "none"
  answers[instance] = (answers[instance] or 0) + 1
  if status ~= 200 then failures[instance] = (failures[instance] or 0) + 1 end
end

function done(summary, latency, requests)
  local total, failed = {}, {}
  for _, thread in ipairs(threads) do
    for instance, n in pairs(thread:get("answers")) do total[instance] = (total[instance] or 0) + n end
    for instance, n in pairs(thread:get("failures")) do failed[instance] = (failed[instance] or 0) + n end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT p50=%.2f p95=%.2f p99=%.2f rps=%.1f requests=%d socket-errors=%d"
      .. " (connect=%d read=%d write=%d timeout=%d)",
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests / (summary.duration / 1e6), summary.requests, errors, summary.errors.connect,
      summary.errors.read, summary.errors.write, summary.errors.timeout))
  for instance, n in pairs(total) do
    io.write(string.format(" answers[%s]=%d failed[%s]=%d", instance, n, instance, failed[instance] or 0))
  end
  io.write("\n")
end

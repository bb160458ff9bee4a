-- wrk script of bench/run: sends the session cookie, rotates through the paths listed in a
-- file (one per line), and prints one machine-readable line with p50/p95/p99 and throughput.
--   wrk ... -s bench/wrk.lua URL -- COOKIE PATHS_FILE
local paths = {}
local cookie = ""
local counter = 0

function init(args)
  cookie = args[1] or ""
  if args[2] and args[2] ~= "" then
    for line in io.lines(args[2]) do
      if line ~= "" then paths[#paths + 1] = line end
    end
  end
  -- threads start at different places of the list
  counter = math.random(0, 1000)
end

function request()
  counter = counter + 1
  local path = wrk.path
  if #paths > 0 then path = paths[(counter % #paths) + 1] end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT p50=%.2f p95=%.2f p99=%.2f rps=%.1f requests=%d errors=%d\n",
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests / (summary.duration / 1e6), summary.requests, errors))
end

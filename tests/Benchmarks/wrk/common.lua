-- Shared by the scenario scripts (loaded with dofile): reading request files, per-status
-- counting and the done() report. The runner parses the one line starting with BENCH_RESULT.

local common = {}

local threads = {}
local thread_count = 0

-- Called once per wrk thread in the main Lua state, before the threads start.
function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_id", thread_count)
   table.insert(threads, thread)
end

function common.read_lines(path)
   local lines = {}
   local file = assert(io.open(path, "r"), "cannot open " .. tostring(path))
   for line in file:lines() do
      if line ~= "" then
         table.insert(lines, line)
      end
   end
   file:close()
   assert(#lines > 0, "no requests in " .. path)
   return lines
end

function common.read_file(path)
   local file = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
   local text = file:read("*a")
   file:close()
   return text
end

-- Count responses per status code (only when asked: making wrk hand every response to Lua
-- costs load-generator CPU, which matters for the fast scenarios).
function common.count_statuses()
   statuses = {}
   response = function(status, headers, body)
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
   end
end

local function json_escape(text)
   return (string.gsub(text, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end))
end

function done(summary, latency, requests)
   local counts = nil
   for _, thread in ipairs(threads) do
      local thread_statuses = thread:get("statuses")
      if type(thread_statuses) == "table" then
         counts = counts or {}
         for status, n in pairs(thread_statuses) do
            counts[status] = (counts[status] or 0) + n
         end
      end
   end
   local parts = {}
   if counts then
      for status, n in pairs(counts) do
         table.insert(parts, string.format('"%s":%d', json_escape(status), n))
      end
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests":%d,"duration_s":%.3f,"rps":%.2f,"bytes":%d,' ..
      '"latency_ms":{"p50":%.3f,"p90":%.3f,"p95":%.3f,"p99":%.3f,"mean":%.3f,"max":%.3f},' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"non_2xx_3xx":%d},"statuses":%s}\n',
      summary.requests, seconds, summary.requests / seconds, summary.bytes,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000,
      e.connect, e.read, e.write, e.timeout, e.status,
      counts and ("{" .. table.concat(parts, ",") .. "}") or "null"))
end

return common

-- GET requests read from a file, one per line: a path, then optional TAB-separated
-- "Name: value" headers. Each thread cycles through the whole list from its own starting point.
-- wrk args (after --): REQUEST_FILE [count]   ("count" tallies responses per status code)

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local requests = {}
local next_index = 1

function init(args)
   for _, line in ipairs(common.read_lines(args[1])) do
      local fields = {}
      for field in string.gmatch(line, "[^\t]+") do
         table.insert(fields, field)
      end
      local headers = {}
      for i = 2, #fields do
         local name, value = fields[i]:match("^([^:]+):%s*(.*)$")
         headers[name] = value
      end
      table.insert(requests, wrk.format("GET", fields[1], headers))
   end
   -- Spread the threads over the list so they do not ask for the same thing in lockstep.
   next_index = ((thread_id or 1) - 1) * math.floor(#requests / 2) % #requests + 1
   if args[2] == "count" then
      common.count_statuses()
   end
end

function request()
   local r = requests[next_index]
   next_index = next_index % #requests + 1
   return r
end

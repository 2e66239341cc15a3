-- PATCH (JSON merge patch) of random existing articles with a write key: a new subtitle each time.
-- wrk args: IDS_FILE KEY [count]

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local ids, headers
local counter = 0

function init(args)
   ids = common.read_lines(args[1])
   headers = { ["Authorization"] = "Bearer " .. args[2], ["Content-Type"] = "application/merge-patch+json" }
   math.randomseed(os.time() + (thread_id or 0) * 7919)
   if args[3] == "count" then
      common.count_statuses()
   end
end

function request()
   counter = counter + 1
   local id = ids[math.random(#ids)]
   local body = string.format('{"subtitle":"基準測試修訂 %d-%d"}', thread_id or 0, counter)
   return wrk.format("PATCH", "/api/v1/articles/" .. id, headers, body)
end

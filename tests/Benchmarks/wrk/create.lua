-- POST /api/v1/articles with a write key. The body is a template (a realistic article of about
-- 3,000 Chinese characters) whose "__SLUG__" is replaced by a slug unique to this run, thread and request.
-- wrk args: TEMPLATE_FILE KEY RUN_NONCE [count]; environment: BENCH_PHASE (part of the slug)

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local before, after, headers, prefix
local counter = 0

function init(args)
   local template = common.read_file(args[1])
   local at = assert(string.find(template, "__SLUG__", 1, true), "template has no __SLUG__")
   before = string.sub(template, 1, at - 1)
   after = string.sub(template, at + string.len("__SLUG__"))
   headers = { ["Authorization"] = "Bearer " .. args[2], ["Content-Type"] = "application/json" }
   -- run.sh sets BENCH_PHASE, so the warm-up and the measured run never make the same slug.
   prefix = "bench-" .. args[3] .. "-" .. (os.getenv("BENCH_PHASE") or "run") .. "-t" .. tostring(thread_id or 0) .. "-"
   if args[4] == "count" then
      common.count_statuses()
   end
end

function request()
   counter = counter + 1
   return wrk.format("POST", "/api/v1/articles", headers, before .. prefix .. counter .. after)
end

-- wrk script: every request renames one of the 50 files of seed_list (ids 1 to 50) to a name no
-- other request uses, so that each is a small write transaction of its own (bench/compare.sh with
-- BENCH_WORKLOAD=rename). The token comes from the environment: TOKEN.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  counter = 0
  headers = {
    ["Authorization"] = "Token " .. os.getenv("TOKEN"),
    ["Content-Type"] = "application/json",
  }
end
function request()
  counter = counter + 1
  local id = math.random(1, 50)
  local body = string.format('{"name":"r-%d-%d.pdf"}', tid, counter)
  return wrk.format("PATCH", "/api/files/" .. id .. "/", headers, body)
end

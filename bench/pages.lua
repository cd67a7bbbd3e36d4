-- wrk script: GET /attempts/{id}, the HTML question page, as the guest
-- that owns the attempt, rotating over the attempts in bench/seed's
-- pages.tsv (attempt id, guest cookie). Every response should be 200.
--
--   wrk -t2 -c64 -d10s -s bench/pages.lua URL -- out/pages.tsv 2

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

function init(args)
  local requests = {}
  for _, f in ipairs(common.slice(args[1], tonumber(args[2]))) do
    requests[#requests + 1] = wrk.format("GET", "/attempts/" .. f[1], { Cookie = "fq_guest=" .. f[2] })
  end
  request = common.rotate(requests)
end

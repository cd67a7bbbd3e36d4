-- wrk script: GET /attempts/{id}, the HTML question page, as the guest
-- that owns the attempt, rotating over the attempts in bench/seed's
-- pages.tsv (attempt id, guest cookie, CSRF token). Every response should
-- be 200.
--
-- Like a browser, it sends the guest's fq_csrf cookie back: without it
-- every page would make factquiz store a new CSRF token, and the flood
-- would push the answer run's seeded tokens out of the bounded store.
--
--   wrk -t2 -c64 -d10s -s bench/pages.lua URL -- out/pages.tsv 2

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

function init(args)
  local requests = {}
  for _, f in ipairs(common.slice(args[1], tonumber(args[2]))) do
    local cookie = "fq_guest=" .. f[2] .. "; fq_csrf=" .. f[3]
    requests[#requests + 1] = wrk.format("GET", "/attempts/" .. f[1], { Cookie = cookie })
  end
  request = common.rotate(requests)
end

-- wrk script: POST /api/attempts/{id}/answers with the bodies in
-- bench/seed's answers.tsv (attempt id, question id, guest cookie, CSRF
-- token, JSON body), as the guest that owns the attempt: its fq_guest and
-- fq_csrf cookies, and the CSRF token in the X-CSRF-Token header. Each
-- line is one (attempt, question) and can be answered once: a thread that
-- runs out of lines starts its slice again, and those repeats get 409
-- Conflict, which done() reports as not-200.
--
--   wrk -t2 -c64 -d10s -s bench/answers.lua URL -- out/answers.tsv 2

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

function init(args)
  local requests = {}
  for _, f in ipairs(common.slice(args[1], tonumber(args[2]))) do
    local headers = {
      Cookie = "fq_guest=" .. f[3] .. "; fq_csrf=" .. f[4],
      ["X-CSRF-Token"] = f[4],
      ["Content-Type"] = "application/json",
    }
    requests[#requests + 1] = wrk.format("POST", "/api/attempts/" .. f[1] .. "/answers", headers, f[5])
  end
  request = common.rotate(requests)
end

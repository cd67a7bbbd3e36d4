-- Shared by pages.lua and answers.lua: reading the files bench/seed
-- writes, giving each wrk thread a slice of them of its own, counting
-- response statuses and reporting them when the run is done.
--
-- The scripts take two arguments after wrk's "--": the data file and the
-- number of threads (wrk's -t), which a thread needs to find its slice.

local common = {}

-- The setup and done phases run in wrk's main Lua state; each thread
-- runs init, request and response in a state of its own.
local threads = {}

-- Several servers: when the environment variable BENCH_WRK_ADDRS lists
-- addresses (host:port, separated by spaces), thread i connects to
-- address i (round the list) instead of the URL's, so that with as many
-- threads as addresses each server gets one thread and its share of the
-- connections. The URL still gives the Host header, which factquiz does
-- not check. wrk's main state gets no script arguments, hence the
-- environment variable.
local addrs = nil

local function targets()
  if addrs then
    return addrs
  end
  addrs = {}
  for hostport in (os.getenv("BENCH_WRK_ADDRS") or ""):gmatch("%S+") do
    local host, port = hostport:match("^(.+):(%d+)$")
    if not host then
      error("BENCH_WRK_ADDRS: " .. hostport .. " is not host:port")
    end
    local found = wrk.lookup(host, port)
    if not found or #found == 0 then
      error("BENCH_WRK_ADDRS: cannot resolve " .. hostport)
    end
    addrs[#addrs + 1] = found[1]
  end
  return addrs
end

function setup(thread)
  local list = targets()
  if #list > 0 then
    thread.addr = list[#threads % #list + 1]
  end
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- common.slice reads a tab-separated file and returns this thread's
-- contiguous share of its lines, each split into fields. Slices of
-- different threads never overlap.
function common.slice(path, nthreads)
  local all = {}
  for line in io.lines(path) do
    local fields = {}
    for field in line:gmatch("[^\t]+") do
      fields[#fields + 1] = field
    end
    all[#all + 1] = fields
  end
  if #all < nthreads then
    error(path .. ": " .. #all .. " lines for " .. nthreads .. " threads")
  end
  local per = math.floor(#all / nthreads)
  local first = thread_index * per + 1
  local last = first + per - 1
  if thread_index == nthreads - 1 then
    last = #all
  end
  local mine = {}
  for i = first, last do
    mine[#mine + 1] = all[i]
  end
  return mine
end

-- common.rotate returns a request() function that sends the prepared
-- requests in turn, wrapping round when they run out. The thread counts
-- what it sent in the globals sent and wrapped, for done().
function common.rotate(requests)
  nlines = #requests
  sent = 0
  wrapped = 0
  return function()
    sent = sent + 1
    if sent > nlines then
      wrapped = wrapped + 1
    end
    return requests[(sent - 1) % nlines + 1]
  end
end

statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- done prints lines that bench/run.sh reads: the statuses seen, how many
-- responses were not the expected status, and whether lines were reused.
function done(summary, latency, requests)
  local counts, lines, sent_total, wrapped_total = {}, 0, 0, 0
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses") or {}) do
      counts[code] = (counts[code] or 0) + n
    end
    lines = lines + (t:get("nlines") or 0)
    sent_total = sent_total + (t:get("sent") or 0)
    wrapped_total = wrapped_total + (t:get("wrapped") or 0)
  end
  local codes, total, expected = {}, 0, counts[200] or 0
  for code in pairs(counts) do
    codes[#codes + 1] = code
  end
  table.sort(codes)
  local parts = {}
  for _, code in ipairs(codes) do
    parts[#parts + 1] = code .. "=" .. counts[code]
    total = total + counts[code]
  end
  print("bench: statuses " .. (#parts > 0 and table.concat(parts, " ") or "none"))
  print("bench: not-200 " .. (total - expected))
  print("bench: lines " .. lines .. " sent " .. sent_total .. " reused " .. wrapped_total)
  for i, t in ipairs(threads) do
    print("bench: thread " .. i .. " server " .. tostring(t.addr) .. " sent " .. (t:get("sent") or 0))
  end
end

return common

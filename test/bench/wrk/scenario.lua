-- wrk script for Parley's benchmark scenarios. The scenario comes from the
-- SCENARIO environment variable, the seeded samples from BENCH_OUT
-- (tokens.txt, peers.txt, pages.txt, written by test/bench/seed and prep).
-- Each thread rotates through its own share of the tokens.

local out = os.getenv("BENCH_OUT") or "bench-out"
local scenario = os.getenv("SCENARIO") or "list_typical"
local list = "/api/v1/direct_conversations?include=chat,first_user,second_user"
-- The whole inbox screen in one request: peer, last message with its
-- author, unread count and read marker.
local inbox = "/api/v1/direct_conversations?include=chat.latest_message.author,chat.bookmark,first_user,second_user"

local function fields(line)
  local t = {}
  for f in line:gmatch("%S+") do t[#t + 1] = f end
  return t
end

local function lines(name)
  local t = {}
  for line in io.lines(out .. "/" .. name) do t[#t + 1] = fields(line) end
  return t
end

local function class(rows, want)
  local t = {}
  for _, r in ipairs(rows) do
    if r[1] == want then t[#t + 1] = { user = r[2], account = r[3], peer = r[4], chat = r[5], token = r[6] } end
  end
  return t
end

local counter = 0
local threads = 0

-- setup runs in the main Lua state; each thread's state only sees what is
-- set on it.
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local typical, heavy, pages, peers = {}, {}, {}, {}

function init(args)
  local rows = lines("tokens.txt")
  typical = class(rows, "typical")
  heavy = class(rows, "heavy")
  for _, p in ipairs(lines("pages.txt")) do pages[#pages + 1] = { token = p[1], path = p[2] } end
  for _, p in ipairs(lines("peers.txt")) do
    peers[p[1]] = peers[p[1]] or {}
    table.insert(peers[p[1]], p[2])
  end
  counter = (thread_id or 1) * 7919
end

local function pick(t)
  counter = counter + 1
  return t[(counter % #t) + 1]
end

local function get(token, path)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/vnd.api+json" })
end

local function post(token, path, body)
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/vnd.api+json",
    ["Accept"] = "application/vnd.api+json",
  }, body)
end

local function start(token, user)
  return post(token, "/api/v1/direct_conversations",
    '{"data":{"type":"direct_conversation","attributes":{"user_id":"' .. user .. '"}}}')
end

-- A new pair: request k of a thread pairs token k mod n with peer
-- floor(k / n) * THREADS + thread_id of the token's account, so no two
-- requests of any thread ask for the same pair (the seeded typical users
-- share a conversation with only a handful of the sampled peers).
local stride = tonumber(os.getenv("THREADS") or "2")
local created = 0
local function new_pair()
  local u = typical[(created % #typical) + 1]
  local pool = peers[u.account]
  local i = (math.floor(created / #typical) * stride + (thread_id or 1)) % #pool
  local peer = pool[i + 1]
  if peer == u.user then peer = pool[((i + 1) % #pool) + 1] end
  created = created + 1
  return start(u.token, peer)
end

local scenarios = {
  list_typical = function() return get(pick(typical).token, list) end,
  list_heavy = function() return get(pick(heavy).token, list) end,
  list_deep = function() local p = pick(pages); return get(p.token, p.path) end,
  inbox_typical = function() return get(pick(typical).token, inbox) end,
  inbox_heavy = function() return get(pick(heavy).token, inbox) end,
  search_common = function() return get(pick(heavy).token, list .. "&search_peer=m%C3%BCller") end,
  search_rare = function() return get(pick(heavy).token, list .. "&search_peer=%C3%96ZIL") end,
  search_short = function() return get(pick(heavy).token, list .. "&search_peer=an") end,
  create_new = new_pair,
  create_existing = function() local u = pick(typical); return start(u.token, u.peer) end,
  post_message = function()
    local u = pick(typical)
    return post(u.token, "/api/v1/chats/" .. u.chat .. "/messages",
      '{"data":{"type":"message","attributes":{"content":"Benchmark message"}}}')
  end,
}

-- The mix: mostly reading the inbox, some searching and writing.
local mix = {
  "list_typical", "list_typical", "list_typical", "list_typical", "list_typical", "list_typical",
  "list_heavy", "search_common", "post_message", "create_existing", "create_new", "list_deep",
}
scenarios.mix = function() return scenarios[pick(mix)]() end

request = scenarios[scenario]
if request == nil then error("unknown SCENARIO " .. scenario) end

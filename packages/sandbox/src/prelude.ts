/**
 * The sandbox prelude: Lua that runs once in every VM before any creator code, with the
 * instruction hook off. It receives the host's natives, builds the script API from scratch and
 * returns the pieces the host needs. Creator code never sees `_G`, the raw libraries or these
 * locals; it only reaches the read-only `api` through its per-call environment.
 *
 * Its hash is part of the engine id recorded with every match: instruction counts depend on it.
 */
export const PRELUDE_SOURCE = String.raw`
local host = ...

local type, select, error, assert, pcall, xpcall = type, select, error, assert, pcall, xpcall
local rawget, rawequal, rawlen, next, ipairs = rawget, rawequal, rawlen, next, ipairs
local raw_setmetatable, raw_getmetatable = setmetatable, getmetatable
local raw_tostring, raw_tonumber = tostring, tonumber
local collectgarbage, version = collectgarbage, _VERSION
local string, table, math = string, table, math
local s_len, s_sub, s_rep, s_find, s_format = string.len, string.sub, string.rep, string.find, string.format
local s_byte, s_char, s_upper, s_lower, s_reverse = string.byte, string.char, string.upper, string.lower, string.reverse
local s_match = string.match -- the prelude's own fixed, linear patterns only
local t_concat, t_unpack, t_pack = table.concat, table.unpack, table.pack
local m_type, m_tointeger, m_huge = math.type, math.tointeger, math.huge

local charge, forbid, random, stopped = host.charge, host.forbid, host.random, host.stopped
local sorted_keys, ro_len, where = host.sorted_keys, host.ro_len, host.where
local effects, emit_log = host.effects, host.effects.log
local MAX_STRING, MAX_RESULTS = host.maxStringBytes, host.maxResults

-- Nothing below may be reached through globals any more.
local G = _G
for key in next, G do G[key] = nil end

-- C work that the instruction hook cannot see is charged explicitly: one instruction per 64 bytes.
local function charge_bytes(n)
  if n >= 64 then charge(n // 64) end
end

-- Errors raised for the creator carry the creator's position ("ability:LINE: "), found by the
-- host on the stack: the prelude's own frames are skipped, however deep the wrapper.
local function fail(message)
  error(where() .. message, 0)
end

local function arg_error(fname, n, message)
  fail("bad argument #" .. n .. " to '" .. fname .. "' (" .. message .. ")")
end

-- Never lets a string through: converting "1e308" to a number takes musl's strtod ~50 us.
local function check_integer(fname, n, v)
  local t = m_type(v)
  local i = (t == "integer" and v) or (t == "float" and m_tointeger(v))
  if not i then arg_error(fname, n, "integer expected, got " .. (t or type(v))) end
  return i
end

local function check_number(fname, n, v)
  if type(v) ~= "number" then arg_error(fname, n, "number expected, got " .. type(v)) end
  return v
end

-- Float <-> text conversions run musl's bignum code (microseconds): charged as instructions.
local FLOAT_FORMAT_COST, FLOAT_PARSE_COST = 200, 2000

local function check_table(fname, n, v)
  if type(v) ~= "table" then arg_error(fname, n, "table expected, got " .. type(v)) end
  return v
end

local function check_string(fname, n, v)
  local tv = type(v)
  if tv == "number" then return raw_tostring(v) end
  if tv ~= "string" then arg_error(fname, n, "string expected, got " .. tv) end
  return v
end

------------------------------------------------------------------------------------------------
-- Read-only tables. A proxy is empty; its metatable points reads at the backing table and
-- refuses writes, and hides itself ("read-only"). The host builds the state the same way
-- through the C API; its natives (ro_len, sorted_keys) find the backing table through the
-- metatable, which the C API can read and scripts cannot.

local function ro_newindex(_, key)
  fail("attempt to modify a read-only table (field '" .. raw_tostring(key) .. "')")
end

local function readonly_library(name, members, forbidden)
  local backing = {}
  for key, value in next, members do backing[key] = value end
  raw_setmetatable(backing, { __index = function(_, key)
    if forbidden[key] then forbid(name .. "." .. key) end
  end })
  return raw_setmetatable({}, {
    __index = backing, __newindex = ro_newindex, __len = ro_len, __metatable = "read-only",
  })
end

------------------------------------------------------------------------------------------------
-- Deterministic ordering: a stable merge sort (ties keep their order; no random pivot), and
-- pairs in sorted key order (string hashes are seeded per process).

local function insertion_sort(a, lo, hi, less)
  for i = lo + 1, hi do
    local v = a[i]
    local j = i - 1
    while j >= lo and less(v, a[j]) do
      a[j + 1] = a[j]
      j = j - 1
    end
    a[j + 1] = v
  end
end

local function merge_sort(a, n, less)
  if n < 2 then return end
  local RUN = 8
  for lo = 1, n, RUN do
    local hi = lo + RUN - 1
    if hi > n then hi = n end
    insertion_sort(a, lo, hi, less)
  end
  local src, dst, width = a, {}, RUN
  while width < n do
    for lo = 1, n, 2 * width do
      local mid, hi = lo + width - 1, lo + 2 * width - 1
      if hi > n then hi = n end
      if mid >= hi then
        for k = lo, hi do dst[k] = src[k] end
      else
        local i, j, k = lo, mid + 1, lo
        while i <= mid and j <= hi do
          if less(src[j], src[i]) then dst[k] = src[j]; j = j + 1
          else dst[k] = src[i]; i = i + 1 end
          k = k + 1
        end
        while i <= mid do dst[k] = src[i]; i = i + 1; k = k + 1 end
        while j <= hi do dst[k] = src[j]; j = j + 1; k = k + 1 end
      end
    end
    src, dst = dst, src
    width = width * 2
  end
  if src ~= a then for k = 1, n do a[k] = src[k] end end
end

local function default_less(x, y) return x < y end

-- The keys are collected and sorted by the host, charged by their count only: sorting them
-- here would cost a number of instructions that depends on the raw (hash-seeded) order.
local function sorted_pairs(t)
  check_table("pairs", 1, t)
  local keys = sorted_keys(t)
  local i = 0
  return function()
    i = i + 1
    local key = keys[i]
    if key ~= nil then return key, t[key] end
  end
end

------------------------------------------------------------------------------------------------
-- Base functions without addresses, NaN spellings or raw access.

local function safe_tostring(v)
  local tv = type(v)
  if tv == "string" then return v end
  if tv == "number" then
    if v ~= v then return "nan" end
    if v == m_huge then return "inf" end
    if v == -m_huge then return "-inf" end
    if m_type(v) == "float" then charge(FLOAT_FORMAT_COST) end
    return raw_tostring(v)
  end
  if tv == "table" then
    local mt = raw_getmetatable(v)
    local show = type(mt) == "table" and rawget(mt, "__tostring")
    if show then
      local s = show(v)
      if type(s) ~= "string" then fail("'__tostring' must return a string") end
      return s
    end
    return "table"
  end
  if tv == "nil" or tv == "boolean" then return raw_tostring(v) end
  return tv
end

local function safe_tonumber(v, base)
  if base ~= nil then
    check_integer("tonumber", 2, base)
    if type(v) ~= "string" then arg_error("tonumber", 1, "string expected, got " .. type(v)) end
    if #v > 64 then return nil end
    return raw_tonumber(v, base)
  end
  if type(v) ~= "string" then return raw_tonumber(v) end
  if #v > 64 then return nil end
  -- integers are parsed by Lua itself; anything else goes through strtod
  if not (s_match(v, "^%s*%-?%d+%s*$") or s_match(v, "^%s*%-?0[xX]%x+%s*$")) then
    charge(FLOAT_PARSE_COST)
  end
  return raw_tonumber(v)
end

local function safe_select(n, ...)
  if n ~= "#" then check_integer("select", 1, n) end
  return select(n, ...)
end

-- Wrapping moves the caller one level up; 0 (no position) stays 0.
local function safe_error(message, level)
  if level ~= nil then level = check_integer("error", 2, level) end
  if level == 0 then error(message, 0) end
  error(message, (level or 1) + 1)
end

-- Rewritten for-loop bounds and bitwise operands call this (see guardCoercions): Lua would
-- otherwise convert a string there with strtod, inside one instruction.
local function guard_number(v)
  if type(v) == "string" then
    fail("strings are not converted to numbers here (for-loop bounds and bitwise operands)")
  end
  return v
end

local function safe_getmetatable(v)
  if type(v) ~= "table" then return nil end
  return raw_getmetatable(v)
end

local function safe_setmetatable(t, mt)
  check_table("setmetatable", 1, t)
  if mt ~= nil then
    check_table("setmetatable", 2, mt)
    -- __gc runs with hooks off (an endless one hangs the host); weak tables depend on GC timing
    if rawget(mt, "__gc") ~= nil then forbid("__gc") end
    if rawget(mt, "__mode") ~= nil then forbid("__mode") end
  end
  return raw_setmetatable(t, mt)
end

-- An error raised by the instruction hook reaches xpcall's handler while hooks are off. When
-- the call is being stopped, skip the creator's handler: it would run unmetered.
local function safe_xpcall(f, handler, ...)
  if type(handler) ~= "function" then arg_error("xpcall", 2, "function expected, got " .. type(handler)) end
  return xpcall(f, function(e)
    if stopped() then return e end
    return handler(e)
  end, ...)
end

local function log(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = safe_tostring((select(i, ...))) end
  emit_log(t_concat(parts, " "))
end

------------------------------------------------------------------------------------------------
-- string: no patterns, no dump, bounded lengths and counts.

local safe_string = { len = s_len }

function safe_string.char(...)
  local n = select("#", ...)
  if n > MAX_RESULTS then fail("string.char: more than " .. MAX_RESULTS .. " arguments") end
  local codes = { ... }
  for i = 1, n do check_integer("char", i, codes[i]) end
  return s_char(...)
end

function safe_string.sub(s, i, j)
  s = check_string("sub", 1, s)
  if i ~= nil then check_integer("sub", 2, i) end
  if j ~= nil then check_integer("sub", 3, j) end
  local r = s_sub(s, i, j)
  charge_bytes(#r)
  return r
end

function safe_string.upper(s) local r = s_upper(check_string("upper", 1, s)) charge_bytes(#r) return r end
function safe_string.lower(s) local r = s_lower(check_string("lower", 1, s)) charge_bytes(#r) return r end
function safe_string.reverse(s) local r = s_reverse(check_string("reverse", 1, s)) charge_bytes(#r) return r end
function safe_string.len(s) return s_len(check_string("len", 1, s)) end

function safe_string.byte(s, i, j)
  s = check_string("byte", 1, s)
  if i ~= nil then check_integer("byte", 2, i) end
  if j ~= nil then check_integer("byte", 3, j) end
  if #s > MAX_RESULTS then
    local l = #s
    local first = i == nil and 1 or i
    if first < 0 then first = first < -l and 1 or l + first + 1 elseif first == 0 then first = 1 end
    local last = j == nil and first or j
    if last > l then last = l elseif last < 0 then last = last < -l and 0 or l + last + 1 end
    if last - first >= MAX_RESULTS then
      fail("string.byte: more than " .. MAX_RESULTS .. " results")
    end
  end
  return s_byte(s, i, j)
end

function safe_string.rep(s, n, sep)
  s = check_string("rep", 1, s)
  n = check_integer("rep", 2, n)
  if sep ~= nil then sep = check_string("rep", 3, sep) end
  if n <= 0 then return "" end
  if n > MAX_STRING then fail("string.rep: count " .. n .. " is over the limit") end
  local total = #s * n + (sep and #sep * (n - 1) or 0)
  if total > MAX_STRING then
    fail("string.rep: a string of " .. total .. " bytes is over the limit of " .. MAX_STRING)
  end
  charge_bytes(total + n)
  return s_rep(s, n, sep)
end

-- Plain search only: a pattern runs inside one C call that the budget cannot see.
function safe_string.find(s, needle, init, plain)
  s = check_string("find", 1, s)
  needle = check_string("find", 2, needle)
  if init ~= nil then check_integer("find", 3, init) end
  if plain == false then
    fail("string.find searches plain text only (patterns are not available)")
  end
  charge_bytes(#s * #needle)
  return s_find(s, needle, init, true)
end

local FLOAT_CONVERSIONS = { f = true, F = true, e = true, E = true, g = true, G = true }
local INTEGER_CONVERSIONS = { d = true, i = true, x = true, X = true, o = true, c = true }

function safe_string.format(fmt, ...)
  fmt = check_string("format", 1, fmt)
  local args, n = { ... }, select("#", ...)
  local pieces, from, argi, i, len = {}, 1, 0, 1, #fmt
  while i <= len do
    local p = s_find(fmt, "%", i, true)
    if not p then break end
    if s_byte(fmt, p + 1) == 37 then
      i = p + 2
    else
      local q = p + 1
      while q <= len do
        local b = s_byte(fmt, q)
        if (b >= 48 and b <= 57) or b == 45 or b == 43 or b == 32 or b == 35 or b == 46 then
          q = q + 1
        else
          break
        end
      end
      local conv = s_sub(fmt, q, q)
      argi = argi + 1
      local v = args[argi]
      if conv == "s" then
        args[argi] = safe_tostring(v)
      elseif FLOAT_CONVERSIONS[conv] then
        check_number("format", argi + 1, v)
        charge(FLOAT_FORMAT_COST)
        if v ~= v or v == m_huge or v == -m_huge then
          -- NaN and infinities are spelled one way on every host
          pieces[#pieces + 1] = s_sub(fmt, from, p - 1)
          pieces[#pieces + 1] = "%s"
          args[argi] = safe_tostring(v)
          from = q + 1
        end
      elseif INTEGER_CONVERSIONS[conv] then
        check_number("format", argi + 1, v)
      elseif conv == "q" then
        if type(v) == "number" and m_type(v) == "float" then charge(FLOAT_FORMAT_COST) end
      else
        fail("string.format: '%" .. conv .. "' is not supported")
      end
      i = q + 1
    end
  end
  if from > 1 then
    pieces[#pieces + 1] = s_sub(fmt, from)
    fmt = t_concat(pieces)
  end
  local r = s_format(fmt, t_unpack(args, 1, n))
  charge_bytes(#r)
  return r
end

------------------------------------------------------------------------------------------------
-- table: loops written in Lua so the budget counts them; concat/unpack charged and capped.

local safe_table = { pack = t_pack }

function safe_table.insert(t, ...)
  check_table("insert", 1, t)
  local nargs = select("#", ...)
  local e = #t + 1
  if nargs == 1 then
    t[e] = ...
    return
  end
  if nargs ~= 2 then fail("wrong number of arguments to 'insert'") end
  local pos, v = ...
  pos = check_integer("insert", 2, pos)
  if pos < 1 or pos > e then arg_error("insert", 2, "position out of bounds") end
  for k = e, pos + 1, -1 do t[k] = t[k - 1] end
  t[pos] = v
end

function safe_table.remove(t, pos)
  check_table("remove", 1, t)
  local size = #t
  if pos == nil then
    pos = size
  else
    pos = check_integer("remove", 2, pos)
    if pos ~= size and (pos < 1 or pos > size + 1) then
      arg_error("remove", 2, "position out of bounds")
    end
  end
  local v = t[pos]
  while pos < size do
    t[pos] = t[pos + 1]
    pos = pos + 1
  end
  t[pos] = nil
  return v
end

function safe_table.move(a1, f, e, t, a2)
  check_table("move", 1, a1)
  f = check_integer("move", 2, f)
  e = check_integer("move", 3, e)
  t = check_integer("move", 4, t)
  if a2 == nil then a2 = a1 else check_table("move", 5, a2) end
  if e >= f then
    if t > e or t <= f or a1 ~= a2 then
      for k = 0, e - f do a2[t + k] = a1[f + k] end
    else
      for k = e - f, 0, -1 do a2[t + k] = a1[f + k] end
    end
  end
  return a2
end

function safe_table.sort(t, less)
  check_table("sort", 1, t)
  if less ~= nil and type(less) ~= "function" then
    arg_error("sort", 2, "function expected, got " .. type(less))
  end
  local n = #t
  local a = {}
  for k = 1, n do a[k] = t[k] end
  merge_sort(a, n, less or default_less)
  for k = 1, n do t[k] = a[k] end
end

function safe_table.concat(t, sep, i, j)
  check_table("concat", 1, t)
  i = i == nil and 1 or check_integer("concat", 3, i)
  j = j == nil and #t or check_integer("concat", 4, j)
  if j >= i then charge(j - i + 1) end
  local r = t_concat(t, sep, i, j)
  charge_bytes(#r)
  return r
end

function safe_table.unpack(t, i, j)
  check_table("unpack", 1, t)
  i = i == nil and 1 or check_integer("unpack", 2, i)
  j = j == nil and #t or check_integer("unpack", 3, j)
  if j >= i and j - i >= MAX_RESULTS then
    fail("table.unpack: more than " .. MAX_RESULTS .. " results")
  end
  return t_unpack(t, i, j)
end

------------------------------------------------------------------------------------------------
-- math: everything deterministic; randomness comes from the match RNG through random(a, b).

-- Each function checks its arguments are numbers: the C versions would convert strings.
local safe_math = {
  huge = math.huge, pi = math.pi, maxinteger = math.maxinteger, mininteger = math.mininteger,
  type = m_type,
}
for _, key in ipairs({ "abs", "acos", "asin", "ceil", "cos", "exp", "floor", "modf", "sin", "sqrt", "tan" }) do
  local fn = math[key]
  safe_math[key] = function(x) return fn(check_number(key, 1, x)) end
end
for _, key in ipairs({ "atan", "log" }) do
  local fn = math[key]
  safe_math[key] = function(x, y)
    check_number(key, 1, x)
    if y == nil then return fn(x) end
    return fn(x, check_number(key, 2, y))
  end
end
for _, key in ipairs({ "fmod", "ult" }) do
  local fn = math[key]
  safe_math[key] = function(x, y) return fn(check_number(key, 1, x), check_number(key, 2, y)) end
end
for _, key in ipairs({ "max", "min" }) do
  local fn = math[key]
  safe_math[key] = function(...)
    local values = { ... }
    for i = 1, select("#", ...) do check_number(key, i, values[i]) end
    return fn(...)
  end
end
function safe_math.tointeger(x)
  if type(x) ~= "number" then return nil end
  return m_tointeger(x)
end

local string_proxy = readonly_library("string", safe_string, {
  dump = true, gmatch = true, gsub = true, match = true, pack = true, packsize = true, unpack = true,
})
local table_proxy = readonly_library("table", safe_table, {})
local math_proxy = readonly_library("math", safe_math, { random = true, randomseed = true })

-- Strings index the string library through their metatable: patch the real thing, not a name.
local string_meta = raw_getmetatable("")
string_meta.__index = string_proxy
string_meta.__metatable = false
-- No arithmetic on strings ("10" + 1): the conversion is strtod, unmetered.
for _, event in ipairs({ "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv" }) do
  string_meta[event] = nil
end
for key in next, string do string[key] = nil end

------------------------------------------------------------------------------------------------
-- The API every ability sees. Each call gets a fresh environment whose __index is this table,
-- so globals a script sets never outlive the call.

-- Reading one of these ends the call with FORBIDDEN (other unknown names are plain nil).
local FORBIDDEN_GLOBALS = {
  collectgarbage = true, coroutine = true, debug = true, dofile = true, io = true, load = true,
  loadfile = true, loadstring = true, next = true, os = true, package = true, rawset = true,
  require = true,
}

local api = {
  _VERSION = version,
  assert = assert, error = safe_error, ipairs = ipairs, pairs = sorted_pairs, pcall = pcall,
  xpcall = safe_xpcall, select = safe_select, type = type, tostring = safe_tostring,
  tonumber = safe_tonumber, getmetatable = safe_getmetatable, setmetatable = safe_setmetatable,
  rawequal = rawequal, rawget = rawget, rawlen = rawlen,
  string = string_proxy, table = table_proxy, math = math_proxy,
  random = random, log = log, print = log,
  __sandbox_num = guard_number,
}
for name, fn in next, effects do
  if name ~= "log" then api[name] = fn end
end
raw_setmetatable(api, { __index = function(_, key)
  if FORBIDDEN_GLOBALS[key] then forbid(key) end
end })

local env_meta = { __index = api, __metatable = "locked" }

return {
  api = api,
  env_meta = env_meta,
  ro_newindex = ro_newindex,
  collect = function() collectgarbage("collect") end,
}
`;

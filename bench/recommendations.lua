-- wrk script: POST /api/recommendations with a mix of 1 to 5 agencies, drawn with a fixed seed from the
-- codes that bench/http.sh or bench/reload.sh read from GET /api/agencies (one code per line in the file named by CODES).
local codes = {}
for line in io.lines(os.getenv("CODES")) do
  codes[#codes + 1] = line
end
math.randomseed(42)
local bodies = {}
for i = 1, 500 do
  local picked = {}
  for j = 1, math.random(1, 5) do
    picked[#picked + 1] = '"' .. codes[math.random(#codes)] .. '"'
  end
  local residesInUs = (math.random(2) == 1) and "true" or "false"
  bodies[i] = '{"agencies": [' .. table.concat(picked, ", ") .. '], "residesInUs": ' .. residesInUs .. '}'
end
local next = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  next = next % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next])
end

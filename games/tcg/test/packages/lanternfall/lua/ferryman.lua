function ferry()
  local others = {}
  for _, u in ipairs(state.enemy.board) do
    others[#others + 1] = u
  end
  if #others == 0 then return end
  move(others[random(1, #others)], 'hand')
end

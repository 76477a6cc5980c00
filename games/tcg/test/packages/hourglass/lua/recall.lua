-- Call a friend back to the page; a wounded one pays a grain for its trouble.
function recall()
  local t = state.bindings.t[1]
  for _, u in ipairs(state.friendly.board) do
    if u.id == t then
      move(u, 'hand')
      if u.health < u.maxHealth then gain(state.friendly.hero, 1) end
    end
  end
end

-- Embezzler: takes half of what the rival holds when it attacks.
function skim()
  local take = state.enemy.resource // 2
  if take > 0 then
    steal(state.enemy.hero, take)
  end
end

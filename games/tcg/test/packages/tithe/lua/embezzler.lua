-- Embezzler: takes half of what the rival holds when it attacks.
function skim()
  local take = state.enemy.resource // 2
  if take > 0 then
    spend(state.enemy.hero, take)
    gain(state.friendly.hero, take)
  end
end

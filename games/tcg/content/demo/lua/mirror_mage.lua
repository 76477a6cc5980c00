-- When you play this, summon a copy of a random enemy unit.
function resolve()
  local enemies = state.enemy.board
  if #enemies == 0 then return end
  local model = enemies[random(1, #enemies)]
  summon(state.friendly.hero, model.card, 1)
end

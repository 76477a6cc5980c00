-- Auditor: when played, punish a richer rival, else draw.
function audit()
  if state.enemy.resource > state.friendly.resource then
    damage(state.enemy.hero, 2)
  else
    draw(state.friendly.hero, 1)
  end
end

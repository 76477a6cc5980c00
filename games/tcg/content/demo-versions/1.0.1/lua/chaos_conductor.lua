-- At the end of your turn, each enemy unit takes damage equal to the attack of the enemy unit
-- on its left (the left-most one has no neighbour and takes none).
function resolve()
  local enemies = state.enemy.board
  for i = #enemies, 2, -1 do
    damage(enemies[i].id, enemies[i - 1].attack)
  end
end

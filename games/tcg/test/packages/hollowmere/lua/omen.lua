-- Omen rites: the more thralls you have, the more cards you draw.
function gather()
  local n = #state.friendly.board
  if n > 3 then n = 3 end
  draw(state.friendly.hero, n)
end

function scorch()
  for _, u in ipairs(state.enemy.board) do
    damage(u, 1)
  end
end

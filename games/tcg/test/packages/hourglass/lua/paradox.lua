-- Every wound is undone by sending its bearer back in time.
function rewind_wounded()
  for _, side in ipairs({ state.friendly.board, state.enemy.board }) do
    for _, u in ipairs(side) do
      if u.health < u.maxHealth then move(u, 'hand') end
    end
  end
end

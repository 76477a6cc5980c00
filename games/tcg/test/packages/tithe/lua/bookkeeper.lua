-- Bookkeeper's second option: every Dividend clerk you have grows.
function tally()
  for _, u in ipairs(state.friendly.board) do
    for _, k in ipairs(u.keywords) do
      if k == "dividend" then buff(u, 1, 1, "permanent") end
    end
  end
end

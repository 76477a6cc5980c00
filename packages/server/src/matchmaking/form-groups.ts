import { windowAfter, type RatingWindow, type Ticket } from './pool.ts';

/**
 * Groups waiting tickets into tables, longest waiting first. In a casual pool anyone fits; in a
 * rated pool every two players of a table must be within the rating window of the one of them
 * who has waited longer (so the window of a long wait makes room for newcomers). Pure.
 */
export function formGroups(
  tickets: readonly Ticket[],
  seats: number,
  rated: boolean,
  now: number,
  window: RatingWindow,
): Ticket[][] {
  const waiting = [...tickets].sort(
    (a, b) => a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : 1),
  );
  const used = new Set<string>();
  const groups: Ticket[][] = [];
  const fits = (a: Ticket, b: Ticket) =>
    a.userId !== b.userId &&
    (!rated ||
      Math.abs(a.rating - b.rating) <=
        Math.max(windowAfter(window, now - a.enqueuedAt), windowAfter(window, now - b.enqueuedAt)));
  for (const anchor of waiting) {
    if (used.has(anchor.id)) continue;
    const group = [anchor];
    for (const candidate of waiting) {
      if (group.length === seats) break;
      if (used.has(candidate.id) || group.includes(candidate)) continue;
      if (group.every((member) => fits(member, candidate))) group.push(candidate);
    }
    if (group.length === seats) {
      for (const member of group) used.add(member.id);
      groups.push(group);
    }
  }
  return groups;
}

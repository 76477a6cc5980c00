import { createHash } from 'node:crypto';

/**
 * A user's generated avatar: a symmetric 5x5 pattern in one hue on a light ground, derived from
 * the SHA-256 of the user id, so the same id always draws the same picture and no upload exists.
 */
export function avatarSvg(userId: string): string {
  const bytes = createHash('sha256').update(`avatar:${userId}`).digest();
  const hue = ((bytes[0] as number) * 256 + (bytes[1] as number)) % 360;
  const ink = `hsl(${hue} 55% 32%)`;
  const ground = `hsl(${hue} 60% 92%)`;
  const cells: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let column = 0; column < 3; column++) {
      const on = ((bytes[2 + row * 3 + column] as number) & 1) === 1;
      if (!on) continue;
      for (const x of new Set([column, 4 - column])) {
        cells.push(`<rect x="${x + 1}" y="${row + 1}" width="1" height="1"/>`);
      }
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 7 7" width="96" height="96" ` +
    `shape-rendering="crispEdges" role="img" aria-label="Avatar">` +
    `<rect width="7" height="7" fill="${ground}"/><g fill="${ink}">${cells.join('')}</g></svg>`
  );
}

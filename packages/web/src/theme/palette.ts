/** A colour of the stylesheet's palette, by its custom property's name. */
export type PaletteColour = `--${string}`;

/**
 * A palette colour as the stylesheet draws it inside `element` now (light or dark, by the
 * color-scheme in force there): canvases, such as the charts, cannot use CSS variables.
 */
export function drawnColour(element: Element, name: PaletteColour): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  element.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

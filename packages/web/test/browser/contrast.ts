import type { Page } from 'playwright-core';

/** An sRGB colour as 0–255 channels. */
export type Rgb = readonly [number, number, number];

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** An element's text colour and the solid colour behind it, as drawn. */
export interface DrawnColours {
  text: Rgb;
  background: Rgb;
}

/**
 * The first element matching `selector`: its text colour, and its background composited over
 * every ancestor's (translucent panels included) down to the page's. Colours are read through
 * a canvas, so any CSS colour syntax the browser computes (rgb(), color(srgb …)) is understood.
 * With `part: 'edge'`, its border's colour instead, and the background around it (its parent's);
 * with `part: 'placeholder'`, its placeholder's colour.
 */
export function drawnColours(
  page: Page,
  selector: string,
  part: 'text' | 'edge' | 'placeholder' = 'text',
): Promise<DrawnColours> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, part) => {
      const canvas = document
        .createElement('canvas')
        .getContext('2d', { willReadFrequently: true })!;
      const rgba = (colour: string): [number, number, number, number] => {
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = colour;
        canvas.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
        return [r!, g!, b!, a! / 255];
      };
      const layers: string[] = [];
      const behind = part === 'edge' ? element.parentElement : element;
      for (let node: Element | null = behind; node; node = node.parentElement)
        layers.unshift(getComputedStyle(node).backgroundColor);
      let under: [number, number, number] = [255, 255, 255];
      for (const layer of layers) {
        const [r, g, b, a] = rgba(layer);
        under = [
          r * a + under[0] * (1 - a),
          g * a + under[1] * (1 - a),
          b * a + under[2] * (1 - a),
        ];
      }
      const style = getComputedStyle(element, part === 'placeholder' ? '::placeholder' : null);
      const [r, g, b] = rgba(part === 'edge' ? style.borderTopColor : style.color);
      return { text: [r, g, b] as const, background: under };
    }, part);
}

/** The contrast of an element's text against what is drawn behind it. */
export async function textContrast(page: Page, selector: string): Promise<number> {
  const { text, background } = await drawnColours(page, selector);
  return contrastRatio(text, background);
}

/** The contrast of a field's edge against what is around it (WCAG 1.4.11 asks 3:1). */
export async function edgeContrast(page: Page, selector: string): Promise<number> {
  const { text: edge, background } = await drawnColours(page, selector, 'edge');
  return contrastRatio(edge, background);
}

/** The contrast of a field's placeholder against the field. */
export async function placeholderContrast(page: Page, selector: string): Promise<number> {
  const { text, background } = await drawnColours(page, selector, 'placeholder');
  return contrastRatio(text, background);
}

/**
 * The contrast of an element's text against its own background laid over white: the worst
 * case where what lies beneath is a picture the page cannot read (a card's art, its monogram).
 */
export async function contrastOverWhite(page: Page, selector: string): Promise<number> {
  const { text, plate } = await page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const canvas = document
        .createElement('canvas')
        .getContext('2d', { willReadFrequently: true })!;
      const rgba = (colour: string) => {
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = colour;
        canvas.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
        return [r!, g!, b!, a! / 255] as const;
      };
      const style = getComputedStyle(element);
      return { text: rgba(style.color), plate: rgba(style.backgroundColor) };
    });
  const [r, g, b, a] = plate;
  const over = (channel: number) => channel * a + 255 * (1 - a);
  return contrastRatio([text[0], text[1], text[2]], [over(r), over(g), over(b)]);
}

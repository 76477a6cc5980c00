import type { Page } from 'playwright-core';

/**
 * How far the page is wider than the screen (0 or less: no sideways scrolling). Measured against
 * the screen's own width: a mobile browser widens its layout viewport (and `innerWidth`) to fit
 * what overflows.
 */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(
    (width) => document.documentElement.scrollWidth - width,
    page.viewportSize()?.width ?? 0,
  );

/** The left and right edges of an element's content (inside its padding), in CSS pixels. */
export const contentEdges = (page: Page, selector: string): Promise<[number, number]> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return [
        Math.round(box.left + parseFloat(style.paddingLeft)),
        Math.round(box.right - parseFloat(style.paddingRight)),
      ];
    });

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

/**
 * Whether an element's visible children lie in one line: the band from the highest top to the
 * lowest bottom is no taller than the tallest child (a row that wrapped is taller).
 */
export const childrenInOneLine = (page: Page, selector: string): Promise<boolean> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const boxes = [...element.children]
        .map((child) => child.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0);
      const top = Math.min(...boxes.map((box) => box.top));
      const bottom = Math.max(...boxes.map((box) => box.bottom));
      return bottom - top <= Math.max(...boxes.map((box) => box.height)) + 1;
    });

/**
 * Every visible control (link, button, field, summary, focusable) whose target is under 24x24
 * CSS px (WCAG 2.5.8), described as `tag "words" WxH`. A box inside a label counts the label
 * as its target: a click on the words ticks it.
 */
export const smallTargets = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('a, button, input, select, textarea, summary, [tabindex]')]
      .map((element) => ({
        element,
        box: (element.closest('label') ?? element).getBoundingClientRect(),
      }))
      .filter(
        ({ element, box }) => box.width > 0 && getComputedStyle(element).visibility !== 'hidden',
      )
      .filter(({ box }) => box.width < 23.5 || box.height < 23.5)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`,
      ),
  );

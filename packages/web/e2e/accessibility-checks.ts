import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, evaluated in the page (no runner needed; evaluation is not subject to the app's CSP). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: what the RGAA 4 refers to. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failed axe rule on one screen, with the elements at fault (CSS selectors). */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is and returns its serious and critical violations. */
export async function findSeriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
}

/**
 * What sticks out sideways on a narrow screen: the document's own horizontal scroll, and every
 * visible element wider than the viewport or past its right edge that no scroll frame (overflow-x
 * auto/scroll/hidden) holds. Empty when nothing does.
 */
export async function findSidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) problems.push(`the page scrolls sideways: ${scrollWidth} px wide for a ${width} px screen`);
    const isClipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || overflowX === 'clip') return true;
      }
      return false;
    };
    const describe = (element: Element): string => {
      const classes = [...element.classList].filter((c) => !c.startsWith('m_')).slice(0, 2);
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')} « ${text} »`;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right <= width + 1 && box.left >= -1) continue;
      if (getComputedStyle(element).visibility === 'hidden') continue;
      if (isClipped(element)) continue;
      // Report the outermost culprit only.
      const parent = element.parentElement;
      if (parent && problems.some((p) => p.startsWith(`${describe(parent)} `))) continue;
      problems.push(`${describe(element)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      if (problems.length > 8) break;
    }
    return problems;
  });
}

/** Whether everything in the page's header (brand, menus) is inside the screen and nothing in it is cut. */
export async function findHeaderOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('header');
    if (!header) return [];
    const width = window.innerWidth;
    const problems: string[] = [];
    if (header.scrollWidth > header.clientWidth) problems.push(`the header holds ${header.scrollWidth} px in ${header.clientWidth} px`);
    for (const element of header.querySelectorAll('a, button, [role="button"], input')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.right > width + 1 || box.left < -1)
        problems.push(
          `${element.tagName.toLowerCase()} « ${element.getAttribute('aria-label') ?? element.textContent?.trim()} » is outside the screen`,
        );
    }
    for (const element of header.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.overflowX === 'visible' || element.tagName === 'INPUT' || element.tagName === 'svg') continue;
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`« ${element.textContent?.trim()} » is cut in the header`);
    }
    return problems;
  });
}

/**
 * Badges whose words are cut across lines (« NOUV / EAU ») or cut short (« P… »): a status is read at a
 * glance, so a badge may wrap between its words on a phone, never inside one. Each word's boxes are
 * measured with a Range: a word drawn on two lines has boxes at two heights. Empty when no badge is cut.
 */
export async function findCutBadgeWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const badge of document.querySelectorAll('.mantine-Badge-root')) {
      if (badge.getBoundingClientRect().width === 0) continue;
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      if (label.scrollWidth > label.clientWidth + 1) problems.push(`badge « ${(badge.textContent ?? '').trim()} » is cut short`);
      const walker = document.createTreeWalker(badge, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const word of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1)
            problems.push(`badge « ${(badge.textContent ?? '').trim()} »: « ${word[0]} » is cut across ${tops.size} lines`);
        }
      }
      if (problems.length > 8) break;
    }
    return problems;
  });
}

/**
 * Elements a mouse can click but a keyboard cannot reach: a pointer cursor on something that is
 * neither a control nor inside one, and has no tabindex. Empty when every action is reachable.
 */
export async function findPointerOnlyElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CONTROLS =
      'a[href], button, input, select, textarea, label, summary, [tabindex], [role="button"], [role="link"], [role="tab"], [role="option"], [role="checkbox"], [role="radio"], [role="slider"], [role="switch"], [role="menuitem"]';
    const problems: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (getComputedStyle(element).cursor !== 'pointer') continue;
      if (element.closest(CONTROLS)) continue;
      if (element.parentElement && getComputedStyle(element.parentElement).cursor === 'pointer' && !element.parentElement.closest(CONTROLS))
        continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      problems.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} « ${text} »`);
      if (problems.length > 8) break;
    }
    return problems;
  });
}

/** What a Tab walk found: actions Tab never reached, focused elements that look the same focused and not. */
export interface KeyboardWalk {
  unreached: string[];
  invisibleFocus: string[];
  presses: number;
}

const MAX_TAB_PRESSES = 300;

/**
 * Walks the page with the Tab key as a keyboard user would, from the top: every visible, enabled action in the
 * tab order (links, buttons, fields, role controls with tabindex ≥ 0; one per radio group) must receive the focus,
 * and each focused element must look different focused and unfocused (outline, shadow, border or background).
 */
export async function walkWithKeyboard(page: Page): Promise<KeyboardWalk> {
  const total = await page.evaluate(() => {
    const ACTIONS =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="switch"], [role="menuitem"], [tabindex]';
    let count = 0;
    for (const element of document.querySelectorAll<HTMLElement>('[data-kbd]')) element.removeAttribute('data-kbd');
    for (const element of document.body.querySelectorAll<HTMLElement>(ACTIONS)) {
      if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) continue;
      if (element.closest('[inert], [aria-hidden="true"]')) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      // A radio group is one tab stop (arrows move inside it).
      const group = element instanceof HTMLInputElement && element.type === 'radio' && element.name ? `radio:${element.name}` : `${count}`;
      element.setAttribute('data-kbd', group);
      count += 1;
    }
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return count;
  });
  type Look = { key: string | null; left: boolean; label: string; look: string };
  const lookOfFocused = (): Promise<Look> =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { key: null, left: true, label: '', look: '' };
      // Focus styles often fade in: read them as they end.
      for (const e of [element, element.parentElement, element.parentElement?.parentElement])
        for (const animation of e?.getAnimations() ?? []) animation.finish();
      // The element and two ancestors: a field inside a wrapper shows its focus on the wrapper (:focus-within).
      const chain = [element, element.parentElement, element.parentElement?.parentElement].filter((e): e is HTMLElement => !!e);
      const look = chain
        .map((e) => {
          const s = getComputedStyle(e);
          return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
        })
        .join('/');
      const label = `${element.tagName.toLowerCase()} « ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)} »`;
      element.setAttribute('data-kbd-seen', '1');
      return {
        key: element.getAttribute('data-kbd'),
        left: false,
        label,
        look,
      };
    });
  const reached = new Set<string>();
  const invisibleFocus: string[] = [];
  let previous: Look | null = null;
  let presses = 0;
  // Some stops are not in the list (Chromium focuses an SVG shape that listens to focus, as a map's tooltips do).
  while (presses < MAX_TAB_PRESSES) {
    await page.keyboard.press('Tab');
    presses += 1;
    const focused = await lookOfFocused();
    // The element left behind: it must look different now that it is not focused.
    if (previous?.key != null) {
      const unfocusedLook = await page.evaluate((key) => {
        const element = document.querySelector<HTMLElement>(`[data-kbd="${CSS.escape(key)}"][data-kbd-seen]`);
        if (!element || element === document.activeElement) return null;
        const chain = [element, element.parentElement, element.parentElement?.parentElement].filter((e): e is HTMLElement => !!e);
        return chain
          .map((e) => {
            for (const animation of e.getAnimations()) animation.finish();
            const s = getComputedStyle(e);
            return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
          })
          .join('/');
      }, previous.key);
      if (unfocusedLook !== null && unfocusedLook === previous.look && invisibleFocus.length < 8) invisibleFocus.push(previous.label);
    }
    if (focused.left && reached.size > 0) break; // left the page (back to the browser chrome)
    if (focused.key !== null) {
      if (reached.has(focused.key) && focused.key === previous?.key) break; // focus does not move: a trap
      reached.add(focused.key);
    }
    previous = focused;
    if (reached.size >= total) break;
  }
  // Close what the last focused control may have opened (a date picker, a menu) and leave the page as found.
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const unreached = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
        .filter((element) => !seen.includes(element.getAttribute('data-kbd') ?? ''))
        .slice(0, 8)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()} « ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)} »`,
        ),
    [...reached],
  );
  return { unreached: presses >= MAX_TAB_PRESSES ? [] : unreached, invisibleFocus, presses };
}

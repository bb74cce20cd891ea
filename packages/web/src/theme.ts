import { Badge, type CSSVariablesResolver, createTheme, DEFAULT_THEME, darken, Pagination, ScrollArea } from '@mantine/core';

const PAGINATION_LABELS = { first: 'Première page', previous: 'Page précédente', next: 'Page suivante', last: 'Dernière page' } as const;

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 for filled buttons, links and light badges: white on teal 6 (2.5:1) and teal 6 on its light tint
  // fail WCAG AA contrast (4.5:1); shade 9 passes (about 5:1).
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '700' },
  components: {
    // A badge in a table cell is squeezed to "CON…" by the table layout; a status must stay readable whole.
    // (accessibility.css: `.badge-whole`; on a phone a long one wraps within the screen instead.)
    Badge: Badge.extend({ classNames: { root: 'badge-whole' } }),
    // The arrows of a pagination are icons: they need a name for screen readers.
    Pagination: Pagination.extend({ defaultProps: { getControlProps: (control) => ({ 'aria-label': PAGINATION_LABELS[control] }) } }),
    // A region that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1).
    ScrollArea: ScrollArea.extend({ defaultProps: { viewportProps: { tabIndex: 0 } } }),
  },
});

/**
 * Text on a light tint (light badges, the active sidebar link, avatars): shade 9 on its own 10 % tint
 * is about 4.4:1, just under WCAG AA; a fifth darker passes for every colour.
 */
const LIGHT_TEXT_COLORS = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.2)]),
);

/** Colours Mantine derives too light for text on white or on a light tint (WCAG AA, 4.5:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...LIGHT_TEXT_COLORS,
    // gray 6 on white is 3.3:1; gray 7 is 7:1.
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders that stand for a value (« Tous les statuts ») are read as text too.
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Yellow and orange even at shade 9 stay under 4.5:1 on their tint: the text of their badges is darkened.
    '--mantine-color-yellow-light-color': '#6b4400',
    '--mantine-color-orange-light-color': '#8a3200',
    '--mantine-color-lime-light-color': '#3d5a00',
    '--mantine-color-yellow-filled': '#8a5a00',
    '--mantine-color-orange-filled': '#b43c00',
  },
  dark: {},
});

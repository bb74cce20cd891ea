import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  headings: { fontWeight: '700' },
  components: {
    // A badge in a table cell is squeezed to "CON…" by the table layout; a status must stay readable whole.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});

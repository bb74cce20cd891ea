/** French accessible names of Mantine's pagination controls. */
export function paginationLabels(control: 'first' | 'previous' | 'last' | 'next') {
  const labels = { first: 'Première page', previous: 'Page précédente', next: 'Page suivante', last: 'Dernière page' };
  return { 'aria-label': labels[control] };
}

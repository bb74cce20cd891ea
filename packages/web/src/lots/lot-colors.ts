/** Distinct colours for up to ten lots on the chart, the table and the map. */
export const LOT_COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d', '#6741d9', '#495057'];

export function lotColor(index: number): string {
  return LOT_COLORS[index % LOT_COLORS.length] ?? '#495057';
}

/** Département of an INSEE commune code (two characters, three overseas). */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

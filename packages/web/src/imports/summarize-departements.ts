import { countFr } from '@mutualis/contract';
import { formatNumber } from '../format/number';
import { departementLabel } from '../reference/departements';

/** « 86 départements : Ain (01), Aisne (02), Allier (03) et 83 autres »: the first three named, the others counted. */
export function summarizeDepartements(codes: readonly string[]): string {
  const named = codes.slice(0, 3).map(departementLabel).join(', ');
  const others = codes.length - 3;
  return `${formatNumber(codes.length)} départements : ${named}${others > 0 ? ` et ${countFr(others, 'autre')}` : ''}`;
}

import { addDays, formatDateFr } from '../calendar/iso-date';
import { getCpv } from '../cpv/cpv-catalog';
import type { PurchaseFamily } from '../domain/types';
import { createFamilyResolver } from '../pooling/family-resolver';
import { formatNumberFr } from '../sourcing/format-quantity-fr';
import { unitNameFr } from '../units/french-units';
import { toBaseQuantity, type UnitCode } from '../units/units';
import type { FieldIssue } from '../errors/domain-error';
import type { CensusRow } from './census-row';
import { formatEuros } from './decimal';
import type { CensusParseResult } from './parse-census-table';

/** Fewer peers than this in a group say nothing of what is usual: the next wider group is tried. */
export const MIN_AMOUNT_PEERS = 3;
/** A value more than this many times above the largest of its group, or below the smallest, is flagged. */
export const UNUSUAL_AMOUNT_FACTOR = 10;
/**
 * Annual amounts below the smallest are judged with a wider factor: a small commune buys a
 * hundredth of what a département does (10 t of salt against 1 000 t) and must not be asked to
 * confirm every row; a price, which does not scale with the buyer's size, keeps the narrow one.
 */
export const UNUSUAL_SMALL_AMOUNT_FACTOR = 100;

/** A need already known on the territory (stored, any buyer), as the amount check compares it. */
export interface CensusAmountPeer {
  cpvCode: string;
  label: string;
  annualAmountCents: number;
  quantity: number | null;
  unit: UnitCode | null;
  unitsPerPack: number | null;
  unitPriceCents: number | null;
}

/** A census row whose amount or unit price the importer must confirm before it is stored. */
export interface CensusAmountFlag {
  row: number;
  sheet?: string;
  field: 'annualAmount' | 'unitPrice';
  reason: string;
}

export interface CheckCensusAmountsOptions {
  rows: readonly CensusRow[];
  /** The territory's needs, without those the imported rows replace. */
  peers: readonly CensusAmountPeer[];
  families: readonly PurchaseFamily[];
}

interface Priced {
  /** Euro cents per base unit (per kg, per sheet…). */
  centsPerBase: number;
  baseUnit: UnitCode;
  /** Base units in one unit of the row being judged (1 t = 1 000 kg). */
  basePerUnit: number;
}

function priced(item: CensusAmountPeer): Priced | null {
  if (item.unitPriceCents === null || item.unit === null) return null;
  const base = toBaseQuantity(1, item.unit, item.unitsPerPack);
  if (!base.ok || base.quantity <= 0) return null;
  return { centsPerBase: item.unitPriceCents / base.quantity, baseUnit: base.unit, basePerUnit: base.quantity };
}

/** Serials Excel gives the days of 2000–2050: a quantity in this range may be a date typed by mistake (« 1/2 »). */
const DATE_SERIALS = { from: 36_526, to: 55_153 };

function dateSerialHint(quantity: number | null): string {
  if (quantity === null || !Number.isInteger(quantity) || quantity < DATE_SERIALS.from || quantity > DATE_SERIALS.to) return '';
  // Excel's day 1 is 1900-01-01 with a phantom 1900-02-29: from March 1900 on, day n is 1899-12-30 + n.
  const date = formatDateFr(addDays('1899-12-30', quantity));
  return ` La quantité ${formatNumberFr(quantity)} est aussi le numéro du ${date} dans un tableur : une saisie comme « 1/2 » a pu y être convertie en date.`;
}

const times = (ratio: number) => `${formatNumberFr(Math.round(ratio))} fois`;

/**
 * Flags census rows whose annual amount, or unit price, lies far outside what the territory shows
 * for the same purchase: more than `UNUSUAL_AMOUNT_FACTOR` times above the largest, or below the
 * smallest, of the same purchase family (same rule as the pooling analysis), else of the same CPV
 * division, among at least `MIN_AMOUNT_PEERS` needs of the territory and the other rows of the
 * file. Unit prices compare per base unit within one dimension. A flag is not an error: the
 * importer confirms the row to store it as typed. Each reason says the range and the group.
 */
export function checkCensusAmounts({ rows, peers, families }: CheckCensusAmountsOptions): CensusAmountFlag[] {
  const resolver = createFamilyResolver({ families, level: 'class' });
  const items: { peer: CensusAmountPeer; row: CensusRow | null }[] = [
    ...peers.map((peer) => ({ peer, row: null })),
    ...rows.map((row) => ({ peer: row, row })),
  ];
  const keyed = items.map((item) => ({
    ...item,
    family: resolver.resolve(item.peer.cpvCode, item.peer.label),
    division: item.peer.cpvCode.slice(0, 2),
  }));
  const byFamily = groupBy(keyed, (k) => k.family);
  const byDivision = groupBy(keyed, (k) => k.division);
  return keyed.flatMap(({ row, family, division }) => {
    if (row === null) return [];
    const othersIn = (group: readonly (typeof keyed)[number][] | undefined) =>
      (group ?? []).filter((o) => o.row !== row).map((o) => o.peer);
    const groups = [
      { members: othersIn(byFamily.get(family)), name: `de la famille « ${resolver.families[family]?.label ?? ''} »` },
      {
        members: othersIn(byDivision.get(division)),
        name: `de la division CPV ${division} (${getCpv(`${division}000000`)?.labelFr ?? 'sans libellé'})`,
      },
    ];
    const where = { row: row.source.row, ...(row.source.sheet === undefined ? {} : { sheet: row.source.sheet }) };
    return [amountFlag(row, groups), priceFlag(row, groups)].flatMap((flag) => (flag ? [{ ...where, ...flag }] : []));
  });
}

type PeerGroup = { members: readonly CensusAmountPeer[]; name: string };
type Flag = Pick<CensusAmountFlag, 'field' | 'reason'>;

function amountFlag(row: CensusRow, groups: readonly PeerGroup[]): Flag | null {
  const group = groups.find((g) => g.members.length >= MIN_AMOUNT_PEERS);
  if (!group) return null;
  const amounts = group.members.map((m) => m.annualAmountCents);
  const verdict = judge(row.annualAmountCents, amounts, UNUSUAL_SMALL_AMOUNT_FACTOR);
  if (!verdict) return null;
  const span = `${amounts.length} besoins de ${formatEuros(Math.min(...amounts))} à ${formatEuros(Math.max(...amounts))}`;
  const how = verdict.high ? `${times(verdict.ratio)} le plus gros besoin` : `${times(verdict.ratio)} moins que le plus petit besoin`;
  return {
    field: 'annualAmount',
    reason:
      `Montant annuel inhabituel : ${formatEuros(row.annualAmountCents)}, soit ${how} ${group.name} sur le territoire (${span}). ` +
      `Vérifiez la quantité, l’unité et les montants ; confirmez la ligne pour l’enregistrer telle quelle.${dateSerialHint(row.quantity)}`,
  };
}

function priceFlag(row: CensusRow, groups: readonly PeerGroup[]): Flag | null {
  const own = priced(row);
  if (!own || row.unit === null || row.unitPriceCents === null) return null;
  // Peers' prices in the row's own unit (€ per t for a row in tonnes, whatever unit the peer used).
  const inRowUnit = (p: Priced) => Math.round(p.centsPerBase * own.basePerUnit);
  const group = groups
    .map((g) => ({
      ...g,
      prices: g.members
        .flatMap((m) => priced(m) ?? [])
        .filter((p) => p.baseUnit === own.baseUnit)
        .map(inRowUnit),
    }))
    .find((g) => g.prices.length >= MIN_AMOUNT_PEERS);
  const verdict = group ? judge(row.unitPriceCents, group.prices) : null;
  if (!group || !verdict) return null;
  const per = `par ${unitNameFr(row.unit)}`;
  const how = verdict.high ? `${times(verdict.ratio)} le prix le plus élevé` : `${times(verdict.ratio)} moins que le prix le plus bas`;
  const span = `${group.prices.length} prix de ${formatEuros(Math.min(...group.prices))} à ${formatEuros(Math.max(...group.prices))} ${per}`;
  return {
    field: 'unitPrice',
    reason:
      `Prix unitaire inhabituel : ${formatEuros(row.unitPriceCents)} ${per}, soit ${how} ${group.name} sur le territoire (${span}). ` +
      'Vérifiez le prix et l’unité ; confirmez la ligne pour l’enregistrer telle quelle.',
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** How far a value lies outside [min / lowFactor, max × UNUSUAL_AMOUNT_FACTOR] of its group, or null inside. */
function judge(value: number, group: readonly number[], lowFactor = UNUSUAL_AMOUNT_FACTOR): { high: boolean; ratio: number } | null {
  const max = Math.max(...group);
  const min = Math.min(...group);
  if (max > 0 && value > max * UNUSUAL_AMOUNT_FACTOR) return { high: true, ratio: value / max };
  if (value > 0 && value * lowFactor < min) return { high: false, ratio: min / value };
  return null;
}

export interface HoldUnusualRowsOptions {
  parsed: CensusParseResult;
  flags: readonly CensusAmountFlag[];
  /** The importer confirmed the flagged rows. */
  isConfirmed: boolean;
}

/**
 * The file as the import plan must see it: until the importer confirms them, rows with an unusual
 * amount are withheld like refused rows (a whole-file import stores nothing, a valid-rows import
 * leaves them out); once confirmed they are stored as typed. `flags` locate each in the file.
 */
export function holdUnusualRows({ parsed, flags, isConfirmed }: HoldUnusualRowsOptions): {
  flags: FieldIssue[];
  toPlan: CensusParseResult;
} {
  const issues = flags.map(
    (flag): FieldIssue => ({
      field: flag.field,
      reason: flag.reason,
      row: flag.row,
      column: parsed.columns?.[flag.field] ?? '',
      ...(flag.sheet === undefined ? {} : { sheet: flag.sheet }),
      ...(parsed.rows[0] ? { file: parsed.rows[0].source.file } : {}),
    }),
  );
  if (isConfirmed || flags.length === 0) return { flags: issues, toPlan: parsed };
  const held = new Set(flags.map((f) => `${f.sheet ?? ''}:${f.row}`));
  const rows = parsed.rows.filter((r) => !held.has(`${r.source.sheet ?? ''}:${r.source.row}`));
  return { flags: issues, toPlan: { ...parsed, rows, errors: [...parsed.errors, ...issues] } };
}

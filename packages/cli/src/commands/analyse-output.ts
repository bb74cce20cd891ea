import { type AnalysedOpportunity, countFr } from '@mutualis/core';

/** The one JSON document of `mutualis analyse --format json`; money in integer euro cents excluding VAT. */
export function toAnalyseJson(territory: string, at: string, opportunities: readonly AnalysedOpportunity[]) {
  return {
    territory,
    at,
    money: 'centimes d’euro HT (entiers)',
    opportunities: opportunities.map((o) => ({
      id: o.id,
      rank: o.rank,
      family: { key: o.family.key, label: o.family.label, cpvCodes: o.family.cpvCodes },
      members: o.members.map((m) => ({ siret: m.siret, name: m.name, share: m.share })),
      annualAmount: o.annualAmountCents,
      estimatedValue: o.estimatedValueCents,
      procedure: {
        kind: o.procedure.kind,
        label: o.procedure.labelFr,
        article: o.procedure.articles.find((a) => a !== 'R2121-1') ?? o.procedure.articles[0] ?? '',
        thresholdVersion: o.procedure.thresholdVersionId,
      },
      thresholdCrossed: o.thresholdCrossed.isCrossed,
      startDate: o.startDate,
      waves: o.waves.map((w) => ({
        kind: w.kind,
        date: w.date,
        members: w.organizationIds.map((id) => o.members.find((m) => m.organizationId === id)?.siret ?? id),
      })),
      savings: o.savings,
      coordinator: { siret: o.coordinator.siret, name: o.coordinator.name, isOverride: o.coordinator.isOverride },
      poolability: { tier: o.poolability.tier, label: o.poolability.label, reason: o.poolability.reason },
    })),
  };
}

const HEADERS = [
  'Rang',
  'Famille',
  'Zone',
  'Membres',
  'Montant annuel',
  'Valeur estimée',
  'Procédure',
  'Démarrage',
  'Dates d’entrée',
  'Économie centrale',
  'Coordonnateur',
  'Mutualisabilité',
];

/** Euros without cents, French digit grouping with plain spaces (so columns align in any terminal). */
function euros(cents: number): string {
  return `${Math.round(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
}

function cells(o: AnalysedOpportunity): string[] {
  return [
    String(o.rank),
    o.family.label,
    o.cell.label,
    String(o.members.length),
    euros(o.annualAmountCents),
    euros(o.estimatedValueCents),
    o.procedure.labelFr,
    o.startDate,
    String(o.waves.length),
    euros(o.savings.central),
    o.coordinator.name,
    o.poolability.label,
  ];
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const NUMERIC = new Set([0, 3, 4, 5, 8, 9]);

/** An aligned terminal table with French headers; long labels are clipped. */
export function formatOpportunitiesTable(territoryName: string, at: string, opportunities: readonly AnalysedOpportunity[]): string {
  if (opportunities.length === 0) return `${territoryName} au ${at} : aucune opportunité de groupement.`;
  const rows = [HEADERS, ...opportunities.map((o) => cells(o).map((c) => clip(c, 40)))];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [
    `${territoryName} au ${at} : ${countFr(opportunities.length, 'opportunité')}`,
    line(header ?? []),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n');
}

const csvField = (value: string) => (/[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvEuros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** CSV with `;` separators and decimal commas (French spreadsheets); amounts in euros HT. */
export function formatOpportunitiesCsv(opportunities: readonly AnalysedOpportunity[]): string {
  const header = [
    'Rang',
    'Famille',
    'Codes CPV',
    'Zone',
    'Membres (SIRET)',
    'Montant annuel (€ HT)',
    'Valeur estimée (€ HT)',
    'Procédure',
    'Seuil franchi',
    'Démarrage',
    'Dates d’entrée',
    'Économie basse (€)',
    'Économie centrale (€)',
    'Économie haute (€)',
    'Coordonnateur (SIRET)',
    'Mutualisabilité',
    'Raison du rang',
  ];
  const rows = opportunities.map((o) => [
    String(o.rank),
    o.family.label,
    o.family.cpvCodes.join(' '),
    o.cell.label,
    o.members.map((m) => m.siret).join(' '),
    csvEuros(o.annualAmountCents),
    csvEuros(o.estimatedValueCents),
    o.procedure.labelFr,
    o.thresholdCrossed.isCrossed ? 'oui' : 'non',
    o.startDate,
    String(o.waves.length),
    csvEuros(o.savings.low),
    csvEuros(o.savings.central),
    csvEuros(o.savings.high),
    o.coordinator.siret,
    o.poolability.label,
    o.poolability.reason,
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(';')).join('\n');
}

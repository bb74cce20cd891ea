import type { PublicConsultation } from './present-public-forecast';

const CRLF = '\r\n';
const encoder = new TextEncoder();

export interface BuildForecastIcalOptions {
  territoryName: string;
  consultations: readonly PublicConsultation[];
  /** Host part of each UID (RFC 5545 §3.8.4.7: globally unique). */
  uidDomain: string;
  /** Absolute URL of the public forecast page, added to each event. */
  pageUrl: string;
}

/**
 * The forecast as an iCalendar feed (RFC 5545): one all-day VEVENT per planned launch, CRLF line
 * endings, content lines folded at 75 octets, UID stable per consultation, DTSTAMP = its publication.
 */
export function buildForecastIcal({ territoryName, consultations, uidDomain, pageUrl }: BuildForecastIcalOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mutualis//Prévisions de consultations//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Consultations prévues — ${territoryName}`)}`,
    ...consultations.flatMap((c) => eventLines(c, uidDomain, pageUrl)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(c: PublicConsultation, uidDomain: string, pageUrl: string): string[] {
  const lots = c.lots.map((l) => `${l.label}${l.volume === null ? '' : ` (${formatVolume(l.volume)} ${l.unit ?? ''})`}`).join(' ; ');
  const description = [
    `Lancement prévu de la consultation « ${c.title} » (CPV ${c.cpvCode}).`,
    c.volume === null ? '' : `Volume annuel estimé : ${formatVolume(c.volume)} ${c.unit ?? ''}.`,
    `Lots envisagés : ${lots}.`,
    `Début d’exécution prévu : ${c.startDate}.`,
    'Information préalable (article R2111-1) : elle n’engage pas les acheteurs et ne vaut pas avis de marché.',
  ]
    .filter(Boolean)
    .join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${c.id}@${uidDomain}`,
    `DTSTAMP:${toUtcStamp(c.publishedAt)}`,
    `DTSTART;VALUE=DATE:${c.launchDate.replaceAll('-', '')}`,
    `DTEND;VALUE=DATE:${nextDay(c.launchDate)}`,
    `SUMMARY:${escapeText(`Lancement : ${c.title}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${pageUrl}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are split, each continuation starting with one space; UTF-8 sequences stay whole. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines hold 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function toUtcStamp(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

function formatVolume(volume: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(volume);
}

import { describe, expect, it } from 'vitest';
import { buildForecastIcal, escapeText, foldLine } from './forecast-ical';
import type { PublicConsultation } from './present-public-forecast';

const octets = (s: string) => new TextEncoder().encode(s).length;

function buildConsultation(overrides: Partial<PublicConsultation> = {}): PublicConsultation {
  return {
    id: 'c-1',
    title: 'Gel hydro-alcoolique ; flacons, pompes',
    cpvCode: '33741300',
    volume: 32_000,
    unit: 'L',
    buyerCount: 5,
    lots: [{ id: 'C:16015|*', label: 'Angoulême — tous produits', volume: 12_500, unit: 'L' }],
    maxLotsPerBidder: null,
    launchDate: '2027-02-01',
    startDate: '2027-07-01',
    notes: '',
    publishedAt: '2026-11-28T09:30:05.123Z',
    ...overrides,
  };
}

/** Reads a feed back the way a calendar client does: unfold, then split names, parameters and values. */
function parseIcal(text: string): { name: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon), value: line.slice(colon + 1) };
    });
}

describe('buildForecastIcal', () => {
  const feed = buildForecastIcal({
    territoryName: 'Charente — gel hydro-alcoolique',
    consultations: [buildConsultation(), buildConsultation({ id: 'c-2', launchDate: '2027-12-31' })],
    uidDomain: 'mutualis.example',
    pageUrl: 'https://mutualis.example/public/charente/previsions',
  });

  it('ends every line with CRLF and keeps every physical line within 75 octets', () => {
    expect(feed.endsWith('\r\n')).toBe(true);
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of feed.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('parses back to one VEVENT per planned launch with UID, DTSTAMP and all-day dates', () => {
    const lines = parseIcal(feed);
    expect(lines.filter((l) => l.name === 'BEGIN' && l.value === 'VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.name === 'UID').map((l) => l.value)).toEqual(['c-1@mutualis.example', 'c-2@mutualis.example']);
    expect(lines.find((l) => l.name === 'DTSTAMP')?.value).toBe('20261128T093005Z');
    expect(lines.filter((l) => l.name === 'DTSTART;VALUE=DATE').map((l) => l.value)).toEqual(['20270201', '20271231']);
    expect(lines.filter((l) => l.name === 'DTEND;VALUE=DATE').map((l) => l.value)).toEqual(['20270202', '20280101']);
    expect(lines.find((l) => l.name === 'SUMMARY')?.value).toBe('Lancement : Gel hydro-alcoolique \\; flacons\\, pompes');
    expect(lines[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(lines.at(-1)).toEqual({ name: 'END', value: 'VCALENDAR' });
  });
});

describe('foldLine', () => {
  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const physical = foldLine(line).split('\r\n');
    expect(physical.every((l) => octets(l) <= 75)).toBe(true);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('leaves a short line as it is', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });
});

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and newlines (RFC 5545 §3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

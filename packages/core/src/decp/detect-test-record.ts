import { foldText } from '../cpv/cpv-catalog';
import { field, readText } from './raw-record';

/** CPV codes publishers use for test submissions (outside CPV 2008). */
const TEST_CPV_CODES = new Set(['12345678', '12345555']);
const CENTURY_OBJET = /^le march.{0,2} du si.{0,2}cle$/;
const WORD_SEPARATORS = /[^a-z0-9]+/;

/**
 * Why a raw record is a test submission left in the feed, or null: a test CPV code, the AIFE test
 * buyer "Essentiel", the test objet "Le marché du siècle" (accents possibly broken), or a short
 * objet (at most four words) containing the word "test" ("TEST PES", "Test APC").
 */
export function detectTestRecord(raw: Readonly<Record<string, unknown>>): string | null {
  const cpv = readText(raw.codeCPV)?.slice(0, 8);
  if (cpv !== undefined && TEST_CPV_CODES.has(cpv)) return `code CPV ${cpv}`;
  const buyerName = foldText(readText(field(raw.acheteur, 'nom')) ?? '');
  if (buyerName === 'essentiel') return 'acheteur « Essentiel »';
  const objet = foldText(readText(raw.objet) ?? '');
  if (CENTURY_OBJET.test(objet)) return 'objet « Le marché du siècle »';
  // Splitting into words is only needed when the word can be there (most objets are long and never say "test").
  if (!objet.includes('test')) return null;
  const words = objet.split(WORD_SEPARATORS).filter(Boolean);
  if (words.length <= 4 && words.includes('test')) return `objet « ${readText(raw.objet)} »`;
  return null;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessBuyerKind } from '../decp/guess-buyer-kind';
import { normalizeDecpAward } from '../decp/normalize-decp-award';
import { builtInNameVocabulary } from './name-vocabulary';
import { readBuyerName } from './read-buyer-name';
import { type BuyerIdentity, type PublishedName, resolveBuyerIdentity } from './resolve-buyer-identity';

const REAL = '/work/shared/data/decp-2019-colinmaudry-decp-json';
const FILES = ['data.gouv.fr_aife', 'data.gouv.fr_pes', 'e-marchespublics', 'marches-publics.info'];

/** Buyer names by SIRET, as the DECP import collects them (normalised records only). */
function publishedNamesBySiret(): Map<string, PublishedName[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const file of FILES) {
    const { marches } = JSON.parse(readFileSync(join(REAL, `${file}.dev80.json`), 'utf8')) as { marches: unknown[] };
    for (const raw of marches) {
      const result = normalizeDecpAward(raw);
      if (!result.ok || result.award.buyer.name === null) continue;
      const names = counts.get(result.award.buyer.siret) ?? new Map<string, number>();
      names.set(result.award.buyer.name, (names.get(result.award.buyer.name) ?? 0) + 1);
      counts.set(result.award.buyer.siret, names);
    }
  }
  return new Map([...counts].map(([siret, names]) => [siret, [...names].map(([name, count]) => ({ name, count }))]));
}

describe('resolveBuyerIdentity over every buyer of the DECP dev split', () => {
  const bySiret = publishedNamesBySiret();
  const vocabulary = builtInNameVocabulary();
  const identities = new Map<string, BuyerIdentity>(
    [...bySiret].map(([siret, publishedNames]) => {
      const first = publishedNames[0]?.name ?? '';
      const siblings = [...bySiret]
        .filter(([other]) => other !== siret && other.slice(0, 9) === siret.slice(0, 9))
        .map(([other, names]) => ({ siret: other, publishedNames: names }));
      const identity = resolveBuyerIdentity({
        siret,
        current: { name: first, kind: guessBuyerKind(siret, first), inseeCode: '' },
        previous: null,
        isBuyer: true,
        publishedNames,
        siblings,
        establishment: null,
        legalUnit: null,
        vocabulary,
      });
      return [siret, identity];
    }),
  );

  it('changes nothing when resolved again from what it stored', () => {
    const changed = [...identities].filter(([siret, first]) => {
      const publishedNames = bySiret.get(siret) ?? [];
      const again = resolveBuyerIdentity({
        siret,
        current: first.values,
        previous: first.written,
        isBuyer: true,
        publishedNames,
        siblings: [...bySiret]
          .filter(([other]) => other !== siret && other.slice(0, 9) === siret.slice(0, 9))
          .map(([other, names]) => ({ siret: other, publishedNames: names })),
        establishment: null,
        legalUnit: null,
        vocabulary,
      });
      return JSON.stringify(again) !== JSON.stringify(first);
    });
    expect(changed.map(([siret]) => siret)).toEqual([]);
  });

  it('names no buyer by a budget or a service alone', () => {
    const unitNames = [...identities.values()].filter(
      (i) => !i.values.name.startsWith('Unité légale SIREN') && readBuyerName(i.values.name).shape === 'unit',
    );
    expect(unitNames.map((i) => i.values.name)).toEqual([]);
  });

  /**
   * Read one by one: each publishes only a budget, a service or a direction acronym, and none of
   * their SIRENs is a commune's or an EPCI's in @etalab/decoupage-administratif (checked with
   * python3 over communes.json `siren` and epci.json `code`); no other establishment of theirs
   * publishes a legal unit's name.
   */
  it('leaves the legal unit unknown for the 17 buyers that publish only a budget, a service or a direction', () => {
    const unknown = [...identities].filter(([, i]) => i.status === 'unknown_legal_unit').map(([siret]) => siret);
    expect(unknown.sort()).toEqual(
      [
        '11000002300017', // DAPJ, DCOM, DSI
        '18003604802409', // Délégation Régionale de Paris XI
        '20005376700014', // DEL - Direction de l'éducation…, DEE - Direction de l'environnement…
        '22090001300016', // BUDGET PRINCIPAL (its sibling publishes « ECO GOLF DEPARTEMENTAL DE L AR », a service)
        '22440002800011', // BUDGET PRINCIPAL
        '22610001400134', // Pôle Attractivité Environnement
        '22640001800876', // BUDGET PRINCIPAL
        '22720002900014', // Budget principal
        '22840001600017', // BUDGET PRINCIPAL
        '26974015500016', // CCAS BUDGET PRINCIPAL
        '28300001600032', // EXERCICE BUDGETAIRE
        '32592006400061', // Achats internes
        '47080116802486', // Cellule Marchés
        '47080116802924', // Cellule Marché - COLIGNY
        '47080116802940', // Cellule Marché SUD OUEST
        '58200872800104', // Direction de la Maintenance
        '75146536000020', // SERVICE MARCHES
      ].sort(),
    );
  });

  it('repairs every broken name but two that no source spells (« GIP LAB�O », « SAEM C�novia »)', () => {
    const broken = [...identities.values()].filter((i) => i.isStillBroken).map((i) => i.values.name);
    expect(broken.sort()).toEqual(['GIP LAB\uFFFDO', 'SAEM C\uFFFDnovia']);
    // 88 distinct published names hold U+FFFD (grep -P '\x{FFFD}' over the sorted names).
    const brokenPublished = new Set(
      [...bySiret.values()]
        .flat()
        .filter((n) => n.name.includes('\uFFFD'))
        .map((n) => n.name),
    );
    expect(brokenPublished.size).toBe(88);
  });
});

/** A valid raw 2019-format DECP record (a real PES record), for tests; `overrides` replace top-level fields. */
export function buildRawDecpRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '2019I1703000',
    acheteur: { id: '13001898900017', nom: 'INOVALYS' },
    _type: 'Marché',
    nature: 'Marché',
    objet: 'MAINTENANCE DES INSTALLATIONS DE CHAUFFAGE',
    codeCPV: '50700000-2',
    procedure: 'Appel d’offres ouvert',
    lieuExecution: { code: '44', typeCode: 'Code département', nom: 'Loire-Atlantique' },
    dureeMois: 38,
    dateNotification: '2018-12-17+01:00',
    montant: 153900,
    titulaires: [{ typeIdentifiant: 'SIRET', id: '85480074501125', denominationSociale: 'AXIMA CONCEPT' }],
    ...overrides,
  };
}

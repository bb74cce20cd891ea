/** A notification year and where it was read. */
export interface DecpYear {
  year: number;
  source: 'id' | 'objet';
}

const ID_YEAR = /^(20\d\d)/;
const OBJET_YEAR = /(?:^|\D)(20\d\d)(?!\d)/;

/**
 * The notification year of an undated record: the first four characters of its identifier (the
 * 2019 format defines the id as « l'année de notification (4 caractères), le numéro d'ordre
 * interne, le numéro de la modification »), else the first year 2000–2099 its objet names
 * (« Charcuterie 2018-2 »), else null.
 */
export function readDecpYear(id: string | null, objet: string | null): DecpYear | null {
  const fromId = id === null ? undefined : ID_YEAR.exec(id)?.[1];
  if (fromId !== undefined) return { year: Number(fromId), source: 'id' };
  const fromObjet = objet === null ? undefined : OBJET_YEAR.exec(objet)?.[1];
  return fromObjet === undefined ? null : { year: Number(fromObjet), source: 'objet' };
}

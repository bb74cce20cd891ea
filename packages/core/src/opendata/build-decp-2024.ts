import { checkCpv } from '../cpv/cpv-code';
import { DomainError, type FieldIssue } from '../errors/domain-error';
import { checkSiret } from '../identity/siret';
import type { Decp2024Document, DecpContractInput, DecpMarche } from './decp-types';

export interface BuildDecp2024Options {
  awardedContracts: readonly DecpContractInput[];
}

/** Builds the DECP v2.0.3 JSON document of contracts awarded through Mutualis; throws `validation_failed` listing every bad field. */
export function buildDecp2024({ awardedContracts }: BuildDecp2024Options): Decp2024Document {
  const issues = awardedContracts.flatMap((contract, index) => checkContract(contract, index));
  if (issues.length > 0) throw DomainError.validation('Données essentielles incomplètes ou invalides.', issues);
  return { marches: { marche: awardedContracts.map(toMarche) } };
}

function toMarche(c: DecpContractInput): DecpMarche {
  return {
    id: c.id,
    // Arrêté du 22 décembre 2022: for a groupement the acheteur is the mandataire that ran the procedure.
    acheteur: { id: c.coordinatorSiret },
    nature: 'Marché',
    objet: c.object,
    codeCPV: c.cpvCode.slice(0, 8),
    techniques: { technique: c.isFrameworkAgreement ? ['Accord-cadre'] : ['Sans objet'] },
    modalitesExecution: { modaliteExecution: c.executionModes.length > 0 ? [...c.executionModes] : ['Sans objet'] },
    marcheInnovant: c.isInnovative,
    ccag: c.ccag,
    offresRecues: c.offersReceived,
    attributionAvance: c.advanceGranted,
    typeGroupementOperateurs: c.operatorGrouping,
    procedure: c.procedure,
    lieuExecution: { ...c.executionPlace },
    dureeMois: c.durationMonths,
    dateNotification: c.notificationDate,
    datePublicationDonnees: c.publicationDate,
    montant: c.amountCents / 100,
    typesPrix: { typePrix: [...c.priceTypes] },
    formePrix: c.priceForm,
    sousTraitanceDeclaree: c.subcontractingDeclared,
    titulaires: c.holderSirets.map((id) => ({ titulaire: { typeIdentifiant: 'SIRET' as const, id } })),
    considerationsSociales: {
      considerationSociale: c.socialConsiderations.length > 0 ? [...c.socialConsiderations] : ['Pas de considération sociale'],
    },
    considerationsEnvironnementales: {
      considerationEnvironnementale:
        c.environmentalConsiderations.length > 0 ? [...c.environmentalConsiderations] : ['Pas de considération environnementale'],
    },
  };
}

function checkContract(c: DecpContractInput, index: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, reason: string) => issues.push({ field: `awardedContracts.${index}.${field}`, reason, record: index });
  if (c.id.length < 1 || c.id.length > 16) add('id', 'L’identifiant du marché comporte de 1 à 16 caractères.');
  const coordinator = checkSiret(c.coordinatorSiret);
  if (!coordinator.ok) add('coordinatorSiret', coordinator.reason);
  const cpv = checkCpv(c.cpvCode);
  if (!cpv.ok) add('cpvCode', cpv.reason);
  if (c.object.trim() === '' || c.object.length > 1000) add('object', 'L’objet du marché est obligatoire (1 000 caractères au plus).');
  if (!Number.isInteger(c.offersReceived) || c.offersReceived < 1) add('offersReceived', 'Au moins une offre reçue.');
  if (!Number.isInteger(c.durationMonths) || c.durationMonths < 1) add('durationMonths', 'La durée est un nombre entier de mois ≥ 1.');
  if (!Number.isInteger(c.amountCents) || c.amountCents < 100) add('amountCents', 'Le montant est d’au moins 1 € HT.');
  if (c.priceTypes.length === 0) add('priceTypes', 'Indiquez au moins un type de prix.');
  if (c.holderSirets.length === 0) add('holderSirets', 'Le marché a au moins un titulaire.');
  c.holderSirets.forEach((siret, i) => {
    const check = checkSiret(siret);
    if (!check.ok) add(`holderSirets.${i}`, check.reason);
  });
  for (const [field, date] of [
    ['notificationDate', c.notificationDate],
    ['publicationDate', c.publicationDate],
  ] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) add(field, 'Date attendue au format AAAA-MM-JJ.');
  }
  if (c.publicationDate < c.notificationDate) add('publicationDate', 'Les données sont publiées après la notification.');
  return issues;
}

import type { OrganizationKind } from '../domain/types';
import { sirenOf } from '../identity/siret';
import { organizationScheme } from './ocds-parties';
import type { OpenDataGroupement } from './open-data-input';
import { buildAwardRelease, buildPlanningRelease } from './ocds-releases';
import type { OcdsReleasePackage } from './ocds-types';

export interface BuildOcdsReleasePackageOptions {
  groupements: readonly OpenDataGroupement[];
  /** The publishing organization; without a SIRET (a territory with no groupement yet), its name only. */
  publisher: { name: string; siret: string | null; kind?: OrganizationKind };
  /** URI where this package is published. */
  uri: string;
  /** ISO date-time of the last change to the contents. */
  publishedDate: string;
  /** Registered OCDS prefix, e.g. "ocds-abc123". */
  ocidPrefix: string;
  license?: string;
}

/** Builds an OCDS 1.1 release package: a planning release per groupement, plus an award/contract release once awarded. */
export function buildOcdsReleasePackage(options: BuildOcdsReleasePackageOptions): OcdsReleasePackage {
  const { groupements, publisher, uri, publishedDate, ocidPrefix } = options;
  const releases = groupements.flatMap((input) => {
    const ocid = `${ocidPrefix}-${input.groupement.id}`;
    const planning = buildPlanningRelease(input, ocid);
    return input.lots.length > 0 ? [planning, buildAwardRelease(input, ocid)] : [planning];
  });
  return {
    uri,
    version: '1.1',
    publishedDate,
    publisher:
      publisher.siret === null
        ? { name: publisher.name }
        : { name: publisher.name, scheme: organizationScheme(publisher.kind), uid: sirenOf(publisher.siret) },
    license: options.license ?? 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    releases,
  };
}

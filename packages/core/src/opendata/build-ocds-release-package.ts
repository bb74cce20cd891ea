import type { OpenDataGroupement } from './open-data-input';
import { buildAwardRelease, buildPlanningRelease } from './ocds-releases';
import type { OcdsReleasePackage } from './ocds-types';

export interface BuildOcdsReleasePackageOptions {
  groupements: readonly OpenDataGroupement[];
  publisher: { name: string; siret: string };
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
    publisher: { name: publisher.name, scheme: 'FR-RCS', uid: publisher.siret },
    license: options.license ?? 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    releases,
  };
}

import { awardRulesInForce } from '../award/award-rules';
import { buildConsultationSkeleton, type ConsultationSkeleton } from '../award/build-consultation-skeleton';
import { priceIndexOf } from '../award/price-index-families';
import type { IsoDate } from '../domain/types';
import { getCommune } from '../geo/communes';
import { formatQuantityFr } from '../sourcing/format-quantity-fr';
import type { UnitCode } from '../units/units';
import type { DesignedStructure } from './design-opportunity-lots';

export interface BuildLotsConsultationOptions {
  familyLabel: string;
  /** CPV code of the family's main product: decides the price revision clause. */
  mainCpvCode: string;
  procedureLabel: string;
  launchDate: IsoDate;
  structure: DesignedStructure;
  maxLotsClause: string;
}

/** The consultation skeleton of a lot structure designed with award terms (each lot's criteria, conditions, turnover cap). */
export function buildLotsConsultation(options: BuildLotsConsultationOptions): ConsultationSkeleton {
  const { familyLabel, mainCpvCode, procedureLabel, launchDate, structure, maxLotsClause } = options;
  return buildConsultationSkeleton({
    title: `Consultation groupée — ${familyLabel}`,
    launchDate,
    rules: awardRulesInForce(launchDate),
    procedureLabel,
    maxLotsClause,
    priceIndex: priceIndexOf(mainCpvCode),
    lots: structure.lots.flatMap((lot) =>
      lot.award
        ? [
            {
              label: lot.label,
              sitesText: lot.siteCodes.map((c) => getCommune(c)?.name ?? c).join(', '),
              volumeText: volumeText(lot.volumes),
              amountCents: lot.amountCents,
              award: lot.award.criteria,
              turnover: lot.award.turnover,
            },
          ]
        : [],
    ),
  });
}

function volumeText(volumes: Partial<Record<UnitCode, number>>): string {
  const parts = Object.entries(volumes).map(([unit, value]) =>
    unit === 'kg' && (value ?? 0) >= 1000 ? formatQuantityFr((value ?? 0) / 1000, 't') : formatQuantityFr(value ?? 0, unit as UnitCode),
  );
  return parts.length > 0 ? parts.join(' + ') : 'volume non comparable';
}

export { admitMemberUseCase } from './admit-member-use-case';
export {
  type DecideMembershipUseCaseOptions,
  decideMembershipUseCase,
  type RequestMembershipUseCaseOptions,
  requestMembershipUseCase,
} from './membership-requests-use-cases';
export { buildAuditView } from './build-audit-view';
export { buildDashboard } from './build-dashboard';
export type { LaunchParameters, LaunchValues } from '@mutualis/core/lifecycle';
export { buildLifecycleView, type LifecycleAbilities } from './build-lifecycle-view';
export { buildSavingsView } from './build-savings-view';
export {
  baselineContributors,
  type GroupementAggregateDecider,
  groupementAggregateDecider,
} from './decide-groupement-figures';
export { departementsOfTerritory } from './departements-of-territory';
export { exportDashboardPdf } from './export-dashboard-pdf';
export { exportDashboardXlsx } from './export-dashboard-xlsx';
export { type LoadedLifecycle, loadLifecycle } from './load-lifecycle';
export { parseConsumptionFile } from './parse-consumption-file';
export { type ConsumptionInput, recordConsumptionUseCase } from './record-consumption-use-case';
export { recordAwardsUseCase } from './record-awards-use-case';
export { recordAwardEssentialDataUseCase } from './record-award-essential-data-use-case';
export { recordSignatureUseCase } from './record-signature-use-case';
export { transitionGroupement, type TransitionRequest } from './transition-groupement';

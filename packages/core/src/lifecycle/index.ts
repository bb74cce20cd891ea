export { admitMember, LATE_JOINER_MESSAGE } from './admit-member';
export * from './build-launch-snapshot';
export { applyTransition, listNextSteps, nextStatuses } from './apply-transition';
export * from './compute-savings-pipeline';
export { findSignatureGaps, type SignatureGap, signatureGapReasons } from './find-signature-gaps';
export * from './lifecycle-types';
export { type AwardContract, type AwardPrice, contractsOfAward, type LotAward, type LotCoverage, recordAward } from './record-award';
export { recordSignature, type SignatureInput } from './record-signature';
export * from './summarise-dashboard';
export { contractEndOn } from './contract-end-on';
export {
  checkRequestPending,
  MEMBERSHIP_REQUEST_STATUSES,
  type MembershipRequest,
  type MembershipRequestStatus,
  type RequestMembershipResult,
  requestMembership,
} from './membership-request';

export { conventionMaximumOf } from './convention-maximum';
export {
  canDisclose,
  type Disclosure,
  decideDisclosure,
  disclosedOrNull,
  type Figure,
  MIN_OTHER_CONTRIBUTORS,
  WITHHELD_REASON_LABELS,
  WITHHELD_REASONS,
  type WithheldReason,
  withheldReasonOf,
} from './decide-disclosure';
export {
  actsFor,
  type DisclosureViewer,
  disclosureKeyOf,
  STAFF_VIEWER,
  seesEveryFigure,
  viewerActingFor,
} from './disclosure-viewer';
export { redactAmounts, redactAmountsExcept, WITHHELD_AMOUNT_TEXT } from './redact-amounts';
export { SHARE_BAND_LABELS, SHARE_BANDS, type ShareBand, shareBandOf } from './share-band';

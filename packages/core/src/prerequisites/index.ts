export * from './assess-prerequisites';
export * from './build-authorisation-checklist';
export * from './product-prerequisites';
export * from './propose-joint-bids';

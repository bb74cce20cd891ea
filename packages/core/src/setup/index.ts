export * from './account-control';
export * from './census-campaign';
export * from './member-agenda';
export * from './next-steps';
export * from './supplier-profile-gaps';
export * from './territory-slug';

import type { Need, Organization, Role, RunningContract, SupplierProfile, Territory } from '../domain/types';

/** The one password of every demo account (printed by the README; demo data only). */
export const DEMO_PASSWORD = 'mutualis-demo';

/** A demo territory and its organizations (public buyers and local firms); the seeder assigns the territory id. */
export interface DemoTerritory {
  territory: Omit<Territory, 'id'>;
  organizations: Organization[];
}

/** A role a demo user holds, addressed by territory slug (ids are assigned at seeding). */
export interface DemoRoleGrant {
  role: Role;
  territorySlug: string;
  /** The organization a member buyer or supplier acts for; null for facilitators and observers. */
  organizationId: string | null;
}

export interface DemoUser {
  email: string;
  name: string;
  password: string;
  roles: DemoRoleGrant[];
  /** An instance administrator (creates territories and their facilitators). */
  isAdmin?: boolean;
}

/** A coordinator the territory's facilitator retained for a family (stored as an override of the proposal). */
export interface DemoCoordinatorChoice {
  territorySlug: string;
  /** Family key of the analysis (`famille:<id>`). */
  familyKey: string;
  organizationId: string;
}

/** Everything the demo seeder inserts; ids of organizations, needs and contracts are stable strings. */
export interface DemoDataset {
  territories: DemoTerritory[];
  needs: Need[];
  runningContracts: RunningContract[];
  supplierProfiles: SupplierProfile[];
  users: DemoUser[];
  coordinatorChoices: DemoCoordinatorChoice[];
}

/** One territory's share of the dataset, before the territories are put together. */
export interface DemoTerritoryData {
  territory: DemoTerritory;
  needs: Need[];
  runningContracts: RunningContract[];
  supplierProfiles: SupplierProfile[];
  users: DemoUser[];
  coordinatorChoices: DemoCoordinatorChoice[];
}

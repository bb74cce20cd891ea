// The API's shapes come from @mutualis/contract (types only: the bundle carries no zod).
import type {
  CommuneSearchResult,
  CpvSearchResult,
  ErrorResponse,
  FieldIssueDto,
  MeResponse,
  NeedCreate,
  NeedDto,
  NeedPatch,
  OrganizationDto,
  OverviewDto,
  RoleGrantDto,
  TerritoryDto,
} from '@mutualis/contract';

export type { Page } from '@mutualis/contract';

export type Session = MeResponse;
export type SessionUser = MeResponse['user'];
export type RoleGrant = RoleGrantDto;
export type Role = RoleGrantDto['role'];

export type Organization = OrganizationDto;
export type OrganizationKind = OrganizationDto['kind'];
export type Territory = TerritoryDto;
export type TerritoryOverview = OverviewDto;

export type Need = NeedDto;
export type NeedConfidence = NeedDto['confidence'];
export type NeedStatus = NeedDto['status'];
export type NeedSource = NeedDto['source'];
export type NeedUnit = NonNullable<NeedDto['unit']>;
/** Body of POST /api/needs. */
export type NeedCreateBody = NeedCreate;
/** Body of PATCH /api/needs/:id (the organization never changes). */
export type NeedPatchBody = NeedPatch;

export type CpvEntry = CpvSearchResult['items'][number];
export type Commune = CommuneSearchResult['items'][number];

export type ApiIssue = FieldIssueDto;
export type ApiErrorBody = Omit<ErrorResponse, 'details'> & { details?: ErrorResponse['details'] };

import type { Migration } from 'kysely';
import * as foundation from './202611280700_foundation';
import * as coordinatorOverrides from './202611280800_coordinator_overrides';
import * as lifecycle from './202611280900_lifecycle';
import * as localCapacity from './202611280930_local_capacity';
import * as decpImportSpeed from './202611281000_decp_import_speed';
import * as listIndexes from './202611281100_list_indexes';
import * as deferredIndexes from './202611281200_deferred_indexes';
import * as decpProvenance from './202611281300_decp_provenance';
import * as decpIdUniqueIndex from './202611281400_decp_id_unique_index';
import * as membershipRequests from './202612061000_membership_requests';
import * as territoryCompetences from './202612061100_territory_competences';
import * as lotAwardEssentialData from './202612061300_lot_award_essential_data';
import * as importHistory from './202612061400_import_history';
import * as dropDeferredIndexes from './202612061410_drop_deferred_indexes';
import * as decpFlags from './202612061500_decp_flags';
import * as territorySetup from './202612061700_territory_setup';
import * as buyerIdentities from './202612061800_buyer_identities';
import * as runningContractsWrittenIndex from './202612062200_running_contracts_written_index';
import * as opportunityUrgency from './202612062300_opportunity_urgency';
import * as decpOffersReceived from './202612062310_decp_offers_received';

/** Every migration, in order. Add new files here (name: YYYYMMDDHHMM_description.ts). */
export const migrations: Record<string, Migration> = {
  '202611280700_foundation': foundation,
  '202611280800_coordinator_overrides': coordinatorOverrides,
  '202611280900_lifecycle': lifecycle,
  '202611280930_local_capacity': localCapacity,
  '202611281000_decp_import_speed': decpImportSpeed,
  '202611281100_list_indexes': listIndexes,
  '202611281200_deferred_indexes': deferredIndexes,
  '202611281300_decp_provenance': decpProvenance,
  '202611281400_decp_id_unique_index': decpIdUniqueIndex,
  '202612061000_membership_requests': membershipRequests,
  '202612061100_territory_competences': territoryCompetences,
  '202612061300_lot_award_essential_data': lotAwardEssentialData,
  '202612061400_import_history': importHistory,
  '202612061410_drop_deferred_indexes': dropDeferredIndexes,
  '202612061500_decp_flags': decpFlags,
  '202612061700_territory_setup': territorySetup,
  '202612061800_buyer_identities': buyerIdentities,
  '202612062200_running_contracts_written_index': runningContractsWrittenIndex,
  '202612062300_opportunity_urgency': opportunityUrgency,
  '202612062310_decp_offers_received': decpOffersReceived,
};

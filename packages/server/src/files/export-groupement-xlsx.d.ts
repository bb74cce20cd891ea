import type { Groupement, IsoDate, Need, Organization, RunningContract } from '@mutualis/core';
/** The file of one groupement: members, their needs, the contracts that bind them and the schedule. */
export interface GroupementExportFile {
  groupement: Pick<Groupement, 'name' | 'mandateScope' | 'isPermanent' | 'coordinatorIds'>;
  familyName: string;
  members: readonly Organization[];
  needs: readonly Need[];
  contracts: readonly RunningContract[];
  schedule: readonly {
    date: IsoDate;
    label: string;
    organizationId?: string | null;
  }[];
}
/** Exports a groupement file to a workbook: summary, members, needs per member, running contracts and schedule. */
export declare function exportGroupementXlsx(file: GroupementExportFile): Promise<Buffer>;

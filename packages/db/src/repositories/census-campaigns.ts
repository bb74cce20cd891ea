import type { CensusCampaign, CensusCampaignReminder, CensusCampaignResponse } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { CensusCampaignTable } from '../schema-territory-setup';
import { readJson, writeJson } from './json-column';

export type NewCensusCampaign = Omit<CensusCampaign, 'id' | 'closedAt'>;

const CONTEXT = { referenceField: 'territoryId' };

/** Census campaigns of a territory, the members' answers and the reminders sent. */
export function createCensusCampaignRepository(db: Kysely<Database>) {
  return {
    async insert(input: NewCensusCampaign): Promise<CensusCampaign> {
      const campaign: CensusCampaign = { ...input, id: newId(), closedAt: null };
      await guardWrite(CONTEXT, () =>
        db
          .insertInto('census_campaigns')
          .values({
            id: campaign.id,
            territory_id: campaign.territoryId,
            title: campaign.title,
            message: campaign.message,
            deadline: campaign.deadline,
            family_ids_json: writeJson(campaign.familyIds),
            opened_at: campaign.openedAt,
            opened_by: campaign.openedBy,
            closed_at: null,
          })
          .execute(),
      );
      return campaign;
    },

    async getById(id: string): Promise<CensusCampaign | undefined> {
      const row = await db.selectFrom('census_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCampaign(row);
    },

    /** The territory's open campaign, else its most recently opened one; undefined when none was ever opened. */
    async getCurrent(territoryId: string): Promise<CensusCampaign | undefined> {
      const row = await db
        .selectFrom('census_campaigns')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .orderBy((eb) => eb.case().when('closed_at', 'is', null).then(0).else(1).end())
        .orderBy('opened_at', 'desc')
        .orderBy('id')
        .executeTakeFirst();
      return row && toCampaign(row);
    },

    /** Closes the campaign if open; returns it, or undefined when it does not exist. */
    async close(id: string, closedAt: string): Promise<CensusCampaign | undefined> {
      await db.updateTable('census_campaigns').set({ closed_at: closedAt }).where('id', '=', id).where('closed_at', 'is', null).execute();
      const row = await db.selectFrom('census_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCampaign(row);
    },

    /** Idempotent: answering twice keeps the first answer. */
    async addResponse(response: CensusCampaignResponse): Promise<void> {
      await guardWrite({ referenceField: 'organizationId' }, () =>
        db
          .insertInto('census_campaign_responses')
          .values({
            campaign_id: response.campaignId,
            organization_id: response.organizationId,
            answered_at: response.answeredAt,
            answered_by: response.answeredBy,
          })
          .onConflict((oc) => oc.columns(['campaign_id', 'organization_id']).doNothing())
          .execute(),
      );
    },

    /** Withdraws an answer (the member reopens its census); returns whether one existed. */
    async removeResponse(campaignId: string, organizationId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('census_campaign_responses')
        .where('campaign_id', '=', campaignId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listResponses(campaignId: string): Promise<CensusCampaignResponse[]> {
      const rows = await db
        .selectFrom('census_campaign_responses')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('answered_at')
        .orderBy('organization_id')
        .execute();
      return rows.map((r) => ({
        campaignId: r.campaign_id,
        organizationId: r.organization_id,
        answeredAt: r.answered_at,
        answeredBy: r.answered_by,
      }));
    },

    async addReminders(reminders: readonly Omit<CensusCampaignReminder, 'id'>[]): Promise<void> {
      if (reminders.length === 0) return;
      await guardWrite({ referenceField: 'organizationId' }, () =>
        db
          .insertInto('census_campaign_reminders')
          .values(
            reminders.map((r) => ({
              id: newId(),
              campaign_id: r.campaignId,
              organization_id: r.organizationId,
              sent_at: r.sentAt,
              sent_by: r.sentBy,
              emailed: r.emailed,
            })),
          )
          .execute(),
      );
    },

    async listReminders(campaignId: string): Promise<CensusCampaignReminder[]> {
      const rows = await db
        .selectFrom('census_campaign_reminders')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('sent_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        campaignId: r.campaign_id,
        organizationId: r.organization_id,
        sentAt: r.sent_at,
        sentBy: r.sent_by,
        emailed: Number(r.emailed),
      }));
    },
  };
}

export type CensusCampaignRepository = ReturnType<typeof createCensusCampaignRepository>;

function toCampaign(row: Selectable<CensusCampaignTable>): CensusCampaign {
  return {
    id: row.id,
    territoryId: row.territory_id,
    title: row.title,
    message: row.message,
    deadline: row.deadline,
    familyIds: readJson<string[]>(row.family_ids_json),
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    closedAt: row.closed_at,
  };
}

import { expect, it } from 'vitest';
import { buildGroupement } from '../../../db/test/dialects';
import { multipartFile } from '../census-files';
import { describeApp, fieldsOf } from '../test-app';

/** The clock of the app: every « after today » below is judged against it. */
const NOW = new Date('2026-12-06T10:00:00Z');

describeApp(
  'dates bounded to what can be true',
  (t) => {
    async function draft() {
      const groupement = await t.repos.groupements.insert(
        buildGroupement({
          territoryId: t.world.territoryA.id,
          familyId: 'fam-salt',
          memberIds: [t.world.buyerA1.id, t.world.buyerA2.id],
          coordinatorIds: [t.world.buyerA2.id],
        }),
      );
      return (suffix: string) => `/api/groupements/${groupement.id}${suffix}`;
    }

    async function launched() {
      const url = await draft();
      await t.as('facilitator').post(url('/transitions'), { to: 'convention_drafted' });
      for (const organizationId of [t.world.buyerA1.id, t.world.buyerA2.id]) {
        await t.as('facilitator').post(url('/signatures'), {
          organizationId,
          signedOn: '2026-03-10',
          deliberationOn: '2026-02-20',
          deliberationReference: 'DEL-2026-01',
        });
      }
      await t.as('facilitator').post(url('/transitions'), { to: 'signed' });
      const launch = await t.as('facilitator').post(url('/transitions'), { to: 'launched', launchedOn: '2026-04-01' });
      expect(launch.statusCode, launch.body).toBe(200);
      return url;
    }

    const lot = (overrides: Record<string, unknown>) => ({
      lotKey: 'lot-1',
      lotLabel: 'Sel de déneigement',
      holderSiret: t.world.firmA.siret,
      holderName: t.world.firmA.name,
      unitPriceCents: 8_500,
      awardedOn: '2026-06-01',
      startOn: '2026-07-01',
      durationMonths: 12,
      ...overrides,
    });

    it('refuses a deliberation in 2099 and a signature in 9999, naming each field and why', async () => {
      const url = await draft();
      await t.as('facilitator').post(url('/transitions'), { to: 'convention_drafted' });
      const response = await t
        .as('facilitator')
        .post(url('/signatures'), { organizationId: t.world.buyerA1.id, signedOn: '9999-12-31', deliberationOn: '2099-01-01' });
      expect(response.statusCode).toBe(400);
      expect(response.json().details.issues).toEqual([
        {
          field: 'signedOn',
          reason: 'La signature de la convention ne peut pas être datée après aujourd’hui (06/12/2026) : 31/12/9999 saisi.',
        },
        { field: 'deliberationOn', reason: 'La délibération ne peut pas être datée après aujourd’hui (06/12/2026) : 01/01/2099 saisi.' },
      ]);
      const today = await t.as('facilitator').post(url('/signatures'), { organizationId: t.world.buyerA1.id, signedOn: '2026-12-06' });
      expect(today.statusCode, today.body).toBe(200);
    });

    it('refuses a launch recorded tomorrow and a planned launch in 2099', async () => {
      const url = await draft();
      const planned = await t.as('facilitator').post(url('/transitions'), { to: 'convention_drafted', plannedLaunchOn: '2099-03-01' });
      expect([planned.statusCode, fieldsOf(planned)]).toEqual([400, ['plannedLaunchOn']]);
      await t.as('facilitator').post(url('/transitions'), { to: 'convention_drafted', plannedLaunchOn: '2027-03-01' });
      for (const organizationId of [t.world.buyerA1.id, t.world.buyerA2.id]) {
        await t.as('facilitator').post(url('/signatures'), {
          organizationId,
          signedOn: '2026-03-10',
          deliberationOn: '2026-02-20',
          deliberationReference: 'DEL-2026-01',
        });
      }
      await t.as('facilitator').post(url('/transitions'), { to: 'signed' });
      const tomorrow = await t.as('facilitator').post(url('/transitions'), { to: 'launched', launchedOn: '2026-12-07' });
      expect([tomorrow.statusCode, fieldsOf(tomorrow)]).toEqual([400, ['launchedOn']]);
    });

    it('refuses an award in the future or before the launch, and an execution before the award', async () => {
      const url = await launched();
      const response = await t.as('facilitator').post(url('/awards'), {
        lots: [
          lot({ awardedOn: '2099-06-01', startOn: '2099-07-01' }),
          lot({ lotKey: 'lot-2', awardedOn: '2026-03-01', startOn: '2026-04-01' }),
          lot({ lotKey: 'lot-3', awardedOn: '2026-06-01', startOn: '2026-05-01' }),
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().details.issues).toEqual([
        { field: 'lots.0.awardedOn', reason: 'L’attribution ne peut pas être datée après aujourd’hui (06/12/2026) : 01/06/2099 saisi.' },
        { field: 'lots.0.startOn', reason: 'Le début d’exécution ne peut pas être daté après le 06/12/2031 : 01/07/2099 saisi.' },
        {
          field: 'lots.1.awardedOn',
          reason: 'L’attribution (01/03/2026) ne peut pas précéder le lancement de la procédure (01/04/2026).',
        },
        { field: 'lots.2.startOn', reason: 'Le début d’exécution (01/05/2026) ne peut pas précéder l’attribution (01/06/2026).' },
      ]);
      expect((await t.as('facilitator').get(url('/lifecycle'))).json().awards).toEqual([]);
    });

    it('refuses consumption of a month not begun, typed or imported, naming the row', async () => {
      const url = await launched();
      expect((await t.as('facilitator').post(url('/awards'), { lots: [lot({})] })).statusCode).toBe(200);
      const typed = await t.as('facilitator').post(url('/consumption'), {
        entries: [{ lotKey: 'lot-1', organizationId: t.world.buyerA1.id, period: '2099-01', quantity: 1, amountCents: 100 }],
      });
      expect(typed.json().details.issues).toEqual([
        { field: 'entries.0.period', reason: 'Le mois 01/2099 n’a pas commencé (nous sommes en 12/2026).' },
      ]);
      const csv = Buffer.from(`Lot;SIRET;Mois;Quantité;Montant HT\r\nlot-1;${t.world.buyerA2.siret};2027-01;20;1700,00\r\n`, 'utf8');
      const { payload, headers } = multipartFile('consommation.csv', csv);
      const imported = await t.as('facilitator').request('POST', url('/consumption/import'), payload, headers);
      expect(imported.statusCode).toBe(400);
      expect(imported.json().details.issues).toMatchObject([{ field: 'entries.0.period', line: 2, file: 'consommation.csv' }]);
    });

    it('refuses a running contract notified in the future, and leaves an untouched old date alone on edit', async () => {
      const body = {
        organizationId: t.world.buyerA1.id,
        reference: 'MAR-2099',
        cpvCode: '34927100',
        label: 'Sel',
        notificationDate: '2099-01-01',
        startDate: '2099-02-01',
        durationMonths: 12,
      };
      const refused = await t.as('member').post('/api/contracts', body);
      expect([refused.statusCode, fieldsOf(refused)]).toEqual([400, ['notificationDate', 'startDate']]);
      const old = await t.repos.runningContracts.update(t.world.contractA1.id, { notificationDate: '1970-01-01', startDate: '1970-02-01' });
      expect(old).toBeDefined();
      const edited = await t.as('member').patch(`/api/contracts/${t.world.contractA1.id}`, { label: 'Sel renommé' });
      expect(edited.statusCode, edited.body).toBe(200);
    });
  },
  { sqliteOnly: true, now: () => NOW },
);

// Component tests of liaisons and bank scope: a liaison sees only their bank, edits only their contact.
import { serviceHarness } from '@lianxin/testing';
import { describe, expect, it } from 'vitest';
import { banksService } from '../service.ts';
import { bankBody, liaisonBody, uniqueMobile } from '../test-support/fixtures.ts';
import { RESERVATION_GRACE_MS } from './contact-reservation.repository.ts';

const h = await serviceHarness(import.meta.url, banksService);
const coordinator = h.as('coordinator');
const officer = h.as('officer');

interface LiaisonOut {
  id: string;
  role: string;
  mobile: string;
  active: boolean;
}

async function bankWithLiaison() {
  const bank = (await coordinator('POST', '/banks', bankBody())).json<{ id: string }>();
  const body = liaisonBody();
  const res = await coordinator('POST', `/banks/${bank.id}/liaisons`, body);
  expect(res.statusCode).toBe(201);
  const liaison = res.json<LiaisonOut>();
  const as = h.as({ liaison: bank.id, id: liaison.id, name: body.name });
  return { bankId: bank.id, liaison, body, as };
}

describe('liaisons and bank scope', () => {
  it('when a liaison of bank A asks for bank B, its branches or its liaisons, then 404 every time', async () => {
    const a = await bankWithLiaison();
    const b = await bankWithLiaison();
    for (const url of [
      `/banks/${b.bankId}`,
      `/banks/${b.bankId}/branches`,
      `/banks/${b.bankId}/liaisons`,
    ]) {
      expect((await a.as('GET', url)).statusCode).toBe(404);
    }
    expect(
      (
        await a.as('PATCH', `/banks/${b.bankId}/liaisons/${b.liaison.id}`, {
          email: 'x@bank.example.com',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await a.as('PATCH', `/banks/${b.bankId}/liaisons/${a.liaison.id}`, {
          email: 'x@bank.example.com',
        })
      ).statusCode,
    ).toBe(404);
    const list = (await a.as('GET', '/banks')).json<{ items: { id: string }[]; total: number }>();
    expect(list).toMatchObject({ total: 1, items: [{ id: a.bankId }] });
  });

  it('when a liaison tries coordinator-only actions, then 403 even on their own bank', async () => {
    const a = await bankWithLiaison();
    expect((await a.as('POST', '/banks', bankBody())).statusCode).toBe(403);
    expect((await a.as('PATCH', `/banks/${a.bankId}`, { notes: 'x' })).statusCode).toBe(403);
    expect((await a.as('POST', `/banks/${a.bankId}/suspend`, { reason: 'x' })).statusCode).toBe(
      403,
    );
    expect((await a.as('POST', `/banks/${a.bankId}/liaisons`, liaisonBody())).statusCode).toBe(403);
    expect((await a.as('DELETE', `/banks/${a.bankId}/liaisons/${a.liaison.id}`)).statusCode).toBe(
      403,
    );
    expect(
      (await a.as('POST', `/banks/${a.bankId}/branches`, { name: '网点', address: '地址' }))
        .statusCode,
    ).toBe(403);
  });

  it('when a liaison edits their own contact details, then it works; their name, role or a colleague is 403', async () => {
    const a = await bankWithLiaison();
    const colleague = (
      await coordinator('POST', `/banks/${a.bankId}/liaisons`, liaisonBody())
    ).json<LiaisonOut>();
    const mobile = uniqueMobile();
    const res = await a.as('PATCH', `/banks/${a.bankId}/liaisons/${a.liaison.id}`, {
      mobile,
      title: '副行长',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mobile, title: '副行长' });
    expect(
      (await a.as('PATCH', `/banks/${a.bankId}/liaisons/${a.liaison.id}`, { role: 'backup' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await a.as('PATCH', `/banks/${a.bankId}/liaisons/${a.liaison.id}`, { name: '改名' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await a.as('PATCH', `/banks/${a.bankId}/liaisons/${colleague.id}`, { title: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('when liaisons are listed, then mobiles are masked except for coordinators and the liaison themself; officers get 403', async () => {
    const a = await bankWithLiaison();
    const colleagueBody = liaisonBody();
    await coordinator('POST', `/banks/${a.bankId}/liaisons`, colleagueBody);
    const seenByLiaison = (await a.as('GET', `/banks/${a.bankId}/liaisons`)).json<{
      items: LiaisonOut[];
    }>().items;
    expect(seenByLiaison.find((l) => l.id === a.liaison.id)?.mobile).toBe(a.body.mobile);
    expect(seenByLiaison.find((l) => l.id !== a.liaison.id)?.mobile).toBe(
      `${colleagueBody.mobile.slice(0, 3)}****${colleagueBody.mobile.slice(7)}`,
    );
    const seenByCoordinator = (await coordinator('GET', `/banks/${a.bankId}/liaisons`)).json<{
      items: LiaisonOut[];
    }>().items;
    expect(seenByCoordinator.map((l) => l.mobile).sort()).toEqual(
      [a.body.mobile, colleagueBody.mobile].sort(),
    );
    expect((await officer('GET', `/banks/${a.bankId}/liaisons`)).statusCode).toBe(403);
  });

  it('when a third active liaison is added, then 409 LIAISON_LIMIT with a clear message, and its contact stays free', async () => {
    const a = await bankWithLiaison();
    await coordinator('POST', `/banks/${a.bankId}/liaisons`, liaisonBody());
    const third = liaisonBody();
    const res = await coordinator('POST', `/banks/${a.bankId}/liaisons`, third);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: {
        code: 'LIAISON_LIMIT',
        message: {
          zh: '每家银行最多 2 名在岗联络员，请先移除一名',
          en: 'A bank has at most 2 active liaisons; remove one first',
        },
      },
    });
    expect((await coordinator('POST', `/banks/${a.bankId}/liaisons`, third)).statusCode).toBe(409);
    // the refused liaison's mobile was not left reserved
    const other = await bankWithLiaison();
    expect((await coordinator('POST', `/banks/${other.bankId}/liaisons`, third)).statusCode).toBe(
      201,
    );
  });

  it('when a second liaison is made primary, then the first is demoted in the same write', async () => {
    const a = await bankWithLiaison();
    expect(a.liaison.role).toBe('primary');
    const second = (
      await coordinator('POST', `/banks/${a.bankId}/liaisons`, liaisonBody({ role: 'primary' }))
    ).json<LiaisonOut>();
    expect(second.role).toBe('primary');
    const roles = (await coordinator('GET', `/banks/${a.bankId}/liaisons`))
      .json<{ items: LiaisonOut[] }>()
      .items.map((l) => [l.id, l.role]);
    expect(roles).toEqual([
      [a.liaison.id, 'backup'],
      [second.id, 'primary'],
    ]);
  });

  it('when the primary is removed, then the history stays and the backup becomes primary', async () => {
    const a = await bankWithLiaison();
    const backup = (
      await coordinator('POST', `/banks/${a.bankId}/liaisons`, liaisonBody())
    ).json<LiaisonOut>();
    expect(
      (await coordinator('DELETE', `/banks/${a.bankId}/liaisons/${a.liaison.id}`)).statusCode,
    ).toBe(204);
    const items = (await coordinator('GET', `/banks/${a.bankId}/liaisons`)).json<{
      items: (LiaisonOut & { removedAt: string | null })[];
    }>().items;
    const removed = items.find((l) => l.id === a.liaison.id);
    expect(removed?.active).toBe(false);
    expect(typeof removed?.removedAt).toBe('string');
    expect(items.find((l) => l.id === backup.id)).toMatchObject({ active: true, role: 'primary' });
    expect(
      (await coordinator('DELETE', `/banks/${a.bankId}/liaisons/${a.liaison.id}`)).statusCode,
    ).toBe(409);
  });

  it('when a mobile or email belongs to another active liaison, then 409 naming the field; once removed it is free', async () => {
    const a = await bankWithLiaison();
    const b = await bankWithLiaison();
    const sameMobile = await coordinator(
      'POST',
      `/banks/${b.bankId}/liaisons`,
      liaisonBody({ mobile: a.body.mobile }),
    );
    expect(sameMobile.json()).toMatchObject({
      error: { code: 'DUPLICATE_LIAISON_CONTACT', details: [{ path: 'mobile', rule: 'unique' }] },
    });
    const sameEmail = await coordinator(
      'POST',
      `/banks/${b.bankId}/liaisons`,
      liaisonBody({ email: a.body.email.toUpperCase() }),
    );
    expect(sameEmail.json()).toMatchObject({
      error: { code: 'DUPLICATE_LIAISON_CONTACT', details: [{ path: 'email', rule: 'unique' }] },
    });
    await coordinator('DELETE', `/banks/${a.bankId}/liaisons/${a.liaison.id}`);
    expect(
      (
        await coordinator(
          'POST',
          `/banks/${b.bankId}/liaisons`,
          liaisonBody({ mobile: a.body.mobile }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('when 20 banks race to add a liaison with the same mobile, then exactly one succeeds', async () => {
    const banks = await Promise.all(
      Array.from({ length: 20 }, async () =>
        (await coordinator('POST', '/banks', bankBody())).json<{ id: string }>(),
      ),
    );
    const mobile = uniqueMobile();
    const results = await Promise.all(
      banks.map((bank, i) =>
        coordinator(
          'POST',
          `/banks/${bank.id}/liaisons`,
          liaisonBody({ mobile, email: `race${i}${mobile}@bank.example.com` }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([
      201,
      ...Array.from({ length: 19 }, () => 409),
    ]);
  });

  it('when a mobile is invalid, then 400 naming the field; +86 and spaces are normalised', async () => {
    const a = await bankWithLiaison();
    const bad = await coordinator('PATCH', `/banks/${a.bankId}/liaisons/${a.liaison.id}`, {
      mobile: '12345',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'mobile' })] },
    });
    const m = uniqueMobile();
    const spaced = await coordinator('PATCH', `/banks/${a.bankId}/liaisons/${a.liaison.id}`, {
      mobile: `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
    });
    expect(spaced.json()).toMatchObject({ mobile: m });
  });

  it('when a reservation was left by an interrupted change, then a young one still blocks and an old one is taken over', async () => {
    const a = await bankWithLiaison();
    const reservations = h.db.collection<{
      _id: string;
      bankId: string;
      liaisonId: string;
      at: string;
    }>('liaison_contacts');
    const young = uniqueMobile();
    const old = uniqueMobile();
    await reservations.insertMany([
      {
        _id: `mobile:${young}`,
        bankId: a.bankId,
        liaisonId: '0123456789abcdef01234567',
        at: new Date().toISOString(),
      },
      {
        _id: `mobile:${old}`,
        bankId: a.bankId,
        liaisonId: '0123456789abcdef01234568',
        at: new Date(Date.now() - RESERVATION_GRACE_MS - 1000).toISOString(),
      },
    ]);
    const b = await bankWithLiaison();
    await coordinator('DELETE', `/banks/${b.bankId}/liaisons/${b.liaison.id}`);
    expect(
      (await coordinator('POST', `/banks/${b.bankId}/liaisons`, liaisonBody({ mobile: young })))
        .statusCode,
    ).toBe(409);
    const res = await coordinator(
      'POST',
      `/banks/${b.bankId}/liaisons`,
      liaisonBody({ mobile: old }),
    );
    expect(res.statusCode).toBe(201);
    expect(await reservations.findOne({ _id: `mobile:${old}` })).toMatchObject({
      bankId: b.bankId,
      liaisonId: res.json<LiaisonOut>().id,
    });
  });
});

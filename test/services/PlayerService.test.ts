import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BALANCE_CEILING } from '../../src/core/balance/progression.ts';
import { ERROR_CODES } from '../../src/core/errors.ts';
import type { RewardGrant } from '../../src/services/PlayerService.ts';
import {
  startAccountServices,
  uniqueName,
  type AccountServices,
} from './support/accountServices.ts';

const PASSWORD = 'a-good-password';

describe('PlayerService', () => {
  let services: AccountServices;
  before(async () => {
    services = await startAccountServices({ welcomeTickets: 20 });
  });
  after(() => services.stop());

  const register = () => services.players.register({ username: uniqueName(), password: PASSWORD });

  it('gives a new account the avatar, two starters and the welcome tickets', async () => {
    const player = await register();

    assert.equal(player.tickets, 20);
    assert.deepEqual(player.roster.map((entry) => entry.characterId).slice(0, 1), ['avatar']);
    assert.equal(player.roster.length, 3);
    assert.deepEqual(player.party, player.roster.map((entry) => entry.characterId));
  });

  it('refuses a second account with the same name in another case', async () => {
    const player = await register();

    const username = player.username.toUpperCase();
    const again = services.players.register({ username, password: PASSWORD });

    await assert.rejects(again, { code: ERROR_CODES.USERNAME_TAKEN });
  });

  it('refuses bad usernames and short passwords', async () => {
    const attempts = [
      { username: 'a b', password: PASSWORD },
      { username: 'x', password: PASSWORD },
      { username: uniqueName(), password: 'short' },
    ];

    for (const credentials of attempts) {
      const attempt = services.players.register(credentials);
      await assert.rejects(attempt, { code: ERROR_CODES.INVALID_PAYLOAD });
    }
  });

  it('answers an unknown name exactly like a wrong password', async () => {
    const player = await register();

    const wrongError = await services.players
      .login({ username: player.username, password: 'not-the-password' })
      .catch((error: unknown) => error);
    const unknownError = await services.players
      .login({ username: uniqueName('ghost'), password: PASSWORD })
      .catch((error: unknown) => error);

    assert.equal((wrongError as Error).message, (unknownError as Error).message);
    assert.equal((unknownError as { code: string }).code, ERROR_CODES.INVALID_CREDENTIALS);
  });

  it('refuses a login whose name or password is not a string', async () => {
    const player = await register();
    const attempts = [
      { username: [player.username], password: PASSWORD },
      { username: player.username, password: [PASSWORD] },
      { username: 7, password: PASSWORD },
    ];

    const results = await Promise.allSettled(
      attempts.map((attempt) => services.players.login(attempt as never)),
    );

    const codes = results.map((r) => (r.status === 'rejected' ? r.reason.code : 'accepted'));
    assert.deepEqual(codes, attempts.map(() => ERROR_CODES.INVALID_PAYLOAD));
  });

  it('applies a grant once however often its key is repeated', async () => {
    const player = await register();
    const grant = {
      key: 'battle-1',
      characterExp: { avatar: 150 },
      userExp: 150,
      tickets: 2,
      items: { 'Ice-1': 5 },
    };

    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() => services.players.grantRewards(player.id, grant)),
    );

    const updated = await services.players.findById(player.id);
    assert.equal(results.filter((result) => result.applied).length, 1);
    assert.equal(updated.tickets, 22);
    assert.equal(updated.items['Ice-1'], 5);
    assert.equal(updated.userExp, 150);
    assert.equal(updated.userLevel, 2);
    assert.deepEqual(
      updated.roster.find((entry) => entry.characterId === 'avatar'),
      { characterId: 'avatar', exp: 150, level: 2, stacks: 0, upgradePoints: 0, upgrades: {} },
    );
  });

  it('refuses a grant past the balance ceiling, applying nothing and keeping its key', async () => {
    const player = await register();
    await services.players.grantRewards(player.id, { key: 'fill', tickets: BALANCE_CEILING - 20 });

    const over = services.players.grantRewards(player.id, { key: 'over', tickets: 1, gold: 5 });

    await assert.rejects(over, { code: ERROR_CODES.BALANCE_LIMIT, message: /tickets/ });
    const retried = await services.players.grantRewards(player.id, { key: 'over', gold: 5 });
    const updated = await services.players.findById(player.id);
    assert.equal(retried.applied, true);
    assert.deepEqual([updated.tickets, updated.gold], [BALANCE_CEILING, 5]);
  });

  it('refuses a grant that would take items or exp past the balance ceiling', async () => {
    const player = await register();
    const fill = { key: 'fill', items: { 'Fire-1': BALANCE_CEILING }, userExp: BALANCE_CEILING };
    await services.players.grantRewards(player.id, fill);

    const grants: RewardGrant[] = [
      { key: 'more-fire', items: { 'Fire-1': 1 } },
      { key: 'more-exp', userExp: 1 },
      { key: 'first-ice', items: { 'Ice-1': 1 } },
    ];
    const results = await Promise.allSettled(
      grants.map((grant) => services.players.grantRewards(player.id, grant)),
    );

    const codes = results.map((r) => (r.status === 'rejected' ? r.reason.code : r.value.applied));
    assert.deepEqual(codes, [ERROR_CODES.BALANCE_LIMIT, ERROR_CODES.BALANCE_LIMIT, true]);
  });

  it('refuses a grant of exp to a character the player does not own', async () => {
    const player = await register();

    const grant = services.players.grantRewards(player.id, {
      key: 'k',
      characterExp: { 'not-owned': 5 },
    });

    await assert.rejects(grant, { code: ERROR_CODES.CHARACTER_NOT_OWNED });
  });

  it('sets a party of owned characters and refuses one with a stranger', async () => {
    const player = await register();

    const party = await services.players.setParty(player.id, ['avatar']);
    const stranger = services.players.setParty(player.id, ['avatar', 'nobody-here']);

    assert.deepEqual(party, ['avatar']);
    await assert.rejects(stranger, { code: ERROR_CODES.CHARACTER_NOT_OWNED });
    assert.deepEqual((await services.players.findById(player.id)).party, ['avatar']);
  });

  it('refuses an empty, oversized or repeated party', async () => {
    const player = await register();

    for (const party of [[], ['avatar', 'avatar'], ['a', 'b', 'c', 'd', 'e', 'f']]) {
      const attempt = services.players.setParty(player.id, party);
      await assert.rejects(attempt, { code: ERROR_CODES.INVALID_PARTY });
    }
  });

  it('refuses a grant with an unknown or "__proto__" key and applies nothing', async () => {
    const player = await register();
    const grants = [
      '{ "key": "a", "tickets": 1, "items": { "__proto__": 3 } }',
      '{ "key": "b", "tickets": 1, "characterExp": { "__proto__": 3 } }',
      '{ "key": "c", "tickets": 1, "ticket": 3 }',
    ].map((text) => JSON.parse(text) as RewardGrant);

    const results = await Promise.allSettled(
      grants.map((grant) => services.players.grantRewards(player.id, grant)),
    );

    const codes = results.map((r) => (r.status === 'rejected' ? r.reason.code : 'applied'));
    assert.deepEqual(codes, grants.map(() => ERROR_CODES.INVALID_PAYLOAD));
    assert.equal((await services.players.findById(player.id)).tickets, 20);
  });

  it('refuses a grant of an item that does not exist and applies nothing', async () => {
    const player = await register();

    const grant = services.players.grantRewards(player.id, {
      key: 'bad-item',
      tickets: 5,
      items: { 'Generic-1': 1 },
    });

    await assert.rejects(grant, { code: ERROR_CODES.INVALID_PAYLOAD });
    assert.equal((await services.players.findById(player.id)).tickets, 20);
  });
});

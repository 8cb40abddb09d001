import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ITEM_UPGRADE_POINTS, ITEMS_PER_CRAFT } from '../../src/core/balance/gacha.ts';
import { startApi, TEST_ADMIN_TOKEN, type ApiHarness } from './support/startApi.ts';

describe('player API', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApi();
  });
  after(() => api.stop());

  async function playerWithItems(items: Record<string, number>) {
    const account = await api.register();
    const body = { username: account.player.username, items };
    const grant = await api.request('POST', '/api/admin/grant', { token: TEST_ADMIN_TOKEN, body });
    assert.equal(grant.status, 200);
    return account;
  }

  it('saves the avatar editor and refuses more than 100 points', async () => {
    const { token } = await api.register();
    const editor = { pronouns: 'they/them', element: 'Wind', allocation: { atk: 60, maxHp: 40 } };
    const greedy = { ...editor, allocation: { atk: 60, maxHp: 41 } };

    const saved = await api.request('PUT', '/api/me/editor', { token, body: editor });
    const refused = await api.request('PUT', '/api/me/editor', { token, body: greedy });

    const me = await api.request('GET', '/api/me', { token });
    assert.equal(saved.status, 200);
    assert.equal(refused.status, 400);
    assert.equal(me.body.editor.element, 'Wind');
    assert.deepEqual(me.body.editor.allocation, { atk: 60, maxHp: 40 });
  });

  it('refuses pronouns longer than 15 characters', async () => {
    const { token } = await api.register();
    const body = { pronouns: 'x'.repeat(16), element: 'Fire', allocation: {} };

    const response = await api.request('PUT', '/api/me/editor', { token, body });

    assert.equal(response.body.error.code, 'INVALID_PAYLOAD');
  });

  it('refuses pronouns with NUL, control characters or lone surrogates', async () => {
    const { token } = await api.register();
    const editor = { element: 'Fire', allocation: {} };
    const refused = ['she\u0000her', 'he/\u0007him', 'they\ud800', '\udc00them'];

    const answers = await Promise.all(
      refused.map((pronouns) =>
        api.request('PUT', '/api/me/editor', { token, body: { ...editor, pronouns } }),
      ),
    );
    const emoji = { ...editor, pronouns: 'xe/xem \u{1F319}' };
    const saved = await api.request('PUT', '/api/me/editor', { token, body: emoji });

    const codes = answers.map((answer) => answer.body.error?.code);
    assert.deepEqual(codes, refused.map(() => 'INVALID_PAYLOAD'));
    assert.equal(saved.body.editor.pronouns, 'xe/xem \u{1F319}');
  });

  it('refuses an editor body with an unknown or "__proto__" key', async () => {
    const { token } = await api.register();
    const editor = '"pronouns": "it/its", "element": "Dark"';
    const bodies = [
      `{ ${editor}, "allocation": { "__proto__": 5, "atk": 1 } }`,
      `{ ${editor}, "allocation": { "luck": 5 } }`,
      `{ ${editor}, "allocation": {}, "isAdmin": true }`,
    ];

    const answers = await Promise.all(
      bodies.map((rawBody) => api.request('PUT', '/api/me/editor', { token, rawBody })),
    );

    const codes = answers.map((answer) => answer.body.error?.code);
    assert.deepEqual(codes, bodies.map(() => 'INVALID_PAYLOAD'));
  });

  it('combines 125 items into one of the next star', async () => {
    const { token } = await playerWithItems({ 'Fire-1': ITEMS_PER_CRAFT * 2 + 3 });

    const response = await api.request('POST', '/api/me/items/craft', {
      token,
      body: { element: 'Fire', stars: 1, count: 2 },
    });

    const me = await api.request('GET', '/api/me', { token });
    assert.equal(response.status, 200);
    assert.deepEqual(me.body.items, { 'Fire-1': 3, 'Fire-2': 2 });
  });

  it('refuses to craft without enough items and changes nothing', async () => {
    const { token } = await playerWithItems({ 'Ice-2': ITEMS_PER_CRAFT - 1 });

    const response = await api.request('POST', '/api/me/items/craft', {
      token,
      body: { element: 'Ice', stars: 2, count: 1 },
    });

    const me = await api.request('GET', '/api/me', { token });
    assert.equal(response.body.error.code, 'NOT_ENOUGH_ITEMS');
    assert.deepEqual(me.body.items, { 'Ice-2': ITEMS_PER_CRAFT - 1 });
  });

  it('turns items into points and points into a stat', async () => {
    const { token } = await playerWithItems({ 'Fire-2': 2 });
    const convert = { characterId: 'cinder-vale', element: 'Fire', stars: 2, count: 2 };
    const spend = { characterId: 'cinder-vale', stat: 'atk', points: 100 };

    const converted = await api.request('POST', '/api/me/upgrades/convert', {
      token,
      body: convert,
    });
    const spent = await api.request('POST', '/api/me/upgrades/spend', { token, body: spend });

    const roster = (await api.request('GET', '/api/me/roster', { token })).body.roster;
    const entry = roster.find((e: { characterId: string }) => e.characterId === 'cinder-vale');
    assert.equal(converted.body.upgradePoints, ITEM_UPGRADE_POINTS[2] * 2);
    assert.deepEqual(spent.body.upgrades, { atk: 100 });
    assert.equal(entry.upgradePoints, ITEM_UPGRADE_POINTS[2] * 2 - 100);
  });

  it('refuses items of another element for a character, but the avatar takes any', async () => {
    const { token } = await playerWithItems({ 'Ice-1': 2 });
    const body = { element: 'Ice', stars: 1, count: 1 };

    const wrong = await api.request('POST', '/api/me/upgrades/convert', {
      token,
      body: { ...body, characterId: 'cinder-vale' },
    });
    const avatar = await api.request('POST', '/api/me/upgrades/convert', {
      token,
      body: { ...body, characterId: 'avatar' },
    });

    assert.equal(wrong.body.error.code, 'INVALID_PAYLOAD');
    assert.equal(avatar.body.upgradePoints, 1);
  });

  it('refuses spending more points than a character has', async () => {
    const { token } = await api.register();
    const body = { characterId: 'avatar', stat: 'def', points: 1 };

    const response = await api.request('POST', '/api/me/upgrades/spend', { token, body });

    assert.equal(response.status, 409);
    assert.equal(response.body.error.code, 'NOT_ENOUGH_POINTS');
  });

  it('sets the party and refuses a character the player does not own', async () => {
    const { token } = await api.register();

    const ok = await api.request('PUT', '/api/me/party', {
      token,
      body: { characterIds: ['cinder-vale', 'avatar'] },
    });
    const stranger = await api.request('PUT', '/api/me/party', {
      token,
      body: { characterIds: ['avatar', 'not-mine'] },
    });

    assert.deepEqual(ok.body.party, ['cinder-vale', 'avatar']);
    assert.equal(stranger.body.error.code, 'CHARACTER_NOT_OWNED');
  });

  it('lists the catalogue without functions', async () => {
    const response = await api.request('GET', '/api/catalog');

    assert.equal(response.status, 200);
    assert.ok(response.body.character.some((c: { id: string }) => c.id === 'avatar'));
  });
});

// Auth0's Node.js SDK against the local tenant, run by NodeSdkConformanceTest with the tenant's URL and clients.
// The SDK speaks https to its "domain"; the tenant listens over http on loopback, so the SDK's own fetch option
// rewrites the scheme, and nothing else. ID tokens are not asked for: the SDK checks them against
// https://<domain>/ with its own JWKS fetch, which no option reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationClient, ManagementClient } from 'auth0';

const tenantUrl = process.env.TENANT_URL; // http://localhost:<port>/
const domain = new URL(tenantUrl).host;
const overHttp = (url, init) => fetch(String(url).replace(`https://${domain}`, `http://${domain}`), init);
const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is set`);
  return value;
};
const web = new AuthenticationClient({ domain, clientId: env('WEB_CLIENT'), clientSecret: env('WEB_SECRET'), fetch: overHttp });
const codes = new AuthenticationClient({ domain, clientId: env('OTP_CLIENT'), clientSecret: env('OTP_SECRET'), fetch: overHttp });
const m2m = new AuthenticationClient({ domain, clientId: env('M2M_CLIENT'), clientSecret: env('M2M_SECRET'), fetch: overHttp });
const managementAudience = `${tenantUrl}api/v2/`;

async function management() {
  const { data } = await m2m.oauth.clientCredentialsGrant({ audience: managementAudience });
  return new ManagementClient({ domain, token: data.access_token, fetch: overHttp });
}

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a refusal');
}

test('client credentials give a Management API token with exactly the granted scopes', async () => {
  const { data } = await m2m.oauth.clientCredentialsGrant({ audience: managementAudience });
  assert.equal(data.token_type, 'Bearer');
  assert.deepEqual(data.scope.split(' ').sort(), ['delete:users', 'read:connections', 'read:users', 'update:users']);
});

test('an audience that is no API of the tenant is access_denied "Service not found"', async () => {
  const e = await rejection(m2m.oauth.clientCredentialsGrant({ audience: 'https://api.wrong.example/' }));
  assert.equal(e.statusCode, 403);
  assert.equal(e.error, 'access_denied');
  assert.equal(e.error_description, 'Service not found: https://api.wrong.example/');
  const realm = await rejection(web.oauth.passwordGrant({ username: 'alice', password: env('DEMO_PASSWORD'),
    realm: 'corp-ad', scope: 'profile', audience: 'urn:wrong' }));
  assert.equal(realm.statusCode, 403);
  assert.equal(realm.error_description, 'Service not found: urn:wrong');
});

test('the password-realm grant signs an AD user in, and refuses a wrong password as Auth0 does', async () => {
  const { data } = await web.oauth.passwordGrant({ username: 'alice', password: env('DEMO_PASSWORD'), realm: 'corp-ad',
    scope: 'profile email' });
  assert.ok(data.access_token);
  assert.equal(data.id_token, undefined, 'no ID token without openid');
  const e = await rejection(web.oauth.passwordGrant({ username: 'alice', password: 'not-her-password', realm: 'corp-ad' }));
  assert.equal(e.statusCode, 403);
  assert.equal(e.error, 'invalid_grant');
});

test('a user read honours fields and include_fields', async () => {
  const api = await management();
  const { data: found } = await api.users.getAll({ q: 'identities.connection:"corp-ad" AND nickname:"bob"', search_engine: 'v3' });
  assert.equal(found.length, 1);
  const id = found[0].user_id;
  const { data: only } = await api.users.get({ id, fields: 'user_id,email', include_fields: true });
  assert.deepEqual(Object.keys(only).sort(), ['email', 'user_id']);
  const { data: without } = await api.users.get({ id, fields: 'identities', include_fields: false });
  assert.equal(without.identities, undefined);
  assert.equal(without.nickname, 'bob');
});

test('users by email match the address exactly', async () => {
  const api = await management();
  assert.equal((await api.usersByEmail.getByEmail({ email: 'bob@corp.example' })).data.length, 1);
  assert.equal((await api.usersByEmail.getByEmail({ email: 'BOB@corp.example' })).data.length, 0);
});

test('connections, the applications they are enabled for, and the connector status', async () => {
  const api = await management();
  const { data: connections } = await api.connections.getAll({ name: 'corp-ad' });
  assert.equal(connections.length, 1);
  assert.equal(connections[0].strategy, 'ad');
  const { data: enabled } = await api.connections.getEnabledClients({ id: connections[0].id, take: 50 });
  assert.deepEqual(enabled.clients.map((c) => c.client_id), [env('WEB_CLIENT')]);
  const status = await api.connections.checkStatus({ id: connections[0].id });
  assert.equal(status.status, 200);
});

test('connections with totals answer the page object the SDK reads', async () => {
  const api = await management();
  const { data: page } = await api.connections.getAll({ include_totals: true, per_page: 10, strategy: ['email', 'sms'] });
  assert.equal(page.total, 2);
  assert.equal(page.limit, 10);
  assert.deepEqual(page.connections.map((c) => c.name).sort(), ['email', 'sms']);
});

test('user search ignores case only for the fields Auth0 names, and stops at the first 1,000 results', async () => {
  const api = await management();
  const byName = await api.users.getAll({ q: 'nickname:"BOB"', search_engine: 'v3' });
  assert.equal(byName.data.length, 1);
  const exact = await api.users.getAll({ q: 'identities.profileData.email:"bob.personal@example.com"', search_engine: 'v3' });
  assert.equal(exact.data.length, 1);
  const upper = await api.users.getAll({ q: 'identities.profileData.email:"BOB.PERSONAL@EXAMPLE.COM"', search_engine: 'v3' });
  assert.equal(upper.data.length, 0);
  assert.equal((await rejection(api.users.getAll({ q: 'nickname:"bob"', page: 10, per_page: 100 }))).statusCode, 400);
  assert.equal((await rejection(api.users.getAll({ q: 'nickname:"bob"', search_engine: 'v2' }))).statusCode, 400);
});

test('an empty metadata object clears the metadata, as Auth0 documents', async () => {
  const api = await management();
  const { data: found } = await api.users.getAll({ q: 'nickname:"dave"', search_engine: 'v3' });
  const id = found[0].user_id;
  await api.users.update({ id }, { app_metadata: { a: 1, b: 2 } });
  assert.deepEqual((await api.users.get({ id })).data.app_metadata, { a: 1, b: 2 });
  await api.users.update({ id }, { app_metadata: {} });
  const cleared = (await api.users.get({ id })).data.app_metadata;
  assert.ok(cleared === undefined || Object.keys(cleared).length === 0, JSON.stringify(cleared));
});

test('a one-time code by email, sent and exchanged', async () => {
  const email = `node-sdk-${Date.now()}@example.com`;
  await codes.passwordless.sendEmail({ email, send: 'code' });
  const outbox = await (await fetch(`${tenantUrl}outbox/messages?to=${encodeURIComponent(email)}&kind=code`)).json();
  assert.equal(outbox.length, 1);
  const { data } = await codes.passwordless.loginWithEmail({ email, code: outbox[0].code, scope: 'profile email' });
  assert.ok(data.access_token);
  const e = await rejection(codes.passwordless.loginWithEmail({ email, code: '000000', scope: 'profile' }));
  assert.equal(e.statusCode, 403);
});

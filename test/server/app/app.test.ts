import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../server/db/schema';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

describe('REST and static client', () => {
  let server: TestServer | undefined;
  let clientDir: string;

  beforeAll(() => {
    clientDir = mkdtempSync(join(tmpdir(), 'palm-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PALM Chat</title><div id="root"></div>');
    writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log("hi")');
  });
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reports health and the active portfolio', async () => {
    server = await startTestServer();
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', backend: server.llm.info, portfolioVersion: null });
    const active = () => server?.api('GET', '/api/portfolio/active', { as: 'tester' }).then((r) => r.json());
    expect(await active()).toBeNull();

    const { version } = saveTestPortfolio(server.db);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ portfolioVersion: version });
    const summary = await active();
    expect(summary).toMatchObject({ version, status: 'active', candidateCount: 3, members: [{ policy: { name: 'safe' } }, { policy: { name: 'funny' } }] });

    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves the built client with a single-page-app fallback', async () => {
    server = await startTestServer({ clientDir });
    const root = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>PALM Chat</title>');
    const deep = await fetch(`${server.url}/conversations/123`, { headers: { accept: 'text/html' } });
    expect(await deep.text()).toContain('<div id="root">');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(await asset.text()).toBe('console.log("hi")');
    expect((await fetch(`${server.url}/api/health`)).headers.get('content-type')).toContain('application/json');
  });

  it('says how to build the client when it is not built', async () => {
    const later = join(clientDir, 'built-later');
    server = await startTestServer({ clientDir: later });
    const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:client');
    // Building while the server runs: a reload shows the app, as the page promises.
    mkdirSync(later);
    writeFileSync(join(later, 'index.html'), '<!doctype html><title>built</title>');
    expect(await (await fetch(`${server.url}/`, { headers: { accept: 'text/html' } })).text()).toContain('<title>built</title>');
  });
});

describe('shutdown', () => {
  it('close() stops running answers and saves them as stopped with their partial text', async () => {
    const server = await startTestServer({ seed: (db) => saveTestPortfolio(db, { maxTokens: 4096 }) });
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const id = (await sendOk(client)).assistantMessage.id;
    await recorder.waitFor(id, (e) => e.type === 'token');
    await server.app.close();
    const row = server.db.select().from(messages).where(eq(messages.id, id)).get();
    expect(row?.status).toBe('stopped');
    expect(row?.content.length).toBeGreaterThan(0);
    expect(row?.content.startsWith(recorder.text(id))).toBe(true);
    await server.close();
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { userPreferences, users } from '../../server/db/schema';
import type { LlmBackend } from '../../server/llm/llm.types';
import { TEST_PASSWORD } from '../helpers/test-accounts';
import { logIn, setUpHarness } from './browser-harness';

/** Each would run script, set `window.pwned` or navigate if the page ever parsed text as HTML. */
const XSS = [
  '<script>window.pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.pwned = 2; alert(2)">',
  '<svg onload="window.pwned = 3"></svg>',
  '<a href="javascript:window.pwned = 4">click me</a>',
  '[click](javascript:alert(5)) <iframe src="javascript:alert(6)"></iframe>',
].join('\n');

/** Answers get a small markdown subset: this one link must render, with a safe rel. */
const ANSWER = `${XSS}\nSee [the docs](https://example.com/docs).`;

/** The model "answers" with the same payloads, so both user and assistant text are tried. */
function echoesXss(llm: LlmBackend): LlmBackend {
  return {
    info: llm.info,
    close: () => llm.close(),
    async *generate() {
      yield* ANSWER.split(' ').map((piece, i) => (i === 0 ? piece : ` ${piece}`));
    },
  };
}

declare global {
  interface Window {
    pwned?: number;
  }
}

const h = setUpHarness(echoesXss);
const dialogs: string[] = [];

beforeAll(() => {
  h.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

describe('accounts and hostile text in a browser', () => {
  it('renders script tags, event handlers and javascript: links in messages as inert text', async () => {
    const { page } = h;
    await page.goto(h.server.url);
    await page.getByTestId('message-input').fill(XSS);
    await page.getByTestId('message-input').press('Enter');
    await page.locator('[data-testid=assistant-message][data-status=complete]').waitFor({ timeout: 30_000 });
    await page.getByTestId('conversation-item').first().waitFor();

    expect(await page.getByTestId('user-message').getByTestId('message-text').textContent()).toBe(XSS);
    const answer = page.getByTestId('assistant-message').getByTestId('message-text');
    expect(await answer.textContent()).toBe(`${XSS}\nSee the docs.`);
    const links = await answer.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.textContent]));
    expect(links).toEqual([['https://example.com/docs', 'noopener noreferrer', 'the docs']]);
    const found = await page.evaluate(() => ({
      pwned: window.pwned,
      scripts: document.querySelectorAll('main script, aside script, iframe, svg[onload], img[onerror]').length,
      jsLinks: [...document.querySelectorAll('[href]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '')).length,
    }));
    expect(found).toEqual({ pwned: undefined, scripts: 0, jsLinks: 0 });
    expect(dialogs).toEqual([]);
  });

  it('serves the page with a CSP that forbids inline scripts and framing', async () => {
    const res = await h.page.request.get(h.server.url, { headers: { accept: 'text/html' } });
    expect(res.headers()['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
  });

  it('shows the login screen without a session, logs in, logs out', async () => {
    const { page } = h;
    await page.context().clearCookies();
    await page.goto(h.server.url);
    await page.getByTestId('login-username').fill('tester');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('wrong username or password');
    // Chromium logs the refused login's 401 to the console: expected here, and nothing else.
    expect(h.takePageErrors()).toEqual([expect.stringContaining('401')]);

    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe('tester · user');
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected');
    // The conversation from the first test is still there: it belongs to this account.
    expect(await page.getByTestId('conversation-item').count()).toBe(1);
    expect(await page.getByTestId('open-admin').count()).toBe(0);

    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    expect((await page.context().cookies()).filter((c) => c.name === 'palm_session' && c.value !== '')).toEqual([]);
  });

  it('sliders follow the account to another browser', async () => {
    const { page, server } = h;
    await logIn(page, server, 'slider-fan');
    await page.goto(server.url);
    const saved = () =>
      server.db
        .select({ sliders: userPreferences.sliders })
        .from(userPreferences)
        .innerJoin(users, eq(users.id, userPreferences.userId))
        .where(eq(users.username, 'slider-fan'))
        .all()
        .map((p) => p.sliders);
    // A new account is seeded with this browser's sliders once the server answered.
    await expect.poll(saved).toHaveLength(1);
    await page.getByTestId('slider-humor').fill('0.9');
    await expect.poll(saved).toEqual([expect.objectContaining({ humor: 0.9 })]);

    // A fresh browser profile: no localStorage, only the session cookie.
    const other = await page.context().browser()?.newContext();
    if (!other) throw new Error('no browser');
    const { cookie } = await server.accounts.get('slider-fan');
    await other.addCookies([{ name: 'palm_session', value: cookie.slice(cookie.indexOf('=') + 1), url: server.url }]);
    const second = await other.newPage();
    await second.goto(server.url);
    await expect.poll(() => second.getByTestId('slider-humor-value').textContent()).toBe('0.90');
    await other.close();
  });

  it('an admin disables an account from the users page', async () => {
    const { page, server } = h;
    await logIn(page, server, 'admin');
    await page.goto(server.url);
    await page.getByTestId('open-admin').click();
    const row = page.locator('[data-testid=admin-user][data-username=tester]');
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByRole('button', { name: 'Enable' }).waitFor();
    expect(server.db.select().from(users).where(eq(users.username, 'tester')).get()?.disabled).toBe(true);
    // The admin's own row cannot disable itself.
    expect(await page.locator('[data-testid=admin-user][data-username=admin]').getByRole('button', { name: 'Disable' }).isDisabled()).toBe(true);
  });
});

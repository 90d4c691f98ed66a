import { meSchema, publicUserSchema, type PublicUser, type Role } from '../../shared/schemas/auth.schema';

export type AccountRole = Role | 'disabled';

export interface TestAccount {
  user: PublicUser;
  /** The Cookie header the server set at login (`palm_session=…`). */
  cookie: string;
  password: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Accounts made through the real REST endpoints. The first is always `admin` (the first account
 * on a server becomes admin); it sets the roles of the others. Cached by name.
 */
export class TestAccounts {
  private readonly made = new Map<string, Promise<TestAccount>>();

  constructor(private readonly url: string) {}

  get(name: string, role: AccountRole = name === 'admin' ? 'admin' : 'user'): Promise<TestAccount> {
    let account = this.made.get(name);
    if (!account) {
      account = this.create(name, role);
      this.made.set(name, account);
    }
    return account;
  }

  async request(method: string, path: string, init: { body?: unknown; cookie?: string | undefined } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.cookie !== undefined) headers.cookie = init.cookie;
    return fetch(`${this.url}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  }

  /** Logs in again (a second session for the same account). */
  async login(name: string, password = TEST_PASSWORD): Promise<Response> {
    return this.request('POST', '/api/auth/login', { body: { username: name, password } });
  }

  private async create(name: string, role: AccountRole): Promise<TestAccount> {
    const admin = name === 'admin' ? undefined : await this.get('admin');
    if (role === 'pending' && admin) await this.asAdmin(admin, 'PUT', '/api/admin/settings', { requireApproval: true });
    const account = await this.register(name);
    if (role === 'pending' && admin) await this.asAdmin(admin, 'PUT', '/api/admin/settings', { requireApproval: false });
    if (admin && role !== 'pending' && role !== account.user.role) {
      const change = role === 'disabled' ? { disabled: true } : { role };
      account.user = publicUserSchema.parse(await (await this.asAdmin(admin, 'PATCH', `/api/admin/users/${account.user.id}`, change)).json());
    }
    return account;
  }

  private async register(name: string): Promise<TestAccount> {
    const res = await this.request('POST', '/api/auth/register', { body: { username: name, password: TEST_PASSWORD } });
    if (!res.ok) throw new Error(`could not register ${name}: ${res.status} ${await res.text()}`);
    const { user } = meSchema.parse(await res.json());
    if (!user) throw new Error(`registering ${name} answered no user`);
    return { user, cookie: sessionCookie(res), password: TEST_PASSWORD };
  }

  private async asAdmin(admin: TestAccount, method: string, path: string, body: unknown): Promise<Response> {
    const res = await this.request(method, path, { body, cookie: admin.cookie });
    if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
    return res;
  }
}

/** `palm_session=…` from a response's Set-Cookie, ready for a Cookie header. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('palm_session='));
  if (!set) throw new Error('the response set no session cookie');
  return set.split(';')[0] ?? '';
}

import { CLIENT_HEADER, CLIENT_HEADER_VALUE, SESSION_COOKIE } from '@mutualis/contract';

/** A logged-in HTTP client of a real server (fetch, keep-alive), with the CSRF header on every call. */
export interface HttpSession {
  /** The `mutualis_session=…` pair, for clients of one's own. */
  cookie: string;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function logInOver(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (login.status !== 200 || cookie === undefined) throw new Error(`login of ${email} failed: ${login.status} ${await login.text()}`);
  return {
    cookie,
    async request(method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          [CLIENT_HEADER]: CLIENT_HEADER_VALUE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
  };
}

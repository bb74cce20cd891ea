/** A logged-in HTTP client of a real server (fetch, keep-alive), with the CSRF header on every call. */
export interface HttpSession {
  /** The `mutualis_session=…` pair, for clients of one's own. */
  cookie: string;
  request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{
    status: number;
    body: unknown;
  }>;
}
export declare function logInOver(baseUrl: string, email: string, password: string): Promise<HttpSession>;

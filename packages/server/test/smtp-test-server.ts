import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A received e-mail, parsed back from what went over the wire. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpTestServer {
  /** `smtp://user:password@127.0.0.1:port`, for SMTP_URL. */
  url: string;
  /** Every e-mail accepted so far, in arrival order. */
  readonly received: readonly ReceivedMail[];
  /** Resolves with the first received e-mail to `to` whose subject matches, waiting for it to arrive. */
  waitFor(to: string, subject?: RegExp): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export const SMTP_USER = 'mutualis';
export const SMTP_PASSWORD = 'relais-de-test';
/** Recipients the relay refuses (550), to test a failed delivery. */
export const REFUSED_DOMAIN = 'refuse.example';

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port: it requires
 * authentication (AUTH PLAIN/LOGIN, no TLS on loopback), refuses recipients of REFUSED_DOMAIN,
 * and keeps what it accepts, parsed with `mailparser`.
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Identifiants refusés'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${REFUSED_DOMAIN}`)) callback(Object.assign(new Error('Destinataire refusé'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          received.push({
            from: mail.from?.text ?? '',
            to: (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? '')),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      if (address === null || typeof address === 'string') reject(new Error('SMTP test server has no TCP port'));
      else resolve(address.port);
    });
  });
  const find = (to: string, subject?: RegExp) =>
    received.find((m) => m.to.includes(to) && (subject === undefined || subject.test(m.subject)));
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    async waitFor(to, subject) {
      for (;;) {
        const found = find(to, subject);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

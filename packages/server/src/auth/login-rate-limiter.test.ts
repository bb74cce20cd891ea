import { describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MS, LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  it('locks an e-mail and IP after five failures and reopens once the window has passed', () => {
    let now = 1_000_000;
    const limiter = new LoginRateLimiter(() => now);
    for (let i = 0; i < 5; i += 1) limiter.recordFailure('a@b.fr', '1.2.3.4');
    expect(limiter.check('A@b.fr', '1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: LOGIN_WINDOW_MS / 1000 });
    expect(limiter.check('a@b.fr', '5.6.7.8')).toEqual({ allowed: true });
    now += LOGIN_WINDOW_MS + 1;
    expect(limiter.check('a@b.fr', '1.2.3.4')).toEqual({ allowed: true });
  });

  it(`locks an IP trying many accounts after ${LOGIN_MAX_FAILURES_PER_IP} failures, for every e-mail, and not other IPs`, () => {
    let now = 0;
    const limiter = new LoginRateLimiter(() => now);
    // 30 accounts, one wrong password each, one second apart: no account reaches its own limit of 5.
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i += 1) {
      expect(limiter.check(`compte${i}@b.fr`, '9.9.9.9')).toEqual({ allowed: true });
      limiter.recordFailure(`compte${i}@b.fr`, '9.9.9.9');
      now += 1_000;
    }
    // The first failure (t = 0 s) leaves the 900 s window at t = 900 s; it is now t = 30 s.
    expect(limiter.check('nouveau@b.fr', '9.9.9.9')).toEqual({ allowed: false, retryAfterSeconds: 870 });
    expect(limiter.check('nouveau@b.fr', '8.8.8.8')).toEqual({ allowed: true });
    // A success with one valid account does not reopen the address.
    limiter.reset('compte0@b.fr', '9.9.9.9');
    expect(limiter.check('compte0@b.fr', '9.9.9.9')).toMatchObject({ allowed: false });
    now = LOGIN_WINDOW_MS + 1;
    expect(limiter.check('nouveau@b.fr', '9.9.9.9')).toEqual({ allowed: true });
  });

  it('forgets failures after a successful login', () => {
    const limiter = new LoginRateLimiter(() => 0);
    for (let i = 0; i < 5; i += 1) limiter.recordFailure('a@b.fr', 'ip');
    limiter.reset('a@b.fr', 'ip');
    expect(limiter.check('a@b.fr', 'ip')).toEqual({ allowed: true });
  });
});

import { describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, LoginRateLimiter } from './login-rate-limiter';

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

  it('forgets failures after a successful login', () => {
    const limiter = new LoginRateLimiter(() => 0);
    for (let i = 0; i < 5; i += 1) limiter.recordFailure('a@b.fr', 'ip');
    limiter.reset('a@b.fr', 'ip');
    expect(limiter.check('a@b.fr', 'ip')).toEqual({ allowed: true });
  });
});

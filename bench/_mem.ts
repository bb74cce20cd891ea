import { writeFileSync, appendFileSync } from 'node:fs';
const out = '/tmp/mem-trace.txt';
writeFileSync(out, '');
const t0 = performance.now();
setInterval(() => {
  const u = process.memoryUsage();
  const mb = (x: number) => Math.round(x / 2 ** 20);
  appendFileSync(out, `${Math.round((performance.now() - t0) / 1000)} rss ${mb(u.rss)} heapTotal ${mb(u.heapTotal)} heapUsed ${mb(u.heapUsed)} external ${mb(u.external)} ab ${mb(u.arrayBuffers)} max ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
}, 1000).unref();
await import('./decp-import-process');

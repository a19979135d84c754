#!/usr/bin/env node
// graphql-transport-ws client check (graphql-ws + ws under Node).
// Usage: node graphql-ws-client.mjs URL TOKEN COUNT     (TOKEN "-" = no connectionParams)
// Subscribes to `subscription { serverTime }`, collects COUNT `next` payloads, unsubscribes,
// then runs `{ me { email } }` on the same (lazy) client, which must reconnect cleanly.
// Prints ONE JSON object:
//   {"ticks":[...],"me":{...}|null,"closeCode":int|null,"error":string|null,"closeEvents":[...]}
// closeCode is the code of a close that failed an operation (e.g. 4403 Forbidden), else null.
// Exits 0 whenever it ran (also on connection errors and on the 15 s timeout).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, countArg] = process.argv.slice(2);
const count = Number.parseInt(countArg ?? '3', 10);
if (!url || !token || !(count >= 0)) {
  console.error('usage: graphql-ws-client.mjs URL TOKEN|- COUNT');
  process.exit(2);
}

const result = { ticks: [], me: null, closeCode: null, error: null, closeEvents: [] };
let printed = false;
function finish(code = 0) {
  if (printed) return;
  printed = true;
  // A close that failed an operation without reaching a sink as a CloseEvent (e.g. 1006).
  if (result.error && result.closeCode === null)
    result.closeCode = result.closeEvents.find((e) => e.code !== 1000)?.code ?? null;
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(code));
}

// Hard overall timeout: report whatever was collected.
setTimeout(() => {
  result.error ??= 'timeout';
  finish(0);
}, 15_000); // not unref()ed: keeps the process alive until finish() exits it

// Turns whatever an error sink receives (CloseEvent, Error, GraphQL error list) into a message.
function describe(err) {
  if (err && typeof err.code === 'number' && 'reason' in err) {
    result.closeCode ??= err.code;
    return `closed ${err.code}: ${err.reason}`;
  }
  if (Array.isArray(err)) return err.map((e) => e?.message ?? String(e)).join('; ');
  return err?.message ?? String(err);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: true,
  retryAttempts: 0,
  connectionParams: token === '-' ? undefined : { Authorization: `Bearer ${token}` },
  on: {
    closed: (e) => result.closeEvents.push({ code: e?.code ?? null, reason: e?.reason ?? null }),
  },
});

// Subscription: resolves after COUNT ticks (unsubscribing) or when the server ends/fails it.
function collectTicks() {
  return new Promise((resolve) => {
    if (count === 0) return resolve();
    let done = false;
    const unsubscribe = client.subscribe(
      { query: 'subscription { serverTime }' },
      {
        next: (payload) => {
          if (done) return;
          result.ticks.push(payload);
          if (result.ticks.length >= count) {
            done = true;
            unsubscribe();
            resolve();
          }
        },
        error: (err) => {
          done = true;
          result.error ??= `subscription: ${describe(err)}`;
          resolve();
        },
        complete: () => {
          if (!done && result.ticks.length < count)
            result.error ??= `subscription completed after ${result.ticks.length} of ${count} ticks`;
          done = true;
          resolve();
        },
      },
    );
  });
}

// One query through the same client; records the first `next` payload.
function queryMe() {
  return new Promise((resolve) => {
    client.subscribe(
      { query: '{ me { email } }' },
      {
        next: (payload) => {
          result.me ??= payload;
        },
        error: (err) => {
          result.error ??= `query: ${describe(err)}`;
          resolve();
        },
        complete: resolve,
      },
    );
  });
}

try {
  await collectTicks();
  await queryMe();
  await client.dispose();
  finish(0);
} catch (err) {
  result.error ??= `crash: ${err?.message ?? String(err)}`;
  console.error(err?.stack ?? String(err));
  finish(1);
}

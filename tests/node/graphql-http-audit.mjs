#!/usr/bin/env node
// GraphQL-over-HTTP conformance audit (graphql-http's auditServer, 61 audits).
// Usage: node graphql-http-audit.mjs URL [TOKEN]
// Prints ONE JSON array on stdout:
//   [{"id","name","status":"ok"|"notice"|"warn"|"error","reason","responseStatus","responseBody"}]
// `name` starts with MUST / SHOULD / MAY. Exit 0 when the audit ran, 1 on a crash.
import { auditServer } from 'graphql-http';

const [url, token] = process.argv.slice(2);
if (!url) {
  console.error('usage: graphql-http-audit.mjs URL [TOKEN]');
  process.exit(2);
}

// fetch that adds the bearer token to every request the audit makes.
const fetchFn = (input, init = {}) => {
  if (!token) return fetch(input, init);
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

// Best-effort copy of a failed audit's response body (the audit may have read it already).
async function bodyOf(response) {
  if (!response || response.bodyUsed) return null;
  try {
    return (await response.text()).slice(0, 2000);
  } catch {
    return null;
  }
}

try {
  const results = await auditServer({ url, fetchFn });
  const out = [];
  for (const r of results) {
    out.push({
      id: r.id,
      name: r.name,
      status: r.status,
      reason: r.status === 'ok' ? null : r.reason,
      responseStatus: r.response?.status ?? null,
      responseBody: r.status === 'ok' ? null : await bodyOf(r.response),
    });
  }
  process.stdout.write(JSON.stringify(out) + '\n');
} catch (err) {
  console.error(err?.stack ?? String(err));
  process.exit(1);
}

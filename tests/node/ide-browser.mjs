#!/usr/bin/env node
// Drives the bundled GraphQL IDE (served at /graphql/) in Debian's Chromium via playwright-core.
// Usage: node ide-browser.mjs BASE_URL            (e.g. http://127.0.0.1:8080)
// Env: IDE_SCREENSHOT=/path.png  -> screenshot at the end (also on failure).
// Every request to a host other than 127.0.0.1/localhost/[::1] is aborted and listed.
// Prints ONE JSON object:
//   {"queryResult","subscriptionResult","blockedRequests":[...],"finalUrl","error",
//    "consoleErrors":[...],"graphqlErrors":[{"status","body"}]}
// graphqlErrors: POST /graphql responses (e.g. the IDE's introspection) that carried "errors".
// Exits 0 whenever it ran (error set on failure or after the 90 s overall timeout).
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? '').replace(/\/+$/, '');
if (!base) {
  console.error('usage: ide-browser.mjs BASE_URL');
  process.exit(2);
}
const screenshotPath = process.env.IDE_SCREENSHOT || null;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const result = {
  queryResult: null,
  subscriptionResult: null,
  blockedRequests: [],
  finalUrl: null,
  error: null,
  consoleErrors: [],
  graphqlErrors: [],
};
let browser = null;
let page = null;
let finished = false;

// Prints the result once (with an optional screenshot) and exits.
async function finish(code = 0) {
  if (finished) return;
  finished = true;
  if (page) {
    try {
      result.finalUrl = page.url();
      if (screenshotPath) await page.screenshot({ path: screenshotPath, fullPage: true, timeout: 5_000 });
    } catch (err) {
      console.error(`screenshot failed: ${err?.message ?? err}`);
    }
  }
  try {
    await browser?.close();
  } catch {
    // ignore: exiting anyway
  }
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(code));
}

// Overall timeout.
setTimeout(() => {
  result.error ??= 'timeout (90 s)';
  void finish(0);
}, 90_000); // not unref()ed: keeps the process alive until finish() exits it

const OPERATION_EDITOR = '.monaco-editor[data-uri^="file:///operations/"] .view-lines';
const RESULT_EDITOR = 'div.monaco-editor[data-uri^="inmemory://"] .view-lines';

// Text of every result editor, joined (monaco renders spaces as NBSP).
async function resultText() {
  return page.evaluate((selector) => {
    const texts = [...document.querySelectorAll(selector)].map((el) => el.innerText || el.textContent || '');
    return texts.join('\n').replace(/\u00a0/g, ' ');
  }, RESULT_EDITOR);
}

// Replaces the operation text, runs it, and waits until a result editor contains `expected`.
// The IDE picks up editor changes with a short delay (clicking Run at once can send an empty
// document), so it waits for the editor to show the text and retries Run up to 3 times.
async function runOperation(text, expected) {
  await page.locator(OPERATION_EDITOR).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.waitForFunction(
    ([selector, t]) => (document.querySelector(selector)?.innerText ?? '').replace(/\u00a0/g, ' ').includes(t),
    [OPERATION_EDITOR, text],
    { timeout: 10_000 },
  );
  await page.waitForTimeout(750);
  let last = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.locator('button[aria-label^="Run Operation"]').first().click();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      last = await resultText();
      if (last.includes(expected)) return last;
      await page.waitForTimeout(250);
    }
  }
  throw new Error(`result never contained ${expected}; last result text: ${last.slice(0, 1000)}`);
}

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });

  // Offline guarantee: only loopback hosts may be reached.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let host = '';
    let protocol = '';
    try {
      ({ hostname: host, protocol } = new URL(url));
    } catch {
      // unparsable: treat as foreign
    }
    if (!/^(https?|wss?):$/.test(protocol) || LOCAL_HOSTS.has(host)) return route.continue();
    result.blockedRequests.push(url);
    return route.abort();
  });

  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') result.consoleErrors.push(msg.text().slice(0, 500));
  });
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !new URL(response.url()).pathname.endsWith('/graphql')) return;
    try {
      const body = await response.text();
      if (body.includes('"errors"') && result.graphqlErrors.length < 10)
        result.graphqlErrors.push({ status: response.status(), body: body.slice(0, 500) });
    } catch {
      // body not available (navigation, aborted): ignore
    }
  });
  page.on('pageerror', (err) => result.consoleErrors.push(`pageerror: ${String(err).slice(0, 500)}`));

  await page.goto(`${base}/graphql`, { waitUntil: 'load' });
  result.finalUrl = page.url();

  await page.getByRole('button', { name: 'Create Document' }).first().click();
  await page.getByText('Schema available', { exact: true }).first().waitFor();

  result.queryResult = await runOperation('{ __typename }', '"__typename":');
  result.subscriptionResult = await runOperation('subscription { serverTime }', '"serverTime":');
  await finish(0);
} catch (err) {
  // Playwright messages carry ANSI colour codes in their call logs.
  result.error = (err?.message ?? String(err)).replace(/\u001b\[[0-9;]*m/g, '');
  await finish(0);
}

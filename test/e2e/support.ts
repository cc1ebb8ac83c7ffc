import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startWorld, TEST_PASSWORD, type World } from '../support/world.ts';
import { MESSAGES, type Locale } from '../../web/src/i18n/messages/index.ts';
import type { Messages } from '../../web/src/i18n/messages/en.ts';
import { ROUTES } from '../../web/src/api/endpoints.ts';

export { MESSAGES, ROUTES, type Locale, type Messages };

const root = path.resolve(import.meta.dirname, '../..');

/** Builds web/dist when it is missing or older than its sources (one build for all test files). */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-web.mjs'), '--if-stale'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface App { world: World; url: string; routes: Set<string>; close(): Promise<void> }

/** The real API and web app over a fresh embedded database, listening on a free loopback port. */
export async function startApp(): Promise<App> {
  ensureWebBuilt();
  const world = await startWorld('pglite');
  const address = await world.api.listen({ port: 0, host: '127.0.0.1' });
  const url = address.replace('localhost', '127.0.0.1');
  const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = new Set<string>();
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const m of Object.keys(ops)) routes.add(`${m.toUpperCase()} ${p.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`);
  }
  return { world, url, routes, close: () => world.close() };
}

/** Whether the server offers any of these routes for `method`. */
export const offers = (app: App, method: string, candidates: readonly string[]) => candidates.some((c) => app.routes.has(`${method} ${c}`));

/** Debian's Chromium, headless, with the flags that keep it off this machine's closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context for one user, in one language, remembered as the app remembers it. */
export async function newUserContext(browser: Browser, locale: Locale): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, timezoneId: 'UTC' });
  await context.addInitScript(`if (!localStorage.getItem('vigil.locale')) localStorage.setItem('vigil.locale', ${JSON.stringify(locale)});`);
  context.setDefaultTimeout(30_000);
  return context;
}

export async function signIn(page: Page, app: App, username: string, m: Messages): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('textbox', { name: m['signIn.username'], exact: true }).fill(username);
  await page.getByRole('textbox', { name: m['signIn.password'], exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: m['signIn.submit'] }).click();
  await page.getByRole('navigation', { name: m['nav.main'] }).waitFor();
}

/**
 * Opens a page of the app. Once the app is loaded this navigates inside it, as a click on a link
 * would: the live event stream stays open and nothing is downloaded again.
 */
export async function visit(page: Page, app: App, to: string): Promise<void> {
  const loaded = page.url().startsWith(app.url) && (await page.evaluate('document.querySelector("nav") !== null'));
  if (!loaded) {
    await page.goto(`${app.url}${to}`);
    return;
  }
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(to)}); window.dispatchEvent(new Event('vigil:navigate'));`);
}

/** Chooses an option of a Mantine select by the field's label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types into a searchable select and takes the first option that contains `text`. */
export async function chooseSearching(page: Page, label: string, text: string, optionMatch: RegExp, within?: Locator): Promise<void> {
  const input = (within ?? page).getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: optionMatch }).first().click();
}

export interface Violation { id: string; impact: string | null; help: string; nodes: string[] }

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it stands (WCAG 2.x A and AA). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '')) })))`)) as Violation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const screenshotDir = path.join(root, 'docs', 'screenshots');

/** A screenshot for the README, taken once the page has settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  // The live event stream keeps a request open, so 'networkidle' never comes: wait for the loaders instead.
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  await page.waitForTimeout(200);
  // Toasts come and go; keep them out of the pictures.
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.evaluate('window.scrollTo(0, 0); if (document.activeElement && document.activeElement.blur) document.activeElement.blur();');
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots land here (a CI artifact) so people can look at every page the journeys visit. */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Saves a full-page screenshot as artifacts/<journey>/<nn>-<name>.png. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * `payloadsBlocked`: the journey plants script payloads on purpose (the XSS checks). The policy blocking their
 * inline handlers and scripts is then expected (a second wall behind the sanitiser); any other violation still fails.
 */
export interface PhoneOptions {
  payloadsBlocked?: boolean;
}

const isBlockedPayload = (report: string) => /^script-src-(attr|elem) blocked inline /.test(report);

/** Debian's Chromium (never a downloaded browser) as a 375×812 phone. */
export async function openPhone(journey: string, options: PhoneOptions = {}): Promise<Phone> {
  const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
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
  // Any page the journey visits that the server's Content-Security-Policy would break fails the journey.
  const violations: string[] = [];
  await context.exposeBinding('__linliCspViolation', (_source, report: string) => {
    if (!(options.payloadsBlocked && isBlockedPayload(report))) violations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __linliCspViolation(report: string): void }).__linliCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`,
      );
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    // The console repeats each violation in words; the event above has the facts (and knows the expected ones).
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && !options.payloadsBlocked) violations.push(message.text());
  });
  const dir = join(ARTIFACTS, journey);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    context,
    page,
    shot: async (name) => {
      const file = join(dir, `${String(++n).padStart(2, '0')}-${name}.png`);
      // Taro slides pages in; a picture taken mid-slide shows two pages at once.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.taro_page')]
          .filter((p) => getComputedStyle(p).display !== 'none')
          .every((p) => Math.abs(p.getBoundingClientRect().left) < 1),
      );
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (violations.length) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
    },
  };
}

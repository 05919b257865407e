import { pageLink, type PageName } from '@linli/shared';
import type { Page } from 'playwright-core';

/** Starts a fresh session as a seeded persona through the H5 login page (Taro H5 keeps the token in localStorage). */
export async function loginAs(page: Page, baseUrl: string, persona: string) {
  await page.goto(`${baseUrl}/`);
  await page.evaluate(() => localStorage.clear());
  await openPage(page, baseUrl, 'login');
  await page.reload();
  await page.waitForURL(/pages\/login/);
  await page.locator(`#persona-${persona}`).click();
  await page.waitForURL(/pages\/home/);
  // Navigating by hash before the home page has rendered is sometimes ignored by Taro's router.
  await page.locator('#home-residency').waitFor();
}

/** Taro H5 keeps earlier pages in the document, hidden: only the visible match is the current page's. */
export function visible(selector: string): string {
  return `${selector} >> visible=true`;
}

export async function openTab(page: Page, label: '首页' | '活动' | '议事' | '我的') {
  await page.locator('.weui-tabbar__item', { hasText: label }).click();
}

/** Arranges data through the real API, as staff would (the journeys act through the browser). */
export async function apiAs<T>(baseUrl: string, persona: string, method: string, path: string, body?: unknown): Promise<T> {
  const login = await fetch(`${baseUrl}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  const { token } = (await login.json()) as { token: string };
  const reply = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await reply.json()) as T;
  if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(json)}`);
  return json;
}

/** A photo drawn by the browser itself, as a phone would hand one over. */
export async function photo(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#d9822b';
    g.fillRect(0, 0, 640, 360);
    g.fillStyle = '#ffffff';
    g.fillRect(40, 40, 200, 120);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** Opens a page of the H5 app by its name in shared's page table (Taro H5 routes by hash). */
export async function openPage(page: Page, baseUrl: string, name: PageName, query: Record<string, string | number> = {}) {
  await page.goto(`${baseUrl}/#/${pageLink(name, query)}`);
}

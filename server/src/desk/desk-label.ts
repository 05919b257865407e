import Bowser from 'bowser';

/** "Chrome · Windows" for the person confirming to recognise the desk by; never trusted for anything. */
export function deskLabel(userAgent: string | undefined): string {
  if (!userAgent) return '未知浏览器';
  const parsed = Bowser.parse(userAgent.slice(0, 512));
  const browser = parsed.browser.name ?? '未知浏览器';
  const os = parsed.os.name;
  return (os ? `${browser} · ${os}` : browser).slice(0, 64);
}

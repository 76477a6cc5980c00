/** "Firefox on Linux" from a user agent: enough for a person to tell their sessions apart. */
export function deviceName(userAgent: string): string {
  const ua = userAgent.slice(0, 512);
  if (ua === '') return 'Unknown device';
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\/|Chromium\/|CriOS\//, 'Chrome'],
      [/Safari\//, 'Safari'],
      [/^node|undici|node-fetch/i, 'Node.js'],
      [/curl\//, 'curl'],
    ].find(([pattern]) => (pattern as RegExp).test(ua))?.[1] ?? null;
  const system =
    [
      [/Android/, 'Android'],
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(ua))?.[1] ?? null;
  if (browser && system) return `${browser} on ${system}`;
  return (browser as string | null) ?? (system as string | null) ?? ua.slice(0, 40);
}

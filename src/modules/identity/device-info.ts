// A minimal reading of a User-Agent header, enough to tell a user's sessions apart ("Firefox on Windows").
// It is a label for people, never used for security decisions.

export interface DeviceInfo {
  browser: string;
  os: string;
  mobile: boolean;
}

const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//i, 'curl'],
  [/node|undici|axios|python-requests|okhttp/i, 'Script'],
];

const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export function parseDeviceInfo(userAgent: string | undefined | null): DeviceInfo | null {
  if (!userAgent) return null;
  const browser = browsers.find(([re]) => re.test(userAgent))?.[1] ?? 'Unknown browser';
  const os = systems.find(([re]) => re.test(userAgent))?.[1] ?? 'Unknown system';
  return { browser, os, mobile: /Mobile|Android|iPhone|iPod/.test(userAgent) };
}

/** "Firefox on Windows" from what parseDeviceInfo stored (a JSON object), or null. */
export function describeDevice(info: unknown): string | null {
  if (!info || typeof info !== 'object') return null;
  const { browser, os } = info as Partial<DeviceInfo>;
  if (!browser && !os) return null;
  return `${browser ?? 'Unknown browser'} on ${os ?? 'Unknown system'}`;
}

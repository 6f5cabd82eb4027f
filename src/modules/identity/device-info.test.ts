import { describe, expect, it } from 'vitest';
import { describeDevice, parseDeviceInfo } from './device-info.ts';

describe('device info', () => {
  it('reads browser, system and mobile from common user agents', () => {
    const cases: [string, string, boolean][] = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0', 'Firefox on Windows', false],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
        'Safari on iOS',
        true,
      ],
      [
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
        'Chrome on Android',
        true,
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
        'Edge on macOS',
        false,
      ],
      ['curl/8.5.0', 'curl on Unknown system', false],
    ];
    for (const [ua, label, mobile] of cases) {
      const info = parseDeviceInfo(ua);
      expect(describeDevice(info), ua).toBe(label);
      expect(info!.mobile, ua).toBe(mobile);
    }
  });

  it('answers null without a user agent or stored info', () => {
    expect(parseDeviceInfo(undefined)).toBeNull();
    expect(parseDeviceInfo('')).toBeNull();
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice('text')).toBeNull();
  });
});

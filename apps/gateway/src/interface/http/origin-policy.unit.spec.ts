import { originAllowed } from './origin-policy';

describe('widget origin policy', () => {
  const allowed = ['https://acme.example', 'http://localhost:8080'];

  it('allows listed origins, the gateway itself, and requests without Origin', () => {
    expect(originAllowed('https://acme.example', allowed, 'gw.example')).toBe(true);
    expect(originAllowed('http://localhost:8080', allowed, undefined)).toBe(true);
    expect(originAllowed('http://127.0.0.1:3000', allowed, '127.0.0.1:3000')).toBe(true);
    expect(originAllowed(undefined, allowed, 'gw.example')).toBe(true);
  });

  it('refuses other origins, look-alikes, ports and opaque origins', () => {
    expect(originAllowed('https://evil.example', allowed, 'gw.example')).toBe(false);
    expect(originAllowed('https://acme.example.evil.example', allowed, undefined)).toBe(false);
    expect(originAllowed('http://acme.example', allowed, undefined)).toBe(false);
    expect(originAllowed('http://localhost:8081', allowed, undefined)).toBe(false);
    expect(originAllowed('null', allowed, 'gw.example')).toBe(false);
    expect(originAllowed('not a url', allowed, 'gw.example')).toBe(false);
  });
});

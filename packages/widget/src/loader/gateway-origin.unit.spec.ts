import { gatewayOriginOf } from './gateway-origin';

describe('gatewayOriginOf', () => {
  it("is the origin of the widget's own script", () => {
    expect(
      gatewayOriginOf('https://chat.acme.example:8443/widget.js?v=2', 'https://acme.example/app'),
    ).toBe('https://chat.acme.example:8443');
  });

  it('resolves a relative src against the page', () => {
    expect(gatewayOriginOf('/widget.js', 'http://127.0.0.1:3000/demo')).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it("falls back to the page's origin without a script", () => {
    expect(gatewayOriginOf(undefined, 'http://127.0.0.1:3000/demo')).toBe('http://127.0.0.1:3000');
  });
});

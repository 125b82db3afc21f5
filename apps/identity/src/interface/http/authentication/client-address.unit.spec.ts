import { BadRequestException } from '@nestjs/common';
import { clientAddressOf } from './client-address';

describe('clientAddressOf', () => {
  it('prefers a valid x-client-address, else the socket peer, IPv4-mapped as IPv4', () => {
    expect(clientAddressOf('198.51.100.4', '127.0.0.1')).toBe('198.51.100.4');
    expect(clientAddressOf(' 2001:DB8::1 ', undefined)).toBe('2001:db8::1');
    expect(clientAddressOf(undefined, '::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddressOf(undefined, undefined)).toBeUndefined();
  });

  it('refuses a header that is not an address, naming it', () => {
    expect(() => clientAddressOf('evil; drop', '127.0.0.1')).toThrow(BadRequestException);
    expect(() => clientAddressOf('', '127.0.0.1')).toThrow(/x-client-address/);
  });
});

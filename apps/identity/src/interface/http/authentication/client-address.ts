import { BadRequestException } from '@nestjs/common';
import { isIP } from 'node:net';

/**
 * The browser's address: the `x-client-address` the gateway sets, else the peer of the socket.
 * An IPv4-mapped IPv6 address is written as IPv4 so one client has one key.
 */
export function clientAddressOf(
  header: string | string[] | undefined,
  socketAddress: string | undefined,
): string | undefined {
  if (header !== undefined) {
    const value = Array.isArray(header) ? header[0] : header;
    const address = normalized(value?.trim() ?? '');
    if (address === undefined) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: 'x-client-address: must be an IPv4 or IPv6 address',
        field: 'x-client-address',
      });
    }
    return address;
  }
  return socketAddress === undefined ? undefined : normalized(socketAddress);
}

function normalized(address: string): string | undefined {
  const unmapped = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(unmapped) !== 0 ? unmapped : undefined;
}

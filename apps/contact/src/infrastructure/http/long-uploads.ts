import type { Server } from 'node:http';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * A million-row CSV upload (S10) takes minutes: Node's default 5-minute request timeout would cut
 * it. Idle sockets still time out (the keep-alive and headers timeouts stay).
 */
@Injectable()
export class LongUploads implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) server.requestTimeout = 0;
  }
}

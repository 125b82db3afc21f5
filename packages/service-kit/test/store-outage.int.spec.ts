import { Controller, Module, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { freePort, startNestApp, type RunningApp } from '@threadline/testing';
import { mongo } from 'mongoose';
import { HttpErrorFilter } from '../src';

describe('a service whose store is down', () => {
  let app: RunningApp;
  let client: mongo.MongoClient;

  beforeAll(async () => {
    // A loopback port nothing listens on: a store that is down.
    client = new mongo.MongoClient(`mongodb://127.0.0.1:${await freePort()}/`, {
      serverSelectionTimeoutMS: 300,
      retryWrites: false,
    });

    @Controller('things')
    class ThingsController {
      @Post()
      async create() {
        await client.db('outage').collection('things').insertOne({ at: new Date() });
        return { stored: true };
      }
    }
    @Module({
      controllers: [ThingsController],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    })
    class OutageModule {}

    app = await startNestApp(OutageModule);
  });
  afterAll(async () => {
    await app?.close();
    await client?.close();
  });

  it('answers a write it could not store with a 503 to retry, naming the store, not a 500', async () => {
    const response = await fetch(`${app.url}/things`, { method: 'POST' });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      statusCode: 503,
      error: 'STORE_UNAVAILABLE',
      message: expect.stringContaining('could not reach its store'),
    });
  });
});

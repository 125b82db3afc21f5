import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveAsChild } from './service-child';

/**
 * The raw baseline of the gateway's sockets: the same `ws` library on a bare Node HTTP server, no
 * framework, no authentication beyond answering the first frame with `ready`, and a broadcast
 * that answers 201 and then sends one frame to every socket. Run in a process of its own.
 */
async function start(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let broadcasts = 0;
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/broadcast') {
      response.writeHead(404).end();
      return;
    }
    request.resume();
    request.on('end', () => {
      const message = { messageId: `raw-${process.pid}-${broadcasts++}`, text: 'fan-out' };
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message }));
      const text = JSON.stringify({ type: 'message', message });
      setImmediate(() => {
        for (const ws of sockets) ws.send(text);
      });
    });
  });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.once('message', () => {
        sockets.add(ws);
        ws.send(JSON.stringify({ type: 'ready', role: 'widget' }));
      });
      ws.on('close', () => sockets.delete(ws));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) serveAsChild(start);

/**
 * A webhook receiver on loopback for tests: records every delivery (headers and raw body) and
 * answers with the status `answer` chooses for it (204 unless told otherwise), so a test can have
 * it fail at first.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

export interface TestReceiver {
  url: (path?: string) => string;
  deliveries: Delivery[];
  /** Deliveries it answered with a 2xx. */
  accepted: () => Delivery[];
  /** Chooses the status for the next delivery; default 204. */
  answer: (choose: (delivery: Omit<Delivery, 'status'>, index: number) => number) => void;
  close: () => Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const deliveries: Delivery[] = [];
  let choose: (delivery: Omit<Delivery, 'status'>, index: number) => number = () => 204;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      const status = choose(received, deliveries.length);
      deliveries.push({ ...received, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/events') => `http://127.0.0.1:${port}${path}`,
    deliveries,
    accepted: () => deliveries.filter((d) => d.status >= 200 && d.status < 300),
    answer: (next) => void (choose = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

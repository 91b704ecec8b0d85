/**
 * One HTTP request to a local server exactly as given: any method, path and Host header
 * (fetch would not allow a foreign Host). For the browser host's tests.
 */
import http from 'node:http';
import net from 'node:net';

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(
  port: number,
  request: {
    method: string;
    path: string;
    headers: Record<string, string | number>;
    body?: string | Buffer;
  },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * Sends `head` (request line and header lines, without the blank line) exactly as written over
 * a plain socket, for what http.request will not send (a Host header twice); returns the status
 * and the whole answer.
 */
export function rawExchange(
  port: number,
  head: string[],
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }),
    );
    // Not end(): a half-closed request may lose its answer; "Connection: close" ends it instead.
    socket.write([...head, 'Connection: close', '', ''].join('\r\n'));
  });
}

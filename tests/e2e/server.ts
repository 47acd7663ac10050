/**
 * A static server for browser tests: the built app (dist/) at /, and tests/fixtures at
 * /fixtures/ so a test can open the app on a broken dataset with ?dataset=fixtures/....
 * HTTP/1.1 by default; the benchmarks can ask for HTTP/2 over TLS, what static hosts serve.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * A self-signed certificate for 127.0.0.1, made with the system's `openssl` (the browser is
 * launched with --ignore-certificate-errors for it).
 */
async function selfSignedCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'conflict-map-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    return {
      key: await readFile(join(dir, 'key.pem')),
      cert: await readFile(join(dir, 'cert.pem')),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Serves dist/ at /, tests/fixtures at /fixtures/, and any extra [prefix, folder] mounts; over
 * HTTP/2 and TLS with `http2` (one connection, every request multiplexed: GitHub Pages, Netlify
 * and the like; HTTP/1.1's six connections per host queue a dataset's many small files).
 */
export async function startServer(
  distDir = join(ROOT, 'dist'),
  extra: [string, string][] = [],
  { http2 = false } = {},
): Promise<StaticServer> {
  const mounts: [string, string][] = [
    ...extra,
    ['/fixtures/', join(ROOT, 'tests/fixtures')],
    ['/', distDir],
  ];
  const handle = async (
    req: IncomingMessage | Http2ServerRequest,
    res: ServerResponse | Http2ServerResponse,
  ) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? mounts[mounts.length - 1];
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      return void res.writeHead(404).end('not found');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };
  const server = http2
    ? createSecureServer({ ...(await selfSignedCertificate()), allowHTTP1: true }, handle)
    : createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${http2 ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

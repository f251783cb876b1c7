/**
 * Plays Discord's part towards the endpoint: a fresh Ed25519 key pair per test file, and requests
 * signed the way Discord signs them (signature over the timestamp text followed by the raw body).
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request } from 'node:http';

export interface TestKeys {
  readonly privateKey: KeyObject;
  /** The raw public key as the developer portal shows it: 64 hex characters. */
  readonly publicKeyHex: string;
}

export function testKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (!x) throw new Error('no raw public key in the JWK export');
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

export function signatureFor(privateKey: KeyObject, timestamp: string, body: Buffer | string): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex');
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: any;
}

/** One HTTP request with full control of headers and body (fetch would add or fix some). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (body && !options.chunked) headers['content-length'] = String(body.length);
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body && options.chunked) {
      // Several writes without a content-length: the server only learns the size as it reads.
      for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.subarray(at, at + 16 * 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

export interface SignOptions {
  /** Unix seconds for the timestamp header; defaults to the client's clock. */
  readonly timestamp?: number;
  /** Sign with another key (a forger). */
  readonly key?: KeyObject;
}

/** A client that POSTs interactions to one endpoint, signed with the test key. */
export class SignedClient {
  constructor(
    readonly baseUrl: string,
    private readonly keys: TestKeys,
    /** The same clock the server was given, so signatures are fresh in its eyes. */
    private readonly clock: () => number = Date.now,
  ) {}

  post(payload: unknown, options: SignOptions = {}): Promise<RawResponse> {
    return this.postRaw(JSON.stringify(payload), options);
  }

  postRaw(body: Buffer | string, options: SignOptions & { chunked?: boolean } = {}): Promise<RawResponse> {
    const timestamp = String(options.timestamp ?? Math.floor(this.clock() / 1000));
    return rawRequest(`${this.baseUrl}/interactions`, {
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signatureFor(options.key ?? this.keys.privateKey, timestamp, body),
        'x-signature-timestamp': timestamp,
      },
      body,
      ...(options.chunked && { chunked: true }),
    });
  }
}

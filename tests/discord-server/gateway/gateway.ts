import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { isObject } from '../lib/json-values.ts';
import { changeEmitter, DEFAULT_WAIT_MS, waitUntil } from '../lib/wait.ts';
import { ALL_INTENTS, PRIVILEGED_INTENTS, privilegedIntentNames } from './intents.ts';

// A Discord gateway over `ws`, JSON encoding only: HELLO, IDENTIFY → READY (+ GUILD_CREATE), heartbeats
// and ACKs, sequence numbers, RESUME with replay of every dispatch the client missed, INVALID_SESSION,
// RECONNECT, and Discord's close codes. Sessions outlive their sockets so that a closed connection can be
// resumed, exactly the path @discordjs/ws takes after a close such as 4000.

export interface DispatchPayload {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

export interface ReceivedPayload {
  connectionId: number;
  op: number;
  d: unknown;
  at: number;
}

export interface IdentifyRecord {
  connectionId: number;
  at: number;
  token: unknown;
  intents: number;
  /** Names of the privileged intents requested (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT). */
  privilegedIntents: string[];
  properties: unknown;
  shard: [number, number];
  presence: unknown;
  compress: unknown;
  largeThreshold: unknown;
  /** Whether READY was sent; otherwise `closeCode` says why not. */
  accepted: boolean;
  closeCode: number | null;
  sessionId: string | null;
}

export interface ResumeRecord {
  connectionId: number;
  at: number;
  sessionId: unknown;
  seq: unknown;
  outcome: 'resumed' | 'invalid-session' | 'closed';
  closeCode: number | null;
  /** Number of missed dispatches replayed before RESUMED. */
  replayed: number;
}

export interface ConnectionRecord {
  id: number;
  path: string;
  query: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
  closedBy: 'server' | 'client' | null;
  sessionId: string | null;
  resumed: boolean;
}

export interface Session {
  id: string;
  intents: number;
  shard: [number, number];
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  buffer: DispatchPayload[];
  socket: WebSocket | null;
  invalidated: boolean;
}

export interface ReadyBuild {
  ready: Record<string, unknown>;
  /** Dispatches that follow READY, e.g. one GUILD_CREATE per guild. */
  after: { t: string; d: unknown }[];
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents switched on in the (imaginary) Developer Portal; others close with 4014. */
  enabledPrivilegedIntents: number;
  buildReady: (session: Session) => ReadyBuild;
}

const REPLAY_BUFFER = 5_000;

/** The `_trace` Discord puts in HELLO, READY and RESUMED (which servers handled the connection). */
export const TRACE = ['["test-gateway",{"micros":0}]'];

/** Close codes after which Discord will not accept a RESUME of the session. */
const SESSION_ENDING_CLOSE_CODES: readonly number[] = [
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidSeq,
  GatewayCloseCodes.SessionTimedOut,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
];

export class Gateway {
  readonly connections: ConnectionRecord[] = [];
  readonly received: ReceivedPayload[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly sessions = new Map<string, Session>();
  readonly changes = changeEmitter();
  /** Set to false to stop answering heartbeats (the client then treats the connection as a zombie). */
  ackHeartbeats = true;
  private readonly sockets = new Map<number, WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private nextConnectionId = 1;

  constructor(private readonly options: GatewayOptions) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request));
  }

  /** Sessions that will receive dispatches (connected now or resumable). */
  liveSessions(): Session[] {
    return [...this.sessions.values()].filter((s) => !s.invalidated);
  }

  /**
   * Sends a dispatch to every live session for which `dataFor` returns data (undefined skips the
   * session, e.g. for a missing intent). Sessions whose socket is closed buffer it for RESUME.
   * Returns the number of sessions it was queued for.
   */
  dispatch(t: string, dataFor: unknown | ((session: Session) => unknown)): number {
    let queued = 0;
    for (const session of this.liveSessions()) {
      const d = typeof dataFor === 'function' ? (dataFor as (s: Session) => unknown)(session) : dataFor;
      if (d === undefined) continue;
      this.dispatchTo(session, t, d);
      queued += 1;
    }
    return queued;
  }

  /** Closes every open gateway socket with `code`, as Discord does on errors and restarts. */
  async closeConnections(code: number = GatewayCloseCodes.UnknownError, reason = 'closed by the test server'): Promise<void> {
    const closing: Promise<void>[] = [];
    for (const [connectionId, ws] of this.sockets) {
      const connection = this.connections.find((c) => c.id === connectionId);
      if (connection) {
        connection.closedBy = 'server';
        if (connection.sessionId && SESSION_ENDING_CLOSE_CODES.includes(code)) {
          this.invalidate(connection.sessionId);
        }
      }
      closing.push(new Promise((resolve) => ws.once('close', () => resolve())));
      ws.close(code, reason);
    }
    await Promise.all(closing);
  }

  /** Sends op 7 RECONNECT: the client closes and resumes. */
  requestReconnect(): void {
    for (const ws of this.sockets.values()) this.send(ws, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Sends op 9 INVALID_SESSION to connected sessions; unless `resumable`, they can no longer resume. */
  invalidateSessions(resumable = false): void {
    for (const session of this.liveSessions()) {
      if (session.socket) this.send(session.socket, { op: GatewayOpcodes.InvalidSession, d: resumable });
      if (!resumable) this.invalidate(session.id);
    }
  }

  waitForIdentify(n = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<IdentifyRecord> {
    return waitUntil(this.changes, () => this.identifies[n - 1], `IDENTIFY #${n}`, timeoutMs);
  }

  waitForResume(n = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<ResumeRecord> {
    return waitUntil(this.changes, () => this.resumes[n - 1], `RESUME #${n}`, timeoutMs);
  }

  async shutdown(): Promise<void> {
    await this.closeConnections(1001, 'server shutting down');
    for (const session of this.sessions.values()) session.invalidated = true;
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private invalidate(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (session) session.invalidated = true;
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const payload: DispatchPayload = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d };
    session.buffer.push(payload);
    if (session.buffer.length > REPLAY_BUFFER) session.buffer.shift();
    if (session.socket) this.send(session.socket, payload);
  }

  private close(ws: WebSocket, connection: ConnectionRecord, code: number, reason: string): void {
    connection.closedBy = 'server';
    ws.close(code, reason);
  }

  private onConnection(ws: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', 'ws://gateway');
    const connection: ConnectionRecord = {
      id: this.nextConnectionId++,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
      closedBy: null,
      sessionId: null,
      resumed: false,
    };
    this.connections.push(connection);
    this.sockets.set(connection.id, ws);
    ws.on('close', (code) => this.onClose(connection, ws, code));
    ws.on('error', () => {
      /* a reset socket also emits close, which is where it is handled */
    });
    ws.on('message', (data, isBinary) => this.onMessage(connection, ws, data, isBinary));
    this.changes.emit('change');

    const { v, encoding, compress } = connection.query;
    if (v !== undefined && v !== '10') {
      this.close(ws, connection, GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((encoding !== undefined && encoding !== 'json') || compress !== undefined) {
      // Real Discord supports etf and zlib-stream; this server speaks plain JSON only, which is what
      // discord.js uses unless zlib-sync is installed.
      this.close(ws, connection, GatewayCloseCodes.DecodeError, 'test server supports encoding=json without compression only');
      return;
    }
    this.send(ws, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: TRACE },
    });
  }

  private onClose(connection: ConnectionRecord, ws: WebSocket, code: number): void {
    connection.closedAt = Date.now();
    connection.closeCode = code;
    connection.closedBy ??= 'client';
    this.sockets.delete(connection.id);
    const session = connection.sessionId ? this.sessions.get(connection.sessionId) : undefined;
    if (session && session.socket === ws) {
      session.socket = null;
      // A client closing with 1000/1001 ends its session; any other code keeps it resumable.
      if (connection.closedBy === 'client' && (code === 1000 || code === 1001)) session.invalidated = true;
    }
    this.changes.emit('change');
  }

  private onMessage(connection: ConnectionRecord, ws: WebSocket, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not JSON');
      payload = JSON.parse(data.toString());
    } catch {
      this.close(ws, connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isObject(payload) || typeof payload.op !== 'number') {
      this.close(ws, connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push({ connectionId: connection.id, op: payload.op, d: payload.d, at: Date.now() });
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.ackHeartbeats) this.send(ws, { op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        this.onIdentify(connection, ws, payload.d);
        break;
      case GatewayOpcodes.Resume:
        this.onResume(connection, ws, payload.d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.sessionId) this.close(ws, connection, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        break;
      default:
        this.close(ws, connection, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
    this.changes.emit('change');
  }

  private onIdentify(connection: ConnectionRecord, ws: WebSocket, d: unknown): void {
    const body = isObject(d) ? d : {};
    const intents = typeof body.intents === 'number' ? body.intents : Number.NaN;
    const shard: [number, number] =
      Array.isArray(body.shard) && body.shard.length === 2 ? [Number(body.shard[0]), Number(body.shard[1])] : [0, 1];
    const record: IdentifyRecord = {
      connectionId: connection.id,
      at: Date.now(),
      token: body.token,
      intents,
      privilegedIntents: Number.isInteger(intents) ? privilegedIntentNames(intents) : [],
      properties: body.properties,
      shard,
      presence: body.presence,
      compress: body.compress,
      largeThreshold: body.large_threshold,
      accepted: false,
      closeCode: null,
      sessionId: null,
    };
    this.identifies.push(record);
    const reject = (code: number, reason: string) => {
      record.closeCode = code;
      this.close(ws, connection, code, reason);
    };
    if (connection.sessionId) return reject(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (!isObject(d)) return reject(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
    if (body.token !== this.options.token) return reject(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    if (!Number.isInteger(intents) || intents < 0 || (intents & ~ALL_INTENTS) !== 0) {
      return reject(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.options.enabledPrivilegedIntents) !== 0) {
      return reject(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
    }
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return reject(GatewayCloseCodes.InvalidShard, 'Invalid shard.');

    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents,
      shard,
      seq: 0,
      buffer: [],
      socket: ws,
      invalidated: false,
    };
    this.sessions.set(session.id, session);
    connection.sessionId = session.id;
    record.accepted = true;
    record.sessionId = session.id;
    const { ready, after } = this.options.buildReady(session);
    this.dispatchTo(session, 'READY', { ...ready, session_id: session.id });
    for (const event of after) this.dispatchTo(session, event.t, event.d);
  }

  private onResume(connection: ConnectionRecord, ws: WebSocket, d: unknown): void {
    const body = isObject(d) ? d : {};
    const record: ResumeRecord = {
      connectionId: connection.id,
      at: Date.now(),
      sessionId: body.session_id,
      seq: body.seq,
      outcome: 'closed',
      closeCode: null,
      replayed: 0,
    };
    this.resumes.push(record);
    const reject = (code: number, reason: string) => {
      record.closeCode = code;
      this.close(ws, connection, code, reason);
    };
    if (connection.sessionId) return reject(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (body.token !== this.options.token) return reject(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const session = typeof body.session_id === 'string' ? this.sessions.get(body.session_id) : undefined;
    const seq = typeof body.seq === 'number' ? body.seq : -1;
    const firstBuffered = session?.buffer[0]?.s ?? 1;
    if (!session || session.invalidated || seq < firstBuffered - 1) {
      record.outcome = 'invalid-session';
      this.send(ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (seq > session.seq) return reject(GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
    if (session.socket && session.socket !== ws) {
      // The session moves to the new connection; Discord drops the old one.
      const old = [...this.sockets].find(([, socket]) => socket === session.socket);
      const oldConnection = old ? this.connections.find((c) => c.id === old[0]) : undefined;
      if (oldConnection) this.close(session.socket, oldConnection, GatewayCloseCodes.UnknownError, 'Session resumed elsewhere.');
    }
    session.socket = ws;
    connection.sessionId = session.id;
    connection.resumed = true;
    const missed = session.buffer.filter((p) => p.s > seq);
    for (const payload of missed) this.send(ws, payload);
    record.replayed = missed.length;
    record.outcome = 'resumed';
    session.seq += 1;
    this.send(ws, { op: GatewayOpcodes.Dispatch, t: 'RESUMED', s: session.seq, d: { _trace: TRACE } });
  }
}

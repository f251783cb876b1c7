// Gateway opcodes and close codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

export const GatewayClose = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidSeq: 4007,
  RateLimited: 4008,
  SessionTimedOut: 4009,
  InvalidShard: 4010,
  ShardingRequired: 4011,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

/** Close codes after which Discord will not accept a RESUME of the session. */
export const SESSION_ENDING_CLOSE_CODES: readonly number[] = [
  GatewayClose.AuthenticationFailed,
  GatewayClose.InvalidSeq,
  GatewayClose.SessionTimedOut,
  GatewayClose.InvalidShard,
  GatewayClose.ShardingRequired,
  GatewayClose.InvalidApiVersion,
  GatewayClose.InvalidIntents,
  GatewayClose.DisallowedIntents,
];

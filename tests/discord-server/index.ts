// Public entry point of the Discord-compatible test server (see README.md).
export { DiscordServer, startDiscordServer, type DiscordServerOptions } from './server.ts';
export type { InteractionHandle, InitialResponse, WebhookEdit, CallbackAttempt, CallbackData } from './model/interactions.ts';
export { CallbackType, InteractionType } from './model/interactions.ts';
export type { MessageRecord, Pings } from './model/messages.ts';
export type { RecordedRequest } from './rest/router.ts';
export type { IdentifyRecord, ResumeRecord, ConnectionRecord } from './gateway/gateway.ts';
export type { Invoker, Payload } from './driver/interaction-payloads.ts';
export type { OptionValues } from './driver/command-options.ts';
export type { UserMessage, UserMessageOptions } from './driver/user-messages.ts';
export { Intent, PRIVILEGED_INTENTS } from './gateway/intents.ts';
export { GatewayClose, GatewayOp } from './gateway/opcodes.ts';
export { MessageFlag } from './validate/flags.ts';

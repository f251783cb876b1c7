// Public entry point of the Discord-compatible test server (see README.md).
export { DiscordServer, startDiscordServer, type DiscordServerOptions } from './server.ts';
export type { InteractionHandle, InitialResponse, WebhookEdit, CallbackAttempt, CallbackData } from './model/interactions.ts';
// Discord's enums (InteractionResponseType, GatewayIntentBits, GatewayCloseCodes, MessageFlags, …) come from discord.js.
export type { MessageRecord, Pings } from './model/messages.ts';
export type { RecordedRequest } from './rest/router.ts';
export type { IdentifyRecord, ResumeRecord, ConnectionRecord } from './gateway/gateway.ts';
export type { Invoker, Payload } from './driver/interaction-payloads.ts';
export type { OptionValues } from './driver/command-options.ts';
export type { UserMessage, UserMessageOptions } from './driver/user-messages.ts';
export { PRIVILEGED_INTENTS } from './gateway/intents.ts';

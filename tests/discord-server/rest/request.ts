import type { IncomingMessage } from 'node:http';
import { DiscordErrors } from '../lib/errors.ts';
import type { UploadedFile } from '../model/messages.ts';

// Reads a REST request the way Discord accepts it: JSON, or multipart/form-data with `payload_json`
// and `files[n]` parts (what @discordjs/rest sends when a message has attachments).

export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
  raw: string;
}

export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const buffer = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (buffer.length === 0) return { body: undefined, files: [], raw: '' };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(buffer, { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
      } else {
        files.push({ field, name: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files, raw: `[multipart ${buffer.length} bytes]` };
  }
  const raw = buffer.toString('utf8');
  return { body: parseJson(raw), files: [], raw };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw DiscordErrors.invalidJson();
  }
}

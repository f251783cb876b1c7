// Discord ids are snowflakes: milliseconds since the Discord epoch (2015-01-01) shifted left by 22 bits,
// then worker, process and a per-millisecond increment. Real-shaped ids matter because discord.js and
// @discordjs/rest read timestamps out of them and only treat 17-19 digit numbers as ids in route keys.
const DISCORD_EPOCH = 1_420_070_400_000n;

let lastMs = 0n;
let increment = 0n;

/** A new, unique, monotonically increasing snowflake for "now" (or the given time). */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at);
  if (ms <= lastMs) {
    ms = lastMs;
    increment += 1n;
    if (increment > 0xfffn) {
      // More than 4096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
      ms += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastMs = ms;
  const id = ((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment;
  return id.toString();
}

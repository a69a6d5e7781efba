/**
 * Recording media as WAV: RIFF/WAVE, PCM 16-bit, 8000 Hz, mono (twilio-voice.md §10 [rig]).
 */

export const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;

/** What fills the recording: silence (default), a sine tone, or caller-provided PCM samples. */
export type AudioSource =
  | { kind: 'silence' }
  | { kind: 'tone'; hz: number }
  /** 16-bit PCM at 8000 Hz mono; looped or cut to the recording's length. */
  | { kind: 'pcm'; samples: Int16Array };

/**
 * Builds a WAV of exactly `durationSec` seconds.
 * @example wavBytes(12).length === 44 + 12 * 8000 * 2
 */
export function wavBytes(durationSec: number, source: AudioSource = { kind: 'silence' }): Buffer {
  const samples = Math.max(0, Math.round(durationSec * SAMPLE_RATE));
  const dataBytes = samples * 2;
  const buf = Buffer.alloc(HEADER_BYTES + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24);
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  if (source.kind === 'tone') {
    for (let i = 0; i < samples; i++) {
      buf.writeInt16LE(
        Math.round(8000 * Math.sin((2 * Math.PI * source.hz * i) / SAMPLE_RATE)),
        HEADER_BYTES + i * 2,
      );
    }
  } else if (source.kind === 'pcm' && source.samples.length > 0) {
    for (let i = 0; i < samples; i++) {
      buf.writeInt16LE(source.samples[i % source.samples.length] ?? 0, HEADER_BYTES + i * 2);
    }
  }
  return buf;
}

/** The fields a reader needs to check a WAV: format and duration. */
export interface WavInfo {
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  durationSec: number;
}

/** Parses a RIFF/WAVE header (walking chunks); null when it is not a PCM WAV. */
export function readWavInfo(bytes: Uint8Array): WavInfo | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    return null;
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataBytes' | 'durationSec'> | null = null;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 24 <= buf.length) {
      fmt = {
        audioFormat: buf.readUInt16LE(offset + 8),
        channels: buf.readUInt16LE(offset + 10),
        sampleRate: buf.readUInt32LE(offset + 12),
        bitsPerSample: buf.readUInt16LE(offset + 22),
      };
    } else if (id === 'data' && fmt) {
      const bytesPerSec = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataBytes: size, durationSec: bytesPerSec > 0 ? size / bytesPerSec : 0 };
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

/** Reads 16-bit 8 kHz mono PCM out of a WAV file (for caller-script audio); null otherwise. */
export function pcmFromWav(bytes: Uint8Array): Int16Array | null {
  const info = readWavInfo(bytes);
  if (
    info?.audioFormat !== 1 ||
    info.bitsPerSample !== 16 ||
    info.channels !== 1 ||
    info.sampleRate !== SAMPLE_RATE
  ) {
    return null;
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buf.indexOf('data', 12, 'ascii') + 8;
  const count = Math.floor(Math.min(info.dataBytes, buf.length - start) / 2);
  const out = new Int16Array(count);
  for (let i = 0; i < count; i++) out[i] = buf.readInt16LE(start + i * 2);
  return out;
}

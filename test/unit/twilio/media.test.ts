import { describe, expect, it } from 'vitest';
import { mp3Bytes } from '../../../src/twilio/recordings/mp3.ts';
import { pcmFromWav, readWavInfo, wavBytes } from '../../../src/twilio/recordings/wav.ts';

const BITRATES_MPEG1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const RATES_MPEG1 = [44100, 48000, 32000];

/** Walks MPEG-1 Layer III frames by their headers and returns the total duration. */
function mp3Duration(buf: Buffer): { frames: number; seconds: number; badHeaders: number } {
  let offset = 0;
  let frames = 0;
  let seconds = 0;
  let badHeaders = 0;
  while (offset + 4 <= buf.length) {
    const b1 = buf[offset + 1] ?? 0;
    const b2 = buf[offset + 2] ?? 0;
    const sync = buf[offset] === 0xff && (b1 & 0xe0) === 0xe0;
    const mpeg1Layer3 = ((b1 >> 3) & 0x3) === 0x3 && ((b1 >> 1) & 0x3) === 0x1;
    const kbps = BITRATES_MPEG1_L3[(b2 >> 4) & 0xf] ?? 0;
    const rate = RATES_MPEG1[(b2 >> 2) & 0x3] ?? 0;
    if (!sync || !mpeg1Layer3 || kbps === 0 || rate === 0) {
      badHeaders++;
      break;
    }
    const length = Math.floor((144 * kbps * 1000) / rate) + ((b2 >> 1) & 1);
    offset += length;
    frames++;
    seconds += 1152 / rate;
  }
  expect(offset).toBe(buf.length);
  return { frames, seconds, badHeaders };
}

describe('recording media', () => {
  it.each([1, 7, 12, 60])('WAV of %i s is RIFF PCM 16-bit 8 kHz mono of exactly that length', (sec) => {
    const buf = wavBytes(sec);
    expect(buf.length).toBe(44 + sec * 16000);
    expect(readWavInfo(buf)).toEqual({
      audioFormat: 1,
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      dataBytes: sec * 16000,
      durationSec: sec,
    });
  });

  it('a tone WAV is not silent; caller PCM is looped to length', () => {
    const tone = wavBytes(1, { kind: 'tone', hz: 440 });
    expect(tone.readInt16LE(44 + 2 * 10)).not.toBe(0);
    const pcm = pcmFromWav(wavBytes(1, { kind: 'tone', hz: 440 }));
    const looped = wavBytes(3, { kind: 'pcm', samples: pcm ?? new Int16Array() });
    expect(readWavInfo(looped)?.durationSec).toBe(3);
    expect(looped.readInt16LE(44 + 2 * (8000 + 10))).toBe(tone.readInt16LE(44 + 2 * 10));
  });

  it.each([1, 5, 12, 60, 3600])('MP3 of %i s: valid frame headers, duration within one frame', (sec) => {
    const { frames, seconds, badHeaders } = mp3Duration(mp3Bytes(sec));
    expect(badHeaders).toBe(0);
    expect(frames).toBeGreaterThan(0);
    expect(Math.abs(seconds - sec)).toBeLessThanOrEqual(1152 / 32000);
  });

  it('readWavInfo refuses non-WAV bytes', () => {
    expect(readWavInfo(Buffer.from('ID3 not a wav'))).toBeNull();
  });
});

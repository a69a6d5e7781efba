/**
 * Recording media as MP3: a decodable MPEG-1 Layer III stream of silent frames.
 *
 * @note Frame header `FF FB 18 C0`:
 *   sync 0x7FF · version MPEG-1 (11) · layer III (01) · no CRC (1) ·
 *   bitrate index 0001 = 32 kbps · sample-rate index 10 = 32000 Hz · no padding · private 0 ·
 *   channel mode 11 = mono · mode extension 00 · not copyrighted · copy · emphasis none.
 * Frame length = 144 × 32000 / 32000 = 144 bytes, so no padding slot is ever needed; each frame
 * holds 1152 samples = 36 ms. The 17-byte mono side info and the main data are all zero
 * (main_data_begin 0, part2_3_length 0 for both granules), which every decoder renders as silence.
 * The frame count is round(duration / 36 ms), so the length is right to within half a frame.
 */

export const MP3_FRAME_HEADER = Buffer.from([0xff, 0xfb, 0x18, 0xc0]);
export const MP3_FRAME_BYTES = 144;
export const MP3_SAMPLES_PER_FRAME = 1152;
export const MP3_SAMPLE_RATE = 32_000;

const FRAME_SEC = MP3_SAMPLES_PER_FRAME / MP3_SAMPLE_RATE;

/** A silent MP3 of `durationSec` seconds (within one frame). */
export function mp3Bytes(durationSec: number): Buffer {
  const frames = Math.max(0, Math.round(durationSec / FRAME_SEC));
  const frame = Buffer.alloc(MP3_FRAME_BYTES);
  MP3_FRAME_HEADER.copy(frame, 0);
  const out = Buffer.alloc(frames * MP3_FRAME_BYTES);
  for (let i = 0; i < frames; i++) frame.copy(out, i * MP3_FRAME_BYTES);
  return out;
}

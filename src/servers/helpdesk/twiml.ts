import twilio from 'twilio';
import type { HelpDeskConfig } from './config.ts';

const { VoiceResponse } = twilio.twiml;
// @note twilio's typings list Say voices as a union of named voices; the config is a free string
// (new voices appear faster than typings), so we go through the constructor's parameter type.
type SayVoice =
  NonNullable<Parameters<InstanceType<typeof VoiceResponse>['say']>[0]> extends infer A
    ? A extends { voice?: infer V }
      ? V
      : never
    : never;

/**
 * The brief's IVR document: greeting, Record (action = `<base>/recording-callback`),
 * the fall-through line, Hangup.
 */
export function voiceDocument(config: HelpDeskConfig, baseUrl: string): string {
  const response = new VoiceResponse();
  const voice = config.voice as SayVoice;
  response.say({ voice }, config.greeting);
  response.record({
    maxLength: config.maxLength,
    playBeep: config.playBeep,
    timeout: config.timeout,
    action: `${baseUrl}/recording-callback`,
  });
  response.say({ voice }, config.noMessageText);
  response.hangup();
  return response.toString();
}

/** What the recording callback answers: a short thank-you, then Hangup. */
export function thankYouDocument(config: HelpDeskConfig): string {
  const response = new VoiceResponse();
  response.say({ voice: config.voice as SayVoice }, config.thankYouText);
  response.hangup();
  return response.toString();
}

/**
 * 语音播报 — offline Chinese voice broadcast for the waiting-area display pages.
 *
 *   const queue = new AnnouncementQueue({ repeat: 2 });              // one per waiting area
 *   <Button onClick={() => queue.unlock()}>启用语音</Button>           // once, autoplay policy
 *   queue.on('start', (e) => highlight(e.announcement.data));
 *   queue.enqueue({ id: call.id, seq: call.seq, data: call,
 *                   text: renderAnnouncement(template, { number: 12, name: '张*三', room: '3诊室' }) });
 *
 * See README.md beside this file for the engine, its data and its licence.
 */
export {
  DEFAULT_TEMPLATE,
  digitsToChinese,
  normalizeForSpeech,
  numberToChinese,
  renderAnnouncement,
  templatePlaceholders,
  type NumberReading,
  type TemplateParams,
} from './announcementText';
export { createSynthesizer } from './loadSynthesizer';
export type { SpeechAudio, Synthesizer, SynthesizerOptions, VoiceSettings } from './synthesizer';
export { AnnouncementQueue, type Announcement, type AnnouncementQueueOptions, type PlayEvent, type QueueEvents } from './AnnouncementQueue';
export { WebAudioOutput, type AudioOutput, type WebAudioOutputOptions } from './webAudioOutput';
export { runVoiceSelfCheck, SELF_CHECK_SAMPLE, type SelfCheckResult } from './selfCheck';
export { default as VoiceCheckPage } from './VoiceCheckPage';

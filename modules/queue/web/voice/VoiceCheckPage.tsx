/**
 * 语音播报检测: checks the offline voice broadcast on a display PC — enable sound, try a template,
 * and run the self-check (synthesis + ordered, non-overlapping playback). Used by the browser test.
 */
import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { defineMessages, useMessages } from '@kangyun/web-shell/i18n';
import { AnnouncementQueue, type PlayEvent } from './AnnouncementQueue';
import { DEFAULT_TEMPLATE, renderAnnouncement, templatePlaceholders } from './announcementText';
import { runVoiceSelfCheck, type SelfCheckResult } from './selfCheck';
import { createSynthesizer } from './loadSynthesizer';
import type { Synthesizer } from './synthesizer';
import { WebAudioOutput } from './webAudioOutput';

const messages = defineMessages(
  {
    title: '语音播报检测',
    subtitle: '候诊区显示屏的离线语音：无需联网，也无需安装系统语音',
    sound: '声音',
    soundOn: '已启用',
    soundOff: '未启用',
    unlock: '启用语音',
    unlockHint: '浏览器要求先点击一次才允许播放声音；显示屏开机后点击一次即可。',
    template: '播报模板',
    templateHint: (keys: string) => `可用占位符：${keys}；{room|digits} 逐位读数字`,
    number: '号码',
    name: '姓名',
    room: '诊室',
    repeat: '重复次数',
    preview: '将播报',
    play: '试播',
    selfCheck: '运行自检',
    checking: '自检中…',
    passed: '自检通过',
    failed: '自检未通过',
    engine: '合成引擎',
    inWorker: '后台线程',
    inPage: '页面线程',
    loadTime: '加载耗时',
    sampleLength: '示例时长',
    log: '播报记录',
    nowPlaying: '正在播报',
    times: (n: number, of: number) => `第 ${n}/${of} 遍`,
  },
  {
    title: 'Voice broadcast check',
    subtitle: 'Offline speech for waiting-area displays: no internet and no system voices needed',
    sound: 'Sound',
    soundOn: 'enabled',
    soundOff: 'not enabled',
    unlock: 'Enable voice',
    unlockHint: 'Browsers only play sound after one click; click once after the display starts.',
    template: 'Template',
    templateHint: (keys: string) => `Placeholders: ${keys}; {room|digits} reads digits one by one`,
    number: 'Number',
    name: 'Name',
    room: 'Room',
    repeat: 'Repeat',
    preview: 'Will say',
    play: 'Play',
    selfCheck: 'Run self-check',
    checking: 'Checking…',
    passed: 'Self-check passed',
    failed: 'Self-check failed',
    engine: 'Engine',
    inWorker: 'worker thread',
    inPage: 'page thread',
    loadTime: 'Load time',
    sampleLength: 'Sample length',
    log: 'Log',
    nowPlaying: 'Now playing',
    times: (n: number, of: number) => `${n} of ${of}`,
  },
);

interface LogLine {
  key: number;
  text: string;
  phase: 'start' | 'end' | 'error';
  detail: string;
}

export default function VoiceCheckPage() {
  const m = useMessages(messages);
  const [output, setOutput] = useState<WebAudioOutput | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [values, setValues] = useState({ number: '12', name: '张*三', room: '3诊室' });
  const [repeat, setRepeat] = useState(2);
  const [playing, setPlaying] = useState<PlayEvent | null>(null);
  const [log, setLog] = useState<LogLine[]>([]);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<SelfCheckResult | null>(null);
  const synthesizer = useRef<Promise<Synthesizer> | null>(null);
  const queue = useRef<AnnouncementQueue | null>(null);
  const nextId = useRef(1);

  // one engine for the page, loaded on first need
  const getSynthesizer = useCallback(() => {
    if (!synthesizer.current) {
      const made = createSynthesizer();
      synthesizer.current = made;
      made.catch(() => {
        if (synthesizer.current === made) synthesizer.current = null;
      });
    }
    return synthesizer.current;
  }, []);

  const addLog = useCallback((phase: LogLine['phase'], text: string, detail: string) => {
    setLog((lines) => [{ key: nextId.current++, phase, text, detail }, ...lines].slice(0, 50));
  }, []);

  useEffect(() => {
    const out = new WebAudioOutput();
    setOutput(out);
    setUnlocked(out.unlocked);
    const stop = out.onUnlockedChange(setUnlocked);
    return () => {
      stop();
      out.close();
      setOutput(null);
    };
  }, []);

  useEffect(() => {
    if (!output) return undefined;
    const q = new AnnouncementQueue({ synthesizer: getSynthesizer, output });
    const offs = [
      q.on('start', (event) => {
        setPlaying(event);
        addLog('start', event.announcement.text, m.times(event.repetition, event.repetitions));
      }),
      q.on('end', () => setPlaying(null)),
      q.on('error', ({ announcement, error }) => addLog('error', announcement?.text ?? '', error instanceof Error ? error.message : String(error))),
    ];
    queue.current = q;
    return () => {
      offs.forEach((off) => off());
      q.dispose();
      queue.current = null;
    };
  }, [output, getSynthesizer, addLog, m]);

  useEffect(() => () => void synthesizer.current?.then((s) => s.dispose(), () => undefined), []);

  const preview = useMemo(() => renderAnnouncement(template, values), [template, values]);
  const keys = templatePlaceholders(DEFAULT_TEMPLATE).map((k) => `{${k}}`).join(' ');

  const unlock = async () => {
    if (!output) return;
    await output.unlock();
    void getSynthesizer().catch(() => undefined);
  };

  const play = () => {
    const id = nextId.current++;
    queue.current?.enqueue({ id: `try-${id}`, seq: id, text: preview, repeat });
  };

  const selfCheck = async () => {
    if (!output) return;
    setChecking(true);
    setResult(null);
    try {
      const r = await runVoiceSelfCheck({
        synthesizer: getSynthesizer,
        output,
        onPlay: (event, phase) => {
          setPlaying(phase === 'start' ? event : null);
          if (phase === 'start') addLog('start', event.announcement.text, m.times(event.repetition, event.repetitions));
        },
      });
      setResult(r);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Flex vertical gap={16} data-testid="voice-check">
        <Card variant="borderless">
          <Space wrap align="center">
            <Typography.Text>{m.sound}</Typography.Text>
            <Tag color={unlocked ? 'success' : 'warning'} data-testid="voice-unlocked" data-unlocked={unlocked ? 'true' : 'false'}>
              {unlocked ? m.soundOn : m.soundOff}
            </Tag>
            {!unlocked ? (
              <Button type="primary" onClick={() => void unlock()} disabled={!output} data-testid="voice-unlock">
                {m.unlock}
              </Button>
            ) : null}
            {!unlocked ? <Typography.Text type="secondary">{m.unlockHint}</Typography.Text> : null}
          </Space>
        </Card>

        <Card variant="borderless">
          <Form layout="vertical" style={{ maxWidth: 720 }}>
            <Form.Item label={m.template} extra={m.templateHint(keys)}>
              <Input value={template} onChange={(e) => setTemplate(e.target.value)} />
            </Form.Item>
            <Space wrap>
              <Form.Item label={m.number}>
                <Input value={values.number} onChange={(e) => setValues((v) => ({ ...v, number: e.target.value }))} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item label={m.name}>
                <Input value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label={m.room}>
                <Input value={values.room} onChange={(e) => setValues((v) => ({ ...v, room: e.target.value }))} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label={m.repeat}>
                <InputNumber min={1} max={5} value={repeat} onChange={(v) => setRepeat(v ?? 1)} />
              </Form.Item>
            </Space>
            <Form.Item label={m.preview}>
              <Typography.Text strong data-testid="voice-preview">{preview}</Typography.Text>
            </Form.Item>
            <Space wrap>
              <Button onClick={play} disabled={!unlocked || checking || !preview} data-testid="voice-play">
                {m.play}
              </Button>
              <Button type="primary" onClick={() => void selfCheck()} loading={checking} disabled={!unlocked} data-testid="voice-self-check">
                {checking ? m.checking : m.selfCheck}
              </Button>
            </Space>
          </Form>
        </Card>

        {playing ? (
          <Alert type="info" showIcon message={`${m.nowPlaying}：${playing.announcement.text}`} description={m.times(playing.repetition, playing.repetitions)} data-testid="voice-now-playing" />
        ) : null}

        {result ? (
          <Card variant="borderless">
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              message={result.ok ? m.passed : m.failed}
              description={result.problems.length ? result.problems.join('；') : undefined}
              data-testid="voice-check-status"
            />
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 12 }}>
              <Descriptions.Item label={m.engine}>eSpeak NG · {result.runsIn === 'worker' ? m.inWorker : m.inPage}</Descriptions.Item>
              <Descriptions.Item label={m.loadTime}>{result.loadMs} ms</Descriptions.Item>
              <Descriptions.Item label={m.sampleLength}>{result.sample ? `${result.sample.duration.toFixed(2)} s` : '—'}</Descriptions.Item>
            </Descriptions>
            <pre data-testid="voice-check-result" style={{ display: 'none' }}>
              {JSON.stringify(result)}
            </pre>
          </Card>
        ) : null}

        {log.length ? (
          <Card variant="borderless" title={m.log} size="small">
            <List
              size="small"
              dataSource={log}
              renderItem={(line) => (
                <List.Item>
                  <Space>
                    <Tag color={line.phase === 'error' ? 'error' : 'processing'}>{line.detail}</Tag>
                    <span>{line.text}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}

export { VoiceCheckPage };

// The phone camera reading attendees' QR codes (html5-qrcode, loaded only when the camera is turned on).
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n.tsx';

/** The same code read again within this long is the same person still holding it up. */
const REPEAT_MS = 3000;

export function CameraScanner({ onDecoded }: { onDecoded: (text: string) => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const elementId = `of-camera-${useId().replace(/:/g, '')}`;
  // The latest callback, so a new render does not restart the camera.
  const handler = useRef(onDecoded);
  handler.current = onDecoded;

  useEffect(() => {
    if (!on) return;
    let last = { text: '', at: 0 };
    let stop: (() => Promise<void>) | null = null;
    // Turned off (or unmounted) while the library loads or the camera starts.
    const off = new AbortController();
    const isOff = () => off.signal.aborted;
    void (async () => {
      try {
        const { Html5Qrcode } = await import('html5-qrcode');
        if (isOff()) return;
        const scanner = new Html5Qrcode(elementId, { verbose: false });
        await scanner.start(
          { facingMode: 'environment' },
          { fps: 10, qrbox: 240 },
          (text) => {
            const now = Date.now();
            if (text === last.text && now - last.at < REPEAT_MS) return;
            last = { text, at: now };
            handler.current(text);
          },
          () => undefined, // no code in this frame: keep looking
        );
        stop = async () => {
          await scanner.stop();
          scanner.clear();
        };
        if (isOff()) await stop();
      } catch {
        setFailed(true);
        setOn(false);
      }
    })();
    return () => {
      off.abort();
      void stop?.().catch(() => undefined);
    };
  }, [on, elementId]);

  return (
    <div className="of-no-print">
      <Button
        size="large"
        icon={on ? <StopOutlined /> : <CameraOutlined />}
        onClick={() => {
          setFailed(false);
          setOn(!on);
        }}
        block
      >
        {on ? t('of_cameraOff') : t('of_cameraOn')}
      </Button>
      {failed && <Alert type="warning" showIcon title={t('of_cameraFailed')} />}
      {on && <div id={elementId} style={{ width: '100%', marginTop: 8 }} />}
    </div>
  );
}

import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import { useEffect, useRef, useState } from 'preact/hooks';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { t } from './strings';

// The decoder's wasm is part of our build, served by the gateway: by default it comes from a CDN.
prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
});

/** How often a frame is decoded: zxing-wasm takes 12–22 ms a frame in headless Chromium. */
const FRAME_INTERVAL_MS = 100;

/**
 * The camera (the rear one by default; `playsinline` keeps iOS from going full screen), decoding
 * QR codes until one is read: it then stops, so that the same code is not read twice in a row.
 */
export function CameraScanner(props: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    const tick = async () => {
      if (stopped) return;
      const element = video.current;
      if (element && element.readyState >= 2) {
        const [code] = await detector.detect(element).catch(() => []);
        if (code?.rawValue && !stopped) {
          stopped = true;
          props.onCode(code.rawValue);
          return;
        }
      }
      timer = setTimeout(tick, FRAME_INTERVAL_MS);
    };
    if (!navigator.mediaDevices) setError(true);
    else
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
        .then(async (media) => {
          stream = media;
          if (stopped || !video.current) return;
          video.current.srcObject = media;
          await video.current.play();
          void tick();
        })
        .catch(() => setError(true));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return (
    <div class="card">
      {error ? <p class="form-error">{t.cameraError}</p> : <video ref={video} playsInline muted autoPlay />}
      <button type="button" class="secondary" onClick={props.onClose}>
        {t.stopScan}
      </button>
    </div>
  );
}

import type { QRCodeToDataURLOptions } from 'qrcode';
import { Worker } from 'node:worker_threads';

const DRAW = `const { parentPort, workerData } = require('node:worker_threads');
require('qrcode').toDataURL(workerData.token, workerData.options).then((url) => parentPort.postMessage(url));`;

/**
 * `qrcode`'s PNG data URL of `token`, drawn on a thread of its own: inside jest's sandbox every read of
 * a global is intercepted (pngjs reads Math in its pixel filters), and one PNG takes seconds, not milliseconds.
 */
export function qrPngDataUrl(token: string, options: QRCodeToDataURLOptions): Promise<string> {
  const worker = new Worker(DRAW, { eval: true, workerData: { token, options } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

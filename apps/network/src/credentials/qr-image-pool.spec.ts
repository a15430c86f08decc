import { qrPngDataUrl } from '@passerelle/testing';
import QRCode from 'qrcode';
import { isMainThread } from 'node:worker_threads';
import { QrImagePool } from './qr-image-pool';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.a-credential-of-realistic-length.' + 'x'.repeat(180);

describe('QrImagePool', () => {
  let pool: QrImagePool;
  beforeEach(() => (pool = new QrImagePool()));
  afterEach(() => pool.onModuleDestroy());

  it('draws the same images as the qrcode library, on worker threads that start at the first image', async () => {
    expect(isMainThread).toBe(true);
    expect(pool.threadCount).toBe(0);
    const [svg, png] = await Promise.all([pool.render('a', 'svg', TOKEN), pool.render('a', 'png', TOKEN)]);
    expect(svg).toBe(await QRCode.toString(TOKEN, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(png).toBe(await qrPngDataUrl(TOKEN, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }));
    expect(pool.threadCount).toBeGreaterThan(0);
  });

  it('stops its threads when the module is destroyed, and draws nothing after', async () => {
    await pool.render('a', 'svg', TOKEN);
    await pool.onModuleDestroy();
    expect(pool.threadCount).toBe(0);
    await expect(pool.render('a', 'svg', TOKEN)).rejects.toThrow('closed');
  });

  it('asks a caller with too many images waiting to slow down (RATE_LIMITED), not the others', async () => {
    const burst = Array.from({ length: 220 }, () =>
      pool.render('greedy', 'svg', TOKEN).then(
        () => 'drawn',
        (error: { extensions?: { code?: string } }) => error.extensions?.code,
      ),
    );
    const other = pool.render('patient', 'svg', TOKEN);
    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((outcome) => outcome === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome === 'drawn').length).toBeGreaterThan(0);
    expect((await other).startsWith('<svg')).toBe(true);
  });
});

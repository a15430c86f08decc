import { dataOf, qrPngDataUrl } from '@passerelle/testing';
import QRCode from 'qrcode';
import { sharedStack } from './support/shared-stack';
import { holderSession, scanAt, seedNetwork, SeededNetwork, sellPass } from './support/passes';
import { QR_IMAGES } from './support/documents';

type Images = { pass: { qr: { token: string; svg: string; pngDataUrl: string } } };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_PREFIX = 'data:image/png;base64,';
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

describe('QR images', () => {
  const stack = sharedStack();
  let seeded: SeededNetwork;

  beforeAll(async () => {
    seeded = await seedNetwork(stack);
  });

  const imagesOf = async (passId: string, token: string) =>
    dataOf(await stack.gql<Images>(QR_IMAGES, { id: passId }, token)).pass.qr;

  /** An SVG document and a data URL that decodes to a PNG file. */
  function expectImages(qr: Images['pass']['qr']) {
    expect(qr.svg.startsWith('<svg')).toBe(true);
    expect(qr.pngDataUrl.startsWith(PNG_PREFIX)).toBe(true);
    const png = Buffer.from(qr.pngDataUrl.slice(PNG_PREFIX.length), 'base64');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  }

  /** The SVG and the PNG are the QR code of the very credential returned beside them. */
  async function expectImagesOf(qr: Images['pass']['qr']) {
    expectImages(qr);
    expect(qr.svg).toBe(await QRCode.toString(qr.token, { ...QR_OPTIONS, type: 'svg' }));
    expect(qr.pngDataUrl).toBe(await qrPngDataUrl(qr.token, { ...QR_OPTIONS, scale: 6 }));
  }

  it('draws the SVG and the PNG of the pass’s signed credential', async () => {
    const pass = await sellPass(stack, seeded);
    const holder = await holderSession(stack, pass.holderEmail);
    await expectImagesOf(await imagesOf(pass.id, holder.token));
  });

  it('checks a scanner’s visitor in, and draws another holder’s code, while one holder asks for images nonstop', async () => {
    const holderEmail = `flood-${Date.now()}@example.org`;
    const floodPasses: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i += 1) floodPasses.push(await sellPass(stack, seeded, {}, { holderEmail }));
    const flooder = await holderSession(stack, holderEmail);
    const visitor = await sellPass(stack, seeded);
    const other = await sellPass(stack, seeded);
    const otherHolder = await holderSession(stack, other.holderEmail);

    const flood = Array.from({ length: 12 }, (_, i) => imagesOf(floodPasses[i % 4].id, flooder.token));
    const [scan, otherImages] = await Promise.all([
      scanAt(stack, seeded.spaces[0], visitor.serial),
      imagesOf(other.id, otherHolder.token),
    ]);
    expect(scan).toMatchObject({ status: 'ACCEPTED', repeat: false });
    await expectImagesOf(otherImages);
    for (const images of await Promise.all(flood)) expectImages(images);
  });
});

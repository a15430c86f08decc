'use strict';
// Plain CommonJS on purpose: a worker thread loads this file with Node's own loader, both from the
// sources (under jest, which transforms only what it loads itself) and from dist/ after the build.
const QRCode = require('qrcode');

const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 };

/** Draws one QR image of a signed credential: `svg` markup or a PNG data URL. */
module.exports = function renderQrImage({ format, token }) {
  if (format === 'svg') return QRCode.toString(token, { ...OPTIONS, type: 'svg' });
  if (format === 'png') return QRCode.toDataURL(token, { ...OPTIONS, scale: 6 });
  throw new Error(`Unknown QR image format: ${format}`);
};

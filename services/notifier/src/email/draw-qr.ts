// The check-in QR code: the signed token outreach issued, as a PNG for an inline image.
import QRCode from 'qrcode';

export const QR_CID = 'checkin-qr@lianxin';

export function qrPng(token: string): Promise<Buffer> {
  return QRCode.toBuffer(token, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 280 });
}

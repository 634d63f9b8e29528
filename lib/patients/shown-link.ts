import 'server-only';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { publicOrigin } from '@/lib/http/public-url';

/** A new patient link as it is shown the one time it exists outside the patient's hands: its address and QR code. */
export async function shownLink(token: string) {
  const url = `${publicOrigin(await headers())}/p/${token}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { url, qrSvg };
}

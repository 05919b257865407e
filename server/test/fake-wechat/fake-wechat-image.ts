import { crc32, deflateSync } from 'node:zlib';

/** What a fake mini-program code encodes; tests read it back with readFakeWxacode. */
export interface FakeWxacodeContent {
  scene: string;
  page: string;
  envVersion: string;
  width: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const TEXT_KEYWORD = 'linli-fake-wxacode';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A real, viewable PNG (width x width, grey rings like a mini-program code) that carries what it
 * encodes in a tEXt chunk, so a test can check the scene and page a page would receive.
 */
export function fakeWxacodePng(content: FakeWxacodeContent): Buffer {
  const size = content.width;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((size + 1) * size, 0xff);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y += 1) {
    rows[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const ring = Math.floor(Math.hypot(x - centre, y - centre) / (size / 24));
      if (ring < 12 && ring % 2 === 1) rows[y * (size + 1) + 1 + x] = 0x20;
    }
  }
  // tEXt is keyword, NUL, latin1 text: JSON with \u escapes stays latin1 whatever the scene holds.
  const text = JSON.stringify(content).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('tEXt', Buffer.concat([Buffer.from(TEXT_KEYWORD, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')])),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a PNG from fakeWxacodePng encodes; null for any other image. */
export function readFakeWxacode(png: Buffer): FakeWxacodeContent | null {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  for (let offset = 8; offset + 8 <= png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'tEXt') {
      const nul = data.indexOf(0);
      if (data.toString('latin1', 0, nul) === TEXT_KEYWORD) {
        return JSON.parse(data.toString('latin1', nul + 1)) as FakeWxacodeContent;
      }
    }
    offset += 12 + length;
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { sniffContentType, stripMetadata } from './file-content.js';

describe('upload content checks', () => {
  it('decides type by bytes: a script named .jpg is not an image', () => {
    expect(sniffContentType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('image/jpeg');
  });
  it('strips EXIF (APP1) from a JPEG and keeps the image data', () => {
    const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46]);
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x0b]), Buffer.from('Exif\0\0GPS')]);
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x02, 1, 2, 3, 0xff, 0xd9]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, exif, sos]);
    const out = stripMetadata(jpeg, 'image/jpeg');
    expect(out.includes(Buffer.from('GPS'))).toBe(false);
    expect(out.equals(Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sos]))).toBe(true);
  });
});

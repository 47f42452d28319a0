/**
 * A tiny PNG encoder for the demo's logos: truecolour RGBA, one filter byte per row, deflated with
 * node's zlib. Enough for flat-colour images drawn by a pixel function.
 */
import { deflateSync } from 'node:zlib'
import { crc32 } from './crc32'

const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typeAndData))
    return Buffer.concat([length, typeAndData, crc])
}

export type Rgba = [number, number, number, number]

export const encodePng = (
    width: number,
    height: number,
    pixel: (x: number, y: number) => Rgba
): Buffer => {
    const raw = Buffer.alloc((width * 4 + 1) * height)
    let offset = 0
    for (let y = 0; y < height; y++) {
        raw[offset++] = 0 // filter: none
        for (let x = 0; x < width; x++) {
            const [r, g, b, a] = pixel(x, y)
            raw[offset++] = r
            raw[offset++] = g
            raw[offset++] = b
            raw[offset++] = a
        }
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(width, 0)
    header.writeUInt32BE(height, 4)
    header[8] = 8 // bit depth
    header[9] = 6 // colour type RGBA
    header[10] = 0
    header[11] = 0
    header[12] = 0
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(raw)),
        chunk('IEND', Buffer.alloc(0)),
    ])
}

/**
 * A minimal ZIP writer for tests, enough to build app bundles that yauzl and DHIS2 accept: stored
 * entries, or deflated ones given already compressed (for zip bombs), whose declared size may lie.
 */
import { crc32 } from '../http/crc32'

/** An entry whose data is already deflated (raw deflate) */
export interface DeflatedEntry {
    deflated: Buffer
    /** Size (as declared in the headers) and CRC-32 of the data once inflated */
    size: number
    crc: number
}

export type ZipContent = string | Buffer | DeflatedEntry

export const makeZip = (files: Record<string, ZipContent>): Buffer => {
    const locals: Buffer[] = []
    const centrals: Buffer[] = []
    let offset = 0
    for (const [name, content] of Object.entries(files)) {
        let data: Buffer
        let method = 0
        let crc: number
        let size: number
        if (typeof content === 'string' || Buffer.isBuffer(content)) {
            data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
            crc = crc32(data)
            size = data.length
        } else {
            data = content.deflated
            method = 8
            crc = content.crc
            size = content.size
        }
        const compressedSize = data.length
        const nameBytes = Buffer.from(name, 'utf8')
        const local = Buffer.alloc(30)
        local.writeUInt32LE(0x04034b50, 0)
        local.writeUInt16LE(20, 4) // version needed
        local.writeUInt16LE(0x0800, 6) // UTF-8 names
        local.writeUInt16LE(method, 8)
        local.writeUInt16LE(0, 10) // time
        local.writeUInt16LE(0x21, 12) // date 1980-01-01
        local.writeUInt32LE(crc, 14)
        local.writeUInt32LE(compressedSize, 18)
        local.writeUInt32LE(size, 22)
        local.writeUInt16LE(nameBytes.length, 26)
        local.writeUInt16LE(0, 28)
        locals.push(local, nameBytes, data)

        const central = Buffer.alloc(46)
        central.writeUInt32LE(0x02014b50, 0)
        central.writeUInt16LE(20, 4) // version made by
        central.writeUInt16LE(20, 6)
        central.writeUInt16LE(0x0800, 8)
        central.writeUInt16LE(method, 10)
        central.writeUInt16LE(0, 12)
        central.writeUInt16LE(0x21, 14)
        central.writeUInt32LE(crc, 16)
        central.writeUInt32LE(compressedSize, 20)
        central.writeUInt32LE(size, 24)
        central.writeUInt16LE(nameBytes.length, 28)
        central.writeUInt32LE(offset, 42)
        centrals.push(central, nameBytes)
        offset += local.length + nameBytes.length + data.length
    }
    const centralDir = Buffer.concat(centrals)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    const count = Object.keys(files).length
    end.writeUInt16LE(count, 8)
    end.writeUInt16LE(count, 10)
    end.writeUInt32LE(centralDir.length, 12)
    end.writeUInt32LE(offset, 16)
    return Buffer.concat([...locals, centralDir, end])
}

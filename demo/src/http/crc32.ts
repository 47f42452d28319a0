/** CRC-32 (IEEE 802.3), as used by PNG chunks and ZIP entries. */

const TABLE = (() => {
    const table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
        let c = n
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
        table[n] = c >>> 0
    }
    return table
})()

export const crc32 = (data: Uint8Array, previous = 0): number => {
    let crc = (previous ^ 0xffffffff) >>> 0
    for (let i = 0; i < data.length; i++) {
        crc = (TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8)
    }
    return (crc ^ 0xffffffff) >>> 0
}

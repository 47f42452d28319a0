/** `multipart/form-data` parsing (busboy) for a request body already read into memory. */
import busboy from 'busboy'
import { emptyDict } from './ownKeys'
import type { DemoRequest } from './types'

export interface UploadedFile {
    field: string
    filename: string
    mimeType: string
    data: Buffer
}

export interface MultipartForm {
    files: UploadedFile[]
    fields: Record<string, string>
}

/** A file of the form is larger than allowed */
export class FileTooLarge extends Error {}

/**
 * Parses the body; rejects when the request is not multipart or the body is malformed, with
 * `FileTooLarge` when a file is over `maxFileBytes`.
 */
export const parseMultipart = (
    req: DemoRequest,
    maxFileBytes = 200 * 1024 * 1024
): Promise<MultipartForm> =>
    new Promise((resolve, reject) => {
        let parser: busboy.Busboy
        try {
            parser = busboy({ headers: req.headers, limits: { fileSize: maxFileBytes } })
        } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)))
            return
        }
        const form: MultipartForm = { files: [], fields: emptyDict<string>() }
        parser.on('file', (field, stream, info) => {
            const chunks: Buffer[] = []
            stream.on('data', (chunk: Buffer) => chunks.push(chunk))
            stream.on('limit', () =>
                reject(
                    new FileTooLarge(`File '${info.filename ?? ''}' is over ${maxFileBytes} bytes`)
                )
            )
            stream.on('end', () => {
                form.files.push({
                    field,
                    filename: info.filename ?? '',
                    mimeType: info.mimeType,
                    data: Buffer.concat(chunks),
                })
            })
        })
        parser.on('field', (name, value) => {
            form.fields[name] = value
        })
        parser.on('error', (err) => reject(err instanceof Error ? err : new Error(String(err))))
        parser.on('close', () => resolve(form))
        parser.end(req.body)
    })

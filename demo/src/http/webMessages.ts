/**
 * DHIS2 WebMessage bodies for every status the platform routes answer with, including the success
 * ones (`WebMessageUtils.ok/created` in dhis2-core), which `errors.ts` does not cover.
 */
import type { DemoResponse } from './types'

/** Reason phrases as Spring's `HttpStatus.getReasonPhrase()` gives them (DHIS2's `httpStatus`). */
export const REASON_PHRASES: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    204: 'No Content',
    302: 'Found',
    304: 'Not Modified',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
}

export const reasonPhrase = (status: number): string => REASON_PHRASES[status] ?? 'Unknown'

export interface WebMessageBody {
    httpStatus: string
    httpStatusCode: number
    status: 'OK' | 'WARNING' | 'ERROR'
    message: string
    errorCode?: string
    response?: unknown
}

/**
 * A WebMessage as DHIS2 renders it: `status` is `OK` below 300 and `ERROR` from 400, `errorCode` only
 * when there is one (DHIS2 omits null properties).
 */
export const message = (
    httpStatusCode: number,
    text: string,
    errorCode?: string,
    response?: unknown
): WebMessageBody => ({
    httpStatus: reasonPhrase(httpStatusCode),
    httpStatusCode,
    status: httpStatusCode >= 400 ? 'ERROR' : 'OK',
    message: text,
    ...(errorCode ? { errorCode } : {}),
    ...(response !== undefined ? { response } : {}),
})

export const messageResponse = (
    httpStatusCode: number,
    text: string,
    errorCode?: string,
    headers?: Record<string, string | string[]>
): DemoResponse => ({
    status: httpStatusCode,
    json: message(httpStatusCode, text, errorCode),
    ...(headers ? { headers } : {}),
})

/** `WebMessageUtils.ok(message)` */
export const ok = (text: string): DemoResponse => messageResponse(200, text)
/** `WebMessageUtils.created(message)` */
export const created = (text: string): DemoResponse => messageResponse(201, text)

/**
 * Error codes DHIS2's feedback exceptions carry when built from a plain message
 * (`BadRequestException` E1003, `ConflictException` E1004, `NotFoundException` E1005).
 */
export const badRequest = (text: string): DemoResponse => messageResponse(400, text, 'E1003')
export const conflict = (text: string): DemoResponse => messageResponse(409, text, 'E1004')
export const notFound = (text: string): DemoResponse => messageResponse(404, text, 'E1005')
/** Spring's `AccessDeniedException`, rendered by `CrudControllerAdvice.forbidden(message)` (no code) */
export const forbidden = (text: string): DemoResponse => messageResponse(403, text)
/** Legacy `WebMessageUtils.conflict/notFound` without an error code (e.g. AppController) */
export const plain = (status: number, text: string): DemoResponse => messageResponse(status, text)

/** Message of `@PreAuthorize` failures in DHIS2 2.41 (Spring `AccessDeniedException`). */
export const ACCESS_IS_DENIED = 'Access is denied'

/** 204 with no body */
export const noContent = (headers?: Record<string, string | string[]>): DemoResponse => ({
    status: 204,
    ...(headers ? { headers } : {}),
})

/**
 * Thrown by a handler to answer with the given response (like DHIS2's `WebMessageException`). The
 * server catches it and writes the response instead of a 500.
 */
export class HttpError extends Error {
    readonly response: DemoResponse

    constructor(response: DemoResponse) {
        const body = response.json as Partial<WebMessageBody> | undefined
        super(body?.message ?? `HTTP ${response.status}`)
        this.name = 'HttpError'
        this.response = response
    }
}

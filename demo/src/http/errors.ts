/** DHIS2's JSON error body (WebMessage), as the Web API answers errors. */
import type { DemoResponse } from './types'

const REASONS: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    500: 'Internal Server Error',
}

export interface WebMessage {
    httpStatus: string
    httpStatusCode: number
    status: 'ERROR' | 'OK' | 'WARNING'
    message: string
    errorCode?: string
    devMessage?: string
    response?: unknown
}

export const webMessage = (
    httpStatusCode: number,
    message: string,
    extra: Partial<Pick<WebMessage, 'errorCode' | 'devMessage' | 'response' | 'status'>> = {}
): WebMessage => ({
    httpStatus: REASONS[httpStatusCode] ?? 'Error',
    httpStatusCode,
    status: extra.status ?? (httpStatusCode >= 400 ? 'ERROR' : 'OK'),
    message,
    ...(extra.errorCode ? { errorCode: extra.errorCode } : {}),
    ...(extra.devMessage ? { devMessage: extra.devMessage } : {}),
    ...(extra.response !== undefined ? { response: extra.response } : {}),
})

export const errorResponse = (
    httpStatusCode: number,
    message: string,
    extra: Partial<Pick<WebMessage, 'errorCode' | 'devMessage' | 'response'>> = {}
): DemoResponse => ({ status: httpStatusCode, json: webMessage(httpStatusCode, message, extra) })

export const notFound = (message: string): DemoResponse => errorResponse(404, message)
export const conflict = (message: string, errorCode?: string): DemoResponse =>
    errorResponse(409, message, errorCode ? { errorCode } : {})

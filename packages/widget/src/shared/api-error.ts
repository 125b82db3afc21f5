/** A non-2xx answer of the gateway: `{ statusCode, error, message }`, message naming the field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function apiErrorOf(response: Response): Promise<ApiError> {
  let message = response.statusText || `HTTP ${response.status}`;
  let code: string | undefined;
  try {
    const body = (await response.json()) as { message?: unknown; error?: unknown };
    if (typeof body.message === 'string') message = body.message;
    else if (Array.isArray(body.message)) message = body.message.join('; ');
    if (typeof body.error === 'string') code = body.error;
  } catch {
    // not JSON: the status text is all there is
  }
  return new ApiError(response.status, message, code);
}

/** Worth trying again with the same request: the network, an overloaded or restarting gateway. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError)
    return error.status >= 500 || error.status === 429 || error.status === 408;
  return error instanceof TypeError;
}

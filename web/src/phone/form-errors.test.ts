import { describe, expect, test } from 'vitest';
import { ApiError } from '../ui/api';
import { missingFields, serverFieldErrors } from './form-errors';

describe('server field errors in the phone forms', () => {
  test('VALIDATION details land on the named fields, request-part prefixes dropped', () => {
    const error = new ApiError(400, 'VALIDATION', 'bad', [
      { path: ['body', 'summary'], message: 'Too short' },
      { path: 'body.photoFileIds.0', message: 'Invalid uuid' },
      { path: ['unknownField'], message: 'ignored' },
    ]);
    expect(serverFieldErrors(error, ['summary', 'photoFileIds'])).toEqual({ summary: 'Too short', photoFileIds: 'Invalid uuid' });
  });

  test('anything else is left to the caller', () => {
    expect(serverFieldErrors(new ApiError(409, 'CONFLICT', 'x'), ['summary'])).toBeNull();
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION', 'x', [{ path: ['other'], message: 'm' }]), ['summary'])).toBeNull();
    expect(serverFieldErrors(new Error('x'), ['summary'])).toBeNull();
  });

  test('missing required values', () => {
    expect(missingFields({ a: ' ', b: 'x', c: undefined as string | undefined }, ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });
});

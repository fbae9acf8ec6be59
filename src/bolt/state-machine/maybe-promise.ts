import type { MaybePromise } from '../backend.js';

/**
 * The machine's synchronous fast path. A backend may answer any call at once or with a promise
 * (`MaybePromise`); an in-memory database answers at once. Awaiting a value that is already there still
 * costs a promise and a microtask tick per `await`, several per request along the handler chain, so the
 * handlers carry on synchronously while answers are values and fall back to promises from the first
 * answer that is one. Both paths run the same steps in the same order: they differ only in the ticks
 * between them, during which nothing can reach the machine (socket input arrives in macrotasks).
 */

/** Whether `value` is a promise rather than the value itself. */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/**
 * Calls `next` with `value`: at once when it is a value, once it settles when it is a promise (a rejection
 * skips `next` and is passed on). A synchronous throw from `next` is thrown synchronously in the first
 * case, and becomes the returned promise's rejection in the second, just as in an `async` function.
 */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(next) : next(value);
}

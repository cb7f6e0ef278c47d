/**
 * Next's redirect() and notFound() for actions called as plain functions: both throw a Redirect the test
 * can catch and read, and unstable_rethrow() lets them through. Use as `vi.mock("next/navigation", async () => (await import("../support/next-navigation")).navigationMock)`.
 */
export class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

export const navigationMock = {
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  notFound: () => {
    throw new Redirect("/404");
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Redirect) throw error;
  },
};

/** Runs an action that redirects on success; returns where it went (anything else fails the test). */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    (state) => new Error(`no redirect: ${JSON.stringify(state)}`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Redirect)) throw error;
  return error.url;
}

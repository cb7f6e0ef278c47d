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

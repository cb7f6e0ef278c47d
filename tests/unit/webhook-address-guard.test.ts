import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertAllowedWebhookUrl, isPublicAddress, type Lookup } from "@/lib/webhooks/address-guard";

const resolvesTo =
  (address: string): Lookup =>
  async () => [{ address, family: address.includes(":") ? 6 : 4 }];
const production = (lookup: Lookup = resolvesTo("93.184.216.34")) => ({ allowPrivateNetworks: false, lookup });

async function refusal(url: string, options = production()): Promise<string> {
  try {
    await assertAllowedWebhookUrl(url, options);
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return error.message;
    throw error;
  }
  throw new Error(`${url} was allowed`);
}

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.100.100.200",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "224.0.0.1",
  ])("refuses %s", (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe("assertAllowedWebhookUrl", () => {
  it("refuses http, private literals and hosts resolving inside, naming the address", async () => {
    expect(await refusal("http://partner.example/hook")).toBe("The URL must use https.");
    expect(await refusal("https://127.0.0.1/hook")).toMatch(/127\.0\.0\.1, a private, loopback, link-local or metadata address/);
    expect(await refusal("https://169.254.169.254/latest/meta-data")).toMatch(/169\.254\.169\.254/);
    expect(await refusal("https://[::1]/hook")).toMatch(/::1/);
    expect(await refusal("https://internal.partner.example/hook", production(resolvesTo("10.0.0.1")))).toMatch(
      /internal\.partner\.example resolves to 10\.0\.0\.1/,
    );
    expect(await refusal("https://user:pw@partner.example/hook")).toMatch(/user name or password/);
    const unresolvable: Lookup = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await refusal("https://nowhere.invalid/hook", production(unresolvable))).toMatch(/does not resolve/);
  });

  it("allows a public https URL, and anything (but credentials) with the development flag", async () => {
    await expect(assertAllowedWebhookUrl("https://partner.example/hook", production())).resolves.toBeUndefined();
    const development = { allowPrivateNetworks: true, lookup: resolvesTo("10.0.0.1") };
    await expect(assertAllowedWebhookUrl("http://127.0.0.1:4000/hook", development)).resolves.toBeUndefined();
    await expect(assertAllowedWebhookUrl("http://internal.partner.example/hook", development)).resolves.toBeUndefined();
  });
});

import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { customerSelect, findCustomerByEmail, type Customer } from "@/lib/customers/data";
import { ZCreateCustomerInput, type TCreateCustomerInput } from "@/lib/customers/schema";
import { parseInput } from "@/lib/parse-input";

function emailTaken(): AppError {
  return new AppError("CONFLICT", "An account with this email already exists.", [{ path: "email", message: "Already registered" }]);
}

/**
 * Creates a customer account. Staff and the API create it without a password (the customer can set one
 * later through "forgot password"); someone registering themselves chooses one.
 */
export async function createCustomer(input: TCreateCustomerInput, credentials: { password?: string } = {}): Promise<Customer> {
  const data = parseInput(ZCreateCustomerInput, input);
  const passwordHash = credentials.password === undefined ? undefined : await hashPassword(credentials.password);
  try {
    return await db.user.create({ data: { ...data, passwordHash, role: "CUSTOMER" }, select: customerSelect });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * The customer with this email, created if new: staff booking for a walk-in or a partner's customer give
 * name and email, not an id. An email that belongs to a staff account is refused, not reused.
 */
export async function findOrCreateCustomer(input: TCreateCustomerInput): Promise<Customer> {
  const data = parseInput(ZCreateCustomerInput, input);
  const existing = await findCustomerByEmail(data.email);
  if (existing) return existing;
  try {
    return await createCustomer(data);
  } catch (error) {
    // Two requests creating the same new customer at once: the loser uses the winner's row.
    const winner = await findCustomerByEmail(data.email);
    if (winner) return winner;
    throw error;
  }
}

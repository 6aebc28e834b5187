import type { PairResponse } from "./client";

/**
 * What an app remembers of each account it is paired with, next to that pairing's key pair (kept
 * under the same installation id). Nothing secret but the passcode seed, which the app needs offline.
 */
export type AuthenticatorAccount = {
  installationId: string;
  deviceId: string;
  companyName: string;
  /** The masked account, as the server gave it at pairing. */
  account: string;
  passcode: PairResponse["passcode"];
  /** ISO 8601. */
  pairedAt: string;
  /** Set when the server said the device is gone (DEVICE_NOT_FOUND): removed from the account. */
  unpairedAt?: string;
};

export interface AccountStore {
  list(): Promise<AuthenticatorAccount[]>;
  put(account: AuthenticatorAccount): Promise<void>;
  delete(installationId: string): Promise<void>;
}

/** Accounts in memory, for tests and for trying the protocol out. */
export class MemoryAccountStore implements AccountStore {
  private readonly accounts = new Map<string, AuthenticatorAccount>();

  async list() {
    return [...this.accounts.values()].sort((a, b) => a.pairedAt.localeCompare(b.pairedAt));
  }

  async put(account: AuthenticatorAccount) {
    this.accounts.set(account.installationId, account);
  }

  async delete(installationId: string) {
    this.accounts.delete(installationId);
  }
}

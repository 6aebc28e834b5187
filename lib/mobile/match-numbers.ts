import "server-only";
import { randomInt } from "node:crypto";
import { MATCH_NUMBER_MAX, MATCH_NUMBER_MIN } from "@/lib/authenticator-protocol/payloads";

/** How many numbers the phone offers: the one shown on the sign-in page and two decoys. */
export const MATCH_CHOICES = 3;

/**
 * Number matching (security.md item 18): a two-digit number from the CSPRNG for the sign-in page, and
 * the phone's choices, that number and two other distinct ones, in a random order (Fisher-Yates with
 * the CSPRNG), so its place among the choices tells nothing.
 */
export function matchNumbers(): { number: number; choices: number[] } {
  const pick = () => randomInt(MATCH_NUMBER_MIN, MATCH_NUMBER_MAX + 1);
  const number = pick();
  const choices = [number];
  while (choices.length < MATCH_CHOICES) {
    const decoy = pick();
    if (!choices.includes(decoy)) choices.push(decoy);
  }
  for (let i = choices.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [choices[i], choices[j]] = [choices[j]!, choices[i]!];
  }
  return { number, choices };
}
